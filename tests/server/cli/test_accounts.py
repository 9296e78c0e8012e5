import pyotp
from sqlalchemy import select

from server.models import ApiToken, Role, User
from server.security.passwords import verify_password
from tests.support.builders import a_clinic, a_team

PASSWORD = "a long enough password"


def painline(runner, *args):
    return runner.invoke(args=["painline", *args])


def test_an_operator_sets_up_a_clinic_a_team_and_a_clinician(runner, db_session):
    clinic = painline(runner, "create-clinic", "North Clinic")
    team = painline(runner, "create-team", "--clinic", "North Clinic", "Bone Oncology")
    user = painline(
        runner,
        "create-user",
        "--email",
        "Dr.Who@Example.org",
        "--password",
        PASSWORD,
        "--role",
        "clinician",
        "--team",
        "Bone Oncology",
    )

    assert clinic.exit_code == 0, clinic.output
    assert team.exit_code == 0, team.output
    assert user.exit_code == 0, user.output
    created = db_session.scalars(select(User)).one()
    assert created.email == "dr.who@example.org"
    assert created.role == Role.CLINICIAN
    assert [t.name for t in created.teams] == ["Bone Oncology"]
    assert created.totp_secret is None
    assert "otpauth://" not in user.output


def test_creating_an_admin_prints_the_authenticator_uri(runner, db_session):
    painline(runner, "create-clinic", "North Clinic")
    painline(runner, "create-team", "--clinic", "North Clinic", "Bone Oncology")

    result = painline(
        runner,
        "create-user",
        "--email",
        "boss@example.org",
        "--password",
        PASSWORD,
        "--role",
        "admin",
        "--team",
        "Bone Oncology",
    )

    assert result.exit_code == 0, result.output
    uri = next(line for line in result.output.splitlines() if line.startswith("otpauth://"))
    admin = db_session.scalars(select(User)).one()
    assert pyotp.parse_uri(uri).secret == admin.totp_secret
    assert admin.teams == []


def test_a_second_clinic_with_the_same_name_is_refused_in_a_sentence(runner, db_session):
    painline(runner, "create-clinic", "North Clinic")

    again = painline(runner, "create-clinic", "North Clinic")

    assert again.exit_code == 1
    assert "already exists" in again.output
    assert "Traceback" not in again.output


def test_a_short_password_is_refused(runner, db_session):
    painline(runner, "create-clinic", "North Clinic")
    painline(runner, "create-team", "--clinic", "North Clinic", "Bone Oncology")

    result = painline(
        runner,
        "create-user",
        "--email",
        "a@example.org",
        "--password",
        "short",
        "--role",
        "clinician",
        "--team",
        "Bone Oncology",
    )

    assert result.exit_code == 1
    assert "at least 12 characters" in result.output


def test_a_clinician_needs_a_team_that_exists(runner, db_session):
    result = painline(
        runner,
        "create-user",
        "--email",
        "a@example.org",
        "--password",
        PASSWORD,
        "--role",
        "clinician",
        "--team",
        "Nowhere",
    )

    assert result.exit_code == 1
    assert "No care team named 'Nowhere'" in result.output


def test_deactivating_a_user_ends_their_sessions(runner, db_session, world):
    result = painline(runner, "deactivate-user", "clinician.a@example.org")

    assert result.exit_code == 0, result.output
    db_session.refresh(world.clinician_a)
    assert world.clinician_a.active is False
    tokens = db_session.scalars(select(ApiToken).where(ApiToken.user_id == world.clinician_a.id))
    assert all(token.revoked_at is not None for token in tokens)


def test_resetting_a_password_sets_it_and_ends_sessions(runner, db_session, api, world):
    result = painline(
        runner, "reset-password", "clinician.a@example.org", "--password", "a brand new password"
    )

    assert result.exit_code == 0, result.output
    db_session.refresh(world.clinician_a)
    assert verify_password(world.clinician_a.password_hash, "a brand new password")
    assert api.get("/api/v1/patients", as_="clinician_a").status_code == 401


def test_team_names_repeated_across_clinics_need_the_clinic(runner, db_session):
    for name in ("North Clinic", "South Clinic"):
        a_team(db_session, a_clinic(db_session, name), "Bone Oncology")
    db_session.commit()
    args = [
        "create-user",
        "--email",
        "a@example.org",
        "--password",
        PASSWORD,
        "--role",
        "clinician",
        "--team",
        "Bone Oncology",
    ]

    ambiguous = painline(runner, *args)
    precise = painline(runner, *args, "--clinic", "South Clinic")

    assert "add --clinic" in ambiguous.output
    assert precise.exit_code == 0, precise.output
    assert db_session.scalars(select(User)).one().clinic.name == "South Clinic"


def test_unknown_user_is_reported(runner, db_session):
    result = painline(runner, "deactivate-user", "ghost@example.org")

    assert result.exit_code == 1
    assert "No user with the email ghost@example.org" in result.output


def test_deactivating_one_user_keeps_the_others_signed_in(runner, api, world):
    painline(runner, "deactivate-user", "clinician.a@example.org")

    assert api.get("/api/v1/patients", as_="clinician_a").status_code == 401
    assert api.get("/api/v1/patients", as_="clinician_b").status_code == 200
