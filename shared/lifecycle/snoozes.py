"""Snoozes: a clinician silences one rule (at one site, or all) for a patient, for a while.

A snooze is for a pattern the team already knows about (a known deficit, say) and lasts at
most 14 days, so nothing stays silent unreviewed. Rules that are always emergencies cannot be
snoozed at all, and no snooze ever holds back an emergency-tier finding: rules 13 and 14 may
be snoozed for their urgent form, but a seizure or new confusion still raises.

A `Snooze` belongs to one patient; the caller keeps it with the patient and passes that
patient's snoozes in.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.lifecycle.alerts import FindingLike, LifecycleError, tier_rank

MAX_SNOOZE = timedelta(days=14)
EMERGENCY_RANK = tier_rank("emergency")
# Rules 1 and 4, whose every finding is an emergency.
NEVER_SNOOZED = frozenset({"mscc_neuro_red_flag", "inability_to_bear_weight"})


class SnoozeRefused(LifecycleError):
    """A snooze the lifecycle will not create; the message says why."""


@dataclass(frozen=True)
class Snooze:
    rule: str
    site: str | None  # None: every site of the rule, and its patient-level findings
    starts_at: datetime
    until: datetime
    reason: str

    def covers(self, finding: FindingLike, now: datetime) -> bool:
        """True while active (starts_at <= now < until) for this rule and site."""
        if not self.starts_at <= now < self.until or finding.rule != self.rule:
            return False
        return self.site is None or self.site == finding.site


def snooze(rule: str, site: str | None, now: datetime, until: datetime, reason: str) -> Snooze:
    """A snooze from `now` to `until`; raises SnoozeRefused for what the catalogue forbids."""
    if rule in NEVER_SNOOZED:
        raise SnoozeRefused(
            f"{rule} is an emergency rule and cannot be snoozed; every finding must reach "
            "the team at once"
        )
    if not reason.strip():
        raise SnoozeRefused("a snooze needs a reason (for example, a known deficit)")
    if until <= now:
        raise SnoozeRefused("a snooze must end after it starts")
    if until - now > MAX_SNOOZE:
        days = (until - now) / timedelta(days=1)
        raise SnoozeRefused(f"a snooze lasts at most 14 days; this one would last {days:g} days")
    return Snooze(rule=rule, site=site, starts_at=now, until=until, reason=reason.strip())


def is_snoozed(snoozes: Iterable[Snooze], finding: FindingLike, now: datetime) -> bool:
    """True when an active snooze holds `finding` back; never for an emergency-tier finding."""
    if tier_rank(finding.tier) >= EMERGENCY_RANK:
        return False
    return any(item.covers(finding, now) for item in snoozes)
