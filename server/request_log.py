"""The development server's request log, without query strings.

A search's words are a patient's name or hospital number, and they travel in the query
(`/api/v1/patients?q=RX123`); no log keeps them. Production's gunicorn logs the path alone
(`%(U)s` in docker/compose.yaml); this does the same for `flask run`.
"""

from __future__ import annotations

import logging
import re

# A request path in a log line, then its query string up to the next space or quote.
QUERY = re.compile(r'(\s/[^\s?"]*)\?[^\s"]*')


class WithoutQueryStrings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = QUERY.sub(r"\1", message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def install_request_log_filter() -> None:
    log = logging.getLogger("werkzeug")
    if not any(isinstance(f, WithoutQueryStrings) for f in log.filters):
        log.addFilter(WithoutQueryStrings())
