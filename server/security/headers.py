"""One policy of response headers for everything the server answers.

The dashboard runs no inline script or style, so the Content-Security-Policy can be strict: a
script injected into a page (a patient's note, a team's name) would not run, and no other site
may frame a page to trick a click. Pages and API answers hold patient data: `no-store` keeps
them out of the browser's and any proxy's cache; the static assets stay cacheable.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
    )
)
ALWAYS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# A year, as the HSTS preload list asks; only behind the production HTTPS proxy.
STRICT_TRANSPORT = "max-age=31536000; includeSubDomains"
CACHEABLE_ENDPOINTS = frozenset({"dashboard.static", "static"})


def register_security_headers(app: Flask) -> None:
    app.after_request(add_security_headers)


def add_security_headers(response: Response) -> Response:
    for name, value in ALWAYS.items():
        response.headers.setdefault(name, value)
    if current_app.config["PAINLINE"].is_production:
        response.headers.setdefault("Strict-Transport-Security", STRICT_TRANSPORT)
    if request.endpoint not in CACHEABLE_ENDPOINTS:
        response.headers["Cache-Control"] = "no-store"
    return response
