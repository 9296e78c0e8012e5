from werkzeug.datastructures import MultiDict

from server.dashboard.typed_form import Forms, TypedForm, in_words, refused_form
from server.services.errors import InvalidInput

LABELS = {
    "time_zone": "Time zone",
    "med_since": "Since",
    "dose_gy": "Dose (Gy)",
    "ended_on": "Ended",
}


def test_a_message_that_starts_with_the_fields_wire_name_reads_with_its_label():
    assert in_words("med_since.2", "since is required", LABELS) == "Since is required."
    assert in_words("dose_gy", "details.dose_gy must be a number above 0", LABELS) == (
        "Dose (Gy) must be a number above 0."
    )


def test_any_other_message_is_prefixed_with_the_label():
    assert in_words("ended_on", "a radiotherapy course needs ended_on", LABELS) == (
        "Ended: a radiotherapy course needs ended_on."
    )
    assert in_words("form", "something else.", LABELS) == "Something else."


def test_a_refused_form_keeps_the_typing_and_renames_the_services_fields():
    refusal = InvalidInput("Refused.", {"until": ["a snooze lasts at most 14 days"]})

    form = refused_form(
        "snooze", MultiDict({"days": "30"}), refusal, {"days": "Days"}, {"until": "days"}
    )

    assert form.refused and form.value("days", 7) == "30"
    assert form.error("days") == "Days: a snooze lasts at most 14 days."
    assert form.problems == ["Days: a snooze lasts at most 14 days."]


def test_a_form_not_refused_shows_what_is_stored():
    form = Forms()["context"]

    assert not form.refused
    assert form.value("helpline", "+44 1") == "+44 1"
    assert form.chosen("status", "active", stored=True)
    assert form.error("helpline") == ""


def test_only_the_refused_form_of_a_page_is_as_typed():
    refused = TypedForm("snooze", MultiDict({"reason": "x"}))

    assert Forms(refused)["snooze"] is refused
    assert not Forms(refused)["context"].refused


def test_rows_come_back_as_posted_with_a_blank_one_to_add_another():
    typed = MultiDict(
        [
            ("lesion_site", ""),
            ("lesion_site", "pelvis"),
            ("lesion_type", ""),
            ("lesion_type", "lytic"),
        ]
    )
    columns = {"lesion_site": "site", "lesion_type": "type"}

    rows = TypedForm("context", typed).rows(columns, [])
    stored = TypedForm("context").rows(columns, [{"site": "skull", "type": None}])

    assert rows == [
        {"lesion_site": "", "lesion_type": ""},
        {"lesion_site": "pelvis", "lesion_type": "lytic"},
        {"lesion_site": "", "lesion_type": ""},
    ]
    assert stored == [
        {"lesion_site": "skull", "lesion_type": ""},
        {"lesion_site": "", "lesion_type": ""},
    ]
