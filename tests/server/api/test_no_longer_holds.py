"""An open alert whose finding a clinician's change undid says so, names the change and can be
resolved in one click; a change that undoes nothing leaves every alert as it was."""

from __future__ import annotations

import uuid

from server.models.base import utcnow
from tests.server.api.alerting import ALERTS
from tests.server.dashboard.signing_in import CSRF, sign_in_with_token
from tests.server.sync.pushes import days_ago, push
from tests.shared.builders import report_wire, site


def persistent_skull_pain(api):
    """Skull pain 5/10 on each of the last 12 days: rule 5, persistent focal pain, no RT."""
    reports = [report_wire(days_ago(n), site("skull", 5), hour=9) for n in range(11, -1, -1)]
    assert push(api, reports=reports).status_code == 200
    (alert,) = [a for a in api.get(ALERTS, "clinician_a").get_json() if a["site"] == "skull"]
    assert (alert["rule"], alert["no_longer_holds_since"]) == ("persistent_focal_pain", None)
    return alert


def radiotherapy(site_code):
    today = utcnow().date().isoformat()
    return {
        "id": str(uuid.uuid4()),
        "kind": "radiotherapy",
        "sites": [site_code],
        "started_on": today,
        "ended_on": today,
        "revision": 1,
        "details": {"dose_gy": 8, "fractions": 1},
    }


def treatments_url(world):
    return f"/api/v1/patients/{world.patient_a.id}/treatments"


def alert_now(api, alert_id):
    return next(a for a in api.get(ALERTS, "clinician_a").get_json() if a["id"] == alert_id)


def test_radiotherapy_to_the_site_marks_the_alert_with_the_change(api, world):
    alert = persistent_skull_pain(api)

    added = api.post(treatments_url(world), "clinician_a", json=radiotherapy("skull"))

    assert added.status_code == 201
    after = alert_now(api, alert["id"])
    assert after["status"] == "open"
    assert after["no_longer_holds_since"] is not None
    today = utcnow().strftime("%d %b %Y")
    assert after["no_longer_holds_because"] == f"Radiotherapy to the skull entered on {today}"


def test_radiotherapy_elsewhere_leaves_the_alert_as_it_was(api, world):
    alert = persistent_skull_pain(api)

    api.post(treatments_url(world), "clinician_a", json=radiotherapy("femur_right"))

    after = alert_now(api, alert["id"])
    assert (after["no_longer_holds_since"], after["no_longer_holds_because"]) == (None, None)


def test_the_patient_page_says_so_and_resolves_it_in_one_click(api, world, client):
    alert = persistent_skull_pain(api)
    api.post(treatments_url(world), "clinician_a", json=radiotherapy("skull"))
    sign_in_with_token(client, world.tokens["clinician_a"])

    page = client.get(f"/patients/{world.patient_a.id}").get_data(as_text=True)
    assert "Radiotherapy to the skull entered on" in page
    assert "this finding no longer holds." in page
    assert "Resolve: no longer holds" in page
    today = utcnow().strftime("%d %b %Y")
    resolved = client.post(
        f"/patients/{world.patient_a.id}/alerts/{alert['id']}/resolve",
        data={
            "csrf_token": CSRF,
            "note": f"Radiotherapy to the skull entered on {today}: this finding no longer holds.",
            "outcome": "actioned",
        },
    )

    assert resolved.status_code == 303
    after = alert_now(api, alert["id"])
    assert (after["status"], after["outcome"]) == ("resolved", "actioned")
    assert after["notes"][-1]["text"].endswith("this finding no longer holds.")
