"""What the delivery worker leaves behind for others to read: heartbeats and scheduler progress."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base


class WorkerHeartbeat(Base):
    """One row per worker process; `/healthz` reads the latest beat."""

    __tablename__ = "worker_heartbeats"

    worker_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    started_at: Mapped[datetime]
    beat_at: Mapped[datetime]


class ScheduledEvaluation(Base):
    """The local day on which the scheduler last ran a patient's time-based rules."""

    __tablename__ = "scheduled_evaluations"

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"), primary_key=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    local_day: Mapped[date]
    evaluated_at: Mapped[datetime]
