"""Who opens a patient outside their teams: an escalation contact while an alert is escalated to
them, and a break-glass grant until it runs out."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select, update

from server.extensions import db
from server.models import Alert, BreakGlassGrant, EscalationContact
from server.models.base import utcnow
from tests.server.access_matrix import an_alert_of
from tests.server.dashboard.signing_in import sign_in_with_token


def page_of_patient_a(api, world):
    sign_in_with_token(api.client, world.tokens["clinician_b"])
    return api.client.get(f"/patients/{world.patient_a.id}")


def make_b_escalation_contact_of_team_a(world):
    team = world.team_a
    db.session.add(
        EscalationContact(
            clinic_id=team.clinic_id, care_team_id=team.id, user_id=world.clinician_b.id
        )
    )
    db.session.commit()


def test_an_escalation_contact_opens_the_patient_of_an_escalated_alert(api, world):
    alert_id = uuid.UUID(an_alert_of(api, world.a))
    make_b_escalation_contact_of_team_a(world)
    assert page_of_patient_a(api, world).status_code == 404

    db.session.execute(update(Alert).where(Alert.id == alert_id).values(escalated_at=utcnow()))
    db.session.commit()

    assert page_of_patient_a(api, world).status_code == 200
    acknowledged = api.post(f"/api/v1/alerts/{alert_id}/acknowledge", "clinician_b", json={})
    assert acknowledged.status_code == 200


def test_an_escalated_alert_opens_nothing_for_someone_not_a_contact(api, world):
    alert_id = uuid.UUID(an_alert_of(api, world.a))
    db.session.execute(update(Alert).where(Alert.id == alert_id).values(escalated_at=utcnow()))
    db.session.commit()

    assert page_of_patient_a(api, world).status_code == 404


def test_a_break_glass_grant_opens_the_patient_until_it_expires(api, world):
    sign_in_with_token(api.client, world.tokens["clinician_b"])
    url = f"/patients/{world.patient_a.id}/break-glass"
    form = {"csrf_token": "a-test-csrf-token-of-this-session", "reason": "Covering nights."}
    assert api.client.post(url, data=form).status_code == 303
    assert page_of_patient_a(api, world).status_code == 200

    db.session.execute(update(BreakGlassGrant).values(expires_at=utcnow() - timedelta(seconds=1)))
    db.session.commit()

    assert page_of_patient_a(api, world).status_code == 404
    assert len(db.session.scalars(select(BreakGlassGrant)).all()) == 1


def test_break_glass_without_a_reason_is_refused(api, world):
    sign_in_with_token(api.client, world.tokens["clinician_b"])
    url = f"/patients/{world.patient_a.id}/break-glass"
    form = {"csrf_token": "a-test-csrf-token-of-this-session", "reason": "   "}

    assert api.client.post(url, data=form).status_code == 422
    assert page_of_patient_a(api, world).status_code == 404
