"""`/favicon.ico`: the icon browsers ask for by themselves, so it is never a 404 in the log."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, send_from_directory
from werkzeug.wrappers import Response

STATIC = Path(__file__).resolve().parents[1] / "static"
ICON_MAX_AGE = 7 * 24 * 3600


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/favicon.ico", view_func=favicon)


def favicon() -> Response:
    # The dashboard's own drawing (static/favicon.svg); browsers take an SVG at this address.
    return send_from_directory(
        STATIC, "favicon.svg", mimetype="image/svg+xml", max_age=ICON_MAX_AGE
    )
