"""Alert burden of a replayed cohort: alerts per patient-month, by rule and tier.

An alert is a `raised` event; an escalation makes an existing alert louder, not a new one, so
escalations are counted apart. A patient-month is 30.4375 days (a year over 12).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from shared.replay.timeline import Replay

DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class CohortSummary:
    patients: int
    patient_months: float
    alerts: Counter[tuple[str, str]]  # (rule, tier when raised) -> count
    escalations: int

    @property
    def alerts_per_patient_month(self) -> float:
        return sum(self.alerts.values()) / self.patient_months if self.patient_months else 0.0


def summarise(replays: Iterable[Replay]) -> CohortSummary:
    patients, days, escalations = 0, 0, 0
    alerts: Counter[tuple[str, str]] = Counter()
    for replayed in replays:
        patients += 1
        days += replayed.days
        for event in replayed.events:
            if event.name == "raised":
                alerts[(event.rule, event.tier)] += 1
            else:
                escalations += 1
    return CohortSummary(patients, days / DAYS_PER_MONTH, alerts, escalations)


def summary_lines(summary: CohortSummary) -> list[str]:
    """The summary as a plain-text table, one rule and tier per row, most frequent first."""
    total = sum(summary.alerts.values())
    lines = [
        f"summary: {summary.patients} patients, {summary.patient_months:.1f} patient-months, "
        f"{total} alerts = {summary.alerts_per_patient_month:.2f} per patient-month "
        f"({summary.escalations} escalations)",
        f"{'rule':<32} {'tier':<10} {'alerts':>6} {'per patient-month':>18}",
    ]
    for (rule, tier), count in sorted(summary.alerts.items(), key=lambda i: (-i[1], i[0])):
        rate = count / summary.patient_months if summary.patient_months else 0.0
        lines.append(f"{rule:<32} {tier:<10} {count:>6} {rate:>18.2f}")
    return lines
