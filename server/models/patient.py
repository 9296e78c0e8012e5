"""Patients: who they are (name, hospital number, birth date, sex) and their context (care team,
time zone, helpline, status, lesions, medication plan).

The context fields mirror the wire format's patient context; `context_revision` counts its edits.
The identifiers never leave the clinic's own pages and API: no email, webhook, push or log.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Enum, ForeignKey, Index, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, JSONDocument, new_id, utcnow
from server.models.clinic import CareTeam


class PatientStatus(enum.StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    DISCHARGED = "discharged"
    DECEASED = "deceased"


class PatientSex(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Patient(Base):
    __tablename__ = "patients"
    __table_args__ = (
        # A hospital number names one patient of the clinic; patients without one may be many.
        UniqueConstraint("clinic_id", "mrn"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"), index=True)
    care_team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_teams.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    # The hospital number (medical record number), as the hospital writes it.
    mrn: Mapped[str | None] = mapped_column(String(32))
    birth_date: Mapped[date | None]
    sex: Mapped[PatientSex | None] = mapped_column(
        Enum(
            PatientSex,
            name="patient_sex",
            values_callable=lambda sexes: [s.value for s in sexes],
        )
    )
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


# The search by MRN prefix, ignoring case (`text_pattern_ops`: PostgreSQL serves LIKE 'x%' from it).
Index(
    "ix_patients_mrn_folded",
    func.lower(Patient.mrn).label("mrn_folded"),
    postgresql_ops={"mrn_folded": "text_pattern_ops"},
)
# The search by part of a name, ignoring case: on PostgreSQL a trigram index serves LIKE '%x%'
# (and, with the MRN's, the search's OR); SQLite's plain one only helps ordering by name.
Index(
    "ix_patients_name_folded",
    func.lower(Patient.display_name).label("name_folded"),
    postgresql_using="gin",
    postgresql_ops={"name_folded": "gin_trgm_ops"},
)
