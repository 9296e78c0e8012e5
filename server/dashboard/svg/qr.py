"""The enrollment QR code the phone scans: `painline://enroll?server=<base URL>&code=<code>`."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno
from markupsafe import Markup, escape


def enrollment_link(base_url: str, code: str) -> str:
    return "painline://enroll?" + urlencode({"server": base_url, "code": code})


def qr_svg(text: str, title: str) -> Markup:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(
        buffer,
        kind="svg",
        scale=6,
        border=2,
        xmldecl=False,
        svgns=True,
        title=title,
        svgclass="qr",
        nl=False,
    )
    svg = buffer.getvalue().decode()
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1))
