"""The dose screen's presenter: a medicine dose taken now or earlier, and the planned medicines.

Doses are not run through the safety net: the emergency rules read symptoms of check-ins.
A dose far above usual doses (`shared.vocab.dose_limits`) is saved only once the patient has
confirmed it: `dose_question(form)` is what the screen asks, `confirmed=True` the answer.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from math import isfinite
from typing import Any

from mobile.clock import Clock, aware
from mobile.presenters.results import SaveResult, invalid
from mobile.presenters.saving import check, save_new, save_revision
from mobile.store import Kind, Store, clinical
from mobile.store.records import StoredRecord
from shared.config import DEFAULT_CONFIG, RulesConfig
from shared.plausibility import confirmation_question, exceeds_limit
from shared.wire.fields import LARGEST_NUMBER


@dataclass(frozen=True)
class DoseForm:
    medication: str
    dose: Any  # number from the widget; the schema says what is wrong with it
    unit: str
    route: str
    purpose: str  # scheduled | breakthrough
    taken_at: datetime | None = None  # None: now
    confirmed: bool = False  # the patient said an implausible amount is right


def dose_question(form: DoseForm, config: RulesConfig = DEFAULT_CONFIG) -> str | None:
    """The question to ask before saving, or None when the amount is within usual doses.

    Only an amount the wire format accepts is asked about: anything else is refused with the
    schema's message, and asking first would only make the patient answer twice.
    """
    amount = form.dose
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return None
    if not (isfinite(amount) and 0 < amount <= LARGEST_NUMBER):
        return None
    if not exceeds_limit(form.medication, amount, form.unit, form.route, config):
        return None
    return confirmation_question(amount, form.unit)


def _unconfirmed(form: DoseForm, config: RulesConfig) -> SaveResult | None:
    question = None if form.confirmed else dose_question(form, config)
    return None if question is None else invalid({"dose": question})


def dose_body(form: DoseForm, record_id: str, taken_at: datetime) -> dict[str, Any]:
    return {
        "id": record_id,
        "taken_at": taken_at.isoformat(),
        "revision": 1,
        "deleted": False,
        "medication": form.medication,
        "dose": form.dose,
        "unit": form.unit,
        "route": form.route,
        "purpose": form.purpose,
    }


class DosePresenter:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        on_saved: Callable[[], None] = lambda: None,
        config: RulesConfig = DEFAULT_CONFIG,
    ):
        self.store = store
        self.clock = clock
        self.on_saved = on_saved
        self.config = config

    def submit(self, form: DoseForm) -> SaveResult:
        if refused := _unconfirmed(form, self.config):
            return refused
        now = aware(self.clock())
        taken_at = now if form.taken_at is None else form.taken_at
        checked = check(Kind.DOSE, dose_body(form, str(uuid.uuid4()), taken_at), now)
        if checked.body is None:
            return invalid(checked.errors)
        save_new(self.store, Kind.DOSE, checked.body)
        self.on_saved()
        return SaveResult(saved=True, record_id=checked.body["id"])

    def revise(self, record_id: str, form: DoseForm) -> SaveResult:
        if refused := _unconfirmed(form, self.config):
            return refused
        now = aware(self.clock())

        def corrected(current: StoredRecord) -> dict[str, Any]:
            taken_at = form.taken_at or datetime.fromisoformat(current.body["taken_at"])
            return dose_body(form, record_id, taken_at)

        checked = save_revision(self.store, Kind.DOSE, record_id, corrected, now)
        if checked.body is None:
            return invalid(checked.errors)
        self.on_saved()
        return SaveResult(saved=True, record_id=record_id)

    def planned_medications(self) -> list[dict[str, Any]]:
        """The care team's plan (from the synced context), to prefill the form."""
        with self.store.transaction() as connection:
            context = clinical.context(connection) or {}
        return list(context.get("medications", []))
