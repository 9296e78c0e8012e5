"""The offline safety net: after each saved check-in, the shared engine runs on the local history.

An emergency-tier finding (possible spinal cord compression, a possible fracture...) must reach
the patient even with no network, so the phone tells them to call their care team now. Like
server alerts on the phone, the safety net carries no rule name, diagnosis or suggested action:
only what to do and the number to call.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from mobile.local_history import load_history
from mobile.store import Store, clinical
from shared.config import RulesConfig
from shared.engine import evaluate
from shared.history import PatientHistory
from shared.rules import Finding, Tier

Evaluate = Callable[[PatientHistory, datetime, RulesConfig], list[Finding]]

CALL_NOW_TEXT = (
    "What you reported needs to be checked by your care team today. Call them now. "
    "If you cannot reach them, call the emergency services."
)


@dataclass(frozen=True)
class SafetyNet:
    """What the safety-net screen shows; `record_ids` are the entries that raised it."""

    call_now_text: str
    helpline: str | None
    out_of_hours_text: str | None
    record_ids: tuple[str, ...]


class SafetyCheck:
    """Runs the engine at `now` on the local history and keeps emergency findings only."""

    def __init__(
        self, store: Store, config: RulesConfig | None = None, engine: Evaluate = evaluate
    ) -> None:
        self.store = store
        self.config = config or RulesConfig()
        self.engine = engine

    def __call__(self, now: datetime) -> SafetyNet | None:
        with self.store.transaction() as connection:
            history = load_history(connection, now)
            settings = clinical.settings(connection)
            context = clinical.context(connection) or {}
        emergencies = [
            finding
            for finding in self.engine(history, now, self.config)
            if finding.tier is Tier.EMERGENCY
        ]
        if not emergencies:
            return None
        helpline = settings.get("helpline") or context.get("helpline")
        return SafetyNet(
            call_now_text=_text(settings.get("call_now_text")) or CALL_NOW_TEXT,
            helpline=_text(helpline),
            out_of_hours_text=_text(settings.get("out_of_hours_text")),
            record_ids=tuple(dict.fromkeys(i for f in emergencies for i in f.evidence)),
        )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
