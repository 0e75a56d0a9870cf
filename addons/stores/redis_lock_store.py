"""A conversation lock shared by several Rasa servers, built on Redis's atomic operations.

Why not Rasa's own `RedisLockStore`: in Rasa 3.6 it issues a ticket by reading the lock
(GET), adding a ticket in Python and writing it back (SET). Two servers taking a ticket for
one conversation at the same moment both read the same lock, and one ticket is lost: both
turns run at once and the tracker store keeps whichever saved last (RasaHQ/rasa#9213; the
fix, #11256, was reverted; the atomic store is Rasa Pro only). Here every step that reads
and changes a lock is one Lua script, which Redis runs atomically:

- a lock is three keys: a counter (`INCR` gives the next ticket number), a sorted set of the
  waiting tickets (scored by number, so the smallest is served first) and a hash of each
  ticket's expiry (Redis's own clock, so servers' clocks do not matter);
- a turn holds the lock while its ticket is the smallest unexpired one; finishing removes
  the ticket, and the keys disappear with the last one;
- the holder renews its ticket every third of the lifetime while the turn runs, and a
  waiter each time it asks, so a slow turn (an action server that takes long) never loses
  the lock and a queued message keeps its place, while the ticket of a server that died
  expires after one lifetime and the next turn goes ahead;
- waiting polls with a short, growing interval (10 ms to 100 ms) instead of Rasa's fixed
  second, so a queued message is answered right after the one before it.

Loaded by class path from the endpoints file (`lock_store: type:
addons.stores.redis_lock_store.AtomicRedisLockStore`, with `url` as a redis:// address).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import AsyncGenerator
from typing import Any

import redis
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

DEFAULT_KEY_PREFIX = "assistant:lock:"
FIRST_POLL_SECONDS = 0.01
LONGEST_POLL_SECONDS = 0.1
SOCKET_TIMEOUT_SECONDS = 10.0

# KEYS: counter, tickets (sorted set), expiries (hash). Every script works in Redis's clock.
_NOW_MS = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)"
_KEEP_KEYS = "for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, 2 * tonumber(ARGV[1])) end"
_ISSUE = f"""
{_NOW_MS}
local ticket = redis.call('INCR', KEYS[1])
redis.call('ZADD', KEYS[2], ticket, ticket)
redis.call('HSET', KEYS[3], ticket, now + tonumber(ARGV[1]))
{_KEEP_KEYS}
return ticket
"""
# ARGV: lifetime in ms, ticket. 1: served now, 0: wait, -1: the ticket expired or is unknown.
# A waiter that asks is alive: its own ticket is renewed, so only a dead server's expires.
_TRY = f"""
{_NOW_MS}
for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local expires = tonumber(redis.call('HGET', KEYS[3], member))
  if expires == nil or expires < now then
    redis.call('ZREM', KEYS[2], member)
    redis.call('HDEL', KEYS[3], member)
  end
end
if redis.call('HEXISTS', KEYS[3], ARGV[2]) == 0 then return -1 end
redis.call('HSET', KEYS[3], ARGV[2], now + tonumber(ARGV[1]))
{_KEEP_KEYS}
local first = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
if first == ARGV[2] then return 1 end
return 0
"""
_RENEW = f"""
{_NOW_MS}
if redis.call('HEXISTS', KEYS[3], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[3], ARGV[2], now + tonumber(ARGV[1]))
{_KEEP_KEYS}
return 1
"""
_RELEASE = """
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
  return 1
