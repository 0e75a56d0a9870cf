"""Log lines never carry a phone number or an e-mail address, whoever writes them.

The Rasa server, the action server and the staff console install core/privacy/log_redaction.py;
here a real process with Rasa-like loggers (a named library logger, %-style arguments, an
exception whose message holds the patient's words) shows what reaches the handler.
"""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from core.privacy.log_redaction import redact_line
from tests.project import ROOT

SCRIPT = r"""
import logging, sys
from core.privacy import log_redaction
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(name)s %(message)s")
log_redaction.install()
log_redaction.install()  # twice: still one wrapper
logging.getLogger("rasa.core.processor").warning(
    "Failed to parse %s", "call me on (860) 555-0199 or jane.doe@example.com"
)
try:
    raise ValueError("bad message: ssn 078-05-1120, mail bob@example.org")
except ValueError:
    logging.getLogger("sanic.error").exception("Exception while handling %s", "860.555.0199")
logging.getLogger("x").info("conversation %s answered in %d ms", "c-1234abcd", 25)
"""


def test_library_log_lines_and_tracebacks_are_redacted() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    out = result.stdout + result.stderr
    for raw in ("555-0199", "555.0199", "jane.doe@example.com", "bob@example.org", "078-05-1120"):
        assert raw not in out, out
    assert "rasa.core.processor Failed to parse call me on [phone removed]" in out
    assert "ValueError: bad message:" in out and "Traceback" in out
    assert "x conversation c-1234abcd answered in 25 ms" in out  # ordinary lines unchanged


START_UP = r"""
import logging, sys
from core.privacy import log_redaction
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(message)s")
log_redaction.install(own_hosts=["vert.example.org"])
log = logging.getLogger("sanic.root")
log.info("python: %s", "3.10.13")
log.info("Action server on http://%s:%d (token required)", "127.0.0.1", 5055)
log.info("Starting Rasa server on http://0.0.0.0:5005")
log.info("Goin' Fast @ http://vert.example.org:5055")
log.info("patient wrote: born 3.4.41, see http://localhost.evil.com/x, call 860 555 0123")
log.info("webhook http://localhost:5055/webhook?text=jane@example.com")
"""


def test_the_servers_own_start_up_lines_are_kept_and_the_rest_is_redacted() -> None:
    """Issue 21's second outsider: "python: [date removed]", "Action server on [link
    removed]" told an operator nothing; the server's own address and versions stay."""
    result = subprocess.run(
        [sys.executable, "-c", START_UP], cwd=ROOT, capture_output=True, text=True, check=True
    )
    out = result.stdout + result.stderr
    assert "python: 3.10.13" in out, out
    assert "Action server on http://127.0.0.1:5055 (token required)" in out
    assert "Starting Rasa server on http://0.0.0.0:5005" in out
    assert "Goin' Fast @ http://vert.example.org:5055" in out
    for raw in ("3.4.41", "evil.com", "555 0123", "jane@example.com"):
        assert raw not in out, out


KEPT = st.sampled_from(
    ["python: 3.10.13", "http://127.0.0.1:5055", "http://localhost:5005", "sanic==22.12.0", ""]
)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(kept=KEPT, before=st.text(max_size=40), after=st.text(max_size=40))
def test_a_phone_next_to_a_kept_part_is_still_redacted(kept: str, before: str, after: str) -> None:
    line = redact_line(f"{before}{kept} call 860-555-0123 {after}")
    assert "555-0123" not in line and "0123" not in line.replace(after, "").replace(before, "")


WARNING_SCRIPT = r"""
import warnings
from core.privacy import log_redaction
from rasa.shared.utils.io import raise_warning
log_redaction.install()
warnings.simplefilter("always")
raise_warning(
    "Failed to parse arguments in line '/leokadia_z_1937 photos at instagram.com/leokadia_z_1937'."
    " Continuing without call me on (860) 555-0199."
)
warnings.warn("user text: jane.doe@example.com")
"""


def test_warnings_a_library_raises_are_redacted() -> None:
    """Round 7 (p153): Rasa's "Failed to parse arguments in line" UserWarning quotes the
    patient's message and goes to stderr through the warnings module, not through logging."""
    result = subprocess.run(
        [sys.executable, "-c", WARNING_SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    out = result.stdout + result.stderr
    assert "Failed to parse arguments in line" in out and "UserWarning" in out, out
    for raw in ("leokadia_z_1937", "555-0199", "jane.doe@example.com"):
        assert raw not in out, out
