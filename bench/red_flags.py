"""Red flags in context (issue 23): recall and false-alarm rate, the new net against today's.

On tests/red_flag_corpus.yml (the team's own reports and talk about symptoms, English,
Spanish, Portuguese, Polish). Three nets:
- before issue 23: the pattern matcher as it was at BASELINE_COMMIT (read from git), alone;
- patterns alone: today's patterns (new words, languages, typos) without the context rules;
- shipped: patterns + context rules (red_flag_context.py) + the two-message check
  (red_flag_policy.split_report).
A two-message report counts as caught if either message alone or the pair is a report.
Also the net's cost per message (median and p95, ms) for the 2 ms budget.

Writes bench/out/red_flags.json (bench/report.py) and prints a table; `--check` exits 1 when
a target is missed (recall 100 %, false alarms at most 5 %).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import types
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import yaml

from addons.safety.red_flag_policy import split_report
from addons.safety.red_flags import RED_FLAG_PATTERNS, _compile, assess, find_red_flag
from tests.project import ROOT

CORPUS = ROOT / "tests" / "red_flag_corpus.yml"
OUT = ROOT / "bench" / "out"
BASELINE_COMMIT = "5a0de24"  # the last commit before issue 23
# Issue 23: the NLU parse cost may grow by at most 2 ms.
MAX_ADDED_MS = 2.0
MAX_FALSE_ALARMS = 0.05

Net = Callable[[str], bool]
PairNet = Callable[[str, str], bool]


def corpus() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    return data


def baseline_net() -> Net | None:
    """The matcher before issue 23, from git; None outside a git clone."""
    try:
        source = subprocess.run(
            ["git", "show", f"{BASELINE_COMMIT}:addons/safety/red_flags.py"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("red_flags_before_issue_23")
    exec(compile(source, "red_flags_before_issue_23", "exec"), module.__dict__)  # noqa: S102
    return lambda text: module.mentions_red_flag(text)


_ENGLISH_PATTERNS = _compile(RED_FLAG_PATTERNS)


def patterns_alone(text: str) -> bool:
    finding = assess(text)
    return finding is not None or find_red_flag(text, _ENGLISH_PATTERNS) is not None


def shipped(text: str) -> bool:
    finding = assess.__wrapped__(text)  # uncached: the cost is measured on each call
    return finding is not None and finding.report


def shipped_pair(first: str, second: str) -> bool:
    return shipped(first) or shipped(second) or split_report(first, second) is not None


def score(net: Net, pair_net: PairNet, data: dict[str, Any]) -> dict[str, Any]:
    """Recall on reports (and pairs), false alarms on non-reports, by kind; the misses."""
    caught: dict[str, list[bool]] = defaultdict(list)
    alarms: dict[str, list[bool]] = defaultdict(list)
    missed, raised = [], []
    for item in data["reports"]:
        hit = net(item["text"])
        caught[item["kind"]].append(hit)
        if not hit:
            missed.append(item["text"])
    for item in data["two_message_reports"]:
        first, second = item["messages"]
        hit = pair_net(first, second)
        caught[item["kind"]].append(hit)
        if not hit:
            missed.append(f"{first} / {second}")
    for item in data["non_reports"]:
        alarm = net(item["text"])
        alarms[item["kind"]].append(alarm)
        if alarm:
            raised.append(item["text"])
    reports = [h for hits in caught.values() for h in hits]
    talk = [a for flags in alarms.values() for a in flags]
    return {
        "recall": sum(reports) / len(reports),
        "false_alarm_rate": sum(talk) / len(talk),
        "reports": len(reports),
        "non_reports": len(talk),
        "recall_by_kind": {k: sum(v) / len(v) for k, v in caught.items()},
        "false_alarms_by_kind": {k: sum(v) / len(v) for k, v in alarms.items()},
        "missed": missed,
        "false_alarms": raised,
    }


def cost_ms(net: Net, texts: list[str], rounds: int = 5) -> dict[str, float]:
    timings = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            net(text)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95)],
    }


def main() -> int:
    data = corpus()
    texts = [i["text"] for i in data["reports"] + data["non_reports"]]
    shipped(texts[0])  # build the typo table before timing
    nets: dict[str, tuple[Net, PairNet]] = {
        "shipped": (shipped, shipped_pair),
        "patterns alone": (patterns_alone, lambda a, b: patterns_alone(a) or patterns_alone(b)),
    }
    before = baseline_net()
    if before is not None:
        nets["before issue 23"] = (before, lambda a, b: before(a) or before(b))
    results = {name: score(net, pair, data) for name, (net, pair) in nets.items()}
    results["shipped"]["cost_ms"] = cost_ms(shipped, texts)
    longest = [("My back is better and the nurse was kind. " * 25)[:1000]]
    results["shipped"]["cost_ms_1000_chars"] = cost_ms(shipped, longest)
    if before is not None:
        results["before issue 23"]["cost_ms"] = cost_ms(before, texts)
        results["before issue 23"]["cost_ms_1000_chars"] = cost_ms(before, longest)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "red_flags.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"{'net':<18} {'recall':>8} {'false alarms':>13} {'median ms':>10} {'p95 ms':>8}")
    for name, r in results.items():
        cost = r.get("cost_ms", {})
        print(
            f"{name:<18} {r['recall']:>8.1%} {r['false_alarm_rate']:>13.1%} "
            f"{cost.get('median', float('nan')):>10.3f} {cost.get('p95', float('nan')):>8.3f}"
        )
    for name in ("shipped", "before issue 23"):
        if name in results:
            print(f"{name}, a 1,000-character message:", results[name]["cost_ms_1000_chars"])
    best = results["shipped"]
    print(f"\n{best['reports']} reports, {best['non_reports']} non-reports")
    print("shipped, missed:", *best["missed"], sep="\n  ")
    print("shipped, false alarms:", *best["false_alarms"], sep="\n  ")
    met = best["recall"] == 1.0 and best["false_alarm_rate"] <= MAX_FALSE_ALARMS
    if "before issue 23" in results:  # the parse-cost budget, measured in this run
        added = (
            best["cost_ms_1000_chars"]["median"]
            - results["before issue 23"]["cost_ms_1000_chars"]["median"]
        )
        print(f"added cost on a 1,000-character message: {added:.2f} ms (budget {MAX_ADDED_MS})")
        met = met and added <= MAX_ADDED_MS
    return 0 if met or "--check" not in sys.argv else 1


if __name__ == "__main__":
    sys.exit(main())
