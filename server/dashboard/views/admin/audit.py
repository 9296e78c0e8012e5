"""The audit log for admins: filter by user, patient and dates; the same rows as CSV."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from flask import Blueprint, Response, render_template, request, stream_with_context

from server.dashboard.admin_audit import admin_audited
from server.dashboard.guard import admin
from server.dashboard.views.admin import uuid_or_none
from server.extensions import db
from server.services.admin import audit_log, users
from server.services.admin.audit_log import AuditFilters


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/admin/audit", view_func=audit_log_page, endpoint="audit_log")
    blp.add_url_rule("/admin/audit.csv", view_func=audit_log_csv, endpoint="audit_log_csv")


def filters_of() -> AuditFilters:
    return AuditFilters(
        user_id=uuid_or_none(request.args.get("user")),
        patient_id=uuid_or_none(request.args.get("patient")),
        since=day_of(request.args.get("since")),
        until=day_of(request.args.get("until")),
    )


def day_of(value: str | None) -> date | None:
    with contextlib.suppress(ValueError, TypeError):
        return date.fromisoformat(value or "")
    return None


def audit_log_page() -> Any:
    who = admin()
    filters = filters_of()
    return render_template(
        "admin/audit.html",
        rows=audit_log.audit_page(db.session, who, filters),
        grants=audit_log.break_glass_grants(db.session, who, filters),
        users=users.clinic_users(db.session, who),
        filters=filters,
        page_rows=audit_log.PAGE_ROWS,
        query=request.query_string.decode(),
    )


@admin_audited("admin.audit.export")
def audit_log_csv() -> Any:
    rows = audit_log.audit_csv(db.session, admin(), filters_of())
    return Response(
        stream_with_context(rows),
        mimetype="text/csv",
        headers={
            "Content-Disposition": 'attachment; filename="painline-audit.csv"',
            "Cache-Control": "no-store",
        },
    )
