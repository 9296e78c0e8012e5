"""A dead delivery as an admin may read it: which team's patient, which channel, how often it was
tried and why it failed. No rule, tier, alert or patient id: admins see no clinical data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Alert, AlertEvent, CareTeam, Delivery, Patient, Webhook

CHANNEL_WORDS = {"email": "email", "webhook": "the webhook", "admin_email": "the admins' email"}


@dataclass(frozen=True)
class Undelivered:
    team: str
    channel: str
    delivery_id: str
    attempts: int
    last_error: str | None

    def sentence(self) -> str:
        return f"An alert for a patient of {self.team} could not be delivered to {self.channel}."

    def lines(self) -> list[str]:
        return [
            self.sentence(),
            f"Delivery id: {self.delivery_id}; attempts: {self.attempts}.",
            f"Last error: {self.last_error or 'none recorded'}",
        ]


def dead_deliveries(session: Session, event_id: uuid.UUID) -> tuple[Undelivered, ...]:
    """The deliveries of one alert event that exhausted their retries."""
    query = rows().where(Delivery.event_id == event_id, Delivery.dead_at.is_not(None))
    return tuple(undelivered(*row) for row in session.execute(query.order_by(Delivery.id)))


def rows():  # type: ignore[no-untyped-def]
    return (
        select(Delivery, Webhook.url, CareTeam.name)
        .join(AlertEvent, AlertEvent.id == Delivery.event_id)
        .join(Alert, Alert.id == AlertEvent.alert_id)
        .join(Patient, Patient.id == Alert.patient_id)
        .join(CareTeam, CareTeam.id == Patient.care_team_id)
        .outerjoin(Webhook, Webhook.id == Delivery.webhook_id)
    )


def undelivered(delivery: Delivery, webhook_url: str | None, team: str) -> Undelivered:
    words = CHANNEL_WORDS.get(delivery.channel, delivery.channel)
    if delivery.channel == "webhook":
        where = f"{words} {webhook_url}" if webhook_url else f"{words} (since removed)"
    else:
        where = f"{words} to {delivery.recipient}"
    return Undelivered(team, where, str(delivery.id), delivery.attempts, delivery.last_error)
