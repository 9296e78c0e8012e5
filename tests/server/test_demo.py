from sqlalchemy import func, select

from server.models import Alert, AlertEvent, Clinic, Patient, User
from server.security.passwords import verify_password
from server.services.demo import DEMO_EMAIL, DEMO_PASSWORD
from server.services.demo_patients import DEMO_PATIENTS


def test_seed_demo_fills_an_empty_database_once(runner, db_session):
    first = runner.invoke(args=["painline", "seed-demo"])
    second = runner.invoke(args=["painline", "seed-demo"])

    assert f"{DEMO_EMAIL} / {DEMO_PASSWORD}" in first.output
    assert f"{DEMO_EMAIL} / {DEMO_PASSWORD}" in second.output
    assert db_session.scalar(select(func.count()).select_from(Clinic)) == 1
    clinician = db_session.scalars(select(User)).one()
    assert verify_password(clinician.password_hash, DEMO_PASSWORD)
    assert [team.name for team in clinician.teams] == ["Bone Oncology"]


def test_demo_patients_raise_real_alerts_and_stable_ones_raise_none(runner, db_session):
    runner.invoke(args=["painline", "seed-demo"])

    open_alerts = db_session.execute(
        select(Patient.display_name, Alert.rule, Alert.tier)
        .join(Alert, Alert.patient_id == Patient.id)
        .where(Alert.status == "open")
    ).all()
    by_patient = {name: (rule, tier) for name, rule, tier in open_alerts}
    assert db_session.scalar(select(func.count()).select_from(Patient)) == len(DEMO_PATIENTS)
    assert by_patient["Alex Morgan"] == ("mscc_neuro_red_flag", "emergency")
    assert by_patient["Bea Lindqvist"] == ("spinal_pain_red_flag", "urgent")
    stable = {name for name, scenario in DEMO_PATIENTS if scenario == "stable"}
    assert stable.isdisjoint(by_patient)
    assert db_session.scalar(select(func.count()).select_from(AlertEvent)) > 0


def test_wrong_password_does_not_verify():
    from server.security.passwords import hash_password

    assert not verify_password(hash_password("right"), "wrong")
    assert not verify_password(None, "anything")


def test_seed_demo_leaves_a_database_with_other_data_alone(runner, db_session):
    from server.models import Clinic

    db_session.add(Clinic(name="St Elsewhere"))
    db_session.commit()

    result = runner.invoke(args=["painline", "seed-demo"])

    assert "no demo clinic added" in result.output
    assert db_session.scalar(select(func.count()).select_from(User)) == 0
