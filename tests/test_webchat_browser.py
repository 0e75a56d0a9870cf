"""rasa-webchat (the third-party widget Rasa users embed) in a real Chromium, over Socket.IO,
against the real running assistant.

Regression tests for what a user found: in a browser rasa-webchat never got a session, because
the long-polling responses carried `Access-Control-Allow-Origin` twice and every browser client
starts with long-polling; python-socketio's own client does not enforce CORS, so the other
tests passed. And opening it sent a `user_uttered` without a message, answered "Sorry, I could
not read that message".

rasa-webchat 1.0.1 comes from the npm registry, pinned in tests/browser/package-lock.json and
installed by `make browser-deps` (which `make test` runs); its own UMD bundle is served with a
test page from a local origin: nothing is loaded from a CDN. The project's own widget has no
Socket.IO mode (it speaks REST: tests/test_widget_browser.py).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, WebSocket, WebSocketRoute
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.project import ROOT
from tests.servers import Assistant, free_port, running_assistant
from tests.stored import user_event_count, wait_for

pytestmark = pytest.mark.e2e

BROWSER_DIR = ROOT / "tests" / "browser"
WEBCHAT_BUNDLE = BROWSER_DIR / "node_modules" / "rasa-webchat" / "lib" / "index.js"
PAGE = BROWSER_DIR / "rasa-webchat.html"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
ANSWER_TIMEOUT_MS = 60_000
GREETING_START = "Hello! Ask me anything"  # domain.yml's utter_greet


class PageHandler(BaseHTTPRequestHandler):
    """The test page and rasa-webchat's bundle: the hospital's page, on its own origin."""

    FILES = {"/": (PAGE, "text/html"), "/rasa-webchat.js": (WEBCHAT_BUNDLE, "text/javascript")}

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path not in self.FILES:
            self.send_error(404)
            return
        file, kind = self.FILES[path]
        body = file.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:  # quiet
        pass


def serve_pages(port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), PageHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@dataclass
class Sites:
    allowed: str  # an origin in ALLOWED_ORIGINS
    other: str  # another website's origin
    assistant: Assistant


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    if not WEBCHAT_BUNDLE.exists():
        message = f"rasa-webchat is not installed at {WEBCHAT_BUNDLE}: run `make browser-deps`"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    allowed_port, other_port = free_port(), free_port()
    allowed = f"http://127.0.0.1:{allowed_port}"
    with running_assistant(tmp_path_factory.mktemp("webchat"), cors_origins=(allowed,)) as a:
        servers = [serve_pages(allowed_port), serve_pages(other_port)]
        try:
            yield Sites(allowed, f"http://127.0.0.1:{other_port}", a)
        finally:
            for server in servers:
                server.shutdown()


@dataclass
class Traffic:
    """What went over the wire: Socket.IO long-polling requests and websocket frames."""

    polling: list[Request] = field(default_factory=list)
    websocket_frames: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        def on_request(request: Request) -> None:
            if "/socket.io/" in request.url and "transport=polling" in request.url:
                self.polling.append(request)

        def on_websocket(socket: WebSocket) -> None:
            socket.on("framereceived", lambda payload: self.websocket_frames.append(str(payload)))

        page.on("requestfinished", on_request)
        page.on("requestfailed", on_request)
        page.on("websocket", on_websocket)

    def polling_bodies(self) -> list[str]:
        bodies = []
        for request in self.polling:
            response = request.response()
            if response is not None and request.method == "GET" and response.ok:
                bodies.append(response.text())
        return bodies

    def statuses(self) -> set[int]:
        return {r.status for r in map(Request.response, self.polling) if r is not None}

    def allow_origin_headers(self) -> list[list[str]]:
        """Each polling response's Access-Control-Allow-Origin values, repeats kept."""
        found = []
        for request in self.polling:
            response = request.response()
            if response is not None:
                headers = response.headers_array()
                found.append(
                    [
                        h["value"]
                        for h in headers
                        if h["name"].lower() == "access-control-allow-origin"
                    ]
                )
        return found


