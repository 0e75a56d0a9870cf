"""Bring a database's schema up to date (Alembic `upgrade head`).

Run by `make run` before the servers start and by the tests on every fresh database:
`python -m core.db.migrate [DATABASE_URL]`.
"""

from __future__ import annotations

import sys

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

from core.private_files import private_sqlite_file
from core.settings import PROJECT_ROOT, load_settings


def alembic_config(database_url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    config.attributes["configure_logger"] = False
    return config


def upgrade(database_url: str) -> None:
    private_sqlite_file(database_url)  # before Alembic's engine creates it with the umask
    command.upgrade(alembic_config(database_url), "head")


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else load_settings().database_url
    upgrade(url)
    print(f"Database schema is up to date ({make_url(url).render_as_string(hide_password=True)}).")


if __name__ == "__main__":
    main()
