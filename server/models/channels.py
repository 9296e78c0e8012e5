"""Where a care team's alerts go: email addresses, signed webhooks, escalation contacts and timers.

Set from the command line now and from the dashboard's admin pages later.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, new_id, utcnow

DEFAULT_EMERGENCY_MINUTES = 15
DEFAULT_URGENT_MINUTES = 4 * 60


class EmailChannel(Base):
    """An address (often a shared team inbox) that gets the team's notified alerts."""

    __tablename__ = "email_channels"
    __table_args__ = (UniqueConstraint("care_team_id", "address"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    care_team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_teams.id"), index=True)
    address: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Webhook(Base):
    """A receiver of the team's alert events, signed the Standard Webhooks way.

    The secret is kept as given (`whsec_` + base64): signing needs the key itself, so it cannot
    be stored as a hash.
    """

    __tablename__ = "webhooks"
    __table_args__ = (UniqueConstraint("care_team_id", "url"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    care_team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_teams.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EscalationContact(Base):
    """A user who hears about the team's emergency and urgent alerts that nobody acknowledged."""

    __tablename__ = "escalation_contacts"
    __table_args__ = (UniqueConstraint("care_team_id", "user_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    care_team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_teams.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EscalationPolicy(Base):
    """A team's escalation timers; a team without a row uses the handbook's 15 min and 4 h."""

    __tablename__ = "escalation_policies"

    care_team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_teams.id"), primary_key=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    emergency_minutes: Mapped[int] = mapped_column(default=DEFAULT_EMERGENCY_MINUTES)
    urgent_minutes: Mapped[int] = mapped_column(default=DEFAULT_URGENT_MINUTES)
