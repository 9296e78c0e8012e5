"""The time zones a clinician picks from: each IANA name with its offset from UTC right now.

`Etc/GMT-1` follows the POSIX sign (it is one hour *ahead* of UTC), so it is shown as "UTC+1",
never by its name alone, which reads as the opposite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from server.services.time_zones import is_known_time_zone

# The areas of the zone database's main names; the rest are old aliases ("GB", "US/Eastern").
AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
        "Etc",
    }
)
POSIX_OFFSET = re.compile(r"^Etc/GMT(?P<sign>[+-])(?P<hours>\d{1,2})$")


@dataclass(frozen=True)
class ZoneChoice:
    name: str
    label: str


def zone_choices(now: datetime) -> list[ZoneChoice]:
    return [ZoneChoice(name, zone_label(name, now)) for name in zone_names()]


@cache
def zone_names() -> tuple[str, ...]:
    """The database's main names, read once: it changes only with a new tzdata package."""
    names = (name for name in available_timezones() if name.split("/")[0] in AREAS)
    return tuple(sorted({*names, "UTC"}))


def zone_label(name: str, now: datetime) -> str:
    """'Europe/London (UTC+00:00)'; 'UTC+1 (fixed offset)' for Etc/GMT-1; '' for no zone."""
    fixed = POSIX_OFFSET.match(name)
    if fixed:
        hours = int(fixed["hours"])
        sign = "-" if fixed["sign"] == "+" and hours else "+"
        return f"UTC{sign}{hours} (fixed offset)"
    if not is_known_time_zone(name):
        return ""
    offset = now.astimezone(ZoneInfo(name)).utcoffset() or timedelta()
    return f"{name} ({utc_offset(offset)})"


def utc_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{'-' if offset < timedelta() else '+'}{hours:02d}:{minutes:02d}"
