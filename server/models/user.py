"""Clinicians and admins, and which care teams a user belongs to."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Column, Enum, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, new_id, utcnow
from server.models.clinic import CareTeam, Clinic


class Role(enum.StrEnum):
    CLINICIAN = "clinician"
    ADMIN = "admin"


team_members = Table(
    "team_members",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("care_team_id", ForeignKey("care_teams.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="user_role", values_callable=lambda roles: [r.value for r in roles])
    )
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    # The 30-second step of the last accepted one-time code: a code works once, then never again.
    totp_last_step: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    clinic: Mapped[Clinic] = relationship()
    teams: Mapped[list[CareTeam]] = relationship(secondary=team_members)
