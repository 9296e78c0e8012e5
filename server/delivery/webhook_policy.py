"""Where a webhook may point: https to public addresses in production, plus the networks
PAINLINE_WEBHOOK_ALLOW_PRIVATE lists; development also takes http and loopback receivers.

Checked when an admin adds a webhook and again before every delivery, on every address the
name resolves to, because DNS can change after entry. The sender then connects to the address
checked here (`Destination.address`), so a second lookup cannot swap in another one.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from server.config import Network, Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# A host whose last label is a number is an IPv4 address in some spelling (2130706433, 0x7f.1,
# 0177.0.0.1), which resolvers read differently; a real name never ends in a number.
NUMERIC_LABEL = re.compile(r"(0x[0-9a-f]*|[0-9]+)", re.IGNORECASE)


class RefusedWebhook(Exception):
    """A sentence for the admin, or for the delivery's `last_error`."""


@dataclass(frozen=True)
class WebhookPolicy:
    production: bool
    allowed: tuple[Network, ...] = ()

    @classmethod
    def of(cls, settings: Settings) -> WebhookPolicy:
        return cls(settings.is_production, settings.webhook_allow_private)

    def rule(self) -> str:
        if self.production:
            allowed = "in production only public addresses are allowed"
        else:
            allowed = "in development only public and loopback addresses are allowed"
        return f"{allowed} (PAINLINE_WEBHOOK_ALLOW_PRIVATE lists exceptions)"


@dataclass(frozen=True)
class Destination:
    host: str
    address: str


def destination(url: str, policy: WebhookPolicy) -> Destination:
    """The checked address to connect to for `url`, or `RefusedWebhook` saying why there is none."""
    parts = urlsplit(url)
    schemes = ("https",) if policy.production else ("http", "https")
    if parts.scheme not in schemes:
        needed = "https://" if policy.production else "http:// or https://"
        raise RefusedWebhook(f"A webhook address starts with {needed} here, not {url[:40]!r}.")
    host = parts.hostname
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise RefusedWebhook(f"The port of {url[:80]!r} is not a number from 1 to 65535.") from None
    if not host:
        raise RefusedWebhook(f"{url[:80]!r} names no host.")
    if not literal_address(host) and NUMERIC_LABEL.fullmatch(host.rstrip(".").split(".")[-1]):
        raise RefusedWebhook(
            f"The webhook host {host} is a number in an unusual spelling; "
            "write a name or a dotted address such as 203.0.113.5."
        )
    addresses = resolve(host, port)
    for address in addresses:
        refused = why_refused(address, policy)
        if refused:
            raise RefusedWebhook(
                f"The webhook address resolves to {address}, {refused}; {policy.rule()}."
            )
    return Destination(host, str(addresses[0]))


def literal_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def resolve(host: str, port: int) -> list[IPAddress]:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise RefusedWebhook(f"The webhook host {host} could not be found: {error}.") from None
    # The scope of an IPv6 link-local address (fe80::1%eth0) is no part of what is judged.
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]
    if not addresses:
        raise RefusedWebhook(f"The webhook host {host} resolves to no address.")
    return addresses


def why_refused(address: IPAddress, policy: WebhookPolicy) -> str | None:
    """None when the policy lets a webhook go to `address`, else what kind of address it is."""
    inner = embedded_ipv4(address)
    if any(candidate in network for candidate in {address, inner} for network in policy.allowed):
        return None
    if inner.is_loopback and not policy.production:
        return None
    for kind, test in KINDS:
        if test(inner) or test(address):
            return kind
    return None


def embedded_ipv4(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one carries (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, 6to4),
    which is where the packets end up."""
    if isinstance(address, ipaddress.IPv4Address):
        return address
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if 1 < int(address) < 2**32:
        return ipaddress.IPv4Address(int(address))
    return address


KINDS = (
    ("an unspecified address", lambda a: a.is_unspecified),
    ("a loopback address", lambda a: a.is_loopback),
    ("a link-local address", lambda a: a.is_link_local),
    ("a multicast address", lambda a: a.is_multicast),
    ("a private address", lambda a: a.is_private),
    ("a reserved address", lambda a: a.is_reserved),
    ("a non-public address", lambda a: not a.is_global),
)
