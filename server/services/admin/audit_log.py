"""The audit log as admins read it: filtered by user, patient and dates, on a page or as CSV.

Admins' own changes are written here too (role "admin", no patients), so the log also says who
changed users, teams and settings.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, String, cast, select
from sqlalchemy.orm import Session

from server.models import AuditEvent, BreakGlassGrant, Role, User
from server.security.actors import Admin
from server.services.audit import Access, write_row

PAGE_ROWS = 200
CSV_COLUMNS = (
    "at",
    "user",
    "role",
    "action",
    "method",
    "path",
    "status",
    "address",
    "patient_ids",
)


@dataclass(frozen=True)
class AuditFilters:
    user_id: uuid.UUID | None = None
    patient_id: uuid.UUID | None = None
    since: date | None = None
    until: date | None = None


def record_admin_action(session: Session, admin: Admin, access: Access, now: datetime) -> None:
    write_row(session, access, now, admin.clinic_id, admin.user_id, Role.ADMIN)


def events_query(admin: Admin, filters: AuditFilters) -> Select[tuple[AuditEvent, str]]:
    query = (
        select(AuditEvent, User.email)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(AuditEvent.clinic_id == admin.clinic_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id)
    )
    if filters.user_id is not None:
        query = query.where(AuditEvent.user_id == filters.user_id)
    if filters.patient_id is not None:
        # A UUID's text holds no LIKE wildcards; the JSON list's text names each id once.
        query = query.where(cast(AuditEvent.patient_ids, String).like(f"%{filters.patient_id}%"))
    if filters.since is not None:
        query = query.where(AuditEvent.at >= datetime.combine(filters.since, time(), UTC))
    if filters.until is not None:
        end = datetime.combine(filters.until + timedelta(days=1), time(), UTC)
        query = query.where(AuditEvent.at < end)
    return query


def audit_page(
    session: Session, admin: Admin, filters: AuditFilters
) -> list[tuple[AuditEvent, str | None]]:
    rows = session.execute(events_query(admin, filters).limit(PAGE_ROWS))
    return [(event, email) for event, email in rows]


def audit_csv(session: Session, admin: Admin, filters: AuditFilters) -> Iterator[str]:
    """Every matching row, newest first, read from the database in batches."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    query = events_query(admin, filters).execution_options(yield_per=500)
    for event, email in session.execute(query):
        writer.writerow(
            [
                event.at.isoformat(),
                email or str(event.user_id),
                event.role,
                event.action,
                event.method,
                event.path,
                event.status,
                event.address,
                " ".join(event.patient_ids),
            ]
        )
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def break_glass_grants(
    session: Session, admin: Admin, filters: AuditFilters
) -> list[tuple[BreakGlassGrant, str]]:
    query = (
        select(BreakGlassGrant, User.email)
        .join(User, User.id == BreakGlassGrant.user_id)
        .where(BreakGlassGrant.clinic_id == admin.clinic_id)
        .order_by(BreakGlassGrant.granted_at.desc())
        .limit(PAGE_ROWS)
    )
    if filters.user_id is not None:
        query = query.where(BreakGlassGrant.user_id == filters.user_id)
    if filters.patient_id is not None:
        query = query.where(BreakGlassGrant.patient_id == filters.patient_id)
    if filters.since is not None:
        query = query.where(
            BreakGlassGrant.granted_at >= datetime.combine(filters.since, time(), UTC)
        )
    if filters.until is not None:
        end = datetime.combine(filters.until + timedelta(days=1), time(), UTC)
        query = query.where(BreakGlassGrant.granted_at < end)
    return [(grant, email) for grant, email in session.execute(query)]
