"""Running the engine inside the writing transaction and turning findings into alerts.

A push is evaluated as the replay does: at each stored record's own time and at the end of each
local day it touched, in time order, with `now` that time (never the wall clock). Findings at
times more than 14 days before the server's clock are history, not news: their alerts are
created resolved ("historical") and nobody is notified.

Historical days are evaluated once, at the day's end, not also at each record's time: a backfill
of a year would otherwise run the engine twice a day for alerts nobody is paged for. A finding
that held at a record's time but no longer at the end of its (historical) day is therefore not
kept; everything within 14 days of the server's clock is evaluated exactly as the replay does.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session

from server.models import Alert, Patient
from server.services.alerts.history import LoadedHistory, load_history
from server.services.alerts.lapsed import keys_holding, mark_lapsed
from server.services.alerts.store import (
    PatientSnoozes,
    copy_state,
    latest_alerts_by_key,
    new_alert_row,
    outbox_rows,
    state_of,
)
from server.services.alerts.withdrawn import mark_withdrawn
from server.services.change_sequence import ChangeSequence
from shared.config import RulesConfig
from shared.engine import evaluate
from shared.lifecycle import AlertKey, EventName, alert_key, apply_finding, resolve
from shared.records import Dose, PainReport
from shared.rules import Finding

HISTORICAL_AFTER = timedelta(days=14)
END_OF_DAY = time(23, 59, 59)


def evaluate_after_push(
    session: Session,
    patient: Patient,
    stored: list[PainReport | Dose],
    server_now: datetime,
    config: RulesConfig,
    sequence: ChangeSequence,
) -> list[Alert]:
    """Evaluate after a push; returns the alerts whose status changed (they took new numbers)."""
    mark_withdrawn(session, patient.id, [r.id for r in stored if r.revision > 1])
    moments = evaluation_moments(stored, server_now - HISTORICAL_AFTER)
    return run(session, patient, moments, server_now, config, sequence)


def evaluate_now(
    session: Session,
    patient: Patient,
    server_now: datetime,
    config: RulesConfig,
    held_before: set[AlertKey] | None = None,
    because: str = "",
) -> None:
    """After a clinician changed a treatment or the context: evaluate at the server's clock.

    `held_before` (the keys found before the change) marks the active alerts the change undid.
    """
    sequence = ChangeSequence(session, patient.id)
    run(session, patient, [server_now], server_now, config, sequence)
    if held_before is not None:
        session.flush()
        held_after = keys_holding(session, patient, server_now, config)
        mark_lapsed(session, patient, held_before, held_after, because, server_now)
    sequence.close()


def evaluation_moments(
    records: Iterable[PainReport | Dose], history_before: datetime
) -> list[datetime]:
    """Each record's time (unless before `history_before`) and its local day's end, in order."""
    moments: dict[datetime, datetime] = {}
    for record in records:
        at = record.recorded_at if isinstance(record, PainReport) else record.taken_at
        end_of_day = datetime.combine(at.date(), END_OF_DAY, tzinfo=at.tzinfo)
        for moment in (at, end_of_day) if at >= history_before else (end_of_day,):
            # Keyed by the instant, so one instant written in two offsets is evaluated once.
            moments.setdefault(moment, moment)
    return sorted(moments.values())


def run(
    session: Session,
    patient: Patient,
    moments: list[datetime],
    server_now: datetime,
    config: RulesConfig,
    sequence: ChangeSequence,
) -> list[Alert]:
    if not moments:
        return []
    loaded = load_history(session, patient, moments[0])
    alerts = AlertBook(session, patient, loaded, config.config_hash(), sequence)
    for moment in moments:
        historical = moment < server_now - HISTORICAL_AFTER
        for finding in evaluate(loaded.history, moment, config):
            alerts.apply(finding, moment, historical)
    return list(alerts.changed.values())


class AlertBook:
    """The patient's alerts during one evaluation run, written back as they change.

    The alerts and snoozes are read at the first finding: most evaluations find nothing.
    """

    def __init__(
        self,
        session: Session,
        patient: Patient,
        loaded: LoadedHistory,
        config_hash: str,
        sequence: ChangeSequence,
    ) -> None:
        self.session = session
        self.patient = patient
        self.loaded = loaded
        self.config_hash = config_hash
        self.sequence = sequence
        self.changed: dict[uuid.UUID, Alert] = {}
        self.loaded_alerts = False

    def load(self) -> None:
        self.latest: dict[AlertKey, Alert] = latest_alerts_by_key(self.session, self.patient.id)
        self.snoozes = PatientSnoozes(self.session, self.patient.id)
        self.loaded_alerts = True

    def apply(self, finding: Finding, moment: datetime, historical: bool) -> None:
        if not self.loaded_alerts:
            self.load()
        key = alert_key(str(self.patient.id), finding)
        row = self.latest.get(key)
        previous = state_of(row) if row is not None else None
        state, events = apply_finding(
            previous,
            str(self.patient.id),
            finding,
            moment,
            self.snoozes,
            self.loaded.evidence_times,
        )
        if state is None or (state == previous and not events):
            return
        if any(event.name is EventName.RAISED for event in events):
            row = new_alert_row(self.patient.clinic_id, self.patient.id, finding, self.config_hash)
            self.session.add(row)
            self.latest[key] = row
        assert row is not None, "only a raise creates a row; other changes need an alert"
        if historical and state.is_active:
            state = resolve(state, moment)
            row.historical = True
        copy_state(row, state, finding)
        row.no_longer_holds_since = row.no_longer_holds_because = None
        row.change_seq = self.sequence.next()
        self.changed[row.id] = row
        if not historical:
            self.session.add_all(outbox_rows(row, events, moment))
