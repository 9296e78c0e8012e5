"""A care team's delivery settings: email addresses, webhooks, escalation contacts and timers."""

from __future__ import annotations

from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.delivery.signing import BadSecret, secret_key
from server.models import EmailChannel, EscalationContact, EscalationPolicy, Role, User, Webhook
from server.services.accounts import team_named
from server.services.errors import Conflict, InvalidInput, NotFound


def add_email(session: Session, team_name: str, address: str, clinic: str | None) -> EmailChannel:
    team = team_named(session, team_name, clinic)
    address = address.strip()
    if "@" not in address or any(c.isspace() for c in address):
        raise InvalidInput(f"{address!r} is not an email address.")
    taken = select(EmailChannel).where(
        EmailChannel.care_team_id == team.id, func.lower(EmailChannel.address) == address.lower()
    )
    if session.scalar(taken) is not None:
        raise Conflict(f"{team.name} already sends alert email to {address}.")
    channel = EmailChannel(clinic_id=team.clinic_id, care_team_id=team.id, address=address)
    session.add(channel)
    session.commit()
    return channel


def add_webhook(
    session: Session, team_name: str, url: str, secret: str, clinic: str | None
) -> Webhook:
    team = team_named(session, team_name, clinic)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput(f"{url!r} is not an http(s) URL.")
    try:
        secret_key(secret)
    except BadSecret as error:
        raise InvalidInput(str(error)) from None
    if session.scalar(select(Webhook).where(Webhook.care_team_id == team.id, Webhook.url == url)):
        raise Conflict(f"{team.name} already has a webhook to {url}.")
    webhook = Webhook(clinic_id=team.clinic_id, care_team_id=team.id, url=url, secret=secret)
    session.add(webhook)
    session.commit()
    return webhook


def add_escalation_contact(
    session: Session, team_name: str, email: str, clinic: str | None
) -> EscalationContact:
    team = team_named(session, team_name, clinic)
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None or user.clinic_id != team.clinic_id:
        raise NotFound(f"No user {email} in the team's clinic.")
    if user.role != Role.CLINICIAN or not user.active:
        raise InvalidInput("An escalation contact must be an active clinician.")
    taken = select(EscalationContact).where(
        EscalationContact.care_team_id == team.id, EscalationContact.user_id == user.id
    )
    if session.scalar(taken) is not None:
        raise Conflict(f"{user.email} is already an escalation contact of {team.name}.")
    contact = EscalationContact(clinic_id=team.clinic_id, care_team_id=team.id, user_id=user.id)
    session.add(contact)
    session.commit()
    return contact


def set_escalation_minutes(
    session: Session, team_name: str, emergency: int, urgent: int, clinic: str | None
) -> EscalationPolicy:
    if not (1 <= emergency <= urgent <= 24 * 60):
        raise InvalidInput("Use 1 to 1440 minutes, emergency no longer than urgent.")
    team = team_named(session, team_name, clinic)
    policy = session.get(EscalationPolicy, team.id)
    if policy is None:
        policy = EscalationPolicy(care_team_id=team.id, clinic_id=team.clinic_id)
        session.add(policy)
    policy.emergency_minutes = emergency
    policy.urgent_minutes = urgent
    session.commit()
    return policy