@pytest.fixture
def webchat(sites: Sites, chromium: Browser) -> Iterator[tuple[Page, Traffic]]:
    context = chromium.new_context()
    page = context.new_page()
    traffic = Traffic()
    traffic.watch(page)
    yield page, traffic
    context.close()


def open_page(page: Page, site: str, server: str, init_payload: str | None = None) -> None:
    query = f"?server={server}" + (f"&initPayload={init_payload}" if init_payload else "")
    page.goto(site + "/" + query)


def bot_texts(page: Page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(".rw-response").all_inner_texts()]


def wait_for_bot(page: Page, contains: str, after: int = 0) -> list[str]:
    """The bot's messages once one after the first `after` contains `contains`."""
    try:
        page.wait_for_function(
            """([after, contains]) => [...document.querySelectorAll('.rw-response')]
                 .slice(after).some(m => m.innerText.includes(contains))""",
            arg=[after, contains],
            timeout=ANSWER_TIMEOUT_MS,
        )
    except PlaywrightTimeout:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "rasa-webchat-timeout.png"))
        shown = page.locator(".rw-messages-container").all_inner_texts()
        raise AssertionError(
            f"no bot message with {contains!r}; the widget shows {shown}"
        ) from None
    return bot_texts(page)


def ask(page: Page, text: str, expect: str) -> list[str]:
    """Type a question as a patient does; the bot's new messages once the answer is shown."""
    before = page.locator(".rw-response").count()
    box = page.locator(".rw-new-message")
    box.fill(text)
    box.press("Enter")
    return wait_for_bot(page, expect, after=before)[before:]


def wait_in_page(page: Page, check: Callable[[], Any], timeout_ms: float = 30_000) -> Any:
    """Poll `check` while Playwright runs (its events and routes are handled only while the
    test is inside a Playwright call, so time.sleep would stall them)."""
    waited = 0.0
    while not (result := check()) and waited < timeout_ms:
        page.wait_for_timeout(200)
        waited += 200
    return result


def session_token(page: Page) -> str:
    """The conversation token rasa-webchat keeps in localStorage (from session_confirm)."""
    stored = page.evaluate("localStorage.getItem('chat_session')")
    token = json.loads(stored or "{}").get("session_id")
    assert isinstance(token, str) and token, stored
    return token


def turns_stored(sites: Sites, token: str) -> int:
    conversation_id = sites.assistant.keys().conversation_id(token)
    assert conversation_id is not None
    return user_event_count(sites.assistant, conversation_id)


def test_webchat_gets_a_session_and_answers_after_upgrading_to_websocket(
    sites: Sites, webchat: tuple[Page, Traffic], domain_texts: dict[str, str]
) -> None:
    """The default: long-polling first (the handshake CORS refused), then the websocket."""
    page, traffic = webchat
    open_page(page, sites.allowed, sites.assistant.rasa_url)  # no initPayload: empty opening
    opening = wait_for_bot(page, GREETING_START)
    answer = ask(page, "how long does it take?", "1-2 hours")
    assert opening == [domain_texts["utter_disclaimer"], domain_texts["utter_greet"]]
    assert not any("could not read" in text for text in opening + answer)
    assert traffic.allow_origin_headers() and all(
        values == [sites.allowed] for values in traffic.allow_origin_headers()
    ), traffic.allow_origin_headers()
    assert any(
        "bot_uttered" in frame and "1-2 hours" in frame for frame in traffic.websocket_frames
    )
    token = session_token(page)
    assert wait_for(lambda: turns_stored(sites, token) == 2)  # the opening and the question


def test_webchat_answers_over_long_polling_alone(
    sites: Sites, webchat: tuple[Page, Traffic], domain_texts: dict[str, str]
) -> None:
    """A network that blocks websockets: rasa-webchat stays on long-polling, and its
    `initPayload` ("/get_started", its README's example) gets the greeting."""
    page, traffic = webchat
    refused: list[WebSocketRoute] = []

    def block(socket: WebSocketRoute) -> None:
        refused.append(socket)
        socket.close()

    page.route_web_socket("**/socket.io/**", block)
    open_page(page, sites.allowed, sites.assistant.rasa_url, init_payload="/get_started")
    opening = wait_for_bot(page, GREETING_START)
    answer = ask(page, "is it covered by medicare?", "Medicare")
    assert opening[:2] == [domain_texts["utter_disclaimer"], domain_texts["utter_greet"]]
    assert answer
    assert refused and traffic.websocket_frames == []
    assert any("bot_uttered" in body for body in traffic.polling_bodies())
    assert all(values == [sites.allowed] for values in traffic.allow_origin_headers())


