"""Patients and their context (care team, time zone, helpline, status, lesions, medication plan).

The context fields mirror the wire format's patient context; `context_revision` counts its edits.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, JSONDocument, new_id, utcnow
from server.models.clinic import CareTeam


class PatientStatus(enum.StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    DISCHARGED = "discharged"
    DECEASED = "deceased"


class Patient(Base):
    __tablename__ = "patients"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"), index=True)
    care_team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_teams.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    helpline: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[PatientStatus] = mapped_column(
        Enum(
            PatientStatus,
            name="patient_status",
            values_callable=lambda statuses: [s.value for s in statuses],
        ),
        default=PatientStatus.ACTIVE,
    )
    lesions: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument, default=list)
    medications: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument, default=list)
    context_revision: Mapped[int] = mapped_column(default=1)
    # The last number of this patient's change sequence (see server.services.change_sequence).
    last_change_seq: Mapped[int] = mapped_column(default=0)
    # Where the context sits in that sequence, so phones pull it when it changes.
    context_change_seq: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    care_team: Mapped[CareTeam] = relationship()
