"""The enrollment presenter: scan or type, adopt the token, keep the outbox for the same patient."""

from __future__ import annotations

from mobile import outbox
from mobile.enrollment import Enrolled, EnrollmentError
from mobile.presenters import EnrollmentPresenter
from mobile.store import Kind, account, records
from tests.mobile.builders import a_report

QR = "painline://enroll?server=https://pain.example.org&code=K7M2-Q9TX"


class FakeEnroll:
    def __init__(self, patient_id="patient-1", error=None):
        self.patient_id = patient_id
        self.error = error
        self.calls = []

    def __call__(self, target, device_name):
        self.calls.append((target, device_name))
        if self.error:
            raise self.error
        return Enrolled(token=f"token-{len(self.calls)}", patient_id=self.patient_id)


def test_scanning_the_qr_code_enrolls_the_phone(store):
    enroll = FakeEnroll()

    result = EnrollmentPresenter(store, enroll).from_qr(QR, "Pixel")

    assert result.enrolled
    assert enroll.calls[0][0].server == "https://pain.example.org"
    with store.transaction() as connection:
        enrolled = account.enrollment(connection)
    assert (enrolled.token, enrolled.patient_id, enrolled.device_name) == (
        "token-1",
        "patient-1",
        "Pixel",
    )


def test_typed_fields_are_checked_before_any_network_call(store):
    enroll = FakeEnroll()

    result = EnrollmentPresenter(store, enroll).from_fields("http://pain.example.org", "", "Pixel")

    assert set(result.errors) == {"server", "code"}
    assert enroll.calls == []


def test_a_refused_code_shows_the_servers_message(store):
    enroll = FakeEnroll(error=EnrollmentError("Ask your care team for a new one.", "code"))

    result = EnrollmentPresenter(store, enroll).from_qr(QR, "Pixel")

    assert result.errors == {"code": "Ask your care team for a new one."}
    assert not EnrollmentPresenter(store, enroll).is_enrolled()


def test_re_enrolling_the_same_patient_keeps_the_outbox_and_clears_the_new_code_request(
    enrolled_store,
):
    with enrolled_store.transaction() as connection:
        records.add(connection, Kind.REPORT, a_report())
        account.set_flag(connection, account.NEEDS_NEW_CODE, True)
    pokes = []

    presenter = EnrollmentPresenter(enrolled_store, FakeEnroll(), lambda: pokes.append(1))
    result = presenter.from_qr(QR, "Pixel")

    assert result.enrolled
    assert pokes == [1]
    with enrolled_store.transaction() as connection:
        assert outbox.pending_count(connection) == 1
        assert not account.flag(connection, account.NEEDS_NEW_CODE)
        assert account.enrollment(connection).token == "token-1"


def test_a_code_for_another_patient_is_refused_while_entries_are_unsent(enrolled_store):
    with enrolled_store.transaction() as connection:
        records.add(connection, Kind.REPORT, a_report())

    result = EnrollmentPresenter(enrolled_store, FakeEnroll("patient-2")).from_qr(QR, "Pixel")

    assert not result.enrolled
    assert "different person" in result.errors["code"]
    with enrolled_store.transaction() as connection:
        assert account.enrollment(connection).patient_id == "patient-1"


def test_a_code_for_another_patient_replaces_fully_synced_data(enrolled_store):
    report = a_report()
    with enrolled_store.transaction() as connection:
        records.add(connection, Kind.REPORT, report)
        outbox.acknowledge(connection, outbox.next_batch(connection), [report["id"]])

    result = EnrollmentPresenter(enrolled_store, FakeEnroll("patient-2")).from_qr(QR, "Pixel")

    assert result.enrolled
    with enrolled_store.transaction() as connection:
        assert records.get(connection, report["id"]) is None
        assert account.enrollment(connection).patient_id == "patient-2"
