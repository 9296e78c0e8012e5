"""The development server's request log keeps the path and drops the query, where a search's
words (a patient's name or hospital number) travel."""

import logging
import threading
import urllib.error
import urllib.request

from werkzeug.serving import make_server

from tests.conftest import dispose, make_app


def test_a_search_reaches_the_request_log_without_its_words(database_url, caplog, tmp_path):
    app = make_app(database_url)
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    caplog.set_level(logging.INFO, logger="werkzeug")
    try:
        url = f"http://127.0.0.1:{server.server_port}/api/v1/patients?q=RX5550123&page=1"
        try:
            urllib.request.urlopen(url, timeout=5)
        except urllib.error.HTTPError as refused:
            assert refused.code == 401
    finally:
        server.shutdown()
        thread.join(5)
        with app.app_context():
            dispose(app)

    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any("GET /api/v1/patients HTTP" in line for line in lines), lines
    assert not any("RX5550123" in line for line in lines)
