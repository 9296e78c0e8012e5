"""Alert burden: clinically stable patients must not make the team's phones ring."""

from datetime import date
from zoneinfo import ZoneInfo

from shared.config import RulesConfig
from shared.replay import load_patient, replay, summarise
from shared.synthetic import cohort

UNTIL = date(2026, 11, 27)
MOST_ALERTS_PER_PATIENT_MONTH = 0.5


def test_a_stable_cohort_of_30_raises_at_most_half_an_alert_per_patient_month():
    replays = []
    for document in cohort(seed=4, until=UNTIL, n=30, days=90):
        patient = load_patient(document)
        zone = ZoneInfo(patient.context.time_zone) if patient.context.time_zone else None
        replays.append(replay(patient, RulesConfig(), zone=zone))

    summary = summarise(replays)

    assert summary.patients == 30 and round(summary.patient_months) == 89
    assert summary.alerts_per_patient_month <= MOST_ALERTS_PER_PATIENT_MONTH, summary.alerts
