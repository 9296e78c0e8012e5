"""The history window the engine declares, so a caller loads only what the rules read.

Reports and doses: the last 35 days, plus back to 7 days before the start of any radiotherapy
course that ended within those 35 days (its pre-treatment baseline). Bone-agent dose records,
treatments and the patient context: in full, whatever their age.
"""

from collections.abc import Iterable
from datetime import datetime, time, timedelta

from shared.history.treatments import PRE_RT_DAYS
from shared.records import Treatment

WINDOW_DAYS = 35
# Records keep their own UTC offsets, which can differ from `now`'s by up to a day; starting
# a day earlier keeps every record of the first local day needed.
_OFFSET_MARGIN = timedelta(days=1)


def required_window(treatments: Iterable[Treatment], now: datetime) -> datetime:
    """Earliest time of the reports and (non-bone-agent) doses the engine needs at `now`."""
    if now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (with a UTC offset)")
    earliest = now - timedelta(days=WINDOW_DAYS)
    oldest_day_in_window = now.date() - timedelta(days=WINDOW_DAYS)
    for course in treatments:
        if course.kind != "radiotherapy" or course.deleted:
            continue
        ended_on = course.ended_on or course.started_on
        if ended_on >= oldest_day_in_window:
            before_course = course.started_on - timedelta(days=PRE_RT_DAYS)
            start = datetime.combine(before_course, time(), tzinfo=now.tzinfo) - _OFFSET_MARGIN
            earliest = min(earliest, start)
    return earliest
