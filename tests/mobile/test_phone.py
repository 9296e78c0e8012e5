"""The composition root: presenters share one store, a save pokes the sync, work runs off the UI."""

from __future__ import annotations

import queue
import threading

from mobile.phone import Phone
from mobile.sync import NotEnrolled
from tests.mobile.builders import a_stable_check_in


def test_a_check_in_submitted_through_background_tasks_reports_back_off_the_calling_thread(
    tmp_path, clock
):
    phone = Phone.open(tmp_path, clock=clock)
    done = queue.Queue()
    try:
        phone.tasks.submit(
            lambda: phone.checkin.submit(a_stable_check_in()),
            lambda result: done.put((result, threading.current_thread())),
        )
        result, thread = done.get(timeout=5)
    finally:
        phone.stop()

    assert result.saved
    assert thread is not threading.current_thread()


def test_an_error_in_background_work_reaches_the_callback(tmp_path, clock):
    phone = Phone.open(tmp_path, clock=clock)
    done = queue.Queue()
    try:
        phone.tasks.submit(lambda: 1 / 0, done.put)
        outcome = done.get(timeout=5)
    finally:
        phone.stop()

    assert isinstance(outcome, ZeroDivisionError)


def test_a_phone_that_is_not_enrolled_reports_it_and_waits(tmp_path, clock):
    results = queue.Queue()
    phone = Phone.open(tmp_path, clock=clock, on_sync_result=results.put)
    phone.start()
    try:
        first = results.get(timeout=5)
    finally:
        phone.stop()

    assert isinstance(first.error, NotEnrolled)
    assert first.retry_in is None
