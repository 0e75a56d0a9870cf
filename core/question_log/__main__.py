"""Back-fill the question log from the transcripts by hand: `python -m core.question_log`.

The action server does this by itself when it starts and every few minutes; this command is
for an operator who wants the log caught up now (for example after restoring a database).
"""

from __future__ import annotations

import argparse

from core.question_log.backfill import backfill
from core.question_log.service import build_log_writer
from core.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(description="Back-fill the question log from the transcripts.")
    parser.add_argument("--hours", type=float, default=24.0)
    args = parser.parse_args()
    settings = load_settings()
    writer = build_log_writer(settings)
    found = backfill(writer, settings.database_url, args.hours)
    writer.flush()
    print(f"Added {found} questions from the transcripts.")


if __name__ == "__main__":
    main()
