"""The access matrix: every route, every kind of caller, and the answer each must get.

Each row names a route exactly as `app.url_map` spells it and a policy: what each caller gets,
relative to the patient whose records the URL addresses (the "owner"). The harness
(`test_access_matrix.py`) runs every row for owner A and owner B of a fresh `World`, and, for
URLs with a nested record, for patient A's URL with B's record in it; a caller who may reach the
owner gets 404 there.

Callers: anonymous, own_device / other_device (the owner's phone, another patient's phone),
own_clinician / other_clinician (a clinician of the owner's team, of another team), admin.

Adding a route is one line: `Route(METHOD, RULE, POLICY)`, with `body=` when it takes JSON.
Dashboard routes (`session=True`) are called with a signed-in session cookie for the staff
callers and none for the others (a phone has no session), with the body as a form carrying the
session's CSRF token; "sign in" means a redirect to the login page.
A record no `World` holds (an alert) is made for each case by its builder in `MADE_RECORDS`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tests.server.api.alerting import limb_weakness_today
from tests.server.dashboard.signing_in import CSRF
from tests.support.builders import PASSWORD, Side

OK = "2xx"
CALLERS = ("anonymous", "own_device", "other_device", "own_clinician", "other_clinician", "admin")

Policy = Mapping[str, int | str]

# Staff routes about one patient: their team's clinicians only; admins see no clinical data.
CARE_TEAM: Policy = {
    "anonymous": 401,
    "own_device": 403,
    "other_device": 403,
    "own_clinician": OK,
    "other_clinician": 404,
    "admin": 403,
}
# Staff routes over the caller's own teams (lists): every clinician, each seeing their own.
ANY_CLINICIAN: Policy = {**CARE_TEAM, "other_clinician": OK}
# Creating a patient in the owner's team: another team's clinician names a team not theirs.
CLINICIAN_OF_THE_TEAM: Policy = {**CARE_TEAM, "other_clinician": 422}
# What staff do with their own account.
STAFF: Policy = {**ANY_CLINICIAN, "admin": OK}
# A phone's own sync: every enrolled phone reaches its own patient's records, staff never.
DEVICE_ONLY: Policy = {
    "anonymous": 401,
    "own_device": OK,
    "other_device": OK,
    "own_clinician": 403,
    "other_clinician": 403,
    "admin": 403,
}
# Routes that take credentials instead of a token (login, enrollment).
PUBLIC: Policy = dict.fromkeys(CALLERS, OK)

SIGN_IN = "sign in"
# Dashboard pages about one patient: their team's clinicians; no session means the login page.
PAGE_CARE_TEAM: Policy = {
    **CARE_TEAM,
    "anonymous": SIGN_IN,
    "own_device": SIGN_IN,
    "other_device": SIGN_IN,
}
PAGE_ANY_CLINICIAN: Policy = {**PAGE_CARE_TEAM, "other_clinician": OK}
PAGE_CLINICIAN_OF_THE_TEAM: Policy = {**PAGE_CARE_TEAM, "other_clinician": 422}
PAGE_STAFF: Policy = {**PAGE_ANY_CLINICIAN, "admin": OK}
# Admin pages: users, teams and settings of the admin's clinic; clinicians are refused.
PAGE_ADMIN: Policy = {
    **PAGE_STAFF,
    "own_clinician": 403,
    "other_clinician": 403,
}
WEBHOOK_SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


@dataclass(frozen=True)
class Target:
    """Whose records a request addresses: the patient in the URL, and the nested record's owner."""

    patient: Side
    record: Side


Body = Callable[[Target], Any]


@dataclass(frozen=True)
class Route:
    method: str
    rule: str
    policy: Policy
    body: Body | None = None
    # Answers that may name the owner to anyone, because the request proved a right to it
    # (an enrollment code is the patient's own).
    names_the_owner: bool = False
    query: Mapping[str, str] = field(default_factory=dict)
    # A dashboard route: session cookie and form instead of bearer token and JSON.
    session: bool = False


def login_body(target: Target) -> dict[str, str]:
    return {"email": target.patient.clinician.email, "password": PASSWORD}


def new_patient_body(target: Target) -> dict[str, str]:
    return {"display_name": "New patient", "care_team_id": str(target.patient.team.id)}


def enroll_body(target: Target) -> dict[str, str]:
    return {"code": target.patient.enrollment_code, "device_name": "Phone"}


