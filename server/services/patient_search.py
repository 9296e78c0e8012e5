"""Finding a patient by what a clinician types: part of the name, or the start of the MRN.

Both sides are folded by the database's own `lower()`, so a name typed exactly as stored always
matches, whatever letters SQLite or PostgreSQL know how to fold. On PostgreSQL the two halves of
the OR come from `ix_patients_name_folded` (trigrams) and `ix_patients_mrn_folded`; SQLite reads
the rows, which is fine at the sizes it serves. `make bench` measures it at 10,000 patients.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import ColumnElement, func, literal, or_

from server.models import Patient

SEARCH_LIMIT = 100
ESCAPE = "\\"


def search_problem(text: str) -> str | None:
    """Why `text` cannot be searched for, in a sentence; None when it can."""
    if len(text) > SEARCH_LIMIT:
        return f"Search for at most {SEARCH_LIMIT} characters of a name or MRN."
    # Only control codes: joiners and other format characters belong to some names' spelling.
    if any(unicodedata.category(character) == "Cc" for character in text):
        return "The search holds a control character; type it again."
    return None


def search_text(text: str | None) -> str | None:
    """What to search for: blank means no search at all, so an empty box lists everyone."""
    return (text or "").strip() or None


def matching(text: str) -> ColumnElement[bool]:
    """Patients whose name holds `text`, or whose MRN starts with it, ignoring case."""
    typed = escaped(text)
    in_name = func.lower(Patient.display_name).like(
        func.lower(literal(f"%{typed}%")), escape=ESCAPE
    )
    mrn_start = func.lower(Patient.mrn).like(func.lower(literal(f"{typed}%")), escape=ESCAPE)
    return or_(in_name, mrn_start)


def escaped(text: str) -> str:
    """`%` and `_` are what the clinician typed, not wildcards."""
    for special in (ESCAPE, "%", "_"):
        text = text.replace(special, ESCAPE + special)
    return text
