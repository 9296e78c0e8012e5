"""`python -m tests.server.delivery.beating_worker SECONDS`: a worker process with a short
heartbeat, for tests that kill it and watch `/healthz` notice. The rest comes from the environment.
"""

from __future__ import annotations

import sys

from server import create_app
from server.delivery.heartbeat import HEARTBEAT_CONFIG_KEY
from server.delivery.worker import Worker


def main(seconds: float) -> None:
    app = create_app({HEARTBEAT_CONFIG_KEY: seconds})
    Worker(app, poll_seconds=0.2).run()


if __name__ == "__main__":
    main(float(sys.argv[1]))
