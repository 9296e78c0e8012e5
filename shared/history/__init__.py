"""A patient's history as the engine reads it, with the catalogue's definitions.

`PatientHistory.build(reports, doses, treatments, context)` takes loaded wire records;
`required_window(treatments, now)` says how far back reports and doses must be loaded.
"""

from shared.history.patient import PatientHistory
from shared.history.treatments import BoneAgentDose, RadiotherapyWindow
from shared.history.window import WINDOW_DAYS, required_window

__all__ = [
    "WINDOW_DAYS",
    "BoneAgentDose",
    "PatientHistory",
    "RadiotherapyWindow",
    "required_window",
]
