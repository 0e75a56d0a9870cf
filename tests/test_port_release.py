"""A port held a moment longer by a server being killed counts as free once it is released.

An outside tester froze a Rasa server (SIGSTOP), killed `make cluster`'s launcher and started
it again: the start stopped the left-over server, then at once found its port "in use by
another program" and gave up, because a killed multi-threaded server's socket outlives its
main thread for a moment. Real sockets here; the release happens in another thread.
"""

from __future__ import annotations

import socket
import threading
import time

from ops.lifecycle import port_freed, port_in_use
from tests.servers import free_port


def listening(port: int) -> socket.socket:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen()
    return server


def test_a_port_released_a_moment_later_is_free() -> None:
    port = free_port()
    server = listening(port)
    assert port_in_use(port)  # what the start used to check, once
    threading.Timer(0.5, server.close).start()
    assert port_freed(port, timeout=5)


def test_a_port_another_program_keeps_is_still_in_use() -> None:
    port = free_port()
    server = listening(port)
    try:
        started = time.monotonic()
        assert not port_freed(port, timeout=0.5)
        assert time.monotonic() - started >= 0.5
    finally:
        server.close()