def treatment_body(treatment_id: uuid.UUID, revision: int) -> dict[str, Any]:
    return {
        "id": str(treatment_id),
        "kind": "radiotherapy",
        "sites": ["femur_left"],
        "started_on": date.today().isoformat(),
        "ended_on": date.today().isoformat(),
        "revision": revision,
        "details": {"dose_gy": 8, "fractions": 1},
    }


def new_treatment_body(target: Target) -> dict[str, Any]:
    return treatment_body(uuid.uuid4(), revision=1)


def corrected_treatment_body(target: Target) -> dict[str, Any]:
    return treatment_body(target.record.treatment.id, revision=2)


def context_body(target: Target) -> dict[str, Any]:
    return {
        "id": str(target.patient.patient.id),
        "revision": 2,
        "care_team_id": str(target.patient.team.id),
        "time_zone": "Europe/London",
        "helpline": "+44 20 7946 0000",
        "status": "active",
        "lesions": [{"site": "femur_left", "type": "lytic"}],
        "medications": [],
    }


def sync_body(target: Target) -> dict[str, Any]:
    report = {
        "id": str(uuid.uuid4()),
        "recorded_at": "2026-01-05T09:00:00+00:00",
        "revision": 1,
        "deleted": False,
        "sites": [{"site": "femur_left", "score": 3}],
        "symptoms": [],
    }
    return {"cursor": None, "reports": [report], "doses": []}


def snooze_body(target: Target) -> dict[str, str]:
    until = datetime.now(UTC) + timedelta(days=7)
    return {"rule": "spinal_pain_red_flag", "until": until.isoformat(), "reason": "known"}


def acknowledge_body(target: Target) -> dict[str, str]:
    return {"note": "Calling the patient."}


def resolve_body(target: Target) -> dict[str, str]:
    return {"note": "Seen in clinic.", "outcome": "actioned"}


def comment_body(target: Target) -> dict[str, str]:
    return {"text": "Patient called back; settled."}


def patient_update_body(target: Target) -> dict[str, str]:
    return {"mrn": f"M{uuid.uuid4().hex[:12]}", "sex": "unknown"}


def an_alert_of(api: Any, side: Side) -> str:
    """A real alert of the side's patient, raised by a push from their phone."""
    report = limb_weakness_today()
    api.post("/api/v1/sync", f"device_{side.name}", json={"cursor": None, "reports": [report]})
    listed = api.get("/api/v1/alerts", f"clinician_{side.name}").get_json()
    return str(listed[0]["id"])


def a_report_of(api: Any, side: Side) -> str:
    """A pain report pushed by the side's patient's phone."""
    report = limb_weakness_today()
    api.post("/api/v1/sync", f"device_{side.name}", json={"cursor": None, "reports": [report]})
    return str(report["id"])


def reason_form(target: Target) -> dict[str, str]:
    return {"reason": "Covering the night phone; the patient called with new pain."}


def new_user_form(target: Target) -> dict[str, str]:
    # No password: the new user chooses one with the link the answer shows.
    return {
        "email": "new.clinician@example.org",
        "role": "clinician",
        "team_ids": str(target.patient.team.id),
    }


def set_password_form(target: Target) -> dict[str, str]:
    # The CSRF token `a_password_link_of` put in the session, as the link's page would.
    return {
        "csrf_token": CSRF,
        "password": "a password of my own",
        "repeated": "a password of my own",
    }


def team_settings_form(target: Target) -> dict[str, str]:
    return {
        "helpline": "+44 20 7946 0001",
        "call_now_text": "Call the ward now.",
        "out_of_hours_text": "Out of hours, call 111.",
        "check_in_reminder": "19:30",
        "emergency_number": "999",
    }


def member_form(target: Target) -> dict[str, str]:
    """A clinician of the clinic in no team yet."""
    from server.models import Role, User
    from tests.support.builders import password_hash

    user = User(
        clinic_id=target.patient.team.clinic_id,
        email=f"joining.{uuid.uuid4().hex[:8]}@example.org",
        password_hash=password_hash(),
        role=Role.CLINICIAN,
    )
    return {"user_id": added(user)}


def address_form(target: Target) -> dict[str, str]:
    return {"address": "ward@example.org"}


def webhook_form(target: Target) -> dict[str, str]:
    # A loopback receiver: development accepts it without looking up a name.
    return {"url": "http://127.0.0.1:9/painline", "secret": WEBHOOK_SECRET}


