"""A receiver that answers one byte at a time, slowly enough to hold a naive sender for minutes
while every single read still succeeds well within a socket timeout: an HTTP answer after the
request (a webhook), or a greeting as soon as the sender connects (an SMTP server)."""

from __future__ import annotations

import select
import socket
import threading
import time

HTTP_ANSWER = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
SMTP_GREETING = b"220 trickle.example.org ESMTP at your service, eventually\r\n"


class TricklingReceiver:
    def __init__(self, every: float = 2.0, answer: bytes = HTTP_ANSWER) -> None:
        self.every = every
        self.answer = answer
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.stopping = threading.Event()
        self.answering = threading.Event()
        self.answering_since = 0.0
        self.hung_up = threading.Event()
        self.threads: list[threading.Thread] = []
        self.bytes_sent = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    @property
    def port(self) -> int:
        return int(self.listener.getsockname()[1])

    @property
    def trickling(self) -> bool:
        return self.answering.is_set() and not self.hung_up.is_set()

    def start(self) -> TricklingReceiver:
        self.spawn(self.accept)
        return self

    def spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self.threads.append(thread)
        thread.start()

    def accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.spawn(self.trickle, connection)

    def trickle(self, connection: socket.socket) -> None:
        with connection:
            if self.answer == HTTP_ANSWER:
                read_request(connection)
            self.answering_since = time.monotonic()
            self.answering.set()
            for byte in self.answer:
                readable, _, _ = select.select([connection], [], [], self.every)
                if self.stopping.is_set():
                    return
                if readable and not connection.recv(1):
                    self.hung_up.set()
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    self.hung_up.set()
                    return
                self.bytes_sent += 1

    def stop(self) -> None:
        self.stopping.set()
        self.listener.close()
        for thread in self.threads:
            thread.join(10)


def read_request(connection: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return
        body += chunk
