"""Leave-one-round-out for the learned name model (core/privacy/learned_names.py, issue 21).

Does the model generalise to phrasings no rule was written for? For each held-out round: train
on every other corpus row (and data/nlu.yml), then on the held-out rows count the name values
the model finds that the rules missed, and the words it masks that are no name (false
positives). The rules are read two ways: today's (written after every round, so they already
know the held-out rows), and, with --old-rules, the rules as they were before the round
(a file of their output per row, made from `git archive <commit>`: see bench/NOTES.md), which
is the honest baseline: the phrasings the round brought were new to them.

    python -m bench.learned_names_loro [--old-rules ROUND=FILE ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bench.redaction_compare import TOKEN, found
from core.privacy import learned_names as ln
from core.privacy import learned_names_training as tr

ROOT = Path(__file__).resolve().parents[1]
# The merge that closed each round before the held-out one (git log tests/pii_corpus.yml).
ROUND_STARTS = {"19": "ace8d5f", "20": "703e3af"}


def _texts_at(commit: str) -> set[str]:
    shown = subprocess.run(
        ["git", "show", f"{commit}:tests/pii_corpus.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {r["text"] for r in yaml.safe_load(shown)["sentences"]}


def rounds(rows: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Row indexes of round 19 and round 20 (rows added after each round's start)."""
    before19, before20 = _texts_at(ROUND_STARTS["19"]), _texts_at(ROUND_STARTS["20"])
    return {
        "19": [i for i, r in enumerate(rows) if r["text"] in before20 - before19],
        "20": [i for i, r in enumerate(rows) if r["text"] not in before20],
    }


def _name_words(row: dict[str, Any]) -> tuple[set[str], set[str]]:
    names = {ln._plain(t) for v in tr.name_values(row) for _, _, t in ln.spans(v)}
    names |= {t.lower() for v in tr.name_values(row) for t in TOKEN.findall(v)}
    other = {
        t.lower()
        for p in row.get("pii") or []
        if p["kind"] != "name"
        for t in TOKEN.findall(str(p["value"]))
    }
    return names, other


def evaluate(model: ln.Model, rows: list[dict[str, Any]], ruled: list[str]) -> dict[str, Any]:
    """Names the model adds to the rules' output, and the words it masks that are no name."""
    total = rules_found = both_found = 0
    false_words: list[str] = []
    other_pii: list[str] = []
    added: list[str] = []
    for row, redacted in zip(rows, ruled, strict=True):
        after = ln.masked_with(redacted, model)
        names, other = _name_words(row)
        for value in tr.name_values(row):
            total += 1
            before_hit = found(value, "name", redacted, row["text"])
            after_hit = found(value, "name", after, row["text"])
            rules_found += before_hit
            both_found += after_hit
            if after_hit and not before_hit:
                added.append(f"{value!r} in {row['text']!r}")
        # The words the model masked (after the rules' keep decisions), not those it scored.
        masked = Counter(ln.TOKEN.findall(redacted)) - Counter(ln.TOKEN.findall(after))
        for token in masked.elements():
            word = ln._plain(token)
            if word in names:
                continue
            (other_pii if word in other else false_words).append(f"{word!r} in {redacted!r}")
    return {
        "name_values": total,
        "rules_found": rules_found,
        "rules_and_model_found": both_found,
        "model_added": added,
        "false_positive_words": false_words,
        "masked_other_detail_words": other_pii,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old-rules", action="append", default=[], metavar="ROUND=FILE")
    args = parser.parse_args()
    rows = tr.corpus_rows()
    messages = tr.nlu_messages()
    heldout = tr.nlu_messages(ROOT / "tests" / "nlu_heldout.yml")
    rules = tr.rules_only()
    old = dict(item.split("=", 1) for item in args.old_rules)
    report = {}
    for name, held in rounds(rows).items():
        held_set = set(held)
        train_rows = [r for i, r in enumerate(rows) if i not in held_set]
        model = tr.train(train_rows, messages, rules)
        test_rows = [rows[i] for i in held]
        result: dict[str, Any] = {"rows": len(held), "threshold": model.threshold}
        result["today's rules"] = evaluate(model, test_rows, [rules(r["text"]) for r in test_rows])
        if name in old:
            outputs = json.loads(Path(old[name]).read_text(encoding="utf-8"))
            result["rules before the round"] = evaluate(
                model, test_rows, [outputs[i] for i in held]
            )
        result["held-out messages masked"] = [m for m in heldout if ln.masked_with(m, model) != m]
        report[name] = result
        for view in ("today's rules", "rules before the round"):
            if view in result:
                r = result[view]
                print(
                    f"round {name} ({len(held)} rows), {view}: {r['name_values']} names, rules "
                    f"{r['rules_found']}, rules+model {r['rules_and_model_found']} "
                    f"(+{len(r['model_added'])}); false positive words "
                    f"{len(r['false_positive_words'])}, other details' words "
                    f"{len(r['masked_other_detail_words'])}"
                )
        print(f"round {name}: held-out messages masked {len(result['held-out messages masked'])}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "learned_names_loro.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
