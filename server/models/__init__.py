"""Typed SQLAlchemy 2.0 models. Patient-owned rows carry their clinic id. Models never commit."""

from server.models.base import Base
from server.models.clinic import CareTeam, Clinic
from server.models.device import DeviceToken
from server.models.patient import Patient, PatientStatus
from server.models.user import Role, User, team_members

__all__ = [
    "Base",
    "CareTeam",
    "Clinic",
    "DeviceToken",
    "Patient",
    "PatientStatus",
    "Role",
    "User",
    "team_members",
]