def test_webchat_keeps_its_conversation_across_a_reload(
    sites: Sites, webchat: tuple[Page, Traffic], domain_texts: dict[str, str]
) -> None:
    page, _ = webchat
    open_page(page, sites.allowed, sites.assistant.rasa_url, init_payload="/greet")
    wait_for_bot(page, GREETING_START)
    ask(page, "is it covered by medicare?", "Medicare")
    token = session_token(page)
    page.reload()
    wait_for_bot(page, "Medicare")  # the history is shown again
    after = ask(page, "how long does it take?", "1-2 hours")
    assert session_token(page) == token
    assert domain_texts["utter_disclaimer"] not in after  # no second opening
    assert wait_for(lambda: turns_stored(sites, token) == 3)


def test_webchat_reconnects_to_the_same_conversation(
    sites: Sites, webchat: tuple[Page, Traffic]
) -> None:
    """The connection drops (the websocket is cut): socket.io reconnects, rasa-webchat asks
    for its session again and the conversation goes on."""
    page, _ = webchat
    sockets: list[WebSocketRoute] = []

    def forward(socket: WebSocketRoute) -> None:
        socket.connect_to_server()
        sockets.append(socket)

    page.route_web_socket("**/socket.io/**", forward)
    open_page(page, sites.allowed, sites.assistant.rasa_url)
    wait_for_bot(page, GREETING_START)
    ask(page, "is it safe?", "")
    token = session_token(page)
    assert wait_in_page(page, lambda: sockets), "rasa-webchat never upgraded to a websocket"
    cut = len(sockets)
    sockets[-1].close(code=1001, reason="network change")
    assert wait_in_page(page, lambda: len(sockets) > cut), "rasa-webchat did not reconnect"
    after = ask(page, "how long does it take?", "1-2 hours")
    assert len(sockets) > cut and after
    assert session_token(page) == token
    assert wait_for(lambda: turns_stored(sites, token) == 3)


def test_another_websites_page_gets_no_session_on_either_transport(
    sites: Sites, webchat: tuple[Page, Traffic]
) -> None:
    page, traffic = webchat
    open_page(page, sites.other, sites.assistant.rasa_url)
    page.wait_for_timeout(5_000)  # several connection attempts
    assert bot_texts(page) == []
    assert page.evaluate("JSON.parse(localStorage.getItem('chat_session') || '{}').session_id") in (
        None,
        "",
    )
    assert traffic.polling, "rasa-webchat did not even try"
    assert traffic.statuses() <= {400}
    assert all(values == [] for values in traffic.allow_origin_headers())
    # Websockets are not covered by CORS: the server itself refuses the page's Origin.
    assert open_packet(page, sites.assistant.rasa_url) is None


def test_our_origin_may_open_a_websocket_directly(
    sites: Sites, webchat: tuple[Page, Traffic]
) -> None:
    """The check above refuses the origin, not every websocket."""
    page, _ = webchat
    page.goto(sites.allowed + "/")
    packet = open_packet(page, sites.assistant.rasa_url)
    assert packet is not None and packet.startswith("0{")


def open_packet(page: Page, server: str) -> str | None:
    """engine.io's open packet for a websocket the page opens itself, or None if refused."""
    url = urlsplit(server)
    socket_url = f"ws://{url.netloc}/socket.io/?EIO=4&transport=websocket"
    result = page.evaluate(
        """url => new Promise(done => {
             const socket = new WebSocket(url);
             socket.onmessage = event => { done(event.data); socket.close(); };
             socket.onerror = () => done(null);
             socket.onclose = () => done(null);
             setTimeout(() => done(null), 10000);
           })""",
        socket_url,
    )
    return result if isinstance(result, str) else None