end
return 0
"""


class AtomicRedisLockStore(LockStore):
    """Rasa's ticket lock per conversation, each step one atomic Redis script."""

    def __init__(
        self,
        endpoint_config: EndpointConfig | None = None,
        url: str | None = None,
        key_prefix: str = DEFAULT_KEY_PREFIX,
        lock_lifetime: float | None = None,
        client: redis.Redis | None = None,
    ) -> None:
        settings: dict[str, Any] = dict(endpoint_config.kwargs) if endpoint_config else {}
        address = url or (endpoint_config.url if endpoint_config else None) or "redis://"
        self.red = client or redis.Redis.from_url(
            address, socket_timeout=float(settings.get("socket_timeout", SOCKET_TIMEOUT_SECONDS))
        )
        self.key_prefix = str(settings.get("key_prefix", key_prefix))
        self.lock_lifetime = float(lock_lifetime or settings.get("lock_lifetime") or LOCK_LIFETIME)
        self._issue = self.red.register_script(_ISSUE)
        self._try = self.red.register_script(_TRY)
        self._renew = self.red.register_script(_RENEW)
        self._release = self.red.register_script(_RELEASE)
        super().__init__()

    def _keys(self, conversation_id: str) -> list[str]:
        base = f"{self.key_prefix}{conversation_id}"
        return [f"{base}:next", f"{base}:tickets", f"{base}:expires"]

    def _lifetime_ms(self, lifetime: float | None) -> int:
        return max(1, int(1000 * (lifetime or self.lock_lifetime)))

    # -- the steps, each atomic -------------------------------------------------------------

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return int(
                self._issue(keys=self._keys(conversation_id), args=[self._lifetime_ms(None)])
            )
        except redis.RedisError as error:
            raise LockError(f"Could not take a ticket for a conversation: {error}") from error

    def try_acquire(self, conversation_id: str, ticket: int) -> int:
        """1 when `ticket` is served now, 0 when another is, -1 when it has expired."""
        keys = self._keys(conversation_id)
        return int(self._try(keys=keys, args=[self._lifetime_ms(None), ticket]))

    def renew(self, conversation_id: str, ticket: int) -> bool:
        """Push the ticket's expiry one lifetime ahead; False if it has already expired."""
        keys = self._keys(conversation_id)
        return bool(self._renew(keys=keys, args=[self._lifetime_ms(None), ticket]))

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._release(keys=self._keys(conversation_id), args=[ticket_number])

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self.finish_serving(conversation_id, ticket_number)

    # -- the context manager Rasa uses around every turn ----------------------------------

    @contextlib.asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = LONGEST_POLL_SECONDS,
    ) -> AsyncGenerator[TicketLock, None]:
        """Wait for this conversation's turn, hold it (renewed) while the body runs."""
        ticket = self.issue_ticket(conversation_id)
        try:
            await self._wait_for(conversation_id, ticket, min(wait_time_in_seconds, 1.0))
            renewing = asyncio.create_task(self._keep_renewed(conversation_id, ticket))
            try:
                yield self.get_lock(conversation_id) or TicketLock(conversation_id)
            finally:
                renewing.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await renewing
        finally:
            try:
                self.cleanup(conversation_id, ticket)
            except redis.RedisError:
                logger.warning("Could not release a conversation lock; it expires by itself.")

    async def _wait_for(self, conversation_id: str, ticket: int, longest: float) -> None:
        pause = FIRST_POLL_SECONDS
        while True:
            try:
                state = self.try_acquire(conversation_id, ticket)
            except redis.RedisError as error:
                raise LockError(f"Could not check a conversation lock: {error}") from error
            if state == 1:
                return
            if state == -1:
                raise LockError("A conversation's ticket expired while it waited.")
            await asyncio.sleep(pause)
            pause = min(pause * 2, max(longest, FIRST_POLL_SECONDS))

    async def _keep_renewed(self, conversation_id: str, ticket: int) -> None:
        while True:
            await asyncio.sleep(self.lock_lifetime / 3)
            try:
                if not self.renew(conversation_id, ticket):
                    logger.warning("A conversation lock expired during a turn.")
                    return
            except redis.RedisError:
                logger.warning("Could not renew a conversation lock; retrying.")

    # -- Rasa's read-and-write API, for callers that inspect a lock -----------------------

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """The lock as Rasa's `TicketLock` (a read-only snapshot), or None if nobody holds it."""
        keys = self._keys(conversation_id)
        with self.red.pipeline() as pipe:
            pipe.zrange(keys[1], 0, -1)
            pipe.hgetall(keys[2])
            numbers, expiries = pipe.execute()
        if not numbers:
            return None
        tickets = deque(
            Ticket(int(number), int(expiries.get(number, b"0")) / 1000) for number in numbers
        )
        return TicketLock(conversation_id, tickets)

    def is_someone_waiting(self, conversation_id: str) -> bool:
        return int(self.red.zcard(self._keys(conversation_id)[1])) > 0

    def delete_lock(self, conversation_id: str) -> None:
        self.red.delete(*self._keys(conversation_id))

    def save_lock(self, lock: TicketLock) -> None:
        """Not supported: writing a whole lock back is the race this store exists to avoid."""
        raise NotImplementedError("AtomicRedisLockStore changes locks only through its scripts.")
