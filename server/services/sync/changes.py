"""What a phone pulls: every change of its patient after its cursor, in order, at most a page."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Alert, Patient, Treatment
from server.models.records import Dose, PainReport
from server.services.context import as_record as context_record
from server.services.treatment_records import as_record as treatment_record
from shared.wire import dump_context, dump_treatment

PAGE_SIZE = 500


@dataclass
class Page:
    cursor: int
    more: bool
    items: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    context: dict[str, Any] | None = None


@dataclass(frozen=True)
class Change:
    seq: int
    section: str
    body: dict[str, Any]
    from_this_device: bool = False


# Each source lists (seq, body, own) changes of one patient after a position, oldest first.
Source = Callable[[Session, uuid.UUID, uuid.UUID, int, int], list[Change]]


def pushed_records(model: type[PainReport] | type[Dose], section: str) -> Source:
    def changes(
        session: Session, patient_id: uuid.UUID, device_id: uuid.UUID, since: int, limit: int
    ) -> list[Change]:
        rows = session.execute(
            select(model.change_seq, model.body, model.device_id)
            .where(model.patient_id == patient_id, model.change_seq > since)
            .order_by(model.change_seq)
            .limit(limit)
        )
        return [Change(seq, section, body, pushed_by == device_id) for seq, body, pushed_by in rows]

    return changes


def treatments(
    session: Session, patient_id: uuid.UUID, device_id: uuid.UUID, since: int, limit: int
) -> list[Change]:
    rows = session.scalars(
        select(Treatment)
        .where(Treatment.patient_id == patient_id, Treatment.change_seq > since)
        .order_by(Treatment.change_seq)
        .limit(limit)
    )
    return [
        Change(row.change_seq, "treatments", dump_treatment(treatment_record(row))) for row in rows
    ]


def context(
    session: Session, patient_id: uuid.UUID, device_id: uuid.UUID, since: int, limit: int
) -> list[Change]:
    patient = session.get_one(Patient, patient_id)
    if patient.context_change_seq <= since:
        return []
    return [Change(patient.context_change_seq, "context", dump_context(context_record(patient)))]


def alert_statuses(
    session: Session, patient_id: uuid.UUID, device_id: uuid.UUID, since: int, limit: int
) -> list[Change]:
    rows = session.scalars(
        select(Alert)
        .where(Alert.patient_id == patient_id, Alert.change_seq > since)
        .order_by(Alert.change_seq)
        .limit(limit)
    )
    return [alert_change(row) for row in rows]


def alert_change(row: Alert) -> Change:
    """Status only: the phone never learns a rule, a diagnosis or a suggested action."""
    return Change(
        row.change_seq,
        "alerts",
        {
            "id": str(row.id),
            "status": row.status,
            "raised_at": row.raised_at,
            "acknowledged_at": row.acknowledged_at,
            "resolved_at": row.resolved_at,
        },
    )


SOURCES: list[Source] = [
    pushed_records(PainReport, "reports"),
    pushed_records(Dose, "doses"),
    treatments,
    context,
    alert_statuses,
]


def pull(
    session: Session,
    patient_id: uuid.UUID,
    device_id: uuid.UUID,
    since: int,
    latest: int,
    page_size: int = PAGE_SIZE,
) -> Page:
    """Changes after `since`, up to `page_size` of them; `latest` is the patient's last change."""
    found: list[Change] = []
    for source in SOURCES:
        found.extend(source(session, patient_id, device_id, since, page_size + 1))
    return page_of(found, since, latest, page_size)


def page_of(found: list[Change], since: int, latest: int, page_size: int = PAGE_SIZE) -> Page:
    """The first `page_size` of `found` (every change after `since`, in any order) as a page."""
    found = sorted(found, key=lambda change: change.seq)
    more = len(found) > page_size
    page = found[:page_size]
    result = Page(cursor=page[-1].seq if more else max(latest, since), more=more)
    result.items = {"reports": [], "doses": [], "treatments": [], "alerts": []}
    for change in page:
        # A phone already holds what it pushed itself; the cursor still moves past it.
        if change.from_this_device:
            continue
        if change.section == "context":
            result.context = change.body
        else:
            result.items.setdefault(change.section, []).append(change.body)
    return result
