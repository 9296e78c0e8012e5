"""The app as gunicorn serves it for the sync benchmark, plus one bare endpoint for the floor.

`POST /bench/insert` writes one pain-report row with SQLAlchemy Core and nothing else: what a
sync of one report costs at the very least in this app, on this database, through this server.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from flask import Flask, request
from sqlalchemy import insert

from server import create_app
from server.extensions import db
from server.models import PainReport


def insert_one() -> Any:
    body = request.get_json()
    now = datetime.now(UTC)
    db.session.execute(
        insert(PainReport).values(
            id=uuid.uuid4(),
            clinic_id=uuid.UUID(body["clinic_id"]),
            patient_id=uuid.UUID(body["patient_id"]),
            recorded_at=now,
            local_day=now.date(),
            revision=1,
            deleted=False,
            body=body["report"],
            change_seq=0,
            clock_ahead=False,
            received_at=now,
        )
    )
    db.session.commit()
    return {"ok": True}


def bench_app() -> Flask:
    app = create_app()
    app.add_url_rule("/bench/insert", view_func=insert_one, methods=["POST"])
    return app


app = bench_app()