def contact_form(target: Target) -> dict[str, str]:
    return {"email": target.patient.clinician.email}


def minutes_form(target: Target) -> dict[str, str]:
    return {"emergency_minutes": "10", "urgent_minutes": "120"}


def added(row: Any) -> str:
    from server.extensions import db

    db.session.add(row)
    db.session.commit()
    return str(row.id)


def a_snooze_of(api: Any, side: Side) -> str:
    """A week's snooze of the side's patient, by their clinician."""
    from server.models import Snooze

    now = datetime.now(UTC)
    patient = side.patient
    return added(
        Snooze(
            clinic_id=patient.clinic_id,
            patient_id=patient.id,
            rule="spinal_pain_red_flag",
            site=None,
            starts_at=now,
            until=now + timedelta(days=7),
            reason="known deficit",
            created_by=side.clinician.id,
        )
    )


def an_email_channel_of(api: Any, side: Side) -> str:
    from server.models import EmailChannel

    team = side.team
    return added(EmailChannel(clinic_id=team.clinic_id, care_team_id=team.id, address="x@y.org"))


def a_webhook_of(api: Any, side: Side) -> str:
    from server.models import Webhook

    team = side.team
    url = "https://receiver.example.org/hook"
    return added(
        Webhook(clinic_id=team.clinic_id, care_team_id=team.id, url=url, secret=WEBHOOK_SECRET)
    )


def a_contact_of(api: Any, side: Side) -> str:
    from server.models import EscalationContact

    team = side.team
    return added(
        EscalationContact(clinic_id=team.clinic_id, care_team_id=team.id, user_id=side.clinician.id)
    )


def a_dead_letter_of(api: Any, side: Side) -> str:
    """An alert of the side's patient whose team email failed for a day."""
    from sqlalchemy import select

    from server.extensions import db
    from server.models import AlertEvent, DeadLetter, Delivery

    alert_id = uuid.UUID(an_alert_of(api, side))
    event = db.session.scalars(select(AlertEvent).where(AlertEvent.alert_id == alert_id)).first()
    now = datetime.now(UTC)
    delivery = Delivery(
        clinic_id=event.clinic_id,
        event_id=event.id,
        channel="email",
        recipient="team@example.org",
        attempts=12,
        next_attempt_at=now,
        last_error="SMTP refused",
        dead_at=now,
    )
    db.session.add(delivery)
    db.session.flush()
    return added(DeadLetter(clinic_id=event.clinic_id, delivery_id=delivery.id, created_at=now))


def a_password_link_of(api: Any, side: Side) -> str:
    """A fresh set-password link of the side's clinician, issued by the clinic's admin.

    Whoever opens the link gets a form with the session's CSRF token; a phone or an anonymous
    caller has no session yet, so it gets the token the staff callers' sessions carry.
    """
    from server.extensions import db
    from server.models.base import utcnow
    from server.security.dashboard_session import CSRF_KEY
    from server.services.password_links import add_link

    token = add_link(db.session, side.clinician, api.world.admin.id, utcnow())
    db.session.commit()
    with api.client.session_transaction() as session:
        session[CSRF_KEY] = CSRF
    return token


# Records no `World` holds, made for each case by a builder (api, the owner's side) -> id.
MADE_RECORDS: Mapping[str, Callable[[Any, Side], str]] = {
    "alert_id": an_alert_of,
    "record_id": a_report_of,
    "snooze_id": a_snooze_of,
    "user_id": lambda api, side: str(side.clinician.id),
    "team_id": lambda api, side: str(side.team.id),
    "channel_id": an_email_channel_of,
    "webhook_id": a_webhook_of,
    "contact_id": a_contact_of,
    "letter_id": a_dead_letter_of,
    "token": a_password_link_of,
}


def login_form(target: Target) -> dict[str, str]:
    return {"email": target.patient.clinician.email, "password": PASSWORD}


def new_patient_form(target: Target) -> dict[str, str]:
    return {
        "display_name": "New patient",
        "care_team_id": str(target.patient.team.id),
        "mrn": f"M{uuid.uuid4().hex[:12]}",
    }


def identity_form(target: Target) -> dict[str, str]:
    return {"display_name": "Renamed patient", "mrn": f"M{uuid.uuid4().hex[:12]}"}


def note_form(target: Target) -> dict[str, str]:
    return {"text": "Phoned; family aware."}


