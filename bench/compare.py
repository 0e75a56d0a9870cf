"""This checkout against a named earlier release, side by side on the same machine and run.

Why side by side: the machine is shared (2 cores, other jobs training and testing), so a
figure measured an hour ago cannot be compared with one measured now. Both releases run at
once, each with its own Rasa server, action server and SQLite database, and the load levels
alternate between them (A/B, then B/A, ...) so that a burst of outside load hits both.

Measured for each release at 1, 4 and 16 conversations (bench.load's conversation runner):
CPU per turn of the Rasa server and of the action server (utime + stime from
/proc/<pid>/stat, before and after each level, divided by the turns played), throughput,
p50/p95 latency, and afterwards that every question the bot logged is in the database
(each release checks its own log with its own bench.load). Then a py-spy profile of each
Rasa server at 4 conversations (bench/spy.py). Medians over BENCH_RUNS runs, and the ratio
now / baseline.

The earlier release is checked out as a detached git worktree (BENCH_WORKTREES, default the
system temp folder) sharing this checkout's virtualenv and spaCy pipeline; its model is
trained there once and cached in bench/out/models/<commit>.tar.gz.

    python -m bench.compare --base 26beb88   # writes bench/out/compare.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import spy
from bench.load import OUT, run_level
from tests.project import MODEL, ROOT

DEFAULT_BASE = "26beb88"
LEVELS = [1, 4, 16]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
# Conversations per level (default bench.load's: max(12, 3 x concurrency)); small for quick runs.
CONVERSATIONS = int(os.environ.get("BENCH_CONVERSATIONS", "0")) or None
PROFILE_SECONDS = int(os.environ.get("BENCH_PROFILE_SECONDS", "20"))
TICKS = os.sysconf("SC_CLK_TCK")
# What `make train` trains from (the Makefile's TRAINING_INPUTS): a base commit with the same
# files reuses this checkout's model instead of training its own (e.g. BASE=HEAD~1 to measure
# one change that does not touch the model).
# BENCH_SAME_MODEL=1: the commits differ in training inputs that do not change the trained
# model (e.g. how a component scores at run time): use this checkout's model for them too.
SAME_MODEL = os.environ.get("BENCH_SAME_MODEL") == "1"
TRAINING_INPUTS = ["config.yml", "domain.yml", "data", "addons/nlu", "addons/safety",
                   "addons/cleaning"]  # fmt: skip

# Runs inside a checkout (its own tests.servers and bench.load): starts the servers, says
# where they are, then answers log checks until its standard input closes.
HOST = """
import json, sys, tempfile
from pathlib import Path
from bench.load import wait_for_log
from tests.servers import running_assistant

with running_assistant(Path(tempfile.mkdtemp(prefix="bench-compare-"))) as assistant:
    pids = {name: process.pid for name, process in assistant.processes.items()}
    print(json.dumps({"url": assistant.rasa_url, "pids": pids}), flush=True)
    for line in sys.stdin:
        keys = assistant.keys()
        ids = [c for t in json.loads(line) if (c := keys.conversation_id(t))]
        print(json.dumps(wait_for_log(assistant.database_url, ids)), flush=True)
"""


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process and of its live child processes, in seconds."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


@dataclass
class Side:
    """One release's servers, started by a host process inside its checkout."""

    label: str
    root: Path
    host: subprocess.Popen[str] = field(init=False)
    url: str = field(init=False)
    pids: dict[str, int] = field(init=False)
    tokens: set[str] = field(default_factory=set)

    def start(self) -> None:
        self.host = subprocess.Popen(
            [sys.executable, "-c", HOST], cwd=self.root, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(self.root)},
        )  # fmt: skip
        assert self.host.stdout is not None
        ready = json.loads(self.host.stdout.readline() or "null")
        if not ready:
            raise RuntimeError(f"{self.label}: the servers did not start ({self.root})")
        self.url, self.pids = ready["url"], ready["pids"]

    def cpu(self) -> dict[str, float]:
        return {name: cpu_seconds(pid) for name, pid in self.pids.items()}

    def log_check(self) -> dict[str, int]:
        assert self.host.stdin is not None and self.host.stdout is not None
        self.host.stdin.write(json.dumps(sorted(self.tokens)) + "\n")
        self.host.stdin.flush()
        return dict(json.loads(self.host.stdout.readline()))

    def stop(self) -> None:
        if self.host.stdin is not None:
            self.host.stdin.close()
        try:
            self.host.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.host.kill()


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def same_training_inputs(commit: str) -> bool:
    """Whether `commit` trains from what this checkout trains from (the Makefile's inputs)."""
    changed = subprocess.run(
        ["git", "diff", "--quiet", commit, "--", *TRAINING_INPUTS], cwd=ROOT, check=False
    )
    return changed.returncode == 0


