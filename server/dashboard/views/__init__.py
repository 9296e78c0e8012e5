"""Dashboard views, one small module per page or form; each adds its URL rules to the blueprint."""

from __future__ import annotations

from flask import Blueprint


def register_views(blp: Blueprint) -> None:
    from server.dashboard.views import (
        admin,
        alerts,
        break_glass,
        context,
        enrollment,
        favicon,
        identity,
        login,
        notes,
        patient,
        records,
        set_password,
        snoozes,
        summary,
        treatments,
        worklist,
    )

    for module in (login, worklist, patient, records, alerts, snoozes, treatments, context):
        module.register(blp)
    notes.register(blp)
    identity.register(blp)
    summary.register(blp)
    set_password.register(blp)
    enrollment.register(blp)
    break_glass.register(blp)
    admin.register(blp)
    favicon.register(blp)
