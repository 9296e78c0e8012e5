"""The live streams one process holds, and their caps: so many per user, so many in all.

A user's new stream closes their oldest beyond the per-user cap (a forgotten tab gives way to the
one in use); past the per-process cap a new stream is refused and the client told to come back.
The counts are per process: the stream service runs one process (see docker/compose.yaml).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

# Seconds a refused client is told to wait: about how long a stream takes to time out and free
# its place, divided among the clients that will be coming back.
RETRY_AFTER_SECONDS = 30


class TooManyStreams(Exception):
    """The process holds as many streams as it may."""


@dataclass(eq=False)
class OpenStream:
    owner: OpenStreams
    user_id: uuid.UUID
    wake: Callable[[], None]
    replaced: bool = field(default=False)
    # Ended by the server (shutting down): the client reconnects, to this process or another.
    ended: bool = field(default=False)

    def replace(self) -> None:
        self.replaced = True
        self.wake()

    def end(self) -> None:
        self.ended = True
        self.wake()

    @property
    def stopped(self) -> bool:
        return self.replaced or self.ended

    def close(self) -> None:
        """Give the place back (again is harmless): when the stream ends, or never started."""
        self.owner.close(self)


class OpenStreams:
    def __init__(self, per_user: int, per_process: int) -> None:
        self.per_user = per_user
        self.per_process = per_process
        self.lock = threading.Lock()
        self.by_user: dict[uuid.UUID, list[OpenStream]] = {}
        self.count = 0

    def open(self, user_id: uuid.UUID, wake: Callable[[], None]) -> OpenStream:
        """A place for a new stream of `user_id`; `wake` interrupts the stream's wait."""
        with self.lock:
            own = self.by_user.get(user_id, [])
            oldest = own[: max(0, len(own) + 1 - self.per_user)]
            if not oldest and self.count >= self.per_process:
                raise TooManyStreams
            for stream in oldest:
                self.forget(stream)
            opened = OpenStream(self, user_id, wake)
            self.by_user.setdefault(user_id, []).append(opened)
            self.count += 1
        for stream in oldest:
            stream.replace()
        return opened

    def close(self, stream: OpenStream) -> None:
        with self.lock:
            self.forget(stream)

    def end_all(self) -> None:
        """End every open stream at its next wake, so none outlives the app that serves it."""
        with self.lock:
            streams = [stream for own in self.by_user.values() for stream in own]
        for stream in streams:
            stream.end()

    def forget(self, stream: OpenStream) -> None:
        own = self.by_user.get(stream.user_id, [])
        if stream in own:
            own.remove(stream)
            self.count -= 1
        if not own:
            self.by_user.pop(stream.user_id, None)
