"""A check-in survives the app being killed (SIGKILL) right after "saved", before any sync.

A child Python process saves a check-in, prints "saved" and waits; the test kills it with
SIGKILL, then a new process (this one) opens the store and finds the check-in in the outbox.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from mobile import outbox
from mobile.phone import Phone
from mobile.store import Store
from tests.conftest import ROOT
from tests.mobile.test_against_server import enroll, needs_sync

CHILD = """
import sys, time
from datetime import datetime, timedelta, timezone
from mobile.phone import Phone
from mobile.presenters import CheckInForm, SiteEntry

clock = lambda: datetime.now(timezone(timedelta(hours=1))).replace(microsecond=0)
phone = Phone.open(sys.argv[1], clock=clock)
result = phone.checkin.submit(CheckInForm(sites=[SiteEntry("femur_left", 5)]))
assert result.saved
print("saved", result.record_id, flush=True)
time.sleep(60)  # the sync would start here; the test kills the process first
"""


def save_then_get_killed(data_dir: Path) -> str:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        line = child.stdout.readline().split()
        assert line[:1] == ["saved"], f"the child did not save: {line}"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return line[1]


def test_a_check_in_saved_before_sigkill_is_in_the_outbox_after_restart(tmp_path):
    record_id = save_then_get_killed(tmp_path)

    store = Store.in_directory(tmp_path)
    try:
        with store.transaction() as connection:
            batch = outbox.next_batch(connection)
    finally:
        store.close()

    assert batch.sent == {record_id: 1}


@needs_sync
def test_a_check_in_saved_before_sigkill_reaches_the_server_exactly_once(tmp_path, live_server):
    first = Phone.open(tmp_path)
    enroll(first, live_server)
    first.stop()

    record_id = save_then_get_killed(tmp_path)
    restarted = Phone.open(tmp_path)
    try:
        restarted.sync.run()
        restarted.sync.run()
    finally:
        restarted.stop()

    assert live_server.stored_report_ids() == [record_id]
