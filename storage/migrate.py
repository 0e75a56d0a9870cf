"""Bring a database's schema up to date (Alembic `upgrade head`).

Run by `make run` before the servers start and by the tests on every fresh database:
`python -m storage.migrate [DATABASE_URL]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

from storage.settings import PROJECT_ROOT, load_settings


def alembic_config(database_url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    config.attributes["configure_logger"] = False
    return config


def upgrade(database_url: str) -> None:
    url = make_url(database_url)
    if url.drivername.startswith("sqlite") and url.database:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(database_url), "head")


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else load_settings().database_url
    upgrade(url)
    print(f"Database schema is up to date ({make_url(url).render_as_string(hide_password=True)}).")


if __name__ == "__main__":
    main()
