"""When the daily check-in reminder is due: pure date arithmetic the Kivy layer drives.

`next_due(now, "20:00")` is today's 20:00 if still ahead, otherwise tomorrow's, in the
phone's local time. The app checks on a Kivy Clock interval whether that moment has passed.
"""

from datetime import datetime, time, timedelta


def parse(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def next_due(now: datetime, at: str) -> datetime:
    today = now.replace(hour=parse(at).hour, minute=parse(at).minute, second=0, microsecond=0)
    return today if today > now else today + timedelta(days=1)


REMINDER_TITLE = "Painline"
REMINDER_TEXT = "Time for today's check-in. It takes under a minute."
