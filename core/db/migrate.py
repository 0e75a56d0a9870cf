"""Bring a database's schema up to date (Alembic `upgrade head`).

Run by `make run` before the servers start and by the tests on every fresh database:
`python -m core.db.migrate [DATABASE_URL]`.
"""

from __future__ import annotations

import sys

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

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


def first_line(error: SQLAlchemyError) -> str:
    """The driver's own one-line reason ("connection refused"), not SQLAlchemy's essay."""
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else load_settings().database_url
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        upgrade(url)
    except SQLAlchemyError as error:
        # An operator's message, not a traceback: which setting, and why.
        sys.exit(f"The database (DATABASE_URL, {shown}) could not be reached: {first_line(error)}.")
    print(f"Database schema is up to date ({shown}).")


if __name__ == "__main__":
    main()
