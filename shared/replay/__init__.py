"""Replay: run the engine and the alert lifecycle over recorded patient files, as time passed.

`load_patient(document)` checks one patient file (`{"patient", "reports", "doses",
"treatments", "until"}` in wire format v1) and raises `InputError` naming the field;
`replay(patient, config, zone=..., resolve_after=...)` returns the alert events in time order;
`summarise(replays)` counts alerts per patient-month by rule and tier. All of it is pure: the
command line (`python -m shared.replay`, in `__main__`) reads the files, resolves the time
zone and prints.
"""

from shared.replay.inputs import InputError, PatientInput, load_patient
from shared.replay.summary import CohortSummary, summarise, summary_lines
from shared.replay.timeline import DEFAULT_RESOLVE_AFTER, Replay, ReplayEvent, replay

__all__ = [
    "DEFAULT_RESOLVE_AFTER",
    "CohortSummary",
    "InputError",
    "PatientInput",
    "Replay",
    "ReplayEvent",
    "load_patient",
    "replay",
    "summarise",
    "summary_lines",
]
