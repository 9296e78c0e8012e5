"""Snoozing a rule from the patient page, and ending the snooze early."""

from __future__ import annotations

from sqlalchemy import select

from server.models import AuditEvent, Snooze
from server.models.base import utcnow


def test_a_snooze_is_ended_early_from_the_patient_page_and_kept(dashboard, world, db_session):
    page = f"/patients/{world.patient_a.id}"
    form = {"rule": "persistent_focal_pain", "days": "7", "reason": "Radiotherapy booked"}
    assert dashboard.post(f"{page}/snoozes", form).status_code == 303
    row = db_session.scalars(select(Snooze)).one()
    assert "End snooze now" in dashboard.get(page).get_data(as_text=True)

    response = dashboard.post(f"{page}/snoozes/{row.id}/end")

    assert (response.status_code, response.headers["Location"]) == (303, f"{page}#snoozes")
    db_session.expire_all()
    assert row.starts_at <= row.until <= utcnow()
    shown = dashboard.get(page).get_data(as_text=True)
    assert "Snooze ended: the rule alerts again from now." in shown
    assert "No rule is snoozed." in shown
    (event,) = db_session.scalars(
        select(AuditEvent).where(AuditEvent.action == "dashboard.snoozes.end")
    )
    assert (event.status, event.patient_ids) == (303, [str(world.patient_a.id)])
