import pytest

from shared.replay import InputError, load_patient
from tests.shared.builders import D, day, report_wire, site
from tests.shared.replay.documents import document


def test_a_file_with_the_patient_id_and_until_alone_loads():
    patient = load_patient(
        {"patient": {"id": "00000000-0000-0000-0000-000000000001"}, "until": "2026-11-27"}
    )

    assert patient.until == D and patient.reports == () and patient.context.lesions == ()


def test_a_bad_score_is_named_by_its_path_in_the_file():
    bad = report_wire(D, site("sacrum", 11))

    with pytest.raises(InputError) as raised:
        load_patient(document(report_wire(day(-1)), bad))

    assert raised.value.field == "reports[1].sites[0].score"


def test_an_unknown_top_level_field_is_refused():
    with pytest.raises(InputError, match=r"^notes: unknown field"):
        load_patient({**document(), "notes": "x"})


def test_until_is_required():
    without = document()
    del without["until"]

    with pytest.raises(InputError, match=r"^until: required"):
        load_patient(without)


def test_until_must_be_a_date():
    with pytest.raises(InputError, match="'27/11/2026' is not a date"):
        load_patient({**document(), "until": "27/11/2026"})


def test_the_patient_needs_an_id():
    with pytest.raises(InputError, match=r"^patient: required"):
        load_patient({**document(), "patient": {"time_zone": "Europe/London"}})


def test_a_record_list_must_be_a_list():
    with pytest.raises(InputError, match=r"^doses: must be a list"):
        load_patient({**document(), "doses": {}})
