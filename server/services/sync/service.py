"""One sync request: validate each pushed item, upsert the valid ones, run the engine, pull."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from marshmallow import Schema, ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.models import CareTeam, Patient
from server.security.actors import PatientDevice
from server.services.alerts import evaluate_after_push
from server.services.change_sequence import ChangeSequence
from server.services.errors import DomainError
from server.services.sync.changes import Change, alert_change, page_of, pull
from server.services.sync.cursor import decode_cursor, encode_cursor
from server.services.sync.records import (
    DOSES,
    REPORTS,
    IdTaken,
    Outcome,
    Pushed,
    RecordWriter,
)
from shared.config import RulesConfig
from shared.plausibility import is_implausible, warning_message
from shared.records import Dose, PainReport
from shared.wire import ClockCheck, check_future

MAX_RECORDS = 500
# Numbers reserved for alerts whose status a push changes (more are taken at the end if needed).
ALERT_NUMBERS_RESERVED = 2

# What the phone shows from its care team, read with the patient row under the lock.
TEAM_SETTINGS = {
    name: select(getattr(CareTeam, name))
    .where(CareTeam.id == Patient.care_team_id)
    .scalar_subquery()
    for name in (
        "helpline",
        "call_now_text",
        "out_of_hours_text",
        "check_in_reminder",
        "emergency_number",
    )
}


class TooManyRecords(DomainError):
    """Refused whole, before anything is stored: the phone splits its outbox and tries again."""

    status = 413


@dataclass(frozen=True)
class Push:
    cursor: str | None
    reports: list[Any] = field(default_factory=list)
    doses: list[Any] = field(default_factory=list)


@dataclass
class SyncResult:
    cursor: str
    more: bool
    accepted: list[str]
    rejected: list[dict[str, Any]]
    changes: dict[str, Any]
    settings: dict[str, str]
    warnings: list[dict[str, str]] = field(default_factory=list)


def sync(
    session: Session,
    device: PatientDevice,
    push: Push,
    now: datetime,
    rules_config: RulesConfig,
) -> SyncResult:
    try:
        return sync_once(session, device, push, now, rules_config)
    except IntegrityError:
        # Another patient's push stored one of these ids between our look and our insert (the
        # patient lock orders only this patient's pushes). Nothing was committed; once more,
        # that id is seen as taken and refused alone.
        session.rollback()
        return sync_once(session, device, push, now, rules_config)


def sync_once(
    session: Session,
    device: PatientDevice,
    push: Push,
    now: datetime,
    rules_config: RulesConfig,
) -> SyncResult:
    count = len(push.reports) + len(push.doses)
    if count > MAX_RECORDS:
        raise TooManyRecords(f"{count} records in one request; send at most {MAX_RECORDS}.")
    since = decode_cursor(push.cursor)
    checked = []
    for kind, items in ((REPORTS, push.reports), (DOSES, push.doses)):
        if items:
            # One schema per kind and push: building one costs more than loading an item.
            schema = kind.schema(now=now)
            checked.append((kind, schema, *validate_items(schema, items)))
    # Each valid record takes at most one number, and a push that stores any changes few alerts:
    # reserved with the lock, in the same statement, so most pushes write the patient row once.
    records = sum(len(valid) for _, _, valid, _ in checked)
    sequence, patient, team = ChangeSequence.with_patient(
        session,
        device.patient_id,
        list(TEAM_SETTINGS.values()),
        reserve=records + ALERT_NUMBERS_RESERVED if records else 0,
    )
    accepted: list[str] = []
    rejected: list[dict[str, Any]] = []
    stored: list[PainReport | Dose] = []
    written: list[Change] = []
    for kind, schema, valid, invalid in checked:
        rejected.extend(invalid)
        writer = RecordWriter(session, kind, device, sequence, schema)
        outcomes = writer.write([pushed(record, now) for record in valid])
        for record, outcome in zip(valid, outcomes, strict=True):
            if isinstance(outcome, IdTaken):
                rejected.append({"id": record.id, "errors": {"id": [str(outcome)]}})
                continue
            accepted.append(record.id)
            if outcome is Outcome.STORED:
                stored.append(record)
        written.extend(writer.changes)
    session.flush()
    if stored:
        alerts = evaluate_after_push(session, patient, stored, now, rules_config, sequence)
        written.extend(alert_change(alert) for alert in alerts)
    sequence.close()
    if since >= sequence.before:
        # The phone had everything before this transaction: its news is what this one wrote.
        found = [change for change in written if change.seq > since]
        page = page_of(found, since, sequence.latest)
    else:
        page = pull(session, device.patient_id, device.device_id, since, sequence.latest)
    settings = dict(zip(TEAM_SETTINGS, team, strict=True))
    settings["helpline"] = patient.helpline or settings["helpline"]
    session.commit()
    return SyncResult(
        cursor=encode_cursor(page.cursor),
        more=page.more,
        accepted=accepted,
        rejected=rejected,
        changes={**page.items, "context": page.context},
        settings=settings,
        warnings=dose_warnings(checked, set(accepted), rules_config),
    )


def dose_warnings(
    checked: list[tuple[Any, ...]], accepted: set[str], config: RulesConfig
) -> list[dict[str, str]]:
    """Accepted doses above their plausible limit: stored, but kept out of OME until checked.

    Every accepted one, a resent duplicate included, so a phone whose first answer was lost
    still hears of it.
    """
    return [
        {"id": record.id, "message": warning_message(record)}
        for _, _, valid, _ in checked
        for record in valid
        if isinstance(record, Dose)
        and record.id in accepted
        and not record.deleted
        and is_implausible(record, config)
    ]


def pushed(record: PainReport | Dose, now: datetime) -> Pushed:
    moment = record.recorded_at if isinstance(record, PainReport) else record.taken_at
    return Pushed(record, moment, check_future(moment, now) is ClockCheck.AHEAD)


def validate_items(schema: Schema, items: list[Any]) -> tuple[list[Any], list[dict[str, Any]]]:
    """Load each item on its own, so one bad item costs only itself: (valid, rejected)."""
    valid, rejected = [], []
    for index, item in enumerate(items):
        try:
            valid.append(schema.load(item))
        except ValidationError as error:
            item_id = item.get("id") if isinstance(item, dict) else None
            refusal: dict[str, Any] = {"id": item_id if isinstance(item_id, str) else None}
            if refusal["id"] is None:
                refusal["index"] = index
            refusal["errors"] = error.messages
            rejected.append(refusal)
    return valid, rejected
