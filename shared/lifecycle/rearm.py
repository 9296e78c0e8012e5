"""When a resolved alert's key may raise again (catalogue, "Alert lifecycle").

Only a record newer than the resolution can raise it again, so the same evidence never pages
twice. Trend rules also wait: their pattern outlives the clinician's action for days (a new
opioid dose or radiotherapy takes time to show), and re-raising in that time would be noise.
"""

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from types import MappingProxyType

from shared.lifecycle.alerts import AlertState, FindingLike, LifecycleError
from shared.lifecycle.snoozes import Snooze, is_snoozed

TREND_WAIT = timedelta(days=7)
# Persistent and widespread pain: the time a radiotherapy decision takes to show its effect.
RADIOTHERAPY_DECISION_WAIT = timedelta(days=28)

TREND_RULE_WAITS: Mapping[str, timedelta] = MappingProxyType(
    {
        "persistent_focal_pain": RADIOTHERAPY_DECISION_WAIT,  # rule 5
        "widespread_bone_pain": RADIOTHERAPY_DECISION_WAIT,  # rule 6
        "post_rt_pain_flare": TREND_WAIT,  # rule 7
        "post_rt_non_response": TREND_WAIT,  # rule 8
        "breakthrough_overuse": TREND_WAIT,  # rule 9
        "opioid_escalation": TREND_WAIT,  # rule 10
        "neuropathic_features": TREND_WAIT,  # rule 11
        "severe_or_worsening_pain": TREND_WAIT,  # rule 15
    }
)


def should_raise(
    previous: AlertState | None,
    finding: FindingLike,
    now: datetime,
    snoozes: Iterable[Snooze],
    evidence_times: Mapping[str, datetime],
) -> bool:
    """True when `finding` should raise a new alert rather than be absorbed or dropped.

    `previous` is the latest alert with the finding's key (None if there never was one),
    `snoozes` are the patient's snoozes, and `evidence_times` maps each evidence id to its
    record's time.
    """
    if is_snoozed(snoozes, finding, now):
        return False
    if previous is None:
        return True
    if previous.is_active or previous.resolved_at is None:
        return False
    resolved_at = previous.resolved_at
    if not any(_time_of(record, evidence_times) > resolved_at for record in finding.evidence):
        return False
    wait = TREND_RULE_WAITS.get(finding.rule, timedelta(0))
    return now >= resolved_at + wait


def _time_of(record_id: str, evidence_times: Mapping[str, datetime]) -> datetime:
    try:
        return evidence_times[record_id]
    except KeyError:
        # Guessing a time could silence a real finding or page twice for an old one.
        raise LifecycleError(
            f"no time given for evidence record {record_id}; pass the time of every evidence "
            "record in evidence_times"
        ) from None
