"""The PDF visit summary: `summary.html` with the patient page's own partials and SVG, made into
an A4 PDF by WeasyPrint, and the download that carries it.

WeasyPrint fetches nothing: the stylesheet is handed to it as text and its URL fetcher refuses
every URL, so nothing a clinician or a phone wrote can make the server call out. WeasyPrint
styles inline SVG only from a `<style>` inside it, not from the page's stylesheets, so each
drawing gets a copy of the `svg.` rules of dashboard.css: one set of rules draws the body map
and the chart on the screen, the printout and the PDF.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NoReturn

import tinycss2
from flask import Response, render_template
from markupsafe import Markup
from weasyprint import CSS, HTML

from server.dashboard.data.summary import VisitSummary
from server.dashboard.svg.body_map import body_map
from server.dashboard.svg.pain_chart import pain_chart

STATIC = Path(__file__).resolve().parent / "static"
CUSTOM_PROPERTY = re.compile(r"var\(\s*(--[\w-]+)\s*\)")
DECLARATION = re.compile(r"(--[\w-]+)\s*:\s*([^;}]+)")


def pdf_download(summary: VisitSummary) -> Response:
    """An attachment, which the browser saves: shown inline, it would open Chromium's PDF viewer,
    which the `object-src 'none'` of every answer's Content-Security-Policy blocks. The file name
    holds no identifier: downloads folders and browser histories are not the clinic's record."""
    response = Response(summary_pdf(summary), mimetype="application/pdf")
    name = f"visit-summary-{summary.page.today.isoformat()}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def summary_pdf(summary: VisitSummary) -> bytes:
    page = summary.page
    html = render_template(
        "summary.html",
        summary=summary,
        page=page,
        patient=page.patient,
        printout=summary.printout,
        body_map=styled(body_map(page.recent_scores, lambda site: "#body-map", None)),
        chart=styled(pain_chart(page.series, page.ome, page.treatments, page.first_day, page.days)),
    )
    stylesheet = CSS(string=page_style(), url_fetcher=refuse)
    pdf: bytes = HTML(string=html, url_fetcher=refuse).write_pdf(stylesheets=[stylesheet])
    return pdf


def refuse(url: str) -> NoReturn:
    raise ValueError(f"the visit summary fetches nothing ({url})")


def styled(svg: Markup) -> Markup:
    """The drawing with the SVG rules inside it, where WeasyPrint looks for them."""
    opening = svg.index(">") + 1
    return Markup(f"{svg[:opening]}<style>{svg_style()}</style>{svg[opening:]}")


@cache
def page_style() -> str:
    """summary.css after the colours of dashboard.css and its legend swatches. The rest of
    dashboard.css is for screens: WeasyPrint would warn of every property it does not print."""
    shared = " ".join(
        rule
        for selector, rule in dashboard_rules()
        if selector == ":root" or selector.startswith(".swatch")
    )
    return f"{shared}\n{(STATIC / 'summary.css').read_text()}"


@cache
def svg_style() -> str:
    """The rules of dashboard.css that draw the SVG, with its colours written out (WeasyPrint's
    SVG knows no custom properties), less those for hover and focus, which paper has not."""
    rules = " ".join(
        rule
        for selector, rule in dashboard_rules()
        if selector.startswith("svg.") and ":" not in selector
    )
    colours = dashboard_colours()
    return CUSTOM_PROPERTY.sub(lambda found: colours[found[1]], rules)


@cache
def dashboard_colours() -> dict[str, str]:
    roots = " ".join(rule for selector, rule in dashboard_rules() if selector == ":root")
    return {name: value.strip() for name, value in DECLARATION.findall(roots)}


@cache
def dashboard_rules() -> tuple[tuple[str, str], ...]:
    """(selector, rule) of each top-level rule of dashboard.css, outside any @media."""
    parsed = tinycss2.parse_stylesheet(
        (STATIC / "dashboard.css").read_text(), skip_comments=True, skip_whitespace=True
    )
    return tuple(
        (tinycss2.serialize(rule.prelude).strip(), tinycss2.serialize([rule]))
        for rule in parsed
        if rule.type == "qualified-rule"
    )
