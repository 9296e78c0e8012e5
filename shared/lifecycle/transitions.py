"""Transitions of one alert: raise, absorb a finding, acknowledge, resolve.

Each takes a state and returns a new one (and the events to deliver); none mutates anything,
so the server can write state and events in the transaction that caused them.
"""

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from shared.lifecycle.alerts import (
    AlertEvent,
    AlertState,
    AlertStatus,
    EventName,
    FindingLike,
    LifecycleError,
    Outcome,
    alert_key,
    tier_rank,
)
from shared.lifecycle.rearm import should_raise
from shared.lifecycle.snoozes import Snooze

Events = tuple[AlertEvent, ...]


def raise_alert(patient_id: str, finding: FindingLike, now: datetime) -> tuple[AlertState, Events]:
    """A new open alert for `finding`, and its `raised` event."""
    alert = AlertState(
        key=alert_key(patient_id, finding),
        tier=_known_tier(finding.tier),
        evidence=_unique(finding.evidence),
        raised_at=now,
    )
    return alert, (AlertEvent(EventName.RAISED, alert.key, alert.tier, now, alert.evidence),)


def absorb(alert: AlertState, finding: FindingLike, now: datetime) -> tuple[AlertState, Events]:
    """Append the finding's new evidence; a higher tier raises the alert's and emits `escalated`.

    The tier never goes down while the alert is active. A tier raise re-opens an acknowledged
    alert, so the new tier's acknowledgement timer (15 min for an emergency) starts again.
    """
    if not alert.is_active:
        raise LifecycleError("a resolved alert absorbs nothing; its key raises a new alert")
    if (finding.rule, finding.site) != (alert.key.rule, alert.key.site):
        raise LifecycleError(
            f"finding {finding.rule} at {finding.site} does not belong to alert "
            f"{alert.key.rule} at {alert.key.site}"
        )
    evidence = _unique((*alert.evidence, *finding.evidence))
    if tier_rank(finding.tier) <= tier_rank(alert.tier):
        return replace(alert, evidence=evidence), ()
    raised = replace(
        alert,
        evidence=evidence,
        tier=_known_tier(finding.tier),
        status=AlertStatus.OPEN,
        acknowledged_at=None,
    )
    return raised, (AlertEvent(EventName.ESCALATED, raised.key, raised.tier, now, evidence),)


def apply_finding(
    previous: AlertState | None,
    patient_id: str,
    finding: FindingLike,
    now: datetime,
    snoozes: Iterable[Snooze],
    evidence_times: Mapping[str, datetime],
) -> tuple[AlertState | None, Events]:
    """What one finding does to its key: absorbed, raised anew, or held back.

    Returns the alert to keep for the key (the previous one when nothing changed). A snooze
    holds back new alerts only: an alert already active still absorbs, and its tier still rises,
    because a higher tier is news the team has not seen.
    """
    if previous is not None and previous.is_active:
        return absorb(previous, finding, now)
    if should_raise(previous, finding, now, snoozes, evidence_times):
        return raise_alert(patient_id, finding, now)
    return previous, ()


def acknowledge(alert: AlertState, at: datetime) -> AlertState:
    """Someone has it in hand; acknowledging twice keeps the first time."""
    if alert.status is AlertStatus.RESOLVED:
        raise LifecycleError("a resolved alert cannot be acknowledged")
    if alert.status is AlertStatus.ACKNOWLEDGED:
        return alert
    _not_before_raised(alert, at, "acknowledged")
    return replace(alert, status=AlertStatus.ACKNOWLEDGED, acknowledged_at=at)


def resolve(alert: AlertState, at: datetime, outcome: Outcome = Outcome.ACTIONED) -> AlertState:
    """Close the alert at `at`; its key re-arms as `should_raise` says."""
    if alert.status is AlertStatus.RESOLVED:
        raise LifecycleError("the alert is already resolved")
    _not_before_raised(alert, at, "resolved")
    return replace(
        alert,
        status=AlertStatus.RESOLVED,
        resolved_at=at,
        outcome=Outcome(outcome),
    )


def _not_before_raised(alert: AlertState, at: datetime, action: str) -> None:
    if at < alert.raised_at:
        raise LifecycleError(f"an alert cannot be {action} before it was raised")


def _known_tier(tier: str) -> str:
    """The tier as plain text (an engine `Tier` is a StrEnum); unknown tiers are refused."""
    tier_rank(tier)
    return str(tier)


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))
