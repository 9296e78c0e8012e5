"""Migration 0009 moves an alert's single note into its thread, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from tests.conftest import ROOT, dispose, make_app
from tests.support.databases import fresh_postgres_database

MIGRATIONS = str(ROOT / "migrations")
RAISED = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgres"])
def url_at_0008(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'painline.db'}"
        migrate(url, "0008")
        yield url
        return
    with fresh_postgres_database(request.getfixturevalue("postgres_server_url")) as url:
        migrate(url, "0008")
        yield url


def migrate(url: str, revision: str) -> None:
    app = make_app(url)
    with app.app_context():
        upgrade(directory=MIGRATIONS, revision=revision)
        dispose(app)


def filled(table: sa.Table, **given: Any) -> dict[str, Any]:
    """`given`, and a plain value for every other required column of the table."""
    row = dict(given)
    for column in table.columns:
        if column.name in row or column.nullable:
            continue
        kind = column.type
        if isinstance(kind, sa.Enum):
            row[column.name] = kind.enums[0]
        elif isinstance(kind, sa.Uuid):
            row[column.name] = uuid.uuid4()
        elif isinstance(kind, sa.Boolean):
            row[column.name] = False
        elif isinstance(kind, sa.Integer):
            row[column.name] = 0
        elif isinstance(kind, sa.DateTime):
            row[column.name] = RAISED
        elif isinstance(kind, sa.JSON):
            row[column.name] = []
        else:
            row[column.name] = "x"
    return row


def seed(url: str) -> dict[str, uuid.UUID]:
    """A clinic with one clinician and three alerts: acknowledged with a note, then resolved
    with another; acknowledged with a note only; resolved by the engine in a backfill."""
    engine = sa.create_engine(url)
    meta = sa.MetaData()
    meta.reflect(engine)
    ids = {name: uuid.uuid4() for name in ("clinic", "team", "user", "patient")}
    ids |= {name: uuid.uuid4() for name in ("resolved", "acknowledged", "historical")}
    t = meta.tables
    ack_at, resolved_at = RAISED + timedelta(minutes=10), RAISED + timedelta(hours=5)
    sqlite = engine.dialect.name == "sqlite"

    def insert(connection: sa.Connection, table: str, row: dict[str, Any]) -> None:
        # Reflected SQLite tables know a UUID column only as CHAR(32): the hex the ORM writes.
        if sqlite:
            row = {k: v.hex if isinstance(v, uuid.UUID) else v for k, v in row.items()}
        connection.execute(t[table].insert(), row)

    with engine.begin() as connection:
        insert(connection, "clinics", filled(t["clinics"], id=ids["clinic"]))
        team = filled(t["care_teams"], id=ids["team"], clinic_id=ids["clinic"])
        insert(connection, "care_teams", team)
        user = filled(t["users"], id=ids["user"], clinic_id=ids["clinic"], email="a@example.org")
        insert(connection, "users", user)
        patient = filled(
            t["patients"], id=ids["patient"], clinic_id=ids["clinic"], care_team_id=ids["team"]
        )
        insert(connection, "patients", patient)
        alerts = [
            dict(
                id=ids["resolved"],
                status="resolved",
                acknowledged_at=ack_at,
                acknowledged_by=ids["user"],
                resolved_at=resolved_at,
                resolved_by=ids["user"],
                outcome="actioned",
                note="MRI booked",
            ),
            dict(
                id=ids["acknowledged"],
                status="acknowledged",
                acknowledged_at=ack_at,
                acknowledged_by=ids["user"],
                note="Called patient 02:10, advised ED",
            ),
            dict(id=ids["historical"], status="resolved", resolved_at=RAISED, note="historical"),
        ]
        for alert in alerts:
            row = filled(
                t["alerts"],
                clinic_id=ids["clinic"],
                patient_id=ids["patient"],
                raised_at=RAISED,
                **alert,
            )
            insert(connection, "alerts", row)
    engine.dispose()
    return ids


def threads(url: str) -> dict[uuid.UUID, list[tuple[str, str | None, uuid.UUID | None]]]:
    engine = sa.create_engine(url)
    notes = sa.Table(
        "alert_notes",
        sa.MetaData(),
        sa.Column("alert_id", sa.Uuid()),
        sa.Column("author_id", sa.Uuid()),
        autoload_with=engine,
        resolve_fks=False,
    )
    with engine.connect() as connection:
        rows = connection.execute(sa.select(notes).order_by(notes.c.at)).mappings().all()
    engine.dispose()
    found: dict[uuid.UUID, list[tuple[str, str | None, uuid.UUID | None]]] = {}
    for row in rows:
        found.setdefault(row["alert_id"], []).append((row["action"], row["text"], row["author_id"]))
    return found


def test_the_single_note_moves_into_the_thread_with_its_author(url_at_0008):
    ids = seed(url_at_0008)

    migrate(url_at_0008, "0009")

    found = threads(url_at_0008)
    assert found[ids["resolved"]] == [
        ("acknowledged", None, ids["user"]),
        ("resolved", "MRI booked", ids["user"]),
    ]
    assert found[ids["acknowledged"]] == [
        ("acknowledged", "Called patient 02:10, advised ED", ids["user"])
    ]
    assert ids["historical"] not in found
    engine = sa.create_engine(url_at_0008)
    columns = {c["name"] for c in sa.inspect(engine).get_columns("alerts")}
    engine.dispose()
    assert "note" not in columns


def test_the_migration_goes_back_down(url_at_0008):
    migrate(url_at_0008, "0009")
    app = make_app(url_at_0008)
    with app.app_context():
        downgrade(directory=MIGRATIONS, revision="0008")
        dispose(app)

    engine = sa.create_engine(url_at_0008)
    inspector = sa.inspect(engine)
    tables, alert_columns = inspector.get_table_names(), inspector.get_columns("alerts")
    engine.dispose()
    assert "alert_notes" not in tables
    assert "note" in {c["name"] for c in alert_columns}
