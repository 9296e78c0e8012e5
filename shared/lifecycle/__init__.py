"""The alert lifecycle as pure functions, shared by the replay and the server.

A finding from the engine becomes an alert keyed by (patient, rule, site or none). An open or
acknowledged alert absorbs later findings with its key and goes up a tier when they do; a
resolved key raises again only for newer evidence, after the trend rules' wait; a clinician may
snooze a non-emergency rule for up to 14 days. Nothing here stores anything or reads the clock:
callers pass `now` and keep the states these functions return.
"""

from shared.lifecycle.alerts import (
    TIERS,
    AlertEvent,
    AlertKey,
    AlertState,
    AlertStatus,
    EventName,
    FindingLike,
    LifecycleError,
    Outcome,
    alert_key,
    tier_rank,
)
from shared.lifecycle.rearm import TREND_RULE_WAITS, should_raise
from shared.lifecycle.snoozes import (
    MAX_SNOOZE,
    NEVER_SNOOZED,
    Snooze,
    SnoozeRefused,
    is_snoozed,
    snooze,
)
from shared.lifecycle.transitions import absorb, acknowledge, apply_finding, raise_alert, resolve

__all__ = [
    "MAX_SNOOZE",
    "NEVER_SNOOZED",
    "TIERS",
    "TREND_RULE_WAITS",
    "AlertEvent",
    "AlertKey",
    "AlertState",
    "AlertStatus",
    "EventName",
    "FindingLike",
    "LifecycleError",
    "Outcome",
    "Snooze",
    "SnoozeRefused",
    "absorb",
    "acknowledge",
    "alert_key",
    "apply_finding",
    "is_snoozed",
    "raise_alert",
    "resolve",
    "should_raise",
    "snooze",
    "tier_rank",
]
