"""Connecting the phone to a patient: the QR payload or server + code, then `POST /api/v1/enroll`.

The QR code reads `painline://enroll?server=<base URL>&code=<code>`. A device token travels over
the connection, so the server must use HTTPS; plain HTTP is allowed only for this machine
(localhost, 127.0.0.1, ::1), where developers and tests run a server.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import requests

from mobile.http import TIMEOUT, endpoint, headers, retry_after, server_message

ENROLL_PATH = "/api/v1/enroll"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class EnrollmentError(Exception):
    """The message is for the patient; `field` names the input at fault ("server", "code")."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Unreachable(EnrollmentError):
    """No answer or a server error: trying again later may work."""


@dataclass(frozen=True)
class EnrollmentTarget:
    server: str  # base URL without a trailing slash
    code: str


@dataclass(frozen=True)
class Enrolled:
    token: str
    patient_id: str


def check_server(url: str) -> str:
    """The base URL, normalised; raises EnrollmentError unless HTTPS (or HTTP on localhost)."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise EnrollmentError(
            "enter the server address your care team gave you, starting with https://", "server"
        )
    if parts.username or parts.password or parts.query or parts.fragment:
        raise EnrollmentError("the server address must not contain a login, ? or #", "server")
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        raise EnrollmentError(
            "the server address must start with https:// so your data is encrypted", "server"
        )
    return text.rstrip("/")


def check_code(code: str) -> str:
    cleaned = "".join(code.split())
    if not cleaned:
        raise EnrollmentError("enter the code from your care team", "code")
    return cleaned


def target_from_fields(server: str, code: str) -> EnrollmentTarget:
    return EnrollmentTarget(check_server(server), check_code(code))


def parse_qr(payload: str) -> EnrollmentTarget:
    """Read `painline://enroll?server=...&code=...`; raises EnrollmentError for anything else."""
    parts = urlsplit(payload.strip())
    if parts.scheme != "painline" or parts.netloc != "enroll":
        raise EnrollmentError("this QR code is not a Painline enrollment code", "qr")
    query = parse_qs(parts.query)
    servers, codes = query.get("server", []), query.get("code", [])
    if len(servers) != 1 or len(codes) != 1:
        raise EnrollmentError("this QR code is incomplete; ask your care team for a new one", "qr")
    return target_from_fields(servers[0], codes[0])


def enroll(
    target: EnrollmentTarget,
    device_name: str,
    session: requests.Session | None = None,
    timeout: float | tuple[float, float] = TIMEOUT,
) -> Enrolled:
    """Spend the code for a device token; raises EnrollmentError with a message to show."""
    http = session or requests.Session()
    try:
        response = http.post(
            endpoint(target.server, ENROLL_PATH),
            json={"code": target.code, "device_name": device_name},
            headers=headers(),
            timeout=timeout,
        )
    except requests.RequestException as error:
        raise Unreachable(
            "could not reach the server; check the connection and try again"
        ) from error
    status = response.status_code
    if status == 200:
        return _read_enrolled(response)
    if status == 429:
        wait = retry_after(response)
        minutes = f" in {max(1, round(wait / 60))} minutes" if wait else " later"
        raise EnrollmentError(f"too many attempts; try again{minutes}", "code")
    if status >= 500:
        raise Unreachable("the server is not answering properly; try again in a few minutes")
    if status == 426:
        raise EnrollmentError(server_message(response, "please update the Painline app first"))
    raise EnrollmentError(
        server_message(response, "this code is not valid or has expired; ask for a new one"),
        "code",
    )


def _read_enrolled(response: requests.Response) -> Enrolled:
    try:
        body = response.json()
        token, patient_id = body["token"], body["patient_id"]
    except (ValueError, KeyError, TypeError) as error:
        raise Unreachable("the server's answer could not be read; try again") from error
    if not isinstance(token, str) or not token:
        raise Unreachable("the server's answer could not be read; try again")
    return Enrolled(token=token, patient_id=str(patient_id))
