"""Compare redaction detectors on the same labelled corpus (issue 11).

Detectors: (a) the first version's regular expressions (phones and e-mails only), (b) the
shipped redaction (core/privacy/redaction.py: libphonenumber's matcher plus patterns, names
and identifiers), (c) Microsoft Presidio's pattern recognizers (PRESIDIO_RECOGNIZERS), run
offline without a spaCy model, (d) philter-lite (UCSF's PHI filter for clinical notes).
Neither (c) nor (d) is a project dependency: each runs only where it is importable (a
separate venv, see bench/NOTES.md), and is skipped otherwise.

Measured: recall per kind (a labelled value counts as found when none of its digits, or for
an e-mail none of its text, is left; for issue 21's kinds, none of its words), false
redactions on the corpus's negatives and on every training and held-out example, and
microseconds per message.

    python -m bench.redaction_compare [--corpus core/privacy/data/pii_corpus.yml]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from core.privacy import redaction
from core.privacy.learned_names_training import CORPUS
from core.privacy.redaction import redact

ROOT = Path(__file__).resolve().parents[1]
Redactor = Callable[[str], str]

FIRST_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
FIRST_PHONE = re.compile(r"(?<!\w)\+?\(?\d(?:[\s().\-/]*\d){6,}(?!\w)")


def first_version(text: str) -> str:
    """The redaction as it was before issue 11: e-mails, then 7+ digit runs."""
    return FIRST_PHONE.sub("[phone removed]", FIRST_EMAIL.sub("[email removed]", text))


def patterns_only(text: str) -> str:
    """The shipped redaction with libphonenumber's matcher switched off (no regions)."""
    regions = redaction.PHONE_REGIONS
    redaction.PHONE_REGIONS = ()
    try:
        return redact(text)
    finally:
        redaction.PHONE_REGIONS = regions


# Presidio's pattern recognizers for what a US patient can type (issue 11: the first four;
# issue 21: the rest). Its PERSON and LOCATION come only from an NER model (a spaCy model
# downloaded at install or run time), so Presidio finds no names or street addresses here.
PRESIDIO_RECOGNIZERS = (
    "PhoneRecognizer",
    "EmailRecognizer",
    "UsSsnRecognizer",
    "DateRecognizer",
    "UsMbiRecognizer",
    "UsHealthInsuranceMemberIdRecognizer",
    "UsLicenseRecognizer",
    "UsBankRecognizer",
    "CreditCardRecognizer",
    "MedicalLicenseRecognizer",
    "UsPassportRecognizer",
    "UrlRecognizer",
    "IpRecognizer",
)


def presidio_redactor() -> Redactor | None:
    """Presidio's pattern recognizers, if the package is installed here (else None)."""
    try:
        from presidio_analyzer import predefined_recognizers
    except ImportError:
        return None
    recognizers = [
        recognizer
        for name in PRESIDIO_RECOGNIZERS
        if (cls := getattr(predefined_recognizers, name, None)) is not None
        for recognizer in [cls()]
    ]

    def redact_with_presidio(text: str) -> str:
        spans = [
            (r.start, r.end)
            for recognizer in recognizers
            for r in recognizer.analyze(text, recognizer.supported_entities, None)
            if r.score >= 0.3
        ]
        for start, end in sorted(set(spans), reverse=True):
            text = text[:start] + "[removed]" + text[end:]
        return text

    return redact_with_presidio


def pyap_redactor() -> Redactor | None:
    """pyap (MIT, regex-based) finds US street addresses in text; addresses only."""
    try:
        import pyap
    except ImportError:
        return None

    def redact_with_pyap(text: str) -> str:
        spans = [(a.match_start, a.match_end) for a in pyap.parse(text, country="US")]
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + "[removed]" + text[end:]
        return text

    return redact_with_pyap


def philter_redactor() -> Redactor | None:
    """philter-lite (UCSF's PHI filter for clinical notes), if installed here (else None).

    It tags parts of speech with NLTK, whose tagger data is downloaded at run time
    (`nltk.download`); without it every call raises LookupError, reported as such.
    """
    try:
        import philter_lite
    except ImportError:
        return None
    config = Path(philter_lite.__file__).parent / "configs" / "philter_delta.toml"
    filters = philter_lite.load_filters(str(config))

    def redact_with_philter(text: str) -> str:
        include, _, _ = philter_lite.detect_phi(text, filters)
        return str(philter_lite.transform_text_asterisk(text, include))

    return redact_with_philter


TOKEN = re.compile(r"[^\W_]+")
# Kinds measured by their words (issue 21): each word of the value that the rest of the
# sentence does not also hold must be gone ("Margaret Olsen": both; "12 Oak St, Hartford").
BY_WORDS = frozenset(
    {"name", "address", "health_plan_id", "mrn", "account", "licence", "url", "ip", "age", "date"}
)


def found(value: str, kind: str, redacted: str, text: str = "") -> bool:
    """Is the labelled value gone from the redacted text?"""
    if kind in BY_WORDS or (kind == "date_of_birth" and text and not value[-4:].isdigit()):
        rest = {t.lower() for t in TOKEN.findall(text.replace(value, " "))}
        left = {t.lower() for t in TOKEN.findall(redacted)}
        return not any(t.lower() in left for t in TOKEN.findall(value) if t.lower() not in rest)
    if kind == "email":
        return value.lower() not in redacted.lower()
    digits = "".join(ch for ch in value if ch.isdigit())
    remaining = "".join(ch for ch in redacted if ch.isdigit())
    if not digits:  # a date of birth or a phone in words ("ocho seis cero ...")
        return value not in redacted
    return digits[-4:] not in remaining


