"""Talking to the outside: SMTP and webhook receivers. No database here, no transaction open.

A sender returns normally on success and raises `DeliveryFailed` (with a reason worth keeping
in `last_error`) on anything else.
"""

from __future__ import annotations

import smtplib
import urllib.error
import urllib.request
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from server.delivery import pinned_http, signing
from server.delivery.deadline import within_deadline
from server.delivery.notice import Notice
from server.delivery.webhook_policy import RefusedWebhook, WebhookPolicy, destination

TIMEOUT_SECONDS = 10


class DeliveryFailed(Exception):
    pass


@within_deadline
def send_email(smtp_url: str | None, message: EmailMessage) -> None:
    """`smtp://[user:password@]host:port` (STARTTLS when `?starttls`), or `smtps://...`."""
    if not smtp_url:
        raise DeliveryFailed("email is disabled: PAINLINE_SMTP_URL is not set")
    url = urlsplit(smtp_url)
    if url.scheme not in ("smtp", "smtps") or not url.hostname:
        raise DeliveryFailed(f"PAINLINE_SMTP_URL must be smtp://host:port, not {url.scheme}://")
    smtp_class = smtplib.SMTP_SSL if url.scheme == "smtps" else smtplib.SMTP
    port = url.port or (465 if url.scheme == "smtps" else 25)
    try:
        with smtp_class(url.hostname, port, timeout=TIMEOUT_SECONDS) as smtp:
            if url.query == "starttls":
                smtp.starttls()
            if url.username:
                smtp.login(unquote(url.username), unquote(url.password or ""))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise DeliveryFailed(f"SMTP {url.hostname}:{port}: {error}") from None
    except ValueError as error:  # a header the email library will not write
        raise DeliveryFailed(f"the message could not be written: {error}") from None


@within_deadline
def post_webhook(
    url: str,
    secret: str,
    delivery_id: str,
    timestamp: int,
    notice: Notice,
    policy: WebhookPolicy,
) -> None:
    """POST to the address the policy checked just now; redirects are failures, not followed."""
    try:
        target = destination(url, policy)
    except RefusedWebhook as refused:
        raise DeliveryFailed(str(refused)) from None
    body = notice.json_bytes()
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Painline-Webhooks/1",
            **signing.headers(secret, delivery_id, timestamp, body),
        },
    )
    try:
        with pinned_http.opener(target).open(request, timeout=TIMEOUT_SECONDS) as response:
            response.read(1024)
    except urllib.error.HTTPError as error:
        error.close()  # it holds the connection, answer unread
        redirect = "; redirects are not followed" if 300 <= error.code < 400 else ""
        raise DeliveryFailed(f"webhook answered HTTP {error.code}{redirect}") from None
    except (OSError, ValueError) as error:
        raise DeliveryFailed(f"webhook unreachable: {error}") from None
