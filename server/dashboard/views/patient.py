"""The patient page: body map, pain chart, doses, reports, alerts and the forms to act on them.

A refused form on it shows the whole page again (`page_again`), that form as typed with its
errors, so nothing the clinician wrote is lost and nothing was stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for
from sqlalchemy import select

from server.api.audit import audited
from server.dashboard.data.patient_page import CHART_DAYS, patient_page, shown_days
from server.dashboard.data.printout import printout
from server.dashboard.forms.identifiers import mrn_required
from server.dashboard.guard import clinician
from server.dashboard.svg.body_map import body_map
from server.dashboard.svg.pain_chart import pain_chart
from server.dashboard.typed_form import Forms, TypedForm, refused_form
from server.extensions import db
from server.models import CareTeam
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.services.errors import DomainError
from server.services.patients import get_patient
from shared.vocab import SITES


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/patients/<uuid:patient_id>", view_func=show_patient)


@audited("dashboard.patient")
def show_patient(patient_id: uuid.UUID) -> Any:
    return patient_html(patient_id, None)


def page_again(
    patient_id: uuid.UUID,
    form: str,
    refusal: DomainError,
    labels: Mapping[str, str],
    renamed: Mapping[str, str] | None = None,
) -> tuple[str, int]:
    """The page once more, with the refused form as typed and each error by its field (422)."""
    # Whatever the refused write began is undone before the page reads the patient again.
    db.session.rollback()
    typed = refused_form(form, request.form, refusal, labels, renamed)
    return patient_html(patient_id, typed), 422


def patient_html(patient_id: uuid.UUID, refused: TypedForm | None) -> str:
    who = clinician()
    patient = get_patient(db.session, who, patient_id)
    days = shown_days(request.args.get("days", type=int))
    site = request.args.get("site")
    site = site if site in SITES else None
    now = utcnow()
    page = patient_page(db.session, patient, days, site, now, current_rules_config())
    teams = db.session.scalars(select(CareTeam).where(CareTeam.id.in_(who.team_ids))).all()

    def link(code: str) -> str:
        return url_for(
            "dashboard.show_patient", patient_id=patient_id, days=days, site=code, _anchor="chart"
        )

    return render_template(
        "patient.html",
        page=page,
        patient=patient,
        teams=teams,
        body_map=body_map(page.recent_scores, link, site),
        chart=pain_chart(page.series, page.ome, page.treatments, page.first_day, days),
        chart_days=CHART_DAYS,
        base_url=current_app.config["PAINLINE"].base_url,
        mrn_required=mrn_required(who),
        printout=printout(db.session, who, now),
        forms=Forms(refused),
    )
