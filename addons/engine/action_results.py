"""Rasa's check of the action server's replies, with the JSON-Schema validator built once.

Why: every custom action call (each logged question is one) ends in
`RemoteAction._validate_action_result`, which calls `jsonschema.validate(result, schema)`:
that picks the validator class for the schema, checks the schema itself against the draft's
meta-schema and builds a validator, on every call, for a schema that never changes. The
py-spy profile of issue 22 put it at 3.5-5 % of the Rasa server's samples (bench/NOTES.md).

`install()` replaces that one method with the same check done by a validator compiled once:
the same schema (`RemoteAction.action_response_format_spec()`), the same draft, the same
error (`best_match` of the errors, with Rasa's hint appended) raised for the same replies.
It is installed by the turn pipeline (addons/channels/turn.py) that every patient channel
builds, so no file under site-packages is edited; calling it again changes nothing.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

HINT = (
    ". Failed to validate Action server response from API, "
    "make sure your response from the Action endpoint is valid. "
    "For more information about the format visit "
    f"{DOCS_BASE_URL}/custom-actions"
)


@cache
def response_validator() -> Any:
    """The validator of Rasa's action-server response schema, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """What Rasa's `_validate_action_result` does, without rebuilding the validator."""
    error = exceptions.best_match(response_validator().iter_errors(result))
    if error is not None:
        error.message += HINT
        raise error
    return True


def install() -> None:
    """Make every `RemoteAction` of this process validate with the compiled validator."""
    RemoteAction._validate_action_result = validate_action_result
