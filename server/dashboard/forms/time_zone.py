"""The time zone field: the server holds the zone database, so the form checks the name exists."""

from __future__ import annotations

from server.services.time_zones import is_known_time_zone

UNKNOWN_ZONE = "{zone!r} is not a known time zone; choose one from the list, such as Europe/London"
NO_ZONE = "choose one from the list, such as Europe/London"


def zone_problems(zone: str, field: str = "time_zone") -> dict[str, list[str]]:
    """The field's problem, if the name is no zone of the database ('Mars/Olympus')."""
    if is_known_time_zone(zone):
        return {}
    return {field: [UNKNOWN_ZONE.format(zone=zone) if zone else NO_ZONE]}
