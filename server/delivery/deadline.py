"""A total time limit for one delivery: connect, send and answer together.

A per-operation socket timeout does not bound a delivery: a receiver that trickles one byte
every few seconds never lets a single read time out. So a sender runs `within_deadline`: every
socket its thread connects meanwhile is watched, and when the deadline passes a timer shuts the
connection down, which ends the read in progress. The sender then fails with "no complete answer
within 10 s" and the delivery is retried like any failure.

The sockets are found through Python's audit hook for `socket.connect`, so the deadline holds
whatever opens them (smtplib, the pinned webhook opener) without reaching into those libraries.
Name lookups are not covered: the resolver's own timeouts bound them.
"""

from __future__ import annotations

import contextlib
import functools
import socket
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

DELIVERY_DEADLINE_SECONDS = 10.0

Sender = TypeVar("Sender", bound=Callable[..., Any])
_current = threading.local()
_hook_lock = threading.Lock()
_hook_installed = False


class DeadlinePassed(Exception):
    pass


class Deadline:
    """Started on entry; on exit it raises `DeadlinePassed` if the time ran out meanwhile."""

    def __init__(self, seconds: float | None = None) -> None:
        # Read at call time so a test can shorten the module's constant.
        self.seconds = DELIVERY_DEADLINE_SECONDS if seconds is None else seconds
        self.passed = False
        self.finished = False
        self.lock = threading.Lock()
        # Duplicates of the watched sockets: shutting one down ends the connection even after
        # TLS has taken over the original socket object or a library has let go of it.
        self.watched: list[socket.socket] = []
        self.timer = threading.Timer(self.seconds, self.expire)
        self.timer.daemon = True
        self.outer: Deadline | None = None

    def __enter__(self) -> Deadline:
        install_socket_watch()
        self.outer = getattr(_current, "deadline", None)
        _current.deadline = self
        self.timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        _current.deadline = self.outer
        self.timer.cancel()
        with self.lock:
            self.finished = True
            for duplicate in self.watched:
                duplicate.close()
            self.watched.clear()
        if self.passed:
            # Replaces whatever the cut connection raised, and a cut answer that read as whole.
            raise DeadlinePassed(f"no complete answer within {self.seconds:g} s") from None

    def watch(self, sock: socket.socket) -> None:
        with self.lock:
            if self.finished:
                return
            duplicate = sock.dup()
            self.watched.append(duplicate)
            if self.passed:
                shut(duplicate)

    def expire(self) -> None:
        with self.lock:
            if self.finished:
                return
            self.passed = True
            for duplicate in self.watched:
                shut(duplicate)


def shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def within_deadline(sender: Sender) -> Sender:
    """Run `sender` under a fresh deadline of DELIVERY_DEADLINE_SECONDS."""

    @functools.wraps(sender)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        with Deadline():
            return sender(*args, **kwargs)

    return bounded  # type: ignore[return-value]


def install_socket_watch() -> None:
    """Once per process; an audit hook cannot be removed, and it costs one comparison per event."""
    global _hook_installed
    with _hook_lock:
        if not _hook_installed:
            sys.addaudithook(watch_connects)
            _hook_installed = True


def watch_connects(event: str, args: tuple[Any, ...]) -> None:
    if event != "socket.connect":
        return
    deadline: Deadline | None = getattr(_current, "deadline", None)
    if deadline is not None:
        # An exception here would fail the connect; without a duplicate, the socket's own
        # per-operation timeout still applies.
        with contextlib.suppress(OSError):
            deadline.watch(args[0])
