"""The background sync thread: retries with backoff, reports each result, waits after a 401."""

from __future__ import annotations

import queue
import threading

from mobile.sync import Backoff, Offline, SyncOutcome, SyncRunner, TokenRevoked

DONE = SyncOutcome(acknowledged=1, rejected=0, pulled=0, pending=0)


class Script:
    """Plays back results (outcomes or exceptions) and records the thread it ran on."""

    def __init__(self, *steps):
        self.steps = list(steps)
        self.threads = []

    def __call__(self):
        self.threads.append(threading.current_thread().name)
        step = self.steps.pop(0) if self.steps else DONE
        if isinstance(step, Exception):
            raise step
        return step


def run_until(script, count, interval=3600.0):
    results = queue.Queue()
    runner = SyncRunner(script, results.put, Backoff(base=0.001, cap=0.01), interval=interval)
    runner.start()
    try:
        return runner, [results.get(timeout=5) for _ in range(count)]
    finally:
        runner.stop()


def test_the_runner_retries_after_server_errors_and_then_succeeds():
    script = Script(Offline("HTTP 500"), Offline("timeout"), DONE)

    _, results = run_until(script, 3)

    assert [type(r.error).__name__ if r.error else "ok" for r in results] == [
        "Offline",
        "Offline",
        "ok",
    ]
    assert results[2].outcome == DONE
    assert results[2].retry_in == 3600.0


def test_sync_runs_off_the_calling_thread():
    script = Script(DONE)

    run_until(script, 1)

    assert script.threads == ["painline-sync"]


def test_after_a_revoked_token_the_runner_waits_to_be_asked_again():
    results = queue.Queue()
    script = Script(TokenRevoked("new code needed"), DONE)
    runner = SyncRunner(script, results.put, Backoff(base=0.001, cap=0.01))
    runner.start()
    try:
        first = results.get(timeout=5)
        assert first.retry_in is None
        assert results.empty()

        runner.sync_now()  # after the patient entered a new code
        assert results.get(timeout=5).outcome == DONE
    finally:
        runner.stop()


def test_a_failing_callback_does_not_stop_the_runner():
    seen = queue.Queue()

    def callback(result):
        seen.put(result)
        raise RuntimeError("screen gone")

    runner = SyncRunner(Script(Offline("down"), DONE), callback, Backoff(base=0.001, cap=0.01))
    runner.start()
    try:
        assert seen.get(timeout=5).error is not None
        assert seen.get(timeout=5).outcome == DONE
    finally:
        runner.stop()
