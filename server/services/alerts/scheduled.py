"""The time-based rules (16 and 18), run by the worker's scheduler at the wall clock.

Unlike a push, nothing new arrived: the patient is evaluated at `server_now` in their own time
zone (the catalogue's "day" is the local date), with only `TIME_BASED_RULES`.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from server.models import Patient
from server.services.alerts.evaluation import AlertBook
from server.services.alerts.history import load_history
from server.services.change_sequence import ChangeSequence
from shared.config import RulesConfig
from shared.engine import evaluate
from shared.rules import TIME_BASED_RULES


def evaluate_time_based(
    session: Session,
    patient: Patient,
    server_now: datetime,
    config: RulesConfig,
    sequence: ChangeSequence,
) -> None:
    local_now = server_now.astimezone(ZoneInfo(patient.time_zone))
    loaded = load_history(session, patient, local_now)
    alerts = AlertBook(session, patient, loaded, config.config_hash(), sequence)
    for finding in evaluate(loaded.history, local_now, config, rules=TIME_BASED_RULES):
        alerts.apply(finding, local_now, historical=False)
