"""Settings from the environment, read in one place.

Why environment variables: the database URL may hold a password, so it never lives in the
repository; everything else has a safe default so the first run needs no set-up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'assistant.db'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    spool_dir: Path
    retention_days: int
    contact_config: Path
    flush_interval_seconds: float
    # An open call-back form's answers are kept raw (form_answers) at most this long after
    # its last change: the session expires after 60 silent minutes (domain.yml), and an
    # abandoned form's name must not wait a day for the retention job.
    form_answers_minutes: float = 60.0


def load_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        spool_dir=Path(os.environ.get("SPOOL_DIR") or PROJECT_ROOT / "var" / "spool"),
        retention_days=int(os.environ.get("RETENTION_DAYS") or 365),
        contact_config=Path(
            os.environ.get("CONTACT_CONFIG") or PROJECT_ROOT / "config" / "contact.yml"
        ),
        flush_interval_seconds=float(os.environ.get("LOG_FLUSH_INTERVAL_SECONDS") or 2.0),
        form_answers_minutes=float(os.environ.get("FORM_ANSWERS_MINUTES") or 60.0),
    )
