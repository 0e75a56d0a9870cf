"""The public surface the hospital site uses: widget budget, demo page headers, CORS, no API."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator

import pytest
import requests

from tests.project import ROOT
from tests.servers import Assistant, free_port, running_assistant

WIDGET_FILES = ["chat-widget.js", "chat-widget.css"]
BUDGET_BYTES_GZIPPED = 30 * 1024


def test_widget_fits_the_size_budget() -> None:
    total = sum(
        len(gzip.compress((ROOT / "web" / "widget" / name).read_bytes(), compresslevel=9))
        for name in WIDGET_FILES
    )
    print(f"widget: {total} bytes gzipped")
    assert total < BUDGET_BYTES_GZIPPED


def test_widget_loads_nothing_from_other_sites() -> None:
    for name in WIDGET_FILES:
        source = (ROOT / "web" / "widget" / name).read_text()
        assert "//cdn" not in source and "@import" not in source and "googleapis" not in source
    assert "innerHTML" not in (ROOT / "web" / "widget" / "chat-widget.js").read_text()


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Assistant]]:
    from web.demo_site import make_server

    site_port = free_port()
    site_url = f"http://127.0.0.1:{site_port}"
    with running_assistant(tmp_path_factory.mktemp("public"), cors_origins=(site_url,)) as a:
        server = make_server(site_port, a.rasa_url)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield site_url, a
        finally:
            server.shutdown()


@pytest.mark.e2e
def test_demo_page_embeds_the_widget_with_security_headers(public_site) -> None:
    site_url, assistant = public_site
    response = requests.get(site_url + "/", timeout=10)
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and f"connect-src 'self' {assistant.rasa_url}" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert f'data-server="{assistant.rasa_url}"' in response.text
    assert "1-2 hours" in response.text  # the page's sections are the assistant's answers
    assert requests.get(site_url + "/widget/chat-widget.js", timeout=10).status_code == 200
    assert requests.get(site_url + "/../domain.yml", timeout=10).status_code == 404


@pytest.mark.e2e
def test_only_the_configured_origin_may_call_the_assistant(public_site) -> None:
    site_url, assistant = public_site
    body = {"sender": assistant.token("cors-test"), "message": "hello"}
    url = assistant.rasa_url + "/webhooks/rest/webhook"
    allowed = requests.post(url, json=body, headers={"Origin": site_url}, timeout=30)
    assert allowed.status_code == 200
    assert allowed.headers.get("Access-Control-Allow-Origin") == site_url
    # Another site's page is refused outright (not only denied the reply by CORS): its
    # request would otherwise still reach the conversation.
    other = requests.post(url, json=body, headers={"Origin": "https://evil.example"}, timeout=30)
    assert other.status_code == 403
    assert other.headers.get("Access-Control-Allow-Origin") in (None, "")
    conversations = assistant.rasa_url + "/webhooks/rest/conversations"
    refused = requests.post(conversations, headers={"Origin": "https://evil.example"}, timeout=30)
    assert refused.status_code == 403


@pytest.mark.e2e
def test_rasa_http_api_is_not_exposed(public_site) -> None:
    _, assistant = public_site
    for path in ("/status", "/conversations/someone/tracker", "/model/parse", "/version"):
        response = requests.get(assistant.rasa_url + path, timeout=10)
        assert response.status_code in (401, 403, 404, 405), (path, response.status_code)
