"""Open live streams do not slow a sync: the production shape, one-report sync p99 with 200 open
event streams against the p99 with none, measured in the same run (target ratio <= 1.5).

The API runs as in docker/compose.yaml (gthread, 2 workers x 8 threads) and the stream as its own
gevent service; 50 clinicians hold 4 streams each, so every stream re-checks its holder every
few seconds, as a day shift's worklist tabs would. Rounds with and without streams alternate, so
a change in the machine's load falls on both.
"""

from __future__ import annotations

import socket
import statistics
import time
from typing import Any

from tests.bench.bench_sync import Phone, load, one_report_syncs, seed
from tests.bench.gunicorn import gunicorn
from tests.bench.results import Figure, ratio_figure, reported_figure
from tests.conftest import dispose, make_app, upgrade_to_head
from tests.support.builders import a_clinician, a_staff_token
from tests.support.databases import fresh_postgres_database, postgres_base_url

STREAMS = 200
CLINICIANS = 50
ROUNDS = 3


def clinician_tokens(url: str) -> list[str]:
    app = make_app(url)
    with app.app_context():
        from server.extensions import db
        from server.models import CareTeam

        team = db.session.query(CareTeam).one()
        tokens = []
        for n in range(CLINICIANS):
            user = a_clinician(db.session, [team], email=f"stream{n}@example.org")
            tokens.append(a_staff_token(db.session, user))
        db.session.commit()
        dispose(app)
    return tokens


def open_streams(port: int, tokens: list[str]) -> list[socket.socket]:
    """STREAMS event streams, left open: each reads its first bytes so it is surely serving."""
    streams = []
    for n in range(STREAMS):
        token = tokens[n % len(tokens)]
        connection = socket.create_connection(("127.0.0.1", port), timeout=30)
        request = (
            "GET /api/v1/events?timeout=300 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n"
        )
        connection.sendall(request.encode())
        head = connection.recv(4096)
        if b" 200 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(f"stream {n} was not served: {head[:200]!r}")
        streams.append(connection)
    return streams


def sync_latencies(port: int, phones: list[Phone], cursors: dict[int, Any]) -> list[float]:
    return load(port, *one_report_syncs(phones, cursors))


def p99(latencies: list[float]) -> float:
    return statistics.quantiles(latencies, n=100)[98]


def run() -> list[Figure]:
    with fresh_postgres_database(postgres_base_url()) as url:
        upgrade_to_head(url)
        phones, _ = seed(url)
        tokens = clinician_tokens(url)
        cursors: dict[int, Any] = {}
        api = gunicorn(url, "server.wsgi:app", workers=2, threads=8)
        live = gunicorn(url, "server.wsgi:app", workers=1, threads=1000, worker_class="gevent")
        with api as api_port, live as stream_port:
            sync_latencies(api_port, phones, cursors)  # warm the sync path
            without: list[float] = []
            with_streams: list[float] = []
            for _ in range(ROUNDS):
                without.extend(sync_latencies(api_port, phones, cursors))
                streams = open_streams(stream_port, tokens)
                time.sleep(2)  # every stream past its first queries
                with_streams.extend(sync_latencies(api_port, phones, cursors))
                for stream in streams:
                    stream.close()
    return [
        reported_figure("sync of one report, p99, no open stream", p99(without) * 1000, "ms"),
        ratio_figure(
            f"sync of one report, p99, {STREAMS} open streams (vs none)",
            p99(with_streams) * 1000,
            p99(without) * 1000,
            "ms",
            at_most=1.5,
        ),
    ]
