"""A refused form on the patient page shows the page again (422), that form as typed, each error
next to its field, and stores nothing."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from server.models import Patient, Snooze, Treatment


def context_form(world, **fields):
    return {
        "revision": "0",
        "care_team_id": str(world.team_a.id),
        "time_zone": "Europe/London",
        "helpline": "+44 20 7946 0000",
        "status": "active",
        **fields,
    }


def page_of(dashboard, world, form_url, form):
    response = dashboard.post(f"/patients/{world.patient_a.id}/{form_url}", form)
    return response, response.get_data(as_text=True)


def error_of(html, form_name, field):
    found = re.search(rf'<span class="field-error" id="{form_name}-{field}-error">([^<]*)<', html)
    return found.group(1).replace("&#39;", "'") if found else None


def test_an_unknown_time_zone_is_named_next_to_its_field_and_the_typing_kept(
    dashboard, world, db_session
):
    form = context_form(world, time_zone="Mars/Olympus", helpline="+44 20 7946 1234")
    response, html = page_of(dashboard, world, "context", form)

    assert response.status_code == 422
    assert error_of(html, "context", "time-zone") == (
        "Time zone: 'Mars/Olympus' is not a known time zone; choose one from the list, "
        "such as Europe/London."
    )
    assert 'value="Mars/Olympus"' in html
    assert 'value="+44 20 7946 1234"' in html
    assert "The context does not fit this patient" not in html
    db_session.expire_all()
    assert db_session.get(Patient, world.patient_a.id).helpline != "+44 20 7946 1234"


def test_a_medicine_without_since_keeps_the_lesion_typed_with_it(dashboard, world, db_session):
    # Row 0 of the plan is left blank, so the bad row is the second one posted.
    form = {
        **context_form(world),
        "lesion_site": ["femur_left", ""],
        "lesion_type": ["lytic", ""],
        "lesion_cortical": ["", ""],
        "med_medication": ["", "morphine"],
        "med_dose": ["", "10"],
        "med_unit": ["", "mg"],
        "med_route": ["", "oral"],
        "med_purpose": ["scheduled", "scheduled"],
        "med_since": ["", ""],
        "med_until": ["", ""],
    }
    response, html = page_of(dashboard, world, "context", form)

    assert response.status_code == 422
    assert error_of(html, "context", "med-since-1") == "Since is required."
    assert error_of(html, "context", "med-since-0") is None
    assert '<option value="femur_left" selected>' in html
    assert '<option value="morphine" selected>' in html
    db_session.expire_all()
    assert db_session.get(Patient, world.patient_a.id).lesions == []


def test_a_radiotherapy_course_without_its_end_is_refused_next_to_ended(
    dashboard, world, db_session
):
    before = db_session.scalar(select(func.count()).select_from(Treatment))
    form = {"kind": "radiotherapy", "sites": ["femur_left", "pelvis"], "started_on": "2026-11-02"}
    response, html = page_of(dashboard, world, "treatments", form)

    assert response.status_code == 422
    assert error_of(html, "treatment", "ended-on") == (
        "Ended: a radiotherapy course needs ended_on (the planned last day)."
    )
    assert 'value="2026-11-02"' in html
    assert 'name="sites" value="femur_left" checked' in html
    assert 'name="sites" value="pelvis" checked' in html
    assert 'name="sites" value="sacrum" checked' not in html
    assert db_session.scalar(select(func.count()).select_from(Treatment)) == before


def test_a_snooze_without_a_reason_keeps_its_rule_and_days(dashboard, world, db_session):
    form = {"rule": "persistent_focal_pain", "site": "femur_left", "days": "3", "reason": "   "}
    response, html = page_of(dashboard, world, "snoozes", form)

    assert response.status_code == 422
    assert error_of(html, "snooze", "reason") == (
        "Reason: a snooze needs a reason (for example, a known deficit)."
    )
    assert '<option value="persistent_focal_pain" selected>' in html
    assert 'name="days" min="1" max="14" value="3"' in html
    assert db_session.scalars(select(Snooze)).all() == []


def test_the_refusal_is_audited_as_the_write_it_was(dashboard, world, db_session):
    from server.models import AuditEvent

    page_of(dashboard, world, "context", context_form(world, time_zone="Mars/Olympus"))

    (row,) = db_session.scalars(
        select(AuditEvent).where(AuditEvent.action == "dashboard.context.replace")
    )
    assert (row.status, row.patient_ids) == (422, [str(world.patient_a.id)])


def test_an_unknown_time_zone_at_enrolment_keeps_the_form(dashboard, world, db_session):
    before = db_session.scalar(select(func.count()).select_from(Patient))
    form = {
        "display_name": "J. Smith",
        "mrn": "RX7654321",
        "care_team_id": str(world.team_a.id),
        "time_zone": "Mars/Olympus",
    }
    response = dashboard.post("/patients", form)
    html = response.get_data(as_text=True)

    assert response.status_code == 422
    assert error_of(html, "enrolment", "time-zone").startswith("Time zone: 'Mars/Olympus'")
    assert 'value="J. Smith"' in html and 'value="RX7654321"' in html
    assert db_session.scalar(select(func.count()).select_from(Patient)) == before


def test_the_patient_page_offers_zones_with_their_offset_and_marks_required_fields(
    dashboard, world
):
    html = dashboard.get(f"/patients/{world.patient_a.id}").get_data(as_text=True)

    assert 'list="time-zones"' in html
    assert re.search(
        r'<option value="Europe/London">Europe/London \(UTC\+0[01]:00\)</option>', html
    )
    assert '<option value="Etc/GMT-1">UTC+1 (fixed offset)</option>' in html
    assert '<span class="required" aria-hidden="true">required</span>' in html


def test_the_favicon_is_the_dashboards_own_drawing(client):
    with client.get("/favicon.ico") as response:
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
        assert response.get_data(as_text=True).startswith("<svg")


def planned_morphine(world, dose, **extra):
    return {
        **context_form(world, revision=str(world.patient_a.context_revision)),
        "med_medication": ["morphine", ""],
        "med_dose": [dose, ""],
        "med_unit": ["mg", ""],
        "med_route": ["oral", ""],
        "med_purpose": ["scheduled", "scheduled"],
        "med_since": ["2026-11-01", ""],
        "med_until": ["", ""],
        **extra,
    }


def test_a_planned_dose_far_above_usual_is_asked_about_and_saved_once_confirmed(
    dashboard, world, db_session
):
    response, html = page_of(dashboard, world, "context", planned_morphine(world, "100000"))

    assert response.status_code == 422
    assert error_of(html, "context", "med-dose-0") == (
        "Dose: Is 100000 mg right? That is far above usual doses. "
        "Tick “the amount is right” to save it."
    )
    assert 'name="med_dose_confirmed" value="0"' in html
    assert 'value="100000"' in html
    db_session.expire_all()
    assert db_session.get(Patient, world.patient_a.id).medications == []

    confirmed = planned_morphine(world, "100000", med_dose_confirmed="0")
    saved, _ = page_of(dashboard, world, "context", confirmed)

    assert saved.status_code == 303
    db_session.expire_all()
    (plan,) = db_session.get(Patient, world.patient_a.id).medications
    assert (plan["medication"], plan["dose"]) == ("morphine", 100000)


def test_a_usual_planned_dose_is_saved_without_a_question(dashboard, world, db_session):
    saved, _ = page_of(dashboard, world, "context", planned_morphine(world, "30"))

    assert saved.status_code == 303
