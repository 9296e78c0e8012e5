"""Builders of delivery tests: team channels, and pushes that raise alerts of a chosen tier."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Alert, CareTeam, EmailChannel, EscalationContact, User, Webhook
from tests.server.sync.pushes import days_ago, push
from tests.shared.builders import report_wire, site

TEAM_INBOX = "bone-team@example.org"


def with_channels(
    session: Session, team: CareTeam, webhook_url: str | None = None, secret: str = ""
) -> None:
    session.add(EmailChannel(clinic_id=team.clinic_id, care_team_id=team.id, address=TEAM_INBOX))
    if webhook_url:
        session.add(
            Webhook(clinic_id=team.clinic_id, care_team_id=team.id, url=webhook_url, secret=secret)
        )
    session.commit()


def with_escalation_contact(session: Session, team: CareTeam, user: User) -> None:
    session.add(EscalationContact(clinic_id=team.clinic_id, care_team_id=team.id, user_id=user.id))
    session.commit()


def raise_emergency(api: Any, as_: str = "device_a") -> Any:
    """A new limb weakness: rule 1 (suspected spinal cord compression), emergency."""
    report = report_wire(days_ago(0), symptoms=["limb_weakness"], hour=0, minute=1)
    response = push(api, as_, reports=[report])
    assert response.status_code == 200
    return response


def raise_urgent(api: Any, as_: str = "device_a") -> Any:
    """New thoracic back pain after three calm weeks: rule 2, urgent."""
    reports = [report_wire(days_ago(n)) for n in range(21, 1, -1)]
    reports.append(report_wire(days_ago(1), site("spine_thoracic", 6)))
    response = push(api, as_, reports=reports)
    assert response.status_code == 200
    return response


def only_alert(session: Session) -> Alert:
    session.expire_all()
    return session.scalars(select(Alert)).one()
