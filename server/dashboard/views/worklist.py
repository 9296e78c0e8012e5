"""The home page: the triage worklist, and the same rows as a fragment the page reloads live."""

from __future__ import annotations

import contextlib
import uuid
from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, url_for
from sqlalchemy import select

from server.api.audit import audited
from server.dashboard.data.worklist import (
    PAGE_ROWS,
    WORKLIST_TIERS,
    Worklist,
    WorklistFilters,
    worklist,
)
from server.dashboard.guard import clinician
from server.delivery.heartbeat import delivery_health
from server.extensions import db
from server.models import CareTeam
from server.models.base import utcnow
from server.security.actors import Admin, Clinician
from server.security.current_actor import current_actor
from server.services.patient_search import SEARCH_LIMIT, search_problem, search_text

MAX_PAGE = 10_000


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/", view_func=worklist_page, endpoint="worklist")
    blp.add_url_rule("/worklist/rows", view_func=worklist_rows)


def worklist_page() -> Any:
    if isinstance(current_actor(session_cookie=True), Admin):
        return redirect(url_for("dashboard.admin_users"), 303)
    who = clinician()
    filters = filters_of(who)
    teams = db.session.scalars(
        select(CareTeam).where(CareTeam.id.in_(who.team_ids)).order_by(CareTeam.name)
    ).all()
    context = live_context(who, filters)
    return render_template(
        "worklist.html",
        teams=teams,
        tiers=WORKLIST_TIERS,
        search_limit=SEARCH_LIMIT,
        **context,
    )


def worklist_rows() -> Any:
    who = clinician()
    return render_template("worklist_live.html", **live_context(who, filters_of(who)))


def live_context(who: Clinician, filters: WorklistFilters) -> dict[str, Any]:
    now = utcnow()
    health = delivery_health(db.session, now)
    shown = rows_shown(who, filters)
    return {
        "list": shown,
        "rows": shown.rows,
        "filters": filters,
        "page_rows": PAGE_ROWS,
        "health": health,
        "now": now,
    }


@audited("dashboard.worklist", shown=lambda shown: [row.patient_id for row in shown.rows])
def rows_shown(who: Clinician, filters: WorklistFilters) -> Worklist:
    return worklist(db.session, who, filters, utcnow())


def filters_of(who: Clinician) -> WorklistFilters:
    """Unknown or foreign values are ignored: a filter never widens what a clinician sees.
    A search that cannot be run is refused instead, as ignoring it would show everyone."""
    typed = request.args.get("q", "")
    if (problem := search_problem(typed)) is not None:
        abort(422, problem)
    team_id = None
    with contextlib.suppress(ValueError):
        team_id = uuid.UUID(request.args.get("team", ""))
    tier = request.args.get("tier") or None
    page = request.args.get("page", type=int) or 1
    return WorklistFilters(
        team_id=team_id if team_id in who.team_ids else None,
        tier=tier if tier in WORKLIST_TIERS else None,
        page=min(max(page, 1), MAX_PAGE),
        q=search_text(typed),
    )
