"""One bad log entry never blocks the others: it is quarantined, on SQLite and PostgreSQL.

Before the quarantine a batch that failed for any reason stayed in the spool and was retried
for ever, so a single entry the database refused held back every later question and
call-back request. "Database unavailable" must still keep the batch (tests/test_storage.py).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import stat
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import exc, select
from sqlalchemy.exc import DataError

from actions import runtime
from core.db.database import database_unavailable, session_factory
from core.db.migrate import upgrade
from core.question_log.spool import SPOOL_NAME, Spool
from core.question_log.writer import LogWriter
from tests.log_entries import (
    callback_entry,
    quarantined,
    question_entry,
    stored_keys,
)

QUARANTINE_FILE = "quarantine.jsonl"


def writer_for(url: str, spool_dir: Path) -> LogWriter:
    return LogWriter(Spool(spool_dir), url, interval=3600)


def write_raw(spool_dir: Path, *lines: bytes) -> None:
    """Lines written straight into the spool file, as a crash or another program might."""
    spool_dir.mkdir(parents=True, exist_ok=True)
    with open(spool_dir / SPOOL_NAME, "ab") as spool:
        for line in lines:
            spool.write(line + b"\n")


def test_a_bad_entry_does_not_block_later_questions_or_callbacks(
    database_url: str, tmp_path: Path
) -> None:
    writer = writer_for(database_url, tmp_path / "spool")
    bad_question = question_entry(model_version={"a": 1})
    bad_callback = callback_entry(phone="(" * 40 + "860" + ")" * 40 + " 555 0199")
    good_question, good_callback = question_entry(), callback_entry()
    for kind, entry in [
        ("question", bad_question),
        ("callback", bad_callback),
        ("question", good_question),
        ("callback", good_callback),
    ]:
        writer.spool.append(kind, entry)
    assert writer.flush()
    assert stored_keys(database_url, "questions", "message_id") == {good_question["message_id"]}
    assert stored_keys(database_url, "callback_requests", "request_key") == {
        good_callback["request_key"]
    }
    reasons = quarantined(database_url)
    assert set(reasons) == {
        ("question", bad_question["message_id"]),
        ("callback", bad_callback["request_key"]),
    }
    assert "model_version" in reasons[("question", bad_question["message_id"])]
    assert "phone" in reasons[("callback", bad_callback["request_key"])]
    assert writer.spool.pending_count() == 0
    # Later entries go straight through.
    later = question_entry()
    writer.spool.append("question", later)
    assert writer.flush()
    assert later["message_id"] in stored_keys(database_url, "questions", "message_id")


@pytest.mark.parametrize(
    "overrides",
    [
        {"text": "NUL \x00 in the text"},
        {"text": "lone surrogate \ud800"},
        {"text": 12345},
        {"text_truncated": "no"},
        {"confidence": float("nan")},
        {"confidence": "high"},
        {"asked_at": "yesterday"},
        {"asked_at": "0001-01-01T00:00:00+05:00"},
        {"asked_at": 1700000000},
        {"intent": "x" * 65},
        {"channel": ["rest"]},
        {"outcome": "hacked"},
        {"message_id": "m" * 65},
        {"conversation_id": None},
        {"unexpected_field": 1},
        {"id": 1},
    ],
)
def test_each_kind_of_bad_question_is_quarantined(
    database_url: str, tmp_path: Path, overrides: dict[str, Any]
) -> None:
    writer = writer_for(database_url, tmp_path / "spool")
    bad, good = question_entry(**overrides), question_entry()
    writer.spool.append("question", bad)
    writer.spool.append("question", good)
    assert writer.flush()
    assert stored_keys(database_url, "questions", "message_id") == {good["message_id"]}
    assert len(quarantined(database_url)) == 1
    assert writer.spool.pending_count() == 0


def test_malformed_spool_lines_are_quarantined_not_crashed_on(
    database_url: str, tmp_path: Path
) -> None:
    spool_dir = tmp_path / "spool"
    good = question_entry()
    write_raw(
        spool_dir,
        b"not json at all",
        b'{"kind": "question"}',
        b'{"kind": "bogus", "record": {"a": 1}}',
        b'{"kind": "question", "record": [1, 2]}',
        b"[1, 2, 3]",
        b'{"kind": "question", "record": {"message_id": "cut by a cra',
        b"\xff\xfe invalid utf-8",
        b"[" * 100_000,
        b'{"kind": "question", "record": {"text": ' + b"[" * 980 + b"]" * 980 + b"}}",
        json.dumps({"kind": "question", "record": good}).encode(),
    )
    writer = writer_for(database_url, spool_dir)
    assert writer.flush()
    assert stored_keys(database_url, "questions", "message_id") == {good["message_id"]}
    assert len(quarantined(database_url)) == 9
    assert writer.spool.pending_count() == 0


def test_line_separators_in_a_message_do_not_split_its_spool_line(
    database_url: str, tmp_path: Path
) -> None:
    """U+2028, U+0085 and U+001C are line breaks to str.splitlines(): the spool used to cut
    the entry in two there and drop both halves."""
    writer = writer_for(database_url, tmp_path / "spool")
    entry = question_entry(text="before\u2028middle\x85after\x1cend")
    writer.spool.append("question", entry)
    assert writer.spool.pending_count() == 1
    assert writer.flush()
    with session_factory(database_url)() as session:
        from core.db.models import Question

        stored = session.execute(select(Question)).scalar_one()
    assert stored.text == entry["text"]
    assert quarantined(database_url) == {}


def test_a_line_cut_by_a_crash_does_not_swallow_the_next_entry(
    database_url: str, tmp_path: Path
) -> None:
    spool_dir = tmp_path / "spool"
    spool_dir.mkdir()
    (spool_dir / SPOOL_NAME).write_bytes(b'{"kind": "question", "record": {"message_')
    writer = writer_for(database_url, spool_dir)
    entry = question_entry()
    writer.spool.append("question", entry)
    assert writer.flush()
    assert stored_keys(database_url, "questions", "message_id") == {entry["message_id"]}
    assert len(quarantined(database_url)) == 1


def test_a_bad_entry_is_quarantined_once(database_url: str, tmp_path: Path) -> None:
    writer = writer_for(database_url, tmp_path / "spool")
    bad = question_entry(text="\x00")
    writer.spool.append("question", bad)
    assert writer.flush()
    writer.spool.append("question", bad)  # re-created, e.g. by the back-fill
    write_raw(tmp_path / "spool", b"garbage", b"garbage")
    assert writer.flush()
    assert len(quarantined(database_url)) == 2  # the entry, and the garbage line once


def test_a_database_that_is_away_keeps_good_and_bad_entries_in_the_spool(tmp_path: Path) -> None:
    """Locked is not "this entry is bad": nothing is quarantined until the database answers."""
    path = tmp_path / "locked.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    writer = writer_for(url, tmp_path / "spool")
    good, bad = question_entry(), question_entry(confidence="high")
    writer.spool.append("question", good)
    writer.spool.append("question", bad)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    assert not writer.flush()
    assert writer.spool.pending_count() == 2
    blocker.execute("ROLLBACK")
    blocker.close()
    assert writer.flush()
    assert stored_keys(url, "questions", "message_id") == {good["message_id"]}
    assert set(quarantined(url)) == {("question", bad["message_id"])}


def test_when_even_the_quarantine_insert_fails_the_entry_goes_to_a_private_file(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.db import quarantine

    def refuse(self: Any, items: Any) -> None:
        raise DataError("INSERT INTO log_quarantine", {}, ValueError("refused"))

    monkeypatch.setattr(quarantine.Quarantine, "_insert", refuse)
    spool_dir = tmp_path / "spool"
    writer = writer_for(database_url, spool_dir)
    good, bad = question_entry(), question_entry(text="NUL \x00")
    writer.spool.append("question", bad)
    writer.spool.append("question", good)
    assert writer.flush()
    assert stored_keys(database_url, "questions", "message_id") == {good["message_id"]}
    path = spool_dir / QUARANTINE_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    [line] = path.read_text(encoding="ascii").splitlines()
    saved = json.loads(line)
    assert (saved["kind"], saved["entry_key"]) == ("question", bad["message_id"])
    assert "\x00" in json.loads(saved["payload"])["record"]["text"]  # escaped, kept whole
    assert writer.spool.pending_count() == 0
    assert quarantine.Quarantine(database_url, spool_dir).count() == 1


def test_the_payload_is_ascii_json_that_keeps_the_entry(database_url: str, tmp_path: Path) -> None:
    writer = writer_for(database_url, tmp_path / "spool")
    bad = question_entry(text="é \x00 🙂", confidence=float("inf"))
    writer.spool.append("question", bad)
    assert writer.flush()
    with session_factory(database_url)() as session:
        from core.db.models import QuarantinedEntry

        row = session.execute(select(QuarantinedEntry)).scalar_one()
    assert row.payload.isascii()
    assert json.loads(row.payload)["record"]["text"] == "é \x00 🙂"
    assert row.quarantined_at is not None and row.reason == "text: contains NUL"


def test_the_writer_reports_the_quarantine_when_it_starts(
    action_env: str, caplog: pytest.LogCaptureFixture
) -> None:
    writer = runtime.log_writer()
    writer.spool.append("question", question_entry(text="\x00"))
    writer.spool.append("question", question_entry(text="\x00"))
    assert writer.flush()
    writer.stop()
    runtime.log_writer.cache_clear()
    with caplog.at_level(logging.INFO):
        runtime.log_writer().start()
        deadline = time.monotonic() + 10
        while "in quarantine" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
    assert "Question log: 2 entries in quarantine" in caplog.text


@pytest.mark.parametrize(
    ("error", "unavailable"),
    [
        (exc.OperationalError("INSERT", {}, Exception("database is locked")), True),
        (exc.InterfaceError("INSERT", {}, Exception("connection already closed")), True),
        (exc.DisconnectionError(), True),
        (exc.TimeoutError(), True),
        (exc.ProgrammingError("INSERT", {}, Exception("no such table")), True),
        (ConnectionRefusedError(), True),
        (exc.DataError("INSERT", {}, Exception("value too long")), False),
        (exc.IntegrityError("INSERT", {}, Exception("NOT NULL constraint failed")), False),
        (exc.StatementError("bad value", "INSERT", {}, TypeError("not a date")), False),
        (exc.CompileError("Unconsumed column names"), False),
        (TypeError("unsupported type"), False),
        (ValueError("NUL"), False),
        (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"), False),
    ],
)
def test_database_unavailable_is_told_from_an_entry_that_cannot_be_written(
    error: BaseException, unavailable: bool
) -> None:
    assert database_unavailable(error) is unavailable


# --- the staff console ---------------------------------------------------------------------------


def test_admins_see_the_quarantine_and_reviewers_do_not(
    database_url: str, tmp_path: Path, app: Flask, reviewer: FlaskClient, admin: FlaskClient
) -> None:
    from core.db.staff_models import AuditEvent

    writer = writer_for(database_url, tmp_path / "spool")
    bad = question_entry(message_id="<b>poison</b>", text="secret patient text", outcome="x")
    writer.spool.append("question", bad)
    assert writer.flush()

    assert app.test_client().get("/admin/quarantine").status_code == 302  # login first
    assert reviewer.get("/admin/quarantine").status_code == 403
    assert "/admin/quarantine" not in reviewer.get("/").get_data(as_text=True)
    assert "/admin/quarantine" in admin.get("/").get_data(as_text=True)
    page = admin.get("/admin/quarantine")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "&lt;b&gt;poison&lt;/b&gt;" in html and "<b>poison</b>" not in html  # escaped
    assert "outcome" in html and "question" in html
    assert "secret patient text" not in html  # the payload stays in the database
    with session_factory(database_url)() as session:
        actions = [e.action for e in session.execute(select(AuditEvent)).scalars()]
    assert "view_quarantine" in actions


# --- the property ------------------------------------------------------------------------------

DROP = object()  # the field is left out
POISONS: dict[str, list[tuple[str, Any]]] = {
    "question": [
        ("text", "NUL\x00"), ("text", "lone \udc80"), ("text", 5), ("text", None),
        ("text", DROP), ("text_truncated", "no"), ("confidence", float("nan")),
        ("confidence", float("inf")), ("confidence", "high"), ("confidence", 1.5),
        ("asked_at", "yesterday"), ("asked_at", 1700000000), ("asked_at", DROP),
        ("intent", "x" * 65), ("intent", {"a": 1}), ("channel", ["rest"]), ("channel", "c" * 65),
        ("model_version", {"a": 1}), ("model_version", "m" * 129), ("outcome", "hacked"),
        ("outcome", DROP), ("conversation_id", None), ("conversation_id", "c" * 256),
        ("response", 5), ("surplus_field", 1), ("id", 1),
    ],
    "callback": [
        ("phone", "1" * 41), ("phone", None), ("phone", DROP), ("name", "n" * 201),
        ("name", "\x00"), ("preferred_time", []), ("consent", False), ("consent", "yes"),
        ("status", "done"), ("requested_at", "soon"), ("notes", {"x": 1}),
    ],
}  # fmt: skip
TOO_LONG_ID = "m" * 65  # too long for `questions`, not for the quarantine's key
# Entries whose unique key itself is unusable: quarantined under a digest of the entry.
KEY_POISONS: dict[str, list[Any]] = {
    "question": [DROP, None, 5, TOO_LONG_ID, "", "NUL\x00"],
    "callback": [DROP, {"k": 1}, "k" * 256, "lone \ud800"],
}
KEYS = {"question": "message_id", "callback": "request_key"}
UNIQUE_FIELDS = {
    "question": ["conversation_id", "response", "text"],
    "callback": ["conversation_id", "preferred_time", "name"],
}


def new_entry(kind: str) -> dict[str, Any]:
    return question_entry() if kind == "question" else callback_entry()


def poisoned(entry: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    entry = dict(entry)
    if value is DROP:
        entry.pop(field, None)
    else:
        entry[field] = value
    return entry


@st.composite
def spool_contents(draw: st.DrawFn) -> tuple[list[tuple[str, dict[str, Any]]], list[Any]]:
    """Good entries, and hostile entries and raw lines (bytes), to be spooled together."""
    kinds = st.sampled_from(["question", "callback"])
    good = [(kind, new_entry(kind)) for kind in draw(st.lists(kinds, max_size=4))]
    bad: list[Any] = []
    for kind in draw(st.lists(kinds, max_size=4)):
        entry = new_entry(kind)
        poisons = draw(st.lists(st.sampled_from(POISONS[kind]), min_size=1, max_size=2))
        for field, value in poisons:
            entry = poisoned(entry, field, value)
        if draw(st.integers(0, 4)) == 0:
            key = draw(st.sampled_from(KEY_POISONS[kind]))
            if key == TOO_LONG_ID:  # a usable quarantine key: unlike earlier examples' too
                key = "m" * 33 + uuid.uuid4().hex
            entry = poisoned(entry, KEYS[kind], key)
            # Without its key the entry is known by a digest: keep it unlike earlier examples'.
            spare = next(f for f in UNIQUE_FIELDS[kind] if f not in {p for p, _ in poisons})
            entry[spare] = f"{entry.get(spare)} {uuid.uuid4().hex}"
        bad.append((kind, entry))
    junk = st.sampled_from([b"{", b"[]", b'{"kind": 1}', b"\xff", b'{"record": {}}', b"\x00"])
    for piece in draw(st.lists(junk, max_size=2)):
        bad.append(piece + b" " + uuid.uuid4().hex.encode())
    return good, bad


@settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(contents=spool_contents(), order=st.randoms(use_true_random=False))
def test_any_mix_of_good_and_hostile_entries_is_sorted_out(
    database_url: str, contents: tuple[list[Any], list[Any]], order: Any
) -> None:
    good, bad = contents
    with tempfile.TemporaryDirectory() as folder:
        spool_dir = Path(folder) / "spool"
        writer = writer_for(database_url, spool_dir)
        items: list[Any] = [*good, *bad]
        order.shuffle(items)
        for item in items:
            if isinstance(item, bytes):
                write_raw(spool_dir, item)
            else:
                writer.spool.append(*item)
        before = quarantined(database_url)
        assert writer.flush()
        assert writer.spool.pending_count() == 0
        assert not list(spool_dir.glob("*.batch"))
        assert not (spool_dir / QUARANTINE_FILE).exists()

    questions = stored_keys(database_url, "questions", "message_id")
    callbacks = stored_keys(database_url, "callback_requests", "request_key")
    for kind, entry in good:
        assert entry[KEYS[kind]] in (questions if kind == "question" else callbacks)
    added = set(quarantined(database_url)) - set(before)
    distinct: set[Any] = set()
    for item in bad:
        if isinstance(item, bytes):
            distinct.add(item)
            continue
        kind, entry = item
        key = entry.get(KEYS[kind])
        assert not isinstance(key, str) or key not in questions | callbacks
        if usable_key(key):
            assert (kind, key) in added
            distinct.add((kind, key))
        else:  # quarantined under a digest of the entry: identical entries count once
            distinct.add(json.dumps([kind, entry], sort_keys=True))
    assert len(added) == len(distinct)


def usable_key(key: Any) -> bool:
    """A key the quarantine can store as it is (else it uses a digest of the entry)."""
    return (
        isinstance(key, str)
        and 0 < len(key) <= 255
        and "\x00" not in key
        and key.encode("utf-8", "surrogatepass").decode("utf-8", "replace") == key
    )


def test_quarantined_at_is_utc(database_url: str, tmp_path: Path) -> None:
    writer = writer_for(database_url, tmp_path / "spool")
    writer.spool.append("callback", callback_entry(consent=False))
    start = datetime.now(timezone.utc)
    assert writer.flush()
    with session_factory(database_url)() as session:
        from core.db.models import QuarantinedEntry

        row = session.execute(select(QuarantinedEntry)).scalar_one()
    at = row.quarantined_at
    at = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
    assert abs((at - start).total_seconds()) < 60
    assert row.kind == "callback" and "consent" in row.reason


def test_retention_deletes_old_quarantined_entries(database_url: str) -> None:
    """Quarantined entries hold the same health information as the log: same retention."""
    from core.db.models import QuarantinedEntry
    from core.privacy.retention import purge

    now = datetime.now(timezone.utc)
    with session_factory(database_url).begin() as session:
        for key, age in (("old", 400), ("recent", 10)):
            session.add(
                QuarantinedEntry(
                    kind="question",
                    entry_key=key,
                    reason="text: contains NUL",
                    payload="{}",
                    quarantined_at=now - timedelta(days=age),
                )
            )
    assert purge(database_url, days=365, dry_run=True).quarantined == 1
    assert purge(database_url, days=365).quarantined == 1
    assert set(quarantined(database_url)) == {("question", "recent")}
