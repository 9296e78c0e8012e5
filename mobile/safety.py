"""The offline safety net: after each saved check-in, the shared engine runs on the local history.

An emergency-tier finding (possible spinal cord compression, a possible fracture...) must reach
the patient even with no network, so the phone tells them to call their care team now. Like
server alerts on the phone, the safety net carries no rule name, diagnosis or suggested action:
only what to do and the number to call.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from mobile.local_history import load_history
from mobile.store import Store, clinical
from mobile.words import SYMPTOMS
from shared.config import RulesConfig
from shared.engine import evaluate
from shared.history import PatientHistory
from shared.rules import Finding, Tier

Evaluate = Callable[[PatientHistory, datetime, RulesConfig], list[Finding]]

CALL_NOW_TEXT = "What you reported needs to be checked by your care team today. Call them now."


def last_resort(emergency_number: str | None) -> str:
    """The line the safety net always ends with, whatever the team's own text says."""
    if emergency_number:
        return f"If you cannot reach them, call the emergency services on {emergency_number}."
    return "If you cannot reach them, call the emergency services."


# Ticking one of these shows the call-now message at once, before saving and with no network:
# the emergency rules fire on any of them (rules 1, 4, 13 with seizure, 14 with confusion).
CALL_NOW_SYMPTOMS = frozenset(
    {
        "limb_weakness",
        "difficulty_walking",
        "numbness_limbs",
        "numbness_saddle",
        "bladder_bowel_change",
        "cannot_bear_weight",
        "seizure",
        "confusion_drowsiness",
    }
)


def needs_call_now(symptoms: Iterable[str]) -> bool:
    return not CALL_NOW_SYMPTOMS.isdisjoint(symptoms)


@dataclass(frozen=True)
class SafetyNet:
    """What the safety-net screen shows; `record_ids` are the entries that raised it, and
    `reasons` the patient's own answers in them that did (in the phone's words)."""

    call_now_text: str
    helpline: str | None
    out_of_hours_text: str | None
    record_ids: tuple[str, ...]
    reasons: tuple[str, ...] = ()
    emergency_number: str | None = None

    @property
    def last_resort(self) -> str:
        return last_resort(self.emergency_number)


class SafetyCheck:
    """Runs the engine at `now` on the local history and keeps emergency findings only."""

    def __init__(
        self, store: Store, config: RulesConfig | None = None, engine: Evaluate = evaluate
    ) -> None:
        self.store = store
        self.config = config or RulesConfig()
        self.engine = engine

    def __call__(self, now: datetime, saved_id: str | None = None) -> SafetyNet | None:
        """The emergencies at `now`; after a save, only those the saved entry is evidence of:
        an emergency found days ago is already on Messages and must not pop up again for an
        unrelated check-in."""
        with self.store.transaction() as connection:
            history = load_history(connection, now)
            settings = clinical.settings(connection)
            context = clinical.context(connection) or {}
        emergencies = [
            finding
            for finding in self.engine(history, now, self.config)
            if finding.tier is Tier.EMERGENCY and (saved_id is None or saved_id in finding.evidence)
        ]
        if not emergencies:
            return None
        record_ids = tuple(dict.fromkeys(i for f in emergencies for i in f.evidence))
        # The emergency rules read the last few days; a month covers every evidence record.
        recent = history.reports.between(now.date() - timedelta(days=30), now.date())
        ticked = [s for r in recent if r.id in record_ids for s in r.symptoms]
        return _net(settings, context, record_ids, ticked)


def call_now(store: Store, symptoms: Iterable[str] = ()) -> SafetyNet:
    """The care team's helpline and texts as last synced, for the screen to show at once."""
    with store.transaction() as connection:
        settings = clinical.settings(connection)
        context = clinical.context(connection) or {}
    return _net(settings, context, (), symptoms)


def _net(
    settings: dict[str, object],
    context: dict[str, object],
    record_ids: tuple[str, ...],
    symptoms: Iterable[str],
) -> SafetyNet:
    return SafetyNet(
        call_now_text=_text(settings.get("call_now_text")) or CALL_NOW_TEXT,
        helpline=_text(settings.get("helpline")) or _text(context.get("helpline")),
        out_of_hours_text=_text(settings.get("out_of_hours_text")),
        record_ids=record_ids,
        reasons=reasons_for(symptoms),
        emergency_number=_text(settings.get("emergency_number")),
    )


def reasons_for(symptoms: Iterable[str]) -> tuple[str, ...]:
    """The warning signs among `symptoms`, in the words the check-in screen showed them."""
    return tuple(dict.fromkeys(SYMPTOMS[s] for s in symptoms if s in CALL_NOW_SYMPTOMS))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
