"""Enrolling a patient, and a new one-time code for their phone, shown once with its QR code."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, current_app, render_template, request
from sqlalchemy import select

from server.api.audit import audited
from server.dashboard.forms import refused
from server.dashboard.forms.identifiers import LABELS, identifiers_from, mrn_required
from server.dashboard.forms.time_zone import zone_problems
from server.dashboard.guard import clinician
from server.dashboard.svg.qr import enrollment_link, qr_svg
from server.dashboard.typed_form import Forms, TypedForm, refused_form
from server.extensions import db
from server.models import CareTeam, Patient
from server.models.base import utcnow
from server.security.actors import Clinician
from server.services import patients
from server.services.errors import Conflict, InvalidInput
from server.services.patients import IssuedCode


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/patients/new", view_func=new_patient)
    blp.add_url_rule("/patients", view_func=enrol, methods=["POST"])
    blp.add_url_rule(
        "/patients/<uuid:patient_id>/enrollment-code", view_func=new_code, methods=["POST"]
    )


def new_patient() -> Any:
    who = clinician()
    return enrol_form(who, None)


def enrol() -> Any:
    who = clinician()
    try:
        created = created_patient(who, fields_of(who))
    except (InvalidInput, Conflict) as refusal:
        # The form again, as typed, with what to change: nothing the clinician wrote is lost.
        db.session.rollback()
        typed = refused_form("enrolment", request.form, refusal, LABELS)
        return enrol_form(who, typed), refusal.status
    return code_page(created.patient, created.enrollment), 201


def enrol_form(who: Clinician, typed: TypedForm | None) -> str:
    return render_template(
        "new_patient.html",
        teams=teams_of(who),
        mrn_required=mrn_required(who),
        forms=Forms(typed),
    )


@audited("dashboard.patients.create", shown=lambda created: [created.patient.id])
def created_patient(who: Clinician, fields: dict[str, Any]) -> patients.NewPatient:
    return patients.create_patient(db.session, who, fields, utcnow())


@audited("dashboard.patients.enrollment_code")
def new_code(patient_id: uuid.UUID) -> Any:
    who = clinician()
    issued = patients.new_enrollment_code(db.session, who, patient_id, utcnow())
    return code_page(patients.get_patient(db.session, who, patient_id), issued), 201


def code_page(patient: Patient, issued: IssuedCode) -> str:
    link = enrollment_link(current_app.config["PAINLINE"].base_url, issued.code)
    qr = qr_svg(link, f"QR code to enrol {patient.display_name}'s phone")
    return render_template("enrolled.html", patient=patient, issued=issued, link=link, qr=qr)


def fields_of(who: Clinician) -> dict[str, Any]:
    """Every problem of the form at once: the identifiers', the zone's and the team's."""
    zone = request.form.get("time_zone", "").strip() or "UTC"
    problems = zone_problems(zone)
    try:
        team_id = uuid.UUID(request.form.get("care_team_id", ""))
    except ValueError:
        problems["care_team_id"] = ["choose one of your care teams"]
    try:
        identifiers = identifiers_from(request.form, mrn_required(who))
    except InvalidInput as refusal:
        raise refused({**(refusal.errors or {}), **problems}) from None
    if problems:
        raise refused(problems)
    return {**identifiers, "care_team_id": team_id, "time_zone": zone}


def teams_of(who: Clinician) -> list[CareTeam]:
    query = select(CareTeam).where(CareTeam.id.in_(who.team_ids)).order_by(CareTeam.name)
    return list(db.session.scalars(query))
