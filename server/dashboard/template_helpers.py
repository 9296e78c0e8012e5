"""Names and formats the templates share: the CSRF field, tiers, sites and rules in plain words."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint
from sqlalchemy import select

from server.dashboard.csrf import csrf_token
from server.dashboard.svg.sparkline import sparkline
from server.dashboard.time_zone_choices import zone_choices, zone_label
from server.dashboard.typed_form import Forms
from server.dashboard.words import OUTCOME_LABELS, RULE_TITLES, TIER_LABELS, site_label
from server.extensions import db
from server.models import CareTeam, NoteAction
from server.models.base import utcnow
from server.security.actors import Admin, Clinician
from server.security.current_actor import current_actor
from server.security.dashboard_session import signed_in_token_hash
from server.services.alert_routes import TeamRoutes, routes_of_teams
from shared import vocab
from shared.lifecycle import NEVER_SNOOZED
from shared.vocab import MEDICATIONS, SITES, MedicationClass

# What the patient page's forms offer, in the wire format's codes.
VOCAB = {
    "treatment_kinds": list(vocab.TREATMENT_KINDS),
    "bone_agents": sorted(
        code for code, m in MEDICATIONS.items() if m.drug_class is MedicationClass.BONE_AGENT
    ),
    "lesion_types": sorted(vocab.LESION_TYPES),
    "cortical": sorted(vocab.CORTICAL_INVOLVEMENT),
    "medications": sorted(MEDICATIONS),
    "units": sorted(vocab.UNITS),
    "routes": sorted(vocab.ROUTES),
    "purposes": sorted(vocab.DOSE_PURPOSES),
    "statuses": list(vocab.PATIENT_STATUSES),
}
NOTE_ACTION_LABELS = {
    NoteAction.ACKNOWLEDGED: "Acknowledged",
    NoteAction.COMMENTED: "Comment",
    NoteAction.RESOLVED: "Resolved",
    NoteAction.ESCALATED: "Escalation",
}
SNOOZABLE_RULES = [rule for rule in RULE_TITLES if rule not in NEVER_SNOOZED]


def install(blp: Blueprint) -> None:
    blp.app_context_processor(helpers)
    blp.add_app_template_filter(local_time, "local_time")
    blp.add_app_template_filter(waited, "waited")
    blp.add_app_template_filter(site_label, "site_label")


def helpers() -> dict[str, Any]:
    return {
        "csrf_token": csrf_token,
        "tier_label": lambda tier: TIER_LABELS.get(tier, tier),
        "rule_title": lambda rule: RULE_TITLES.get(rule, rule.replace("_", " ")),
        "site_label": site_label,
        "outcome_label": lambda outcome: OUTCOME_LABELS.get(outcome or "", outcome or ""),
        "sparkline": sparkline,
        "signed_in": signed_in_token_hash() is not None,
        "signed_in_admin": signed_in_admin,
        "teams_not_alert_ready": teams_not_alert_ready,
        "vocab": VOCAB,
        "site_codes": list(SITES),
        "snoozable_rules": SNOOZABLE_RULES,
        "age_on": age_on,
        "note_action_label": lambda action: NOTE_ACTION_LABELS[action],
        "site_regions": site_regions(),
        "time_zone_choices": lambda: zone_choices(utcnow()),
        "time_zone_label": lambda name: zone_label(name, utcnow()),
        # Every form as stored; a view that refused one passes its own `forms`.
        "forms": Forms(),
    }


def site_regions() -> list[tuple[str, list[str]]]:
    """The sites by body region, in the catalogue's order (head to feet)."""
    regions: dict[str, list[str]] = {}
    for code, site in SITES.items():
        regions.setdefault(site.region, []).append(code)
    return list(regions.items())


def teams_not_alert_ready() -> list[TeamRoutes]:
    """The signed-in clinician's teams (an admin's: the clinic's) whose alerts reach nobody
    outside the worklist."""
    actor = current_actor(session_cookie=True)
    if isinstance(actor, Clinician):
        team_ids: Iterable[uuid.UUID] = actor.team_ids
    elif isinstance(actor, Admin):
        team_ids = db.session.scalars(
            select(CareTeam.id).where(CareTeam.clinic_id == actor.clinic_id)
        ).all()
    else:
        return []
    return [routes for routes in routes_of_teams(db.session, team_ids) if not routes.ready]


def signed_in_admin() -> bool:
    return isinstance(current_actor(session_cookie=True), Admin)


def local_time(moment: datetime | None, zone: str = "UTC", short: bool = False) -> str:
    """A time as the clinician reads it: in the patient's zone, to the minute."""
    if moment is None:
        return ""
    try:
        tz = ZoneInfo(zone)
    except (KeyError, ValueError):
        tz = ZoneInfo("UTC")
    return moment.astimezone(tz).strftime("%d %b %H:%M" if short else "%d %b %Y %H:%M")


def waited(moment: datetime | None, now: datetime) -> str:
    """How long ago, in the largest whole unit: "12 min", "5 h", "3 days"."""
    if moment is None:
        return ""
    minutes = max(int((now - moment).total_seconds() // 60), 0)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} days"


def age_on(birth_date: date, day: date) -> int:
    """Whole years lived on `day`."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday
