"""Server settings, read from the environment in one place.

Development works with nothing set; production refuses to start until every setting it needs is
there, with one sentence saying which one is missing.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_DATABASE_URL = "sqlite:///instance/painline.db"
ENVIRONMENTS = ("development", "production")
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class ConfigError(SystemExit):
    """A setting is missing or wrong; a SystemExit, so start-up stops with no traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(f"painline: configuration error: {message}")


@dataclass(frozen=True)
class Settings:
    env: str
    database_url: str
    secret_key: str
    base_url: str
    trusted_proxies: int
    smtp_url: str | None
    min_app_version: str
    rules_config_path: str | None
    # The From address of alert email.
    mail_from: str = "Painline <painline@localhost>"
    # Non-public networks webhooks may still go to (an integration engine in the hospital).
    webhook_allow_private: tuple[Network, ...] = ()
    # Live streams one process holds: per user (a new one replaces the oldest) and in all.
    streams_per_user: int = 5
    streams_per_process: int = 500

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        env = environ.get("PAINLINE_ENV", "development")
        if env not in ENVIRONMENTS:
            raise ConfigError(
                f"PAINLINE_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}."
            )
        production = env == "production"
        database_url = normalise_database_url(
            environ.get("PAINLINE_DATABASE_URL", DEFAULT_DATABASE_URL)
        )
        secret_key = environ.get("PAINLINE_SECRET_KEY", "")
        base_url = environ.get("PAINLINE_BASE_URL", "").rstrip("/")
        proxies = environ.get("PAINLINE_TRUSTED_PROXIES", "")
        if production:
            require_production_settings(database_url, secret_key, base_url, proxies)
        smtp_url = environ.get("PAINLINE_SMTP_URL") or None
        if production and smtp_url is None:
            log.warning("PAINLINE_SMTP_URL is not set: alert email is disabled.")
        return cls(
            env=env,
            database_url=database_url,
            # A development secret changes on every start, which only logs people out.
            secret_key=secret_key or secrets.token_urlsafe(32),
            base_url=base_url or "http://127.0.0.1:5000",
            trusted_proxies=parse_proxy_count(proxies or "0"),
            smtp_url=smtp_url,
            min_app_version=environ.get("PAINLINE_MIN_APP_VERSION", "0.0.0"),
            rules_config_path=environ.get("PAINLINE_RULES_CONFIG") or None,
            mail_from=environ.get("PAINLINE_MAIL_FROM") or "Painline <painline@localhost>",
            webhook_allow_private=parse_allow_private(
                environ.get("PAINLINE_WEBHOOK_ALLOW_PRIVATE", "")
            ),
            streams_per_user=parse_stream_cap(environ, "PAINLINE_STREAMS_PER_USER", 5),
            streams_per_process=parse_stream_cap(environ, "PAINLINE_STREAMS_PER_PROCESS", 500),
        )


def require_production_settings(
    database_url: str, secret_key: str, base_url: str, proxies: str
) -> None:
    if len(secret_key) < 32:
        raise ConfigError(
            "production needs PAINLINE_SECRET_KEY, a random string of at least 32 characters."
        )
    if not database_url.startswith("postgresql"):
        raise ConfigError("production needs a PostgreSQL PAINLINE_DATABASE_URL.")
    if not base_url.startswith(("https://", "http://")):
        raise ConfigError(
            "production needs PAINLINE_BASE_URL, the address clinicians open (used in alert links)."
        )
    if proxies == "":
        raise ConfigError(
            "production needs PAINLINE_TRUSTED_PROXIES, the number of proxies in front of the app "
            "(0 when none)."
        )


def parse_proxy_count(value: str) -> int:
    if not value.isdigit():
        raise ConfigError(f"PAINLINE_TRUSTED_PROXIES must be a whole number, not {value!r}.")
    return int(value)


def parse_stream_cap(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "") or str(default)
    # Length first: int() of thousands of digits raises instead of answering.
    well_formed = value.isascii() and value.isdigit() and len(value) <= 6
    if not well_formed or not 0 < int(value) <= 100_000:
        raise ConfigError(f"{name} must be a whole number from 1 to 100000, not {value!r}.")
    return int(value)


def parse_allow_private(value: str) -> tuple[Network, ...]:
    networks = []
    for item in filter(None, (part.strip() for part in value.split(","))):
        try:
            networks.append(ipaddress.ip_network(item))
        except ValueError:
            raise ConfigError(
                "PAINLINE_WEBHOOK_ALLOW_PRIVATE lists networks such as 10.20.0.0/16, separated by "
                f"commas; {item!r} is not one (a network's host bits are zero)."
            ) from None
    return tuple(networks)


def normalise_database_url(url: str) -> str:
    """Resolve a relative SQLite path against the working directory; use psycopg 3 for PostgreSQL.

    Flask-SQLAlchemy would otherwise resolve relative SQLite paths against the instance folder.
    """
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    prefix = "sqlite:///"
    if url.startswith(prefix) and url != "sqlite:///:memory:":
        path = Path(url[len(prefix) :])
        if not path.is_absolute():
            path = Path.cwd() / path
        path.parent.mkdir(parents=True, exist_ok=True)
        return prefix + str(path)
    return url
