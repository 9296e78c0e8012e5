"""The check-in screen's presenter: pain by site, symptoms, interference and a note.

`submit(form)` validates with the shared wire schema, saves durably, pokes the sync, and then
runs the safety net on the local history. Times are the phone's local time with its offset.

Symptoms ticked with no site are ambiguous: no pain anywhere, or pain the patient did not rate.
`asks_about_pain(form)` says the screen must ask (`PAIN_QUESTION`); the answer is the form's
`pain_rated` (False: the report says `pain_rated: false` and the day is not logged for pain).
"""

import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mobile.clock import Clock, aware
from mobile.presenters.results import SaveResult, invalid
from mobile.presenters.saving import check, save_new, save_revision
from mobile.safety import SafetyNet
from mobile.store import Kind, Store
from mobile.store.records import StoredRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteEntry:
    site: str
    score: Any  # whatever the widget gave; the schema says what is wrong with it
    qualities: Sequence[str] = ()
    aggravated_by: Sequence[str] = ()


PAIN_QUESTION = "No pain anywhere today?"


@dataclass(frozen=True)
class CheckInForm:
    """No sites at all is a pain-free check-in, unless `pain_rated` is False (pain not rated)."""

    sites: Sequence[SiteEntry] = ()
    symptoms: Sequence[str] = ()
    interference: Mapping[str, Any] = field(default_factory=dict)  # sleep, walking, activity
    note: str = ""
    pain_rated: bool = True


def asks_about_pain(form: CheckInForm) -> bool:
    """True when only the patient can say what no site means: symptoms ticked, no site."""
    return bool(form.symptoms) and not form.sites


def report_body(form: CheckInForm, record_id: str, recorded_at: datetime) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": record_id,
        "recorded_at": recorded_at.isoformat(),
        "revision": 1,
        "deleted": False,
        "sites": [
            {
                "site": entry.site,
                "score": entry.score,
                "qualities": list(entry.qualities),
                "aggravated_by": list(entry.aggravated_by),
            }
            for entry in form.sites
        ],
        "symptoms": list(form.symptoms),
    }
    if not form.pain_rated:
        body["pain_rated"] = False
    answered = {key: value for key, value in form.interference.items() if value is not None}
    if answered:
        body["interference"] = answered
    if form.note.strip():
        body["note"] = form.note.strip()
    return body


class CheckInPresenter:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        safety_check: Callable[[datetime, str], SafetyNet | None],
        on_saved: Callable[[], None] = lambda: None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.safety_check = safety_check
        self.on_saved = on_saved

    def submit(self, form: CheckInForm) -> SaveResult:
        now = aware(self.clock())
        checked = check(Kind.REPORT, report_body(form, str(uuid.uuid4()), now), now)
        if checked.body is None:
            return invalid(checked.errors)
        save_new(self.store, Kind.REPORT, checked.body)
        return self._after_save(checked.body["id"], now)

    def revise(self, record_id: str, form: CheckInForm) -> SaveResult:
        """Save a corrected check-in (same id and time, next revision), e.g. one refused."""
        now = aware(self.clock())

        def corrected(current: StoredRecord) -> dict[str, Any]:
            return report_body(form, record_id, datetime.fromisoformat(current.body["recorded_at"]))

        checked = save_revision(self.store, Kind.REPORT, record_id, corrected, now)
        if checked.body is None:
            return invalid(checked.errors)
        return self._after_save(record_id, now)

    def _after_save(self, record_id: str, now: datetime) -> SaveResult:
        self.on_saved()
        try:
            net = self.safety_check(now, record_id)
        except Exception:
            # The check-in is saved either way; a failed check must not look like "all clear".
            log.exception("the safety net check failed")
            return SaveResult(saved=True, record_id=record_id, safety_check_failed=True)
        return SaveResult(saved=True, record_id=record_id, safety_net=net)
