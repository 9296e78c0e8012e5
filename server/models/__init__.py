"""Typed SQLAlchemy 2.0 models. Patient-owned rows carry their clinic id. Models never commit."""

from server.models.alert import Alert, AlertEvent, Snooze
from server.models.api_token import ApiToken
from server.models.audit import AuditEvent
from server.models.base import Base
from server.models.break_glass import BreakGlassGrant
from server.models.channels import EmailChannel, EscalationContact, EscalationPolicy, Webhook
from server.models.clinic import CareTeam, Clinic
from server.models.delivery import DeadLetter, Delivery, StreamEvent
from server.models.device import DeviceToken
from server.models.enrollment import EnrollmentCode
from server.models.failed_attempt import FailedAttempt
from server.models.notes import AlertNote, NoteAction, PatientNote
from server.models.password_link import PasswordLink
from server.models.patient import Patient, PatientSex, PatientStatus
from server.models.records import Dose, PainReport, RecordRevision
from server.models.treatment import Treatment
from server.models.user import Role, User, team_members
from server.models.worker import ScheduledEvaluation, WorkerHeartbeat

__all__ = [
    "Alert",
    "AlertEvent",
    "AlertNote",
    "ApiToken",
    "AuditEvent",
    "Base",
    "BreakGlassGrant",
    "CareTeam",
    "Clinic",
    "DeadLetter",
    "Delivery",
    "DeviceToken",
    "Dose",
    "EmailChannel",
    "EnrollmentCode",
    "EscalationContact",
    "EscalationPolicy",
    "FailedAttempt",
    "NoteAction",
    "PainReport",
    "PasswordLink",
    "Patient",
    "PatientNote",
    "PatientSex",
    "PatientStatus",
    "RecordRevision",
    "Role",
    "ScheduledEvaluation",
    "Snooze",
    "StreamEvent",
    "Treatment",
    "User",
    "Webhook",
    "WorkerHeartbeat",
    "team_members",
]
