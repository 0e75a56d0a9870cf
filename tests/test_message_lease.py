"""A turn slower than the message lease is still answered once.

Found by the cluster test under load (a busy 2-core machine): a turn took longer than the
30-second lease on its message id, the client's retry reached the other Rasa server, which
took the claim over as if the first server had died, and the message became two turns. The
server answering now keeps renewing its lease while the turn runs; only a server that stops
(dies) lets the lease run out.

Against the real receipts table (SQLite, migrated), with the real `answer_once`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from addons.channels.idempotency import Receipts, answer_once
from core.db.migrate import upgrade

LEASE = 0.6


@pytest.fixture
def receipts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Receipts:
    url = f"sqlite:///{tmp_path / 'receipts.db'}"
    upgrade(url)
    monkeypatch.setenv("MESSAGE_LEASE_SECONDS", str(LEASE))
    return Receipts(url)


def test_a_turn_longer_than_the_lease_is_answered_once(receipts: Receipts) -> None:
    calls: list[str] = []

    async def slow_answer() -> list[dict[str, object]]:
        calls.append("answered")
        await asyncio.sleep(LEASE * 4)  # far longer than the lease
        return [{"text": "the answer"}]

    async def no_transcript() -> list[object]:
        return []

    async def both() -> list[object]:
        first = asyncio.ensure_future(
            answer_once(receipts, "c-1", "m-lease-0001", slow_answer, no_transcript)
        )
        await asyncio.sleep(LEASE * 2)  # the client's retry, after the lease would have run out
        second = asyncio.ensure_future(
            answer_once(receipts, "c-1", "m-lease-0001", slow_answer, no_transcript)
        )
        return list(await asyncio.gather(first, second))

    first, _second = asyncio.run(both())
    assert calls == ["answered"]
    assert first == [{"text": "the answer"}]


def test_a_dead_servers_claim_is_still_taken_over(receipts: Receipts) -> None:
    """Renewal must not keep a claim alive that nobody is answering."""
    assert receipts.claim("c-2", "m-dead-00001") is not None  # claimed, then the server died

    async def answer() -> list[dict[str, object]]:
        return [{"text": "answered by the survivor"}]

    async def no_transcript() -> list[object]:
        return []

    async def later() -> object:
        await asyncio.sleep(LEASE * 1.5)
        return await answer_once(receipts, "c-2", "m-dead-00001", answer, no_transcript)

    assert asyncio.run(later()) == [{"text": "answered by the survivor"}]
