"""Test databases: a SQLite file and, when reachable, a fresh PostgreSQL database per test run."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError

DEFAULT_POSTGRES_URL = (
    "postgresql+psycopg://painline_test:painline_test@127.0.0.1:5432/painline_test"
)


def postgres_base_url() -> str:
    return os.environ.get("PAINLINE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def postgres_unreachable_reason(base_url: str) -> str | None:
    try:
        engine = create_engine(base_url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except OperationalError as error:
        first_line = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        shown = make_url(base_url).render_as_string(hide_password=True)
        return f"PostgreSQL not reachable at {shown}: {first_line}"
    return None


@contextmanager
def fresh_postgres_database(base_url: str) -> Iterator[str]:
    """Create an empty database named for this run, yield its URL, drop it afterwards."""
    name = f"painline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def empty_all_tables(engine: Engine, table_names: list[str]) -> None:
    """Remove every row, keeping the schema, so the next test starts from an empty database."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Audit rows are protected by a trigger against DELETE, not against TRUNCATE.
            quoted = ", ".join(f'"{name}"' for name in table_names)
            connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
        else:
            for name in table_names:
                connection.execute(text(f'DELETE FROM "{name}"'))
