"""Where the phone reads the time: one injectable callable, so tests can set the clock.

Wire records carry the local UTC offset of the place they were made ("a day" is the local date
in the record's own offset), so the clock returns aware local time, whole seconds.
"""

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """The phone's wall clock as an aware local time."""
    return datetime.now().astimezone().replace(microsecond=0)


def aware(moment: datetime) -> datetime:
    """`moment` unchanged if it has a UTC offset; a naive time is a programming error."""
    if moment.utcoffset() is None:
        raise ValueError("the clock must return an aware datetime (with a UTC offset)")
    return moment
