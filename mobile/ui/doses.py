"""Doses: one tap for a medicine in the care team's plan, a breakthrough button, free entry.

Quick buttons come from the plan synced down from the care team; each saves a dose taken now.
The breakthrough button saves the plan's breakthrough medicine, or opens free entry set to
"extra dose for pain" when the plan has none. An amount far above usual doses is saved only
after the patient answers "Yes" to `DoseQuestion`.
"""

# mypy: disable-error-code="misc"

from dataclasses import replace
from typing import Any

from kivy.properties import (  # type: ignore[import-untyped]
    BooleanProperty,
    ListProperty,
    StringProperty,
)
from kivy.uix.modalview import ModalView  # type: ignore[import-untyped]

from mobile import words
from mobile.presenters import DoseForm, SaveResult
from mobile.presenters.doses import dose_question
from mobile.ui.base import PhoneScreen
from mobile.ui.widgets import BigButton
from shared.plausibility import amount_text
from shared.vocab import MEDICATIONS, ROUTES, UNITS

PURPOSE_WORDS = {"scheduled": "Regular dose", "breakthrough": "Extra dose for pain"}
NOT_SAVED = "Not saved. Check the amount and save again."


def describe(plan: dict[str, Any]) -> str:
    dose = plan.get("dose")
    amount = f" {amount_text(dose)} {plan.get('unit', '')}" if isinstance(dose, int | float) else ""
    route = words.ROUTES.get(plan.get("route") or "", "")
    return f"{words.medication(plan['medication'])}{amount}" + (f", {route}" if route else "")


class DoseQuestion(ModalView):
    """Asked before saving an amount far above usual doses ("Is 100000 mg right? ...").

    Dispatches `on_answer(right)`: True saves the dose as entered, False saves nothing.
    """

    __events__ = ("on_answer",)
    question = StringProperty("")

    def answer(self, right: bool) -> None:
        self.dismiss()
        self.dispatch("on_answer", right)

    def on_answer(self, right: bool) -> None:
        """The default handler: the screen binds its own."""


class DosesScreen(PhoneScreen):
    title = "Medicines taken"
    plan = ListProperty([])
    status = StringProperty("")
    error = StringProperty("")
    purpose = StringProperty("scheduled")
    saving = BooleanProperty(False)

    medication_names = [words.medication(code) for code in MEDICATIONS]
    unit_names = list(UNITS)
    route_names = [words.ROUTES[code] for code in ROUTES]

    def refresh(self) -> None:
        self.run(self.phone.doses.planned_medications, self._planned)

    def _planned(self, plan: list[dict[str, Any]] | BaseException) -> None:
        self.plan = [] if isinstance(plan, BaseException) else plan
        box = self.ids.quick
        box.clear_widgets()
        for item in self.plan:
            if "dose" in item and "unit" in item and "route" in item:
                label = ("Extra: " if item.get("purpose") == "breakthrough" else "") + describe(
                    item
                )
                box.add_widget(BigButton(text=label, on_release=lambda _, i=item: self.take(i)))

    def take(self, plan: dict[str, Any]) -> None:
        form = DoseForm(
            medication=plan["medication"],
            dose=plan["dose"],
            unit=plan["unit"],
            route=plan["route"],
            purpose=plan.get("purpose", "scheduled"),
        )
        self._submit(form, describe(plan))

    def breakthrough(self) -> None:
        planned = [p for p in self.plan if p.get("purpose") == "breakthrough" and "dose" in p]
        if planned:
            self.take({**planned[0], "purpose": "breakthrough"})
        else:
            self.purpose = "breakthrough"
            self.error = ""
            self.status = "Enter the extra dose below."
            self.ids.scroll.scroll_to(self.ids.free_entry, animate=False)

    def save_free_entry(self) -> None:
        medication = _code(MEDICATIONS, self.medication_names, self.ids.medication.text)
        route = _code(ROUTES, self.route_names, self.ids.route.text)
        if medication is None:
            self.error = "Choose the medicine."
            return
        try:
            dose: Any = float(self.ids.dose.text.replace(",", "."))
        except ValueError:
            self.error = "Enter the amount as a number, like 5 or 2.5."
            return
        unit = self.ids.unit.text if self.ids.unit.text in UNITS else ""
        form = DoseForm(medication, dose, unit, route or "", self.purpose)
        self._submit(form, f"{words.medication(medication)} {amount_text(dose)} {unit}")

    def _submit(self, form: DoseForm, what: str) -> None:
        question = None if form.confirmed else dose_question(form, self.phone.doses.config)
        if question is not None:
            self.status = self.error = ""
            asking = DoseQuestion(question=question)
            asking.bind(on_answer=lambda _, right: self._answered(right, form, what))
            asking.open()
            return
        self.saving = True
        self.status = self.error = ""
        self.run(lambda: self.phone.doses.submit(form), lambda r: self._saved(r, what))

    def _answered(self, right: bool, form: DoseForm, what: str) -> None:
        if right:
            self._submit(replace(form, confirmed=True), what)
        else:
            self.error = NOT_SAVED

    def _saved(self, result: SaveResult | BaseException, what: str) -> None:
        self.saving = False
        if isinstance(result, BaseException):
            self.error = "This phone could not save the dose. Please try again."
        elif not result.saved:
            self.error = " ".join(f"{_field(k)}{v}" for k, v in result.errors.items())
        else:
            self.status = f"Saved: {what}."
            self.ids.dose.text = ""
            self.purpose = "scheduled"


def _code(codes: Any, names: list[str], chosen: str) -> str | None:
    return list(codes)[names.index(chosen)] if chosen in names else None


def _field(path: str) -> str:
    return {"dose": "Amount: ", "unit": "Unit: ", "route": "How taken: "}.get(path, "")