def snooze_form(target: Target) -> dict[str, str]:
    return {"rule": "spinal_pain_red_flag", "days": "7", "reason": "known deficit"}


def treatment_form(target: Target) -> dict[str, str]:
    today = date.today().isoformat()
    return {"kind": "radiotherapy", "sites": "femur_left", "started_on": today, "ended_on": today}


def context_form(target: Target) -> dict[str, str]:
    return {
        "revision": "1",
        "care_team_id": str(target.patient.team.id),
        "time_zone": "Europe/London",
        "helpline": "+44 20 7946 0000",
        "status": "active",
        "lesion_site": "femur_left",
        "lesion_type": "lytic",
        "lesion_cortical": "",
    }


PATIENT = "/api/v1/patients/<uuid:patient_id>"
TREATMENT = f"{PATIENT}/treatments/<uuid:treatment_id>"
ALERT = "/api/v1/alerts/<uuid:alert_id>"

MATRIX: list[Route] = [
    Route("POST", "/api/v1/auth/login", PUBLIC, body=login_body),
    Route("POST", "/api/v1/auth/logout", STAFF),
    Route("POST", "/api/v1/enroll", PUBLIC, body=enroll_body, names_the_owner=True),
    Route("POST", "/api/v1/sync", DEVICE_ONLY, body=sync_body),
    Route("GET", "/api/v1/patients", ANY_CLINICIAN),
    # A replay (timeout=0) of the caller's own teams' alert events; streaming is tested apart.
    Route("GET", "/api/v1/events", ANY_CLINICIAN, query={"timeout": "0"}),
    Route("POST", "/api/v1/patients", CLINICIAN_OF_THE_TEAM, body=new_patient_body),
    Route("GET", PATIENT, CARE_TEAM),
    Route("PATCH", PATIENT, CARE_TEAM, body=patient_update_body),
    Route("GET", f"{PATIENT}/notes", CARE_TEAM),
    Route("POST", f"{PATIENT}/notes", CARE_TEAM, body=note_form),
    Route("POST", f"{PATIENT}/enrollment-code", CARE_TEAM),
    Route("PUT", f"{PATIENT}/context", CARE_TEAM, body=context_body),
    Route("POST", f"{PATIENT}/treatments", CARE_TEAM, body=new_treatment_body),
    Route("PUT", TREATMENT, CARE_TEAM, body=corrected_treatment_body),
    Route("DELETE", TREATMENT, CARE_TEAM),
    Route("GET", f"{PATIENT}/devices", CARE_TEAM),
    Route("DELETE", f"{PATIENT}/devices/<uuid:device_id>", CARE_TEAM),
    Route("GET", f"{PATIENT}/timeline", CARE_TEAM),
    Route("GET", f"{PATIENT}/summary.pdf", CARE_TEAM),
    Route("POST", f"{PATIENT}/snoozes", CARE_TEAM, body=snooze_body),
    Route("POST", f"{PATIENT}/snoozes/<uuid:snooze_id>/end", CARE_TEAM),
    Route("GET", "/api/v1/alerts", ANY_CLINICIAN),
    Route("POST", f"{ALERT}/acknowledge", CARE_TEAM, body=acknowledge_body),
    Route("POST", f"{ALERT}/resolve", CARE_TEAM, body=resolve_body),
    Route("POST", f"{ALERT}/notes", CARE_TEAM, body=comment_body),
]

PAGE = "/patients/<uuid:patient_id>"
PAGE_ALERT = f"{PAGE}/alerts/<uuid:alert_id>"

