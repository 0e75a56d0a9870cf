"""The terminal chat (`make run` in a terminal) on terminals that report odd sizes.

Found by running `make run` under `script` (a pseudo-terminal without a size): the chat
stopped with a traceback at the bot's first message (textwrap refuses width 0).
"""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ops.chat import show


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    columns=st.integers(min_value=-5, max_value=400),
    text=st.text(min_size=1, max_size=300),
)
def test_any_reported_terminal_width_prints_the_message(columns: int, text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shutil, "get_terminal_size", lambda *_a: os.terminal_size((columns, 0)))
        buttons = show([{"text": text, "buttons": [{"title": "Yes", "payload": "/affirm"}]}])
    assert buttons == [{"title": "Yes", "payload": "/affirm"}]