def baseline_checkout(commit: str) -> Path:
    """A worktree of `commit` with a trained model (trained once, cached by commit)."""
    full = _git("rev-parse", "--verify", f"{commit}^{{commit}}")
    folder = Path(os.environ.get("BENCH_WORKTREES", tempfile.gettempdir()))
    tree = folder / f"vp-bench-{full[:12]}"
    if not (tree / ".git").exists():
        _git("worktree", "add", "--detach", str(tree), full)
    for link, target in ((".venv", ROOT / ".venv"), ("var/spacy", (ROOT / "var/spacy").resolve())):
        if not (tree / link).exists():
            (tree / link).parent.mkdir(parents=True, exist_ok=True)
            (tree / link).symlink_to(target)
    cached = OUT / "models" / f"{full}.tar.gz"
    model = tree / "models" / "current.tar.gz"
    if not cached.exists() and MODEL.exists() and (SAME_MODEL or same_training_inputs(full)):
        shutil.copyfile(MODEL, cached)  # trained from the same inputs: the same model
    if not cached.exists():
        if not model.exists():
            print(f"training the model of {full[:12]} in {tree}", flush=True)
            subprocess.run(
                [str(Path(sys.executable).parent / "rasa"), "train", "--data", "data",
                 "--config", "config.yml", "--domain", "domain.yml", "--out", "models",
                 "--fixed-model-name", "current"],
                cwd=tree, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        cached.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(model, cached)
    if not model.exists():
        model.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, model)
    return tree


def checkout(commit: str | None) -> Path:
    return ROOT if commit is None else baseline_checkout(commit)


def measure_level(side: Side, level: int) -> dict[str, float]:
    before = side.cpu()
    result = asyncio.run(run_level(side.url, level, side.tokens, conversations=CONVERSATIONS))
    after = side.cpu()
    for name in before:
        result[f"cpu_ms_{name}"] = (after[name] - before[name]) * 1000 / result["turns"]
    return result


def profile(side: Side, seconds: int, name: str) -> dict[str, Any]:
    """py-spy on the Rasa server while 4 conversations keep it busy."""
    raw = OUT / f"profile-{name}-{side.label}.txt"
    raw.unlink(missing_ok=True)
    spying = spy.record(side.pids["rasa"], seconds, raw)
    time.sleep(1)  # py-spy attaches
    while spying.poll() is None:
        asyncio.run(run_level(side.url, 4, set(), conversations=4))
    return spy.summarise(raw.read_text()) if raw.exists() else {}


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def compare(base: str, now: str | None = None, name: str = "compare") -> dict[str, Any]:
    """`now` names a commit to measure instead of this checkout (one change's effect)."""
    sides = [Side("baseline", baseline_checkout(base)), Side("now", checkout(now))]
    if not MODEL.exists():
        raise RuntimeError(f"No trained model at {MODEL}: run `make train` first.")
    runs: dict[str, dict[int, list[dict[str, float]]]] = {
        side.label: {level: [] for level in LEVELS} for side in sides
    }
    try:
        for side in sides:
            side.start()
        for side in sides:
            asyncio.run(run_level(side.url, 4, set(), conversations=4))  # warm-up
        step = 0
        for _ in range(RUNS):
            for level in LEVELS:
                for side in sides if step % 2 == 0 else sides[::-1]:
                    result = measure_level(side, level)
                    runs[side.label][level].append(result)
                    shown = {k: round(v, 1) for k, v in result.items()}
                    print(side.label, level, shown, flush=True)
                step += 1
        checks = {side.label: side.log_check() for side in sides}
        profiles = {side.label: profile(side, PROFILE_SECONDS, name) for side in sides}
    finally:
        for side in sides:
            if hasattr(side, "host"):
                side.stop()
    levels = {
        str(level): {side.label: medians(runs[side.label][level]) for side in sides}
        for level in LEVELS
    }
    for figures in levels.values():
        figures["ratio"] = {
            key: figures["now"][key] / figures["baseline"][key]
            for key in figures["now"]
            if figures["baseline"][key]
        }
    return {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "base": _git("rev-parse", "--short", base),
        "now": _git("rev-parse", "--short", now or "HEAD"),
        "dirty": now is None and bool(_git("status", "--porcelain", "--untracked-files=no")),
        "runs": RUNS,
        "conversations": CONVERSATIONS,
        "load_average": os.getloadavg(),
        "levels": levels,
        "log_check": checks,
        "profiles": profiles,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default=DEFAULT_BASE, help="the earlier commit to compare with")
    parser.add_argument("--now", help="a commit to measure instead of this checkout")
    parser.add_argument("--out", default="compare", help="bench/out/<name>.json")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    result = compare(args.base, args.now, args.out)
    (OUT / f"{args.out}.json").write_text(json.dumps(result, indent=1))
    lost = [s for s, c in result["log_check"].items() if c["logged"] != c["expected"]]
    for level, figures in result["levels"].items():
        ratio = figures["ratio"]
        print(level, "CPU/turn ratio", round(ratio["cpu_ms_rasa"], 2), "p50 ratio",
              round(ratio["p50"], 2))  # fmt: skip
    if lost:
        raise SystemExit(f"questions lost or duplicated in the log: {lost}")


if __name__ == "__main__":
    main()
