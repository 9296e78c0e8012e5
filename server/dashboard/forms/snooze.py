"""The snooze form: a rule (at one site, or all) held back for 1 to 14 days, with a reason."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from server.dashboard.forms import refused
from shared.vocab import SITES

LABELS = {"rule": "Rule", "site": "Site", "days": "Days", "reason": "Reason"}
# The service speaks of the snooze's end; the form asks for a number of days.
RENAMED = {"until": "days"}


def snooze_fields(form: Any, now: datetime) -> dict[str, Any]:
    days = form.get("days", type=int)
    if days is None or not 1 <= days <= 14:
        raise refused({"days": ["choose how many days to snooze for, from 1 to 14"]})
    site = form.get("site") or None
    return {
        "rule": form.get("rule", ""),
        "site": site if site in SITES else None,
        "until": now + timedelta(days=days),
        "reason": form.get("reason", "").strip()[:500],
    }
