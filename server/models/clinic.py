"""Clinics and their care teams. A team's settings reach its patients' phones on every sync."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, new_id, utcnow


class Clinic(Base):
    __tablename__ = "clinics"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The dashboard's enrolment asks for a hospital number unless this clinic's patients may lack
    # one.
    patients_may_lack_mrn: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    teams: Mapped[list[CareTeam]] = relationship(back_populates="clinic")


class CareTeam(Base):
    __tablename__ = "care_teams"
    __table_args__ = (UniqueConstraint("clinic_id", "name"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    helpline: Mapped[str] = mapped_column(String(40), default="")
    call_now_text: Mapped[str] = mapped_column(
        String(500), default="Call your care team's helpline now."
    )
    out_of_hours_text: Mapped[str] = mapped_column(String(500), default="")
    # The country's emergency number, the safety net's last resort ("call the emergency services
    # on 999"). 112 reaches the emergency services from a mobile phone across Europe and beyond.
    emergency_number: Mapped[str] = mapped_column(String(8), default="112")
    # Local time of day ("HH:MM") at which the phone reminds the patient to check in.
    check_in_reminder: Mapped[str] = mapped_column(String(5), default="20:00")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    clinic: Mapped[Clinic] = relationship(back_populates="teams")
