"""Standard Webhooks signatures (https://www.standardwebhooks.com).

The secret is `whsec_` + base64; the HMAC-SHA256 key is its decoded bytes; the signed content is
`{webhook-id}.{webhook-timestamp}.{body}`; the header is `v1,` + base64 of the digest.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

PREFIX = "whsec_"


class BadSecret(ValueError):
    pass


def secret_key(secret: str) -> bytes:
    if not secret.startswith(PREFIX):
        raise BadSecret("A webhook secret starts with 'whsec_' followed by base64.")
    try:
        key = base64.b64decode(secret[len(PREFIX) :], validate=True)
    except binascii.Error:
        raise BadSecret("The part after 'whsec_' is not valid base64.") from None
    # The specification asks for 24 to 64 random bytes.
    if not 24 <= len(key) <= 64:
        raise BadSecret("A webhook secret holds 24 to 64 random bytes (base64 after 'whsec_').")
    return key


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secret: str, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, message_id, timestamp, body),
    }
