"""The kinds of caller the API knows: a clinician, an admin, or a patient's enrolled device.

Services take one of these instead of a user row, so they can tell who acts without a request.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Clinician:
    user_id: uuid.UUID
    clinic_id: uuid.UUID
    token_id: uuid.UUID
    team_ids: frozenset[uuid.UUID]


@dataclass(frozen=True)
class Admin:
    user_id: uuid.UUID
    clinic_id: uuid.UUID
    token_id: uuid.UUID


@dataclass(frozen=True)
class PatientDevice:
    device_id: uuid.UUID
    patient_id: uuid.UUID
    clinic_id: uuid.UUID


Actor = Clinician | Admin | PatientDevice