def training_messages() -> list[str]:
    from tests.project import nlu_examples

    return [
        text
        for path in ("data/nlu.yml", "tests/nlu_heldout.yml")
        for texts in nlu_examples(path).values()
        for text in texts
    ]


SHIPPED = "shipped (libphonenumber + patterns)"
# The machine is shared: the best of a few passes over all messages is the redaction's own cost.
REPEATS = 5


def seconds_per_message(redactor: Redactor, texts: list[str]) -> float:
    """CPU seconds per message (this process's time, so the other agents' load on the shared
    cores does not count: wall time moved 2-3x between runs in issue 21's fifth round)."""
    start = time.process_time()
    for text in texts:
        redactor(text)
    return (time.process_time() - start) / len(texts)


# Hostile shapes at the channel's 1,000-character cap (addons/cleaning/payloads.py): many
# places where a street, a name, a date or an age could start. Reported, not a target.
HOSTILE = {
    "numbers and words": "1 Abc " * 170,
    "street starts": "12 Oak " * 140 + "St",
    "first names": "Mary " * 200,
    "cues": "my son " * 140,
    "months": "march " * 160 + "1942",
    "ages": "is " * 330 + "95",
    "digits and letters": "1 a " * 250,
    # Issue 21's third pass: spaced e-mails, domain chains, sign-offs, openings, cards.
    "spaced letters, no domain": "a " * 499 + "@",
    "dotted chains": "a.co." * 200,
    "sign-offs": "thanks - " * 120,
    "openings": "Zed " * 250,
    "card-like digits": "4 1-" * 250,
}


def worst_hostile_ms(redactor: Redactor) -> dict[str, float]:
    """Milliseconds for each hostile 1,000-character message (best of REPEATS)."""
    redactor("warm up: Mary 1")
    return {
        name: min(seconds_per_message(redactor, [text[:1000]]) for _ in range(REPEATS)) * 1e3
        for name, text in HOSTILE.items()
    }


def measure(redactor: Redactor, corpus: list[dict[str, Any]], negatives: list[str]) -> dict:
    per_kind: dict[str, list[int]] = {}
    missed = []
    for item in corpus:
        redacted = redactor(item["text"])
        for pii in item["pii"]:
            hit = found(str(pii["value"]), pii["kind"], redacted, item["text"])
            per_kind.setdefault(pii["kind"], [0, 0])[0] += int(hit)
            per_kind[pii["kind"]][1] += 1
            if not hit:
                missed.append(f"{item['text']} -> {redacted}")
    corpus_negatives = [i["text"] for i in corpus if not i["pii"]]
    false_corpus = [t for t in corpus_negatives if redactor(t) != t]
    false_training = [t for t in negatives if redactor(t) != t]
    texts = [i["text"] for i in corpus] + negatives
    micros = min(seconds_per_message(redactor, texts) for _ in range(REPEATS)) * 1e6
    # The mix above is the target's measure; its two halves are reported beside it, because
    # the corpus grows with every outside round's hardest identifiers while a patient's
    # ordinary question (the training and held-out messages) is what most turns carry.
    ordinary = min(seconds_per_message(redactor, negatives) for _ in range(REPEATS)) * 1e6
    with_details = [i["text"] for i in corpus if i["pii"]]
    laden = min(seconds_per_message(redactor, with_details) for _ in range(REPEATS)) * 1e6
    total_hit = sum(h for h, _ in per_kind.values())
    total = sum(n for _, n in per_kind.values())
    return {
        "recall": total_hit / total,
        "recall_by_kind": {k: h / n for k, (h, n) in per_kind.items()},
        "missed": missed[:40],
        "false_redactions_corpus": false_corpus,
        "false_redactions_training": len(false_training),
        "false_training_examples": false_training[:5],
        "microseconds_per_message": micros,
        "microseconds_per_ordinary_message": ordinary,
        "microseconds_per_message_with_details": laden,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    corpus = yaml.safe_load(args.corpus.read_text(encoding="utf-8"))["sentences"]
    negatives = training_messages()
    detectors: dict[str, Redactor | None] = {
        "first version (regex)": first_version,
        SHIPPED: redact,
        "shipped without libphonenumber": patterns_only,
        "Presidio pattern recognizers": presidio_redactor(),
        "philter-lite": philter_redactor(),
        "pyap 0.3.1 (addresses only)": pyap_redactor(),
    }
    results = {}
    for name, redactor in detectors.items():
        if redactor is None:
            print(f"{name}: not installed here (a separate venv, bench/NOTES.md); skipped")
            continue
        try:
            results[name] = measure(redactor, corpus, negatives)
        except LookupError as error:  # philter-lite without NLTK's downloaded tagger
            reason = next((ln for ln in str(error).splitlines() if "Resource" in ln), "")
            print(f"{name}: cannot run offline: {reason.strip() or error}")
            continue
        r = results[name]
        kinds = ", ".join(f"{k} {v:.1%}" for k, v in r["recall_by_kind"].items())
        print(
            f"{name}: recall {r['recall']:.1%} ({kinds}); false redactions: "
            f"{len(r['false_redactions_corpus'])} corpus negatives, "
            f"{r['false_redactions_training']} of {len(negatives)} training/held-out; "
            f"{r['microseconds_per_message']:.0f} µs per message "
            f"({r['microseconds_per_ordinary_message']:.0f} per ordinary message, "
            f"{r['microseconds_per_message_with_details']:.0f} per corpus message with details)"
        )
    hostile = worst_hostile_ms(redact)
    print("shipped, hostile 1,000-character messages (ms):", json.dumps(hostile))
    results[SHIPPED]["hostile_ms"] = hostile
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "redaction.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
