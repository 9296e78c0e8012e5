"""Small builders of replay input documents and files (wire records from tests.shared.builders)."""

import json
from datetime import date
from pathlib import Path
from typing import Any

from tests.shared.builders import D, dose_wire, new_id, report_wire, site, span


def document(
    *records: dict[str, Any], until: date = D, patient: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A replay file: wire dicts sorted into reports, doses and treatments by their fields."""
    return {
        "patient": patient or {"id": new_id()},
        "reports": [r for r in records if "recorded_at" in r],
        "doses": [r for r in records if "taken_at" in r],
        "treatments": [r for r in records if "kind" in r],
        "until": until.isoformat(),
    }


def stable_days(first: int, last: int, offset_hours: float = 0) -> list[dict[str, Any]]:
    """Controlled sacral pain (2-3/10) twice a day and morphine 30 mg morning and evening."""
    records = []
    for n, on in enumerate(span(first, last)):
        score = 2 + n % 2
        records += [
            report_wire(on, site("sacrum", score), hour=8, offset_hours=offset_hours),
            report_wire(on, site("sacrum", 2), hour=20, offset_hours=offset_hours),
            dose_wire(on, "morphine", 30, purpose="scheduled", hour=8, offset_hours=offset_hours),
            dose_wire(on, "morphine", 30, purpose="scheduled", hour=20, offset_hours=offset_hours),
        ]
    return records


def write(folder: Path, name: str, content: dict[str, Any] | str) -> Path:
    path = folder / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path
