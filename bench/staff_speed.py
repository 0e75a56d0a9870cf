"""Time the staff console's inbox and dashboard on a database with 100,000 questions.

Target (issue 5): each answers in under 200 ms. Builds a fresh SQLite database (or uses
--database-url), fills it with bench.generate_data, logs in and times real requests through
the Flask app (median of 5 after a warm-up).

    python -m bench.staff_speed [--questions 100000] [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate_data import generate
from core.db.database import session_factory
from core.db.migrate import upgrade
from staff.app import create_app, create_user

PAGES = [
    ("inbox, newest first", "/"),
    ("inbox, page 100", "/?page=100"),
    ("inbox, fallbacks below 0.5", "/?outcome=fallback&max_confidence=0.5"),
    ("inbox, topic + not reviewed", "/?topic=recovery&reviewed=no"),
    ("inbox, text search", "/?q=medicare"),
    ("dashboard, 30 days", "/dashboard"),
    ("dashboard, 90 days", "/dashboard?from={from90}"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="staff-bench-"))
    url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
    os.environ.setdefault("STAFF_SECRET_FILE", str(folder / "secret.key"))
    upgrade(url)
    started = time.perf_counter()
    generate(url, args.questions, days=90)
    print(f"{args.questions} questions generated in {time.perf_counter() - started:.1f} s\n")
    create_user(session_factory(url), "bench", "benchmark password", "reviewer")
    client = create_app(url).test_client()
    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    client.post(
        "/login", data={"username": "bench", "password": "benchmark password", "csrf_token": token}
    )
    from90 = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 89 * 86400))
    print("| page | median ms | max ms |\n|---|---|---|")
    for name, path in PAGES:
        path = path.format(from90=from90)
        client.get(path)  # warm-up
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        print(f"| {name} | {statistics.median(times):.0f} | {max(times):.0f} |")


if __name__ == "__main__":
    main()
