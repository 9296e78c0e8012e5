"""The clinic-wide setting: may its patients be enrolled without a hospital number (MRN)?"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, request

from server.dashboard.admin_audit import admin_audited
from server.dashboard.guard import admin
from server.dashboard.views.admin import back_to
from server.extensions import db
from server.services.admin.clinic import clinic_of


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/admin/clinic", view_func=clinic_settings, methods=["POST"])


@admin_audited("admin.clinic.settings")
def clinic_settings() -> Any:
    clinic = clinic_of(db.session, admin())
    clinic.patients_may_lack_mrn = request.form.get("patients_may_lack_mrn") == "1"
    db.session.commit()
    if clinic.patients_may_lack_mrn:
        flash("Patients may now be enrolled without a hospital number.", "done")
    else:
        flash("Enrolment now asks for every patient's hospital number.", "done")
    return back_to("dashboard.admin_teams", _anchor="clinic-settings")
