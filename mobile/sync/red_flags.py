"""Which records in the outbox are red flags, found by the engine the safety net runs.

Each pending check-in is looked at once per revision, at its own time on the local history
(what the safety net saw when it was saved). The records an emergency or urgent finding cites
are red flags and leave the outbox first (`outbox.next_batch`), so a clinician hears of them
before a week of ordinary entries, and never after a record the server keeps failing on.
"""

from collections.abc import Callable
from datetime import datetime

# A module import, used at call time: `mobile.local_history` loads through `mobile.sync`, so
# when it is imported first this package is loaded while it is still half-initialised.
from mobile import local_history
from mobile.store import Kind, State, Store, records
from shared.config import RulesConfig
from shared.engine import evaluate
from shared.history import PatientHistory
from shared.rules import Finding, Tier

Evaluate = Callable[[PatientHistory, datetime, RulesConfig], list[Finding]]

RED_FLAG_TIERS = frozenset({Tier.EMERGENCY, Tier.URGENT})


def assess(store: Store, config: RulesConfig, engine: Evaluate = evaluate) -> int:
    """Set the priority of the check-ins not yet looked at; returns how many red flags it set."""
    with store.transaction() as connection:
        unassessed = records.unassessed(connection, Kind.REPORT)
        if not unassessed:
            return 0
        # The window the engine needs at the earliest time covers every later time too.
        history = local_history.load_history(connection, min(record.at for record in unassessed))
        pending = {r.id: r.revision for r in records.in_state(connection, State.PENDING)}
    # The engine runs outside the transaction: saving a check-in must not wait for it.
    cited = {
        record_id
        for record in unassessed
        for record_id in _red_flag_evidence(engine(history, record.at, config))
        if record_id in pending
    }
    with store.transaction() as connection:
        assessed = {record.id: record.revision for record in unassessed}
        records.set_priority(connection, assessed, records.ORDINARY)
        # Revision-guarded: a record edited meanwhile is looked at again next time.
        records.set_priority(connection, {i: pending[i] for i in cited}, records.RED_FLAG)
    return len(cited)


def _red_flag_evidence(findings: list[Finding]) -> set[str]:
    return {i for finding in findings if finding.tier in RED_FLAG_TIERS for i in finding.evidence}
