from datetime import UTC, datetime

from server.dashboard.time_zone_choices import zone_choices, zone_label

WINTER = datetime(2026, 1, 15, 12, tzinfo=UTC)
SUMMER = datetime(2026, 7, 15, 12, tzinfo=UTC)


def test_a_zone_is_shown_with_its_offset_from_utc_now():
    assert zone_label("Europe/London", WINTER) == "Europe/London (UTC+00:00)"
    assert zone_label("Europe/London", SUMMER) == "Europe/London (UTC+01:00)"
    assert zone_label("Asia/Kolkata", WINTER) == "Asia/Kolkata (UTC+05:30)"
    assert zone_label("America/St_Johns", WINTER) == "America/St_Johns (UTC-03:30)"


def test_posix_offsets_are_shown_with_the_sign_a_person_expects():
    assert zone_label("Etc/GMT-1", WINTER) == "UTC+1 (fixed offset)"
    assert zone_label("Etc/GMT+5", WINTER) == "UTC-5 (fixed offset)"
    assert (
        zone_label("Etc/GMT-0", WINTER) == zone_label("Etc/GMT+0", WINTER) == "UTC+0 (fixed offset)"
    )


def test_an_unknown_zone_has_no_label():
    assert zone_label("Mars/Olympus", WINTER) == ""


def test_the_choices_are_the_main_names_in_order_without_old_aliases():
    names = [choice.name for choice in zone_choices(WINTER)]

    assert names == sorted(names)
    assert {"Europe/London", "UTC", "Etc/GMT-1", "America/Argentina/Buenos_Aires"} <= set(names)
    assert not {"GB", "US/Eastern", "posixrules"} & set(names)
