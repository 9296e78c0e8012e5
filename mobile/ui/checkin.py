"""Check-in: where it hurts (body map), how much (0-10), what it feels like, what makes it worse,
the warning-sign checklist and a note; or "no pain today" in one tap.

Ticking a warning sign that needs a call now shows the helpline at once, before saving and
with no network. After saving, the presenter's safety net (the engine on the phone's history)
can show it too. Two sites with a score and one quality each take 7 taps to save.

Save with symptoms ticked and no site asks "No pain anywhere today?": "Yes, no pain anywhere"
saves a pain-free check-in, "I did not rate my pain" one with pain not rated (its day does not
count as a day without pain), and "Go back" returns to the body map.
"""

# mypy: disable-error-code="misc"

from dataclasses import dataclass, field, replace
from typing import Any

from kivy.properties import (  # type: ignore[import-untyped]
    BooleanProperty,
    DictProperty,
    ListProperty,
    StringProperty,
)
from kivy.uix.modalview import ModalView  # type: ignore[import-untyped]

from mobile import words
from mobile.presenters import PAIN_QUESTION, CheckInForm, SaveResult, SiteEntry, asks_about_pain
from mobile.safety import needs_call_now
from mobile.ui.base import PhoneScreen
from mobile.ui.widgets import CheckRow, Chip

SAVED = "Saved. It goes to your care team when the phone is online."
SAVED_NO_PAIN = "Saved: no pain today. Thank you."
SAVED_NOT_RATED = "Saved: how you feel, with your pain not rated. Thank you."


@dataclass
class SitePain:
    score: int | None = None
    qualities: list[str] = field(default_factory=list)
    aggravated_by: list[str] = field(default_factory=list)


class PainQuestion(ModalView):
    """Asked when Save is tapped with symptoms ticked and no site marked on the body map.

    Dispatches `on_answer(pain_free)`; "Go back" only closes it, saving nothing.
    """

    __events__ = ("on_answer",)
    question = StringProperty(PAIN_QUESTION)

    def answer(self, pain_free: bool) -> None:
        self.dismiss()
        self.dispatch("on_answer", pain_free)

    def on_answer(self, pain_free: bool) -> None:
        """The default handler: the screen binds its own."""


