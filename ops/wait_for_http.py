"""Wait until every given URL answers HTTP 200, or fail after a timeout.

Why: `rasa run` loads its model before it listens, which takes several seconds; scripts and
tests must not talk to it (or declare it broken) before then.
"""

from __future__ import annotations

import argparse
import sys
import time
import urllib.error
import urllib.request


def is_up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (local URLs)
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def wait_for(urls: list[str], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    pending = list(urls)
    while pending and time.monotonic() < deadline:
        pending = [url for url in pending if not is_up(url)]
        if pending:
            time.sleep(0.5)
    return not pending


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    sys.exit(0 if wait_for(args.urls, args.timeout) else 1)


if __name__ == "__main__":
    main()
