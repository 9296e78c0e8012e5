"""The note a patient wrote on a recent check-in, as one line the worklist row can show.

There is no "read" mark on a check-in, so the row shows the latest note of the last 72 hours and
says so; a newer check-in with a note takes its place.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

NOTE_WINDOW = timedelta(hours=72)
LINE_LIMIT = 80


@dataclass(frozen=True)
class CheckInNote:
    first_line: str
    recorded_at: datetime


def latest_notes(reports: Sequence[Sequence[Any]], now: datetime) -> dict[uuid.UUID, CheckInNote]:
    """Per patient, from rows of (patient_id, local_day, recorded_at, body) of live check-ins."""
    latest: dict[uuid.UUID, CheckInNote] = {}
    for patient_id, _, recorded_at, body in reports:
        if recorded_at < now - NOTE_WINDOW:
            continue
        line = first_line(body.get("note") or "")
        held = latest.get(patient_id)
        if line and (held is None or recorded_at > held.recorded_at):
            latest[patient_id] = CheckInNote(line, recorded_at)
    return latest


def first_line(note: str, limit: int = LINE_LIMIT) -> str:
    """The first line with words in it, cut at a word near `limit` characters, "…" marking a cut."""
    line = next((text.strip() for text in note.splitlines() if text.strip()), "")
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    # A word boundary in the last quarter reads better; a very long word is cut where it stands.
    if space > limit * 3 // 4:
        cut = cut[:space]
    return cut.rstrip() + "…"
