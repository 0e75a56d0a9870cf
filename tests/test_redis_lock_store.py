"""The conversation lock shared by several Rasa servers (addons/stores/redis_lock_store.py), on a
real Redis server.

Each "server" here is a thread with its own event loop and its own Redis connection, as two
Rasa processes would be; the critical section reads and writes a value in Redis with a pause
in between, so two turns running at once lose an update and raise the measured overlap.
Rasa 3.6's stock `RedisLockStore` fails the first test (lost updates, overlapping turns).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest
import redis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.core.lock_store import LockError, LockStore

from addons.stores.redis_lock_store import AtomicRedisLockStore
from tests.redis_server import RedisServer, skip_without_redis


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    skip_without_redis()
    server = RedisServer()
    server.start()
    yield server.url
    server.stop()


def store(url: str, lifetime: float = 5.0) -> AtomicRedisLockStore:
    return AtomicRedisLockStore(url=url, lock_lifetime=lifetime)


class Turns:
    """Shared record of what the turns did: how many ran at once, and in which order."""

    def __init__(self) -> None:
        self.guard = threading.Lock()
        self.inside = 0
        self.most_inside = 0
        self.order: list[int] = []

    def enter(self, number: int) -> None:
        with self.guard:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
            self.order.append(number)

    def leave(self) -> None:
        with self.guard:
            self.inside -= 1


async def one_turn(
    lock_store: LockStore, client: redis.Redis, conversation: str, number: int, turns: Turns
) -> None:
    async with lock_store.lock(conversation):
        turns.enter(number)
        value = int(client.get(f"value:{conversation}") or 0)
        await asyncio.sleep(0.002)
        client.set(f"value:{conversation}", value + 1)
        turns.leave()


def servers_send(
    make_store: type[LockStore] | None, url: str, conversation: str, servers: int, each: int
) -> Turns:
    """`servers` threads, each with its own lock store, each sending `each` messages at once."""
    turns = Turns()

    def server(index: int) -> None:
        lock_store = store(url) if make_store is None else make_store()
        client = redis.Redis.from_url(url)

        async def all_turns() -> None:
            await asyncio.gather(
                *(
                    one_turn(lock_store, client, conversation, index * 1000 + n, turns)
                    for n in range(each)
                )
            )

        asyncio.run(all_turns())

    threads = [threading.Thread(target=server, args=(i,)) for i in range(servers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return turns


def test_concurrent_turns_of_one_conversation_run_one_at_a_time(redis_url: str) -> None:
    turns = servers_send(None, redis_url, "c-race", servers=4, each=10)
    client = redis.Redis.from_url(redis_url)
    assert turns.most_inside == 1
    assert int(client.get("value:c-race") or 0) == 40  # nothing lost
    assert sorted(turns.order) == sorted(i * 1000 + n for i in range(4) for n in range(10))
    assert not client.keys("assistant:lock:c-race*")  # the lock is gone with the last ticket


def test_tickets_are_served_in_the_order_they_were_issued(redis_url: str) -> None:
    lock_store = store(redis_url)
    tickets = [lock_store.issue_ticket("c-order") for _ in range(5)]
    assert tickets == sorted(tickets)
    served = []
    for ticket in tickets:
        assert lock_store.try_acquire("c-order", ticket) == 1
        assert all(lock_store.try_acquire("c-order", t) == 0 for t in tickets if t > ticket)
        served.append(ticket)
        lock_store.cleanup("c-order", ticket)
    assert served == tickets
    assert lock_store.get_lock("c-order") is None


def test_a_dead_servers_ticket_expires_and_the_next_turn_goes_ahead(redis_url: str) -> None:
    dead = store(redis_url, lifetime=0.5)
    dead.issue_ticket("c-dead")  # taken, never released: the server died mid-turn
    alive = store(redis_url, lifetime=0.5)
    turns = Turns()
    client = redis.Redis.from_url(redis_url)
    started = time.monotonic()
    asyncio.run(one_turn(alive, client, "c-dead", 1, turns))
    waited = time.monotonic() - started
    assert turns.order == [1]
    assert 0.3 < waited < 5


def test_a_turn_slower_than_the_lifetime_keeps_its_lock(redis_url: str) -> None:
    """The holder renews its ticket, so a slow turn is never overtaken by the next one."""
    lock_store = store(redis_url, lifetime=0.3)
    events: list[str] = []

    async def slow() -> None:
        async with lock_store.lock("c-slow"):
            events.append("slow starts")
            await asyncio.sleep(1.0)  # more than three lifetimes
            events.append("slow ends")

    async def next_turn() -> None:
        await asyncio.sleep(0.05)
        async with lock_store.lock("c-slow"):
            events.append("next")

    async def both() -> None:
        await asyncio.gather(slow(), next_turn())

    asyncio.run(both())
    assert events == ["slow starts", "slow ends", "next"]


def test_a_lost_ticket_is_an_error_not_a_turn_without_the_lock(redis_url: str) -> None:
    lock_store = store(redis_url)
    ticket = lock_store.issue_ticket("c-lost")
    lock_store.delete_lock("c-lost")  # as if it had expired

    async def wait() -> None:
        await lock_store._wait_for("c-lost", ticket, 0.01)

    with pytest.raises(LockError):
        asyncio.run(wait())


def test_redis_down_is_a_lock_error(redis_url: str) -> None:
    lock_store = AtomicRedisLockStore(url="redis://127.0.0.1:1/0")
    with pytest.raises(LockError):
        lock_store.issue_ticket("c-down")


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(conversation=st.text(min_size=1, max_size=3000))
def test_any_conversation_id_gets_a_working_lock(redis_url: str, conversation: str) -> None:
    """Forged ids (unicode, control characters, huge, key-like `a:b*`) stay in their own keys."""
    lock_store = store(redis_url)
    turns = Turns()
    client = redis.Redis.from_url(redis_url)
    asyncio.run(one_turn(lock_store, client, conversation, 1, turns))
    assert turns.order == [1]
    assert lock_store.get_lock(conversation) is None
