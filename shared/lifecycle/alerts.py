"""What an alert is: its key, its state, the events it emits, and the finding it is built from.

The engine's finding is read through `FindingLike` (rule id, tier, site, evidence ids), so the
lifecycle depends on those four facts only and not on how the engine builds its explanation.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple, Protocol

# Catalogue order, lowest first; a tier "goes up" when its index does.
TIERS = ("info", "routine", "priority", "urgent", "emergency")


class LifecycleError(ValueError):
    """A transition the lifecycle does not allow; the message says which and why."""


def tier_rank(tier: str) -> int:
    """Position of a catalogue tier, info = 0 .. emergency = 4."""
    try:
        return TIERS.index(str(tier))
    except ValueError:
        raise LifecycleError(f"unknown tier '{tier}'; expected one of {', '.join(TIERS)}") from None


class FindingLike(Protocol):
    """The part of an engine finding the lifecycle reads."""

    @property
    def rule(self) -> str: ...

    @property
    def tier(self) -> str: ...

    @property
    def site(self) -> str | None: ...

    @property
    def evidence(self) -> tuple[str, ...]: ...


class AlertKey(NamedTuple):
    patient_id: str
    rule: str
    site: str | None


def alert_key(patient_id: str, finding: FindingLike) -> AlertKey:
    """The key that findings of one rule at one site (or none) of one patient share."""
    return AlertKey(patient_id, finding.rule, finding.site)


class AlertStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"


class Outcome(StrEnum):
    """What the clinician who resolved the alert says came of it."""

    ACTIONED = "actioned"
    NOT_ACTIONABLE = "not_actionable"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class AlertState:
    key: AlertKey
    tier: str
    evidence: tuple[str, ...]
    raised_at: datetime
    status: AlertStatus = AlertStatus.OPEN
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    outcome: Outcome | None = None

    @property
    def is_active(self) -> bool:
        """Open or acknowledged: the alert still absorbs findings with its key."""
        return self.status is not AlertStatus.RESOLVED


class EventName(StrEnum):
    RAISED = "raised"
    # An active alert went up a tier (webhook `alert.tier_raised`); not the escalation to
    # contacts of an unacknowledged alert, which the server's timers own (`alert.escalated`).
    ESCALATED = "escalated"

    @property
    def webhook_type(self) -> str:
        return "alert.raised" if self is EventName.RAISED else "alert.tier_raised"


@dataclass(frozen=True)
class AlertEvent:
    """Something that happened to an alert, as data: the replay prints it, the server sends it."""

    name: EventName
    key: AlertKey
    tier: str
    at: datetime
    evidence: tuple[str, ...]

    @property
    def rule(self) -> str:
        return self.key.rule

    @property
    def site(self) -> str | None:
        return self.key.site
