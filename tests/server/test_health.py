from sqlalchemy import text


def test_healthz_answers_ok_when_the_database_is_up(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.get_json() == {**response.get_json(), "status": "ok", "database": "up"}


def test_healthz_answers_503_when_the_database_is_gone(postgres_server_url):
    from sqlalchemy import create_engine

    from tests.conftest import dispose, make_app
    from tests.support.databases import fresh_postgres_database

    with fresh_postgres_database(postgres_server_url) as url:
        app = make_app(url)
        admin = create_engine(postgres_server_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            name = url.rsplit("/", 1)[1]
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()

        response = app.test_client().get("/healthz")

        assert response.status_code == 503
        assert response.get_json() == {"status": "unavailable", "database": "down"}
        with app.app_context():
            dispose(app)


def test_unknown_route_gets_the_json_error_shape(client):
    response = client.get("/no-such-route")

    assert response.status_code == 404
    body = response.get_json()
    assert body["code"] == 404
    assert body["status"] == "Not Found"


def test_wrong_method_keeps_the_allow_header(client):
    response = client.delete("/healthz")

    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_openapi_spec_is_served_and_valid(client):
    from openapi_spec_validator import validate

    response = client.get("/openapi.json")

    assert response.status_code == 200
    spec = response.get_json()
    validate(spec)
    assert "/healthz" in spec["paths"]


def test_sqlite_runs_in_wal_mode_with_foreign_keys(app):
    from server.extensions import db

    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            assert db.engine.dialect.name == "postgresql"
            return
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
