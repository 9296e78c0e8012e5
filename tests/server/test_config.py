import subprocess
import sys

import pytest

from server import create_app
from server.config import ConfigError, Settings
from tests.conftest import ROOT

GOOD_PRODUCTION = {
    "PAINLINE_ENV": "production",
    "PAINLINE_SECRET_KEY": "s" * 40,
    "PAINLINE_DATABASE_URL": "postgresql://painline@db/painline",
    "PAINLINE_BASE_URL": "https://painline.example.org",
    "PAINLINE_TRUSTED_PROXIES": "1",
    "PAINLINE_SMTP_URL": "smtp://127.0.0.1:8025",
}


def test_development_works_with_nothing_set(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    settings = Settings.from_env({})

    assert settings.env == "development"
    assert settings.database_url == f"sqlite:///{tmp_path}/instance/painline.db"
    assert len(settings.secret_key) >= 32


def test_production_settings_are_accepted_and_use_psycopg():
    settings = Settings.from_env(GOOD_PRODUCTION)

    assert settings.database_url == "postgresql+psycopg://painline@db/painline"
    assert settings.trusted_proxies == 1


@pytest.mark.parametrize(
    ("missing", "sentence"),
    [
        ("PAINLINE_SECRET_KEY", "production needs PAINLINE_SECRET_KEY"),
        ("PAINLINE_DATABASE_URL", "production needs a PostgreSQL PAINLINE_DATABASE_URL"),
        ("PAINLINE_BASE_URL", "production needs PAINLINE_BASE_URL"),
        ("PAINLINE_TRUSTED_PROXIES", "production needs PAINLINE_TRUSTED_PROXIES"),
    ],
)
def test_production_without_a_required_setting_refuses_to_start(missing, sentence):
    environ = {k: v for k, v in GOOD_PRODUCTION.items() if k != missing}

    with pytest.raises(ConfigError) as raised:
        Settings.from_env(environ)

    assert sentence in str(raised.value)


def test_unknown_environment_is_refused():
    with pytest.raises(ConfigError, match="PAINLINE_ENV must be one of"):
        Settings.from_env({"PAINLINE_ENV": "staging"})


def test_unreachable_database_stops_start_up_with_one_sentence():
    environ = {"PAINLINE_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}

    with pytest.raises(ConfigError, match=r"cannot reach the database at .*127\.0\.0\.1:1"):
        create_app({"ENVIRON": environ})


def test_bad_configuration_prints_a_sentence_not_a_traceback(tmp_path):
    environ = {"PATH": "/usr/bin:/bin", "PAINLINE_ENV": "production", "PYTHONPATH": str(ROOT)}

    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "server", "painline", "seed-demo"],
        env=environ,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "configuration error: production needs PAINLINE_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_gunicorn_stops_at_once_on_bad_configuration():
    environ = {"PATH": "/usr/bin:/bin", "PAINLINE_ENV": "production", "PYTHONPATH": str(ROOT)}

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--no-control-socket",
            "-b",
            "127.0.0.1:0",
            "server.wsgi:app",
        ],
        env=environ,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "production needs PAINLINE_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
