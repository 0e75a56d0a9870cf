"""The load balancer's configuration: HAProxy in front of the Rasa servers and the action servers.

Why these settings:
- **Routing by conversation** (`balance url_param route`, consistent hashing): the widget adds
  a random `route` per conversation to its requests (and Socket.IO clients to their
  connection URL), so a conversation returns to the Rasa server that has it in its cache and
  Socket.IO's polling transport keeps talking to the server that holds its session. Without
  the parameter, REST requests go round robin, which REST tolerates (state is in
  PostgreSQL); Socket.IO requests without it (third-party widgets such as rasa-webchat send
  none) stay on one server by client address, since a polling session exists only on the
  server that opened it (round robin refused every other request with a 400). Routing
  everything by client address would send a whole hospital's NAT to one server.
- **A dead server is passed over at once**: health checks every second, and a request that
  fails to connect or gets no answer is retried on another server (`retry-on`, `redispatch`).
  A retried message carries its `message_id`, so it is never answered twice.
- **Action servers** sit behind their own frontend: Rasa calls one address and a dead action
  server's calls go to the other.
- Long timeouts for the WebSocket tunnel; the chat's own timeouts are the widget's.
"""

from __future__ import annotations

from collections.abc import Sequence


def haproxy_config(
    chat_port: int,
    rasa_ports: Sequence[int],
    action_lb_port: int,
    action_ports: Sequence[int],
    host: str = "127.0.0.1",
) -> str:
    rasa_servers = "\n".join(
        f"  server rasa{i} {host}:{port} check inter 1s fall 2 rise 2"
        for i, port in enumerate(rasa_ports, 1)
    )
    action_servers = "\n".join(
        f"  server actions{i} {host}:{port} check inter 1s fall 2 rise 2"
        for i, port in enumerate(action_ports, 1)
    )
    return f"""global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  timeout tunnel 1h
  timeout http-keep-alive 10s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout 502 503
  option http-buffer-request

frontend chat
  bind {host}:{chat_port}
  acl routed url_param(route) -m found
  acl socketio path_beg /socket.io/
  use_backend rasa_by_address if socketio !routed
  default_backend rasa

backend rasa
  balance url_param route
  hash-type consistent
  option httpchk GET /
{rasa_servers}

backend rasa_by_address
  balance source
  hash-type consistent
  option httpchk GET /
{rasa_servers}

frontend actions
  bind 127.0.0.1:{action_lb_port}
  default_backend actions

backend actions
  balance roundrobin
  option httpchk GET /health
{action_servers}
"""
