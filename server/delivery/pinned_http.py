"""An HTTP opener for webhooks that connects to an address already checked by the webhook policy.

The request still names the host (Host header, TLS server name and certificate check), but no
second DNS lookup happens, so a name that resolves to a public address for the check and to an
internal one a moment later (DNS rebinding) reaches nothing internal. It follows no redirects
(a 3xx reaches the caller as an `HTTPError`) and uses no proxy from the environment, since a
proxy would resolve the name itself.
"""

from __future__ import annotations

import http.client
import ssl
import urllib.request
from functools import partial
from typing import Any

from server.delivery.webhook_policy import Destination


class PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, *, address: str, **options: Any) -> None:
        super().__init__(host, **options)
        self.address = address

    def connect(self) -> None:
        # Through `_create_connection`, the attribute http.client opens sockets with, so that
        # whatever watches a connection's socket (a delivery deadline) still sees this one.
        self.sock = self._create_connection(  # type: ignore[attr-defined]
            (self.address, self.port), self.timeout, self.source_address
        )


class PinnedHTTPSConnection(PinnedHTTPConnection, http.client.HTTPSConnection):
    def __init__(self, host: str, *, address: str, tls: ssl.SSLContext, **options: Any) -> None:
        http.client.HTTPSConnection.__init__(self, host, context=tls, **options)
        self.address = address
        self.tls = tls

    def connect(self) -> None:
        PinnedHTTPConnection.connect(self)
        # The certificate is checked against the name, not the address connected to.
        self.sock = self.tls.wrap_socket(self.sock, server_hostname=self.host)


class PinnedHandler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    def __init__(self, target: Destination, tls: ssl.SSLContext) -> None:
        urllib.request.HTTPHandler.__init__(self)
        self.target = target
        self.tls = tls

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(partial(PinnedHTTPConnection, address=self.target.address), req)

    def https_open(self, req: urllib.request.Request) -> Any:
        connection = partial(PinnedHTTPSConnection, address=self.target.address, tls=self.tls)
        return self.do_open(connection, req)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def opener(target: Destination, tls: ssl.SSLContext | None = None) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        NoRedirects(),
        PinnedHandler(target, tls or ssl.create_default_context()),
    )
