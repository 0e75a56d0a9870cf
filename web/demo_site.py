"""Serve the demo hospital page with the chat widget embedded, as a hospital site would.

Why a small server of our own and not a static folder: the page's sections are the
assistant's own answers read from domain.yml (one place for clinical text), the offline
message carries the contact details from config/contact.yml, and every response carries the
security headers a hospital page should have, with a content security policy that lets the
widget talk only to the assistant's server.

    python -m web.demo_site [--port 8080] [--assistant-url http://localhost:5005]
"""

from __future__ import annotations

import argparse
import html
import mimetypes
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

import yaml

from core.settings import PROJECT_ROOT, load_settings
from core.vocabulary.contact import handoff_text, load_contact_details

WEB = Path(__file__).resolve().parent
SITE = WEB / "site"
WIDGET = WEB / "widget"
SECTIONS = [
    ("What is vertebroplasty?", "utter_what_is_vertebroplasty"),
    ("What is a compression fracture?", "utter_compression_fracture"),
    ("What happens during the procedure", "utter_procedure_steps"),
    ("How long it takes", "utter_procedure_duration"),
    ("Recovery", "utter_recovery"),
    ("Is it right for me?", "utter_candidates"),
    ("Risks and results", "utter_complications"),
    ("Insurance", "utter_insurance_coverage"),
]


def embed_snippet(assistant_url: str, offline_contact: str) -> str:
    """The one tag a hospital page needs (documented in docs/embedding.md)."""
    attrs = {
        "src": "/widget/chat-widget.js",
        "data-server": assistant_url,
        "data-title": "Questions about vertebroplasty?",
        "data-color": "#005a9c",
        "data-lang": "en",
        "data-offline-contact": offline_contact,
    }
    rendered = " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())
    return f"<script {rendered} defer></script>"


def render_pages(assistant_url: str) -> dict[str, bytes]:
    responses = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))[
        "responses"
    ]
    sections = "\n".join(
        f"<h2>{html.escape(title)}</h2>\n<p>{html.escape(responses[name][0]['text'])}</p>"
        for title, name in SECTIONS
    )
    contact = handoff_text(load_contact_details(load_settings().contact_config))
    embed = embed_snippet(assistant_url, " ".join(contact.splitlines()[1:-1]) or contact)
    contact_html = "<br>".join(html.escape(line) for line in contact.splitlines())
    layout = Template((SITE / "layout.html").read_text(encoding="utf-8"))

    def page(title: str, fragment: str, **values: str) -> bytes:
        main = Template((SITE / fragment).read_text(encoding="utf-8")).substitute(values)
        return layout.substitute(title=html.escape(title), main=main, embed=embed).encode()

    return {
        "/": page("Vertebroplasty", "index.html", sections=sections),
        "/contact.html": page("Contact us", "contact.html", contact=contact_html),
    }


def security_headers(assistant_url: str) -> dict[str, str]:
    parts = urlsplit(assistant_url)
    assistant_origin = f"{parts.scheme}://{parts.netloc}"
    return {
        "Content-Security-Policy": (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {assistant_origin}; frame-ancestors 'none'; base-uri 'none'; "
            "form-action 'self'"
        ),
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }


class DemoHandler(BaseHTTPRequestHandler):
    server_version = "DemoSite"

    def __init__(
        self, *args: Any, pages: dict[str, bytes], headers: dict[str, str], **kwargs: Any
    ) -> None:
        self.pages = pages
        self.extra_headers = headers
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path in self.pages:
            self._send(HTTPStatus.OK, self.pages[path], "text/html; charset=utf-8")
            return
        folder, name = (
            (WIDGET, path[len("/widget/") :])
            if path.startswith("/widget/")
            else (SITE, path.lstrip("/"))
        )
        file = (folder / name).resolve()
        if name and file.is_file() and file.parent == folder and not name.endswith(".html"):
            # Page fragments (.html) are only served through render_pages.
            content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            self._send(HTTPStatus.OK, file.read_bytes(), content_type)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"Not found", "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # no access log: URLs could carry patient data one day


def make_server(port: int, assistant_url: str, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    handler = partial(
        DemoHandler, pages=render_pages(assistant_url), headers=security_headers(assistant_url)
    )
    return ThreadingHTTPServer((host, port), handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--assistant-url", default="http://localhost:5005")
    args = parser.parse_args()
    server = make_server(args.port, args.assistant_url, args.host)
    print(f"Demo site on http://{args.host}:{args.port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
