"""Where a team's alerts go, from the admin pages: email addresses, webhooks, escalation
contacts and timers, plus a test notification that goes through the real senders."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from server.config import Settings
from server.delivery import settings as channel_settings
from server.delivery.notice import Notice, email_message
from server.delivery.senders import DeliveryFailed, post_webhook, send_email
from server.delivery.webhook_policy import RefusedWebhook, WebhookPolicy, destination
from server.models import (
    CareTeam,
    Delivery,
    EmailChannel,
    EscalationContact,
    EscalationPolicy,
    User,
    Webhook,
)
from server.models.channels import DEFAULT_EMERGENCY_MINUTES, DEFAULT_URGENT_MINUTES
from server.security.actors import Admin
from server.services.admin.clinic import clinic_of, team_of
from server.services.admin.mail_fields import is_one_line, one_address
from server.services.errors import InvalidInput, NotFound

TEST_EVENT = "notification.test"
# Values stored before entries were checked, which the email library refuses to write.
BAD_TEAM_NAME = (
    "the email could not be written: the team name {team!r} holds a line break or control "
    "character; create a team with a one-line name and move the members and channels to it."
)
BAD_ADDRESS = (
    "the email could not be written: the address holds a line break or control character; "
    "remove it and add it again."
)


@dataclass(frozen=True)
class TeamChannels:
    emails: list[EmailChannel]
    webhooks: list[Webhook]
    contacts: list[tuple[EscalationContact, str]]
    emergency_minutes: int
    urgent_minutes: int


@dataclass(frozen=True)
class TestResult:
    target: str
    error: str | None


def team_channels(session: Session, admin: Admin, team_id: uuid.UUID) -> TeamChannels:
    team = team_of(session, admin, team_id)
    policy = session.get(EscalationPolicy, team.id)
    return TeamChannels(
        emails=list(
            session.scalars(
                select(EmailChannel)
                .where(EmailChannel.care_team_id == team.id)
                .order_by(EmailChannel.address)
            )
        ),
        webhooks=list(
            session.scalars(
                select(Webhook).where(Webhook.care_team_id == team.id).order_by(Webhook.url)
            )
        ),
        contacts=[
            (contact, email)
            for contact, email in session.execute(
                select(EscalationContact, User.email)
                .join(User, User.id == EscalationContact.user_id)
                .where(EscalationContact.care_team_id == team.id)
                .order_by(User.email)
            )
        ],
        emergency_minutes=policy.emergency_minutes if policy else DEFAULT_EMERGENCY_MINUTES,
        urgent_minutes=policy.urgent_minutes if policy else DEFAULT_URGENT_MINUTES,
    )


def names(session: Session, admin: Admin, team_id: uuid.UUID) -> tuple[CareTeam, str]:
    return team_of(session, admin, team_id), clinic_of(session, admin).name


def add_email(session: Session, admin: Admin, team_id: uuid.UUID, address: str) -> None:
    team, clinic = names(session, admin, team_id)
    channel_settings.add_email(session, team.name, one_address(address), clinic)


def add_webhook(
    session: Session,
    admin: Admin,
    team_id: uuid.UUID,
    url: str,
    secret: str,
    policy: WebhookPolicy,
) -> None:
    """Refused, with the policy's sentence, unless every address the URL resolves to now is
    one the policy allows; each delivery checks again."""
    team, clinic = names(session, admin, team_id)
    team_name = team.name
    session.rollback()  # no transaction stays open while DNS answers
    try:
        destination(url.strip(), policy)
    except RefusedWebhook as refused:
        raise InvalidInput(str(refused)) from None
    channel_settings.add_webhook(session, team_name, url.strip(), secret.strip(), clinic)


def add_contact(session: Session, admin: Admin, team_id: uuid.UUID, email: str) -> None:
    team, clinic = names(session, admin, team_id)
    channel_settings.add_escalation_contact(session, team.name, one_address(email), clinic)


def set_minutes(
    session: Session, admin: Admin, team_id: uuid.UUID, emergency: int, urgent: int
) -> None:
    team, clinic = names(session, admin, team_id)
    channel_settings.set_escalation_minutes(session, team.name, emergency, urgent, clinic)


def remove_email(session: Session, admin: Admin, team_id: uuid.UUID, row_id: uuid.UUID) -> None:
    remove(session, admin, team_id, EmailChannel, row_id)


def remove_contact(session: Session, admin: Admin, team_id: uuid.UUID, row_id: uuid.UUID) -> None:
    remove(session, admin, team_id, EscalationContact, row_id)


def remove_webhook(session: Session, admin: Admin, team_id: uuid.UUID, row_id: uuid.UUID) -> None:
    team_of(session, admin, team_id)
    # Deliveries still due to it fail as "the webhook was removed" and are kept for the record.
    session.execute(update(Delivery).where(Delivery.webhook_id == row_id).values(webhook_id=None))
    remove(session, admin, team_id, Webhook, row_id)


def remove(
    session: Session,
    admin: Admin,
    team_id: uuid.UUID,
    model: type[EmailChannel] | type[Webhook] | type[EscalationContact],
    row_id: uuid.UUID,
) -> None:
    team = team_of(session, admin, team_id)
    gone = session.execute(delete(model).where(model.id == row_id, model.care_team_id == team.id))
    if not gone.rowcount:  # type: ignore[attr-defined]
        session.rollback()
        raise NotFound("No such setting in this team.")
    session.commit()


def send_test_notification(
    session: Session, admin: Admin, team_id: uuid.UUID, settings: Settings, link: str
) -> list[TestResult]:
    """One test message to each of the team's addresses and webhooks, sent now, through the
    same senders as alerts; the answer says which arrived at their server."""
    channels = team_channels(session, admin, team_id)
    team_name = team_of(session, admin, team_id).name
    targets = [(c.address, None) for c in channels.emails] + [
        (w.url, w.secret) for w in channels.webhooks
    ]
    session.rollback()
    notice = Notice(TEST_EVENT, "", "", "test", "test", None, link)
    policy = WebhookPolicy.of(settings)
    results = []
    for target, secret in targets:
        message_id = str(uuid.uuid4())
        try:
            if secret is None:
                lines = [
                    f"A test notification for {team_name}, sent from the admin pages.",
                    "Alert email for this team will arrive like this one.",
                    f"Dashboard: {link}",
                ]
                subject = f"[Painline] Test notification for {team_name}"
                message = email_message(
                    subject, lines, link, settings.mail_from, target, f"<{message_id}@painline>"
                )
                send_email(settings.smtp_url, message)
            else:
                post_webhook(target, secret, message_id, int(time.time()), notice, policy)
        except DeliveryFailed as failure:
            results.append(TestResult(target, str(failure)))
        except ValueError:
            bad_name = not is_one_line(team_name)
            error = BAD_TEAM_NAME.format(team=team_name) if bad_name else BAD_ADDRESS
            results.append(TestResult(target, error))
        else:
            results.append(TestResult(target, None))
    return results
