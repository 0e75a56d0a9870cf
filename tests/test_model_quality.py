"""The trained model, scored with Rasa's own test commands.

- Held-out NLU test: intent macro F1 must reach 0.95 on tests/nlu_heldout.yml, which the
  model never saw in training.
- Conversation tests: tests/test_stories.yml must pass with no prediction error, checking
  both the intent read from each message and the reply chosen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.project import MODEL, ROOT

RASA = str(Path(sys.executable).parent / "rasa")
MIN_MACRO_F1 = 0.95
RESULTS = ROOT / "results"


def run_rasa(*args: str) -> subprocess.CompletedProcess[str]:
    assert MODEL.exists(), f"No trained model at {MODEL}: run `make train` first."
    return subprocess.run(
        [RASA, *args], cwd=ROOT, capture_output=True, text=True, timeout=900, check=False
    )


def test_heldout_intent_macro_f1_meets_the_threshold() -> None:
    out = RESULTS / "heldout"
    result = run_rasa(
        "test", "nlu", "--nlu", "tests/nlu_heldout.yml", "--model", str(MODEL), "--out", str(out)
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads((out / "intent_report.json").read_text())
    errors_file = out / "intent_errors.json"  # Rasa writes it only when something was misread
    errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
    misread = [
        f"{e['text']!r}: {e['intent']} read as {e['intent_prediction']['name']}" for e in errors
    ]
    macro_f1 = report["macro avg"]["f1-score"]
    print(f"held-out intent macro F1 {macro_f1:.3f}, accuracy {report['accuracy']:.3f}")
    assert macro_f1 >= MIN_MACRO_F1, f"macro F1 {macro_f1:.3f}; misread: {misread}"


def test_conversation_stories_pass_without_prediction_errors() -> None:
    result = run_rasa(
        "test",
        "core",
        "--stories",
        "tests/test_stories.yml",
        "--model",
        str(MODEL),
        "--e2e",
        "--fail-on-prediction-errors",
        "--out",
        str(RESULTS / "stories"),
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    failed = RESULTS / "stories" / "failed_test_stories.yml"
    assert not failed.exists() or "story:" not in failed.read_text(), failed.read_text()
