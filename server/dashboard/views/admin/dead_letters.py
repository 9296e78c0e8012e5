"""Admin pages for dead letters: the list, one letter in detail, retry and dismiss."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, render_template, request

from server.dashboard.admin_audit import admin_audited
from server.dashboard.guard import admin
from server.dashboard.views.admin import back_to
from server.extensions import db
from server.models.base import utcnow
from server.services.admin import dead_letters

LETTERS = "/admin/dead-letters"
LETTER = f"{LETTERS}/<uuid:letter_id>"


def register(blp: Blueprint) -> None:
    blp.add_url_rule(LETTERS, view_func=admin_dead_letters)
    blp.add_url_rule(LETTER, view_func=admin_dead_letter)
    blp.add_url_rule(f"{LETTER}/retry", view_func=retry_dead_letter, methods=["POST"])
    blp.add_url_rule(f"{LETTER}/dismiss", view_func=dismiss_dead_letter, methods=["POST"])


def admin_dead_letters() -> Any:
    dismissed = request.args.get("dismissed") == "1"
    rows = dead_letters.dead_letters(db.session, admin(), dismissed)
    return render_template("admin/dead_letters.html", rows=rows, dismissed=dismissed)


def admin_dead_letter(letter_id: uuid.UUID) -> Any:
    row = dead_letters.dead_letter(db.session, admin(), letter_id)
    return render_template("admin/dead_letter.html", row=row)


@admin_audited("admin.dead_letters.retry")
def retry_dead_letter(letter_id: uuid.UUID) -> Any:
    delivery = dead_letters.retry(db.session, admin(), letter_id, utcnow())
    flash(f"Sending to {delivery.recipient} again; the worker picks it up now.", "done")
    return back_to("dashboard.admin_dead_letters")


@admin_audited("admin.dead_letters.dismiss")
def dismiss_dead_letter(letter_id: uuid.UUID) -> Any:
    dead_letters.dismiss(db.session, admin(), letter_id, utcnow())
    flash("Dead letter dismissed.", "done")
    return back_to("dashboard.admin_dead_letters")
