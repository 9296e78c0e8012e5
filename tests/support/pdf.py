"""Reading a PDF the server made: its pages, its text, and what its vector drawing paints.

`painted` walks a page's content stream and the form XObjects it draws, keeping the fill and
stroke colours through `q`/`Q`, and counts each painting operator by colour: a drawing that is
there, in the colours of its data, without rasterising anything.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ContentStream

A4_POINTS = (595.28, 841.89)
FILLS = {"f", "F", "f*"}
STROKES = {"S", "s"}
BOTH = {"B", "B*", "b", "b*"}

Colour = tuple[float, ...]


def read_pdf(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-"), data[:40]
    return PdfReader(io.BytesIO(data))


def text_of(reader: PdfReader) -> str:
    # Layout spaces vary with kerning; the tests look for words, so whitespace is folded.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def is_a4(page: Any) -> bool:
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    return abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1


def rgb(hex_colour: str) -> Colour:
    digits = hex_colour.lstrip("#")
    return tuple(round(int(digits[n : n + 2], 16) / 255, 3) for n in (0, 2, 4))


def painted(reader: PdfReader, page: Any) -> Counter[tuple[str, Colour | None]]:
    """("fill" | "stroke" | "fill+stroke", colour) -> how many paths were painted so."""
    counts: Counter[tuple[str, Colour | None]] = Counter()
    walk(reader, page.get_contents(), page["/Resources"], counts)
    return counts


def walk(reader: PdfReader, content: Any, resources: Any, counts: Counter[Any]) -> None:
    fill: Colour | None = None
    stroke: Colour | None = None
    saved: list[tuple[Colour | None, Colour | None]] = []
    for operands, operator in ContentStream(content, reader).operations:
        op = operator.decode()
        if op == "q":
            saved.append((fill, stroke))
        elif op == "Q" and saved:
            fill, stroke = saved.pop()
        elif op == "rg":
            fill = tuple(round(float(value), 3) for value in operands)
        elif op == "RG":
            stroke = tuple(round(float(value), 3) for value in operands)
        elif op in FILLS:
            counts[("fill", fill)] += 1
        elif op in STROKES:
            counts[("stroke", stroke)] += 1
        elif op in BOTH:
            counts[("fill+stroke", fill)] += 1
        elif op == "Do":
            drawn = resources["/XObject"][operands[0]].get_object()
            if drawn.get("/Subtype") == "/Form":
                walk(reader, drawn, drawn.get("/Resources", resources), counts)
