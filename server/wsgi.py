"""The WSGI entry point for gunicorn: `gunicorn server.wsgi:app`."""

import sys

from server import create_app
from server.config import ConfigError

try:
    app = create_app()
except ConfigError as error:
    print(error.code, file=sys.stderr)
    # Exit status 3 tells gunicorn the app cannot boot, so it stops instead of restarting workers.
    sys.exit(3)
