"""Where the browser tests put the README's screenshots."""

from __future__ import annotations

import os
from pathlib import Path

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def screenshot_folder(tmp_path: Path) -> Path:
    """The README's images are rewritten only on request (PAINLINE_UPDATE_SCREENSHOTS=1)."""
    return DOCS_SCREENSHOTS if os.environ.get("PAINLINE_UPDATE_SCREENSHOTS") == "1" else tmp_path
