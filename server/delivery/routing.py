"""Which channels an alert event goes to, as the handbook's tiers say.

Emergency and urgent: every channel of the team at once (email, webhooks, the live stream).
Priority: email and webhooks. Routine: the worklist only; info: the timeline only (no delivery).
An escalation goes to the team's escalation contacts by email, to its webhooks and the stream.
"""

from __future__ import annotations

EMAIL = "email"
WEBHOOK = "webhook"
STREAM = "stream"
ADMIN_EMAIL = "admin_email"
ESCALATED = "alert.escalated"

CHANNELS_BY_TIER: dict[str, frozenset[str]] = {
    "emergency": frozenset({EMAIL, WEBHOOK, STREAM}),
    "urgent": frozenset({EMAIL, WEBHOOK, STREAM}),
    "priority": frozenset({EMAIL, WEBHOOK}),
}
NOTIFIED_TIERS = tuple(CHANNELS_BY_TIER)


def channels_for(event_type: str, tier: str) -> frozenset[str]:
    if event_type == ESCALATED:
        return frozenset({EMAIL, WEBHOOK, STREAM})
    return CHANNELS_BY_TIER.get(tier, frozenset())
