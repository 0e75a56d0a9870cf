"""py-spy profiles of a running server, summarised as shares of samples.

Why a summary and not the flame graph: results.md has to say, side by side for two
releases, where one turn's CPU goes (NLU, DIET, the TF-IDF second opinion, saving the
tracker, RulePolicy, the action-result validation...), and those shares are what a change
is judged against. The raw profile (`py-spy record --format raw`, one collapsed stack per
line with its sample count) stays in bench/out/ for a closer look.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

# What the issue asks to watch, as (label, pattern over one frame "function (file:line)").
# Inclusive: a stack counts once for a label if any of its frames matches.
PARTS: list[tuple[str, str]] = [
    ("NLU (parse_message)", r"^parse_message \(rasa/core/processor\.py"),
    ("DIET", r"diet_classifier\.py"),
    ("TF-IDF second opinion", r"agreement\.py"),
    ("policies (predict_next_action)", r"^_predict_next_with_tracker \(rasa/core/processor\.py"),
    ("RulePolicy", r"rule_policy\.py"),
    ("custom action call", r"^run \(rasa/core/actions/action\.py"),
    ("action-result validation", r"_validate_action_result"),
    ("tracker save", r"^save \(.*(tracker_store|cached_sql_store)\.py"),
    ("newest-row check", r"^_newest_row \("),
    ("tracker load", r"^(retrieve|retrieve_full_tracker|get_tracker) \("),
    ("dask graph runner", r"dask/"),
    ("spaCy", r"spacy/|spacy_utils|spacy_tokenizer|spacy_featurizer"),
]
TOP = 15
PLUMBING = re.compile(
    r"\((dask|asyncio|sanic|concurrent)/|\((threading|contextlib|selectors)\.py|^<"
)


def py_spy() -> str:
    """The py-spy of this virtualenv (requirements-dev.txt pins it)."""
    local = Path(sys.executable).parent / "py-spy"
    return str(local) if local.exists() else (shutil.which("py-spy") or "py-spy")


def record(pid: int, seconds: int, out: Path) -> subprocess.Popen[bytes]:
    """Start sampling `pid` for `seconds` (non-blocking: the server is not paused)."""
    return subprocess.Popen(
        [py_spy(), "record", "--pid", str(pid), "--duration", str(seconds), "--rate", "200",
         "--format", "raw", "--nonblocking", "--output", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def parse(raw: str) -> list[tuple[list[str], int]]:
    """Collapsed stacks: 'frame;frame;... count' per line, root first."""
    stacks = []
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            stacks.append((stack.split(";"), int(count)))
    return stacks


def _function(frame: str) -> str:
    """A frame without its line number, so one function's lines add up."""
    return re.sub(r":\d+\)$", ")", frame)


def summarise(raw: str) -> dict[str, Any]:
    """Shares of samples: the watched parts, the top functions inclusive and by own time."""
    stacks = parse(raw)
    total = sum(count for _, count in stacks) or 1
    parts = {}
    for label, pattern in PARTS:
        regex = re.compile(pattern)
        hits = sum(count for frames, count in stacks if any(regex.search(f) for f in frames))
        parts[label] = hits / total
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for frames, count in stacks:
        for name in {_function(f) for f in frames}:
            inclusive[name] += count
        own[_function(frames[-1])] += count
    # Frames on most stacks (the event loop, the request handler) and the plumbing of the
    # server, the event loop and the graph runner say little about what a change could cut.
    telling = [
        (name, count)
        for name, count in inclusive.most_common()
        if count / total < 0.5 and not PLUMBING.search(name)
    ]
    return {
        "samples": total,
        "parts": parts,
        "inclusive": [[name, count / total] for name, count in telling[:TOP]],
        "own": [[name, count / total] for name, count in own.most_common(TOP)],
    }
