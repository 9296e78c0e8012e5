"""The Painline server: `create_app` is the table of contents of everything the app is made of."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from server.config import Settings
from server.request_log import install_request_log_filter
from server.responses import PainlineResponse
from server.rules_config import load_rules_config


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app from the environment; `test_config` overrides env and keys."""
    test_config = dict(test_config or {})
    environ = test_config.pop("ENVIRON", None)
    settings = Settings.from_env(environ)
    app = Flask(__name__)
    app.response_class = PainlineResponse
    configure(app, settings, test_config)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_audit_log(app)
    register_security_headers(app)
    register_commands(app)
    install_request_log_filter()
    return app


def configure(app: Flask, settings: Settings, overrides: Mapping[str, Any]) -> None:
    app.config.update(
        PAINLINE=settings,
        SECRET_KEY=settings.secret_key,
        SQLALCHEMY_DATABASE_URI=settings.database_url,
        SQLALCHEMY_ENGINE_OPTIONS=engine_options(settings.database_url),
        API_TITLE="Painline API",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    app.config.update(overrides)
    # Field errors are keyed by item index and by field name at once ({0: ..., "_schema": ...}),
    # which a sorted encoder cannot order: a 500 in place of the refusal.
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["painline_rules"] = load_rules_config(settings.rules_config_path)
    if settings.trusted_proxies:
        # Rate limits count per client address, so it must be the client's, not the proxy's.
        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]


def engine_options(database_url: str) -> dict[str, Any]:
    if database_url.startswith("postgresql"):
        return {"pool_pre_ping": True, "connect_args": {"connect_timeout": 5}}
    return {"connect_args": {"timeout": 15}}


def register_extensions(app: Flask) -> None:
    from server.database import check_database, install_sqlite_pragmas
    from server.delivery.outbox_notify import install_outbox_notify
    from server.extensions import api, db, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=app.config.get("MIGRATIONS_DIR", "migrations"))
    api.init_app(app)
    with app.app_context():
        install_sqlite_pragmas(db.engine)
        check_database(db.engine)
    install_outbox_notify(db.session)


def register_blueprints(app: Flask) -> None:
    from server.api.alerts import blp as alerts
    from server.api.auth import blp as auth
    from server.api.context import blp as context
    from server.api.devices import blp as devices
    from server.api.docs import declare_security_schemes, describe_pagination_header
    from server.api.enrollment import blp as enrollment
    from server.api.events import blp as events
    from server.api.health import blp as health
    from server.api.patient_notes import blp as patient_notes
    from server.api.patients import blp as patients
    from server.api.snoozes import blp as snoozes
    from server.api.summary import blp as summary
    from server.api.sync import blp as sync
    from server.api.timeline import blp as timeline
    from server.api.treatments import blp as treatments
    from server.dashboard import register_dashboard
    from server.extensions import api

    declare_security_schemes(api)
    describe_pagination_header(api)
    blueprints = (health, auth, patients, enrollment, sync, treatments, context, devices, events)
    for blueprint in blueprints:
        api.register_blueprint(blueprint)
    for blueprint in (alerts, snoozes, timeline, patient_notes, summary):
        api.register_blueprint(blueprint)
    register_dashboard(app)


def register_error_handlers(app: Flask) -> None:
    from server.api.errors import register_error_handlers as register_api_error_handlers
    from server.api.request_checks import register_request_checks

    register_api_error_handlers(app)
    register_request_checks(app)


def register_audit_log(app: Flask) -> None:
    from server.api.audit import register_audit

    register_audit(app)


def register_security_headers(app: Flask) -> None:
    from server.security.headers import register_security_headers as register_headers

    register_headers(app)


def register_commands(app: Flask) -> None:
    from server.cli import painline
    from server.cli.delivery import COMMANDS as DELIVERY_COMMANDS

    for command in DELIVERY_COMMANDS:
        painline.add_command(command)
    app.cli.add_command(painline)
