"""A small HTTP/1.1 client over asyncio streams: keep-alive connections, JSON POSTs, no framework.

Light on purpose: the generator shares two cores with gunicorn and PostgreSQL, so it must not be
what limits the rate.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any

TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class Answer:
    status: int  # 0 when no HTTP answer came back (refused, reset, timed out)
    body: Any
    seconds: float


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def post(self, host: str, path: str, body: bytes, token: str) -> tuple[int, bytes, bool]:
        """One request and its answer: (status, body, whether the server closes the connection)."""
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        self.writer.write(head.encode("latin-1") + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionResetError("the server closed the connection")
        status = int(status_line.split()[1])
        length, closes, chunked = 0, False, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "connection":
                closes = value == "close"
            elif name == "transfer-encoding":
                chunked = "chunked" in value
        answer = await self.read_chunked() if chunked else await self.reader.readexactly(length)
        return status, answer, closes

    async def read_chunked(self) -> bytes:
        parts = []
        while size := int((await self.reader.readline()).split(b";")[0], 16):
            parts.append(await self.reader.readexactly(size))
            await self.reader.readline()
        await self.reader.readline()
        return b"".join(parts)

    def close(self) -> None:
        self.writer.close()


class Client:
    """At most `max_connections` open at once; a request waits for a free one (and that wait
    counts in its latency, so a saturated server shows up as latency, not as a slower client)."""

    def __init__(self, host: str, port: int, max_connections: int) -> None:
        self.host = host
        self.port = port
        self.idle: list[Connection] = []
        self.slots = asyncio.Semaphore(max_connections)

    async def post(self, path: str, payload: Any, token: str, started: float) -> Answer:
        body = json.dumps(payload).encode()
        async with self.slots:
            try:
                status, answer = await asyncio.wait_for(
                    self.exchange(path, body, token), TIMEOUT_SECONDS
                )
            except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError):
                return Answer(0, None, time.perf_counter() - started)
        seconds = time.perf_counter() - started
        parsed = json.loads(answer) if status == 200 else None
        return Answer(status, parsed, seconds)

    async def exchange(self, path: str, body: bytes, token: str) -> tuple[int, bytes]:
        reused = bool(self.idle)
        connection = self.idle.pop() if reused else await Connection.open(self.host, self.port)
        try:
            status, answer, closes = await connection.post(self.host, path, body, token)
        except (OSError, asyncio.IncompleteReadError):
            connection.close()
            if not reused:
                raise
            # The server may drop an idle keep-alive connection just as we reuse it; sync is
            # idempotent, so sending again on a new connection is what a phone would do too.
            connection = await Connection.open(self.host, self.port)
            status, answer, closes = await connection.post(self.host, path, body, token)
        if closes:
            connection.close()
        else:
            self.idle.append(connection)
        return status, answer

    def close(self) -> None:
        for connection in self.idle:
            connection.close()
        self.idle.clear()
