"""Kivy-free presenters: what each screen calls, and the plain results it shows.

Every method may touch the disk (and enrollment the network): screens call them through
`mobile.background.BackgroundTasks`, never directly on the UI thread.
"""

from mobile.presenters.checkin import (
    PAIN_QUESTION,
    CheckInForm,
    CheckInPresenter,
    SiteEntry,
    asks_about_pain,
)
from mobile.presenters.doses import DoseForm, DosePresenter
from mobile.presenters.enrollment import EnrollmentPresenter, EnrollmentResult
from mobile.presenters.history import HistoryEntry, HistoryPresenter
from mobile.presenters.messages import Messages, MessagesPresenter
from mobile.presenters.results import SaveResult
from mobile.presenters.signout import SignOutPresenter, SignOutResult

__all__ = [
    "PAIN_QUESTION",
    "CheckInForm",
    "CheckInPresenter",
    "DoseForm",
    "DosePresenter",
    "EnrollmentPresenter",
    "EnrollmentResult",
    "HistoryEntry",
    "HistoryPresenter",
    "Messages",
    "MessagesPresenter",
    "SaveResult",
    "SignOutPresenter",
    "SignOutResult",
    "SiteEntry",
    "asks_about_pain",
]
