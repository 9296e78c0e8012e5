"""Is a care team alert-ready: does an urgent or emergency alert reach someone outside the
worklist?

A team is ready when it has at least one working channel (an alert email address or a webhook
whose last delivery did not fail) and at least one escalation contact. Without both, an alert
nobody watches for is seen by nobody: the dashboard says so on every page and `/healthz` says
"incomplete".
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from server.models import CareTeam, Delivery, EmailChannel, EscalationContact, Webhook


@dataclass(frozen=True)
class TeamRoutes:
    team_id: uuid.UUID
    team_name: str
    working_channels: int
    escalation_contacts: int

    @property
    def ready(self) -> bool:
        return self.working_channels > 0 and self.escalation_contacts > 0


def routes_of_teams(session: Session, team_ids: Iterable[uuid.UUID]) -> list[TeamRoutes]:
    teams = session.scalars(
        select(CareTeam).where(CareTeam.id.in_(list(team_ids))).order_by(CareTeam.name)
    ).all()
    return [routes_of(session, team) for team in teams]


def routes_of(session: Session, team: CareTeam) -> TeamRoutes:
    addresses = session.scalars(
        select(EmailChannel.address).where(EmailChannel.care_team_id == team.id)
    ).all()
    hooks = session.scalars(select(Webhook.id).where(Webhook.care_team_id == team.id)).all()
    working = sum(
        1 for address in addresses if not last_failed(session, Delivery.recipient == address)
    ) + sum(1 for hook in hooks if not last_failed(session, Delivery.webhook_id == hook))
    contacts = len(
        session.scalars(
            select(EscalationContact.id).where(EscalationContact.care_team_id == team.id)
        ).all()
    )
    return TeamRoutes(team.id, team.name, working, contacts)


def last_failed(session: Session, to_channel: ColumnElement[bool]) -> bool:
    """The channel's latest tried delivery failed (and was not delivered on a retry since)."""
    latest = session.execute(
        select(Delivery.delivered_at, Delivery.last_error)
        .where(to_channel, Delivery.attempts > 0)
        .order_by(Delivery.created_at.desc(), Delivery.id.desc())
        .limit(1)
    ).first()
    return latest is not None and latest.delivered_at is None and latest.last_error is not None


def every_team_ready(session: Session) -> bool:
    """For `/healthz`, which is public: one word for the whole server, no team named."""
    team_ids = session.scalars(select(CareTeam.id)).all()
    return all(routes.ready for routes in routes_of_teams(session, team_ids))