class CheckInScreen(PhoneScreen):
    title = "How is your pain?"
    active = StringProperty("")
    marked = DictProperty({})  # site -> score or None, for the body map
    symptoms = ListProperty([])
    status = StringProperty("")
    error = StringProperty("")
    saving = BooleanProperty(False)

    def __init__(self, **kwargs: Any) -> None:
        self.pain: dict[str, SitePain] = {}
        self.pain_question: PainQuestion | None = None
        super().__init__(**kwargs)

    def on_kv_post(self, base_widget: Any) -> None:
        for score in range(11):
            row = self.ids.scores_low if score <= 5 else self.ids.scores_high
            row.add_widget(Chip(text=str(score), code=str(score), on_press=self._score_pressed))
        for code, label in words.QUALITIES.items():
            self.ids.qualities.add_widget(Chip(text=label, code=code, on_press=self._quality))
        for code, label in words.AGGRAVATORS.items():
            self.ids.aggravators.add_widget(Chip(text=label, code=code, on_press=self._worse))
        for code, label in words.SYMPTOMS.items():
            self.ids.symptoms.add_widget(CheckRow(text=label, code=code, on_press=self._symptom))

    # The body map and the site being described.

    def pick(self, site: str) -> None:
        if site not in self.pain:
            self.pain[site] = SitePain()
        self.active = site
        self.status = self.error = ""
        self._show()

    def forget_active(self) -> None:
        self.pain.pop(self.active, None)
        self.active = next(reversed(self.pain), "")
        self._show()

    def _score_pressed(self, chip: Chip) -> None:
        self.pain[self.active].score = int(chip.code)
        self._show()

    def _quality(self, chip: Chip) -> None:
        _toggle(self.pain[self.active].qualities, chip.code)
        self._show()

    def _worse(self, chip: Chip) -> None:
        _toggle(self.pain[self.active].aggravated_by, chip.code)
        self._show()

    def _show(self) -> None:
        """Make every chip and the body map show the model (a tap never leaves them apart)."""
        self.marked = {site: pain.score for site, pain in self.pain.items()}
        current = self.pain.get(self.active)
        for row in (self.ids.scores_low, self.ids.scores_high):
            for chip in row.children:
                chosen = current is not None and current.score == int(chip.code)
                chip.state = "down" if chosen else "normal"
        for box, chosen_codes in (
            (self.ids.qualities, current.qualities if current else []),
            (self.ids.aggravators, current.aggravated_by if current else []),
        ):
            for chip in box.children:
                chip.state = "down" if chip.code in chosen_codes else "normal"
        for row in self.ids.symptoms.children:
            row.state = "down" if row.code in self.symptoms else "normal"

    def site_label(self, site: str) -> str:
        return words.site(site) if site else ""

    def summary(self, marked: dict[str, int | None]) -> str:
        parts = [
            f"{words.site(site)} {'?' if score is None else score}"
            for site, score in marked.items()
        ]
        return ", ".join(parts)

    # Warning signs: the call-now message comes at once, before any saving.

    def _symptom(self, row: CheckRow) -> None:
        _toggle(self.symptoms, row.code)
        self._show()
        if row.code in self.symptoms and needs_call_now([row.code]):
            self.shell.show_call_now(symptoms=[row.code])

    # Saving.

    def save(self) -> None:
        unscored = [site for site, pain in self.pain.items() if pain.score is None]
        if unscored:
            self.active = unscored[0]
            self.error = f"Choose a number for {words.site(unscored[0]).lower()}."
            self._show()
            return
        form = CheckInForm(
            sites=[
                SiteEntry(site, pain.score, pain.qualities, pain.aggravated_by)
                for site, pain in self.pain.items()
            ],
            symptoms=list(self.symptoms),
            note=self.ids.note.text,
        )
        if asks_about_pain(form):
            self._ask_about_pain(form)
            return
        self._submit(form, SAVED)

    def _ask_about_pain(self, form: CheckInForm) -> None:
        """Only the patient knows whether symptoms without a site mean no pain at all."""
        question = PainQuestion()
        question.bind(on_answer=lambda _, pain_free: self._pain_answered(form, pain_free))
        question.bind(on_dismiss=self._question_closed)
        self.pain_question = question
        question.open()

    def _pain_answered(self, form: CheckInForm, pain_free: bool) -> None:
        if pain_free:
            self._submit(form, SAVED_NO_PAIN)
        else:
            self._submit(replace(form, pain_rated=False), SAVED_NOT_RATED)

    def _question_closed(self, question: PainQuestion) -> None:
        if self.pain_question is question:
            self.pain_question = None

    def no_pain_today(self) -> None:
        self._submit(
            CheckInForm(symptoms=list(self.symptoms), note=self.ids.note.text), SAVED_NO_PAIN
        )

    def _submit(self, form: CheckInForm, message: str) -> None:
        self.saving = True
        self.error = self.status = ""
        self.run(lambda: self.phone.checkin.submit(form), lambda r: self._saved(r, message))

    def _saved(self, result: SaveResult | BaseException, message: str) -> None:
        self.saving = False
        if isinstance(result, BaseException):
            self.error = "This phone could not save the check-in. Please try again."
            return
        if not result.saved:
            self.error = " ".join(result.errors.values())
            return
        self.pain.clear()
        self.symptoms = []
        self.active = ""
        self.ids.note.text = ""
        self.status = message
        self._show()
        if result.safety_net is not None:
            self.shell.show_safety_net(result.safety_net)
        elif result.safety_check_failed:
            self.shell.show_call_now(check_failed=True)


def _toggle(chosen: list[str], code: str) -> None:
    if code in chosen:
        chosen.remove(code)
    else:
        chosen.append(code)
