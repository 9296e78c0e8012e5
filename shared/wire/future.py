"""Clock-drift check for records made on the phone, against a clock the caller passes.

Phone clocks drift, so a time up to 26 h ahead of the server is accepted and flagged for the
timeline; anything later is rejected (wire format v1, architecture.md).
"""

from datetime import datetime, timedelta
from enum import StrEnum

from shared.records import Dose, PainReport

MAX_AHEAD = timedelta(hours=26)


class ClockCheck(StrEnum):
    ON_TIME = "on_time"
    AHEAD = "ahead"  # accepted, flagged
    TOO_FAR_AHEAD = "too_far_ahead"  # rejected


def check_future(record: PainReport | Dose | datetime, now: datetime) -> ClockCheck:
    """Classify a record's own time (or a bare time) against `now`, an aware datetime."""
    if isinstance(record, PainReport):
        moment = record.recorded_at
    elif isinstance(record, Dose):
        moment = record.taken_at
    else:
        moment = record
    if moment <= now:
        return ClockCheck.ON_TIME
    if moment - now <= MAX_AHEAD:
        return ClockCheck.AHEAD
    return ClockCheck.TOO_FAR_AHEAD
