"""The check of the action server's replies (addons/engine/action_results.py).

The compiled validator must accept and refuse exactly the replies Rasa's own
`jsonschema.validate` does, with the same message, whatever the action server (or someone
in between) sends; and it must not rebuild the validator, or re-check the schema, per reply.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from addons.engine import action_results

SCHEMA = RemoteAction.action_response_format_spec()
ORIGINAL = RemoteAction._validate_action_result

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=12,
)
events = st.lists(
    st.fixed_dictionaries({"event": st.sampled_from(["slot", "bot", "action", 3, None])})
    | st.dictionaries(st.sampled_from(["event", "name", "value"]), json_values, max_size=3)
    | json_values,
    max_size=3,
)
replies = st.fixed_dictionaries(
    {},
    optional={
        "events": events | json_values,
        "responses": st.lists(st.dictionaries(st.text(max_size=6), json_values), max_size=2)
        | json_values,
        "extra": json_values,
    },
)


def action() -> RemoteAction:
    return RemoteAction("action_handoff", EndpointConfig("http://127.0.0.1:1/webhook"))


def outcome(check: Any, reply: Any) -> str:
    try:
        check(action(), reply)
    except jsonschema.ValidationError as error:
        return f"refused: {error.message} at {list(error.path)}"
    return "accepted"


@settings(derandomize=True, max_examples=300, deadline=None)
@given(reply=replies)
def test_the_compiled_check_answers_as_rasas_own(reply: dict[str, Any]) -> None:
    assert outcome(action_results.validate_action_result, reply) == outcome(ORIGINAL, reply)


def test_a_bad_reply_is_refused_with_rasas_hint() -> None:
    action_results.install()
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server"):
        action()._validate_action_result({"events": [{"no_event_key": 1}]})
    assert action()._validate_action_result({"events": [], "responses": []}) is True


def test_replies_are_checked_without_rebuilding_the_validator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fails on Rasa's own method: it checks the schema and builds a validator per reply."""
    action_results.install()
    action()._validate_action_result({"events": []})  # the validator is built once, here
    built: list[str] = []
    cls = jsonschema.validators.validator_for(SCHEMA)
    real_check, real_init = cls.check_schema, cls.__init__

    def counted_check(schema: Any) -> None:
        built.append("check_schema")
        real_check(schema)

    def counted_init(self: Any, *args: Any, **kwargs: Any) -> None:
        built.append("validator")
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(cls, "check_schema", staticmethod(counted_check))
    monkeypatch.setattr(cls, "__init__", counted_init)
    for _ in range(3):
        action()._validate_action_result({"events": [{"event": "action", "name": "x"}]})
    assert built == []
