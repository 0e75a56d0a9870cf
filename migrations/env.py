"""Alembic environment: migrate the database named by DATABASE_URL (or the given URL)."""

from __future__ import annotations

from logging.config import fileConfig
from typing import Any

from alembic import context

from core.db import staff_models  # noqa: F401 - registers the console's tables
from core.db.database import create_db_engine
from core.db.models import Base
from core.settings import load_settings

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata
# Rasa's tracker store creates and owns its `events` table; never touch it here.
RASA_TABLES = {"events"}


def include_object(obj: Any, name: Any, type_: Any, reflected: Any, compare_to: Any) -> bool:
    return not (type_ == "table" and name in RASA_TABLES)


def database_url() -> str:
    return str(config.attributes.get("database_url") or load_settings().database_url)


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        include_object=include_object,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = create_db_engine(database_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