MATRIX += [
    Route("GET", "/login", PUBLIC, session=True),
    Route("POST", "/login", PUBLIC, body=login_form, session=True),
    # A one-time link is its own credential: whoever holds it may choose the password.
    Route("GET", "/set-password/<token>", PUBLIC, session=True),
    Route("POST", "/set-password/<token>", PUBLIC, body=set_password_form, session=True),
    Route("POST", "/logout", PAGE_STAFF, session=True),
    # Admins are sent on to their own pages.
    Route("GET", "/", PAGE_STAFF, session=True),
    Route("GET", "/worklist/rows", PAGE_ANY_CLINICIAN, session=True),
    Route("GET", "/patients/new", PAGE_ANY_CLINICIAN, session=True),
    Route("POST", "/patients", PAGE_CLINICIAN_OF_THE_TEAM, body=new_patient_form, session=True),
    Route("GET", PAGE, PAGE_CARE_TEAM, session=True),
    Route("GET", f"{PAGE}/summary.pdf", PAGE_CARE_TEAM, session=True),
    Route("GET", f"{PAGE}/records/<uuid:record_id>", PAGE_CARE_TEAM, session=True),
    Route("POST", f"{PAGE}/enrollment-code", PAGE_CARE_TEAM, session=True),
    Route("POST", f"{PAGE_ALERT}/acknowledge", PAGE_CARE_TEAM, body=acknowledge_body, session=True),
    Route("POST", f"{PAGE_ALERT}/resolve", PAGE_CARE_TEAM, body=resolve_body, session=True),
    Route("POST", f"{PAGE_ALERT}/notes", PAGE_CARE_TEAM, body=comment_body, session=True),
    Route("POST", f"{PAGE}/notes", PAGE_CARE_TEAM, body=note_form, session=True),
    Route("POST", f"{PAGE}/identity", PAGE_CARE_TEAM, body=identity_form, session=True),
    Route("POST", f"{PAGE}/snoozes", PAGE_CARE_TEAM, body=snooze_form, session=True),
    Route("POST", f"{PAGE}/snoozes/<uuid:snooze_id>/end", PAGE_CARE_TEAM, session=True),
    Route("POST", f"{PAGE}/treatments", PAGE_CARE_TEAM, body=treatment_form, session=True),
    Route(
        "POST",
        f"{PAGE}/treatments/<uuid:treatment_id>/delete",
        PAGE_CARE_TEAM,
        session=True,
    ),
    Route("POST", f"{PAGE}/context", PAGE_CARE_TEAM, body=context_form, session=True),
    # Break-glass: any clinician of the clinic, with a reason; the answer opens the patient.
    Route("GET", f"{PAGE}/break-glass", PAGE_ANY_CLINICIAN, session=True),
    Route(
        "POST",
        f"{PAGE}/break-glass",
        PAGE_ANY_CLINICIAN,
        body=reason_form,
        session=True,
        names_the_owner=True,
    ),
]

USER = "/admin/users/<uuid:user_id>"
TEAM = "/admin/teams/<uuid:team_id>"
LETTER = "/admin/dead-letters/<uuid:letter_id>"


def admin_page(method: str, rule: str, body: Body | None = None) -> Route:
    return Route(method, rule, PAGE_ADMIN, body=body, session=True)


MATRIX += [
    admin_page("GET", "/admin/users"),
    admin_page("POST", "/admin/users", new_user_form),
    admin_page("POST", f"{USER}/deactivate"),
    admin_page("POST", f"{USER}/password"),
    admin_page("POST", f"{USER}/totp"),
    admin_page("POST", f"{USER}/failed-sign-ins/clear"),
    admin_page("GET", "/admin/teams"),
    admin_page("POST", "/admin/teams", lambda target: {"name": "Night team"}),
    admin_page("POST", "/admin/clinic", lambda target: {"patients_may_lack_mrn": "1"}),
    admin_page("GET", TEAM),
    admin_page("POST", f"{TEAM}/settings", team_settings_form),
    admin_page("POST", f"{TEAM}/members", member_form),
    admin_page("POST", f"{TEAM}/members/<uuid:user_id>/remove"),
    admin_page("POST", f"{TEAM}/emails", address_form),
    admin_page("POST", f"{TEAM}/emails/<uuid:channel_id>/remove"),
    admin_page("POST", f"{TEAM}/webhooks", webhook_form),
    admin_page("POST", f"{TEAM}/webhooks/<uuid:webhook_id>/remove"),
    admin_page("POST", f"{TEAM}/contacts", contact_form),
    admin_page("POST", f"{TEAM}/contacts/<uuid:contact_id>/remove"),
    admin_page("POST", f"{TEAM}/escalation", minutes_form),
    admin_page("POST", f"{TEAM}/test-notification"),
    admin_page("GET", "/admin/dead-letters"),
    admin_page("GET", LETTER),
    admin_page("POST", f"{LETTER}/retry"),
    admin_page("POST", f"{LETTER}/dismiss"),
    admin_page("GET", "/admin/audit"),
    admin_page("GET", "/admin/audit.csv"),
]

# Served to anyone and about no patient.
NOT_IN_THE_MATRIX = {
    "/healthz",
    "/openapi.json",
    "/static/<path:filename>",
    "/dashboard/static/<path:filename>",
    "/favicon.ico",
}
