"""What a rule is and what it produces: tiers, the evaluation a rule reads, hits and findings.

A rule is a small pure function from an `Evaluation` to `Hit`s, wrapped by `@rule(...)` into a
`Rule` that carries its id, version, suggested action and citation. The engine stamps those
onto each hit to make a `Finding`, so a new rule never needs the engine to change.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from shared.config import RulesConfig
from shared.history import PatientHistory


class Tier(StrEnum):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    PRIORITY = "priority"
    ROUTINE = "routine"
    INFO = "info"

    @property
    def severity(self) -> int:
        """Higher is more severe: emergency 4 .. info 0."""
        return len(_ORDER) - 1 - _ORDER.index(self)


_ORDER = tuple(Tier)


@dataclass(frozen=True)
class Evaluation:
    """What every rule reads: the history as of `now`, the evaluation day D, the settings."""

    history: PatientHistory
    now: datetime
    day: date
    config: RulesConfig


@dataclass(frozen=True)
class Hit:
    """A rule's raw result, before the engine adds the rule's identity."""

    tier: Tier
    explanation: str
    evidence: tuple[str, ...]
    site: str | None = None


@dataclass(frozen=True)
class Finding:
    """One rule firing for a site (or the patient), with everything an alert stores."""

    rule: str
    rule_version: int
    tier: Tier
    site: str | None
    evidence: tuple[str, ...]
    explanation: str
    suggested_action: str
    citation: str
    day: date


Check = Callable[[Evaluation], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    version: int
    suggested_action: str
    citation: str
    check: Check
    # Time-based rules (16, 18) run on a clock tick, not after each record.
    time_based: bool = False
    # False when the rule reads no dose record: replay then reuses its findings after a dose
    # that changed nothing else the rule reads (same day, no new report or treatment).
    reads_doses: bool = True

    def findings(self, evaluation: Evaluation) -> list[Finding]:
        return [
            Finding(
                rule=self.id,
                rule_version=self.version,
                tier=hit.tier,
                site=hit.site,
                evidence=hit.evidence,
                explanation=hit.explanation,
                suggested_action=self.suggested_action,
                citation=self.citation,
                day=evaluation.day,
            )
            for hit in self.check(evaluation)
        ]


def rule(
    *,
    id: str,
    version: int,
    suggested_action: str,
    citation: str,
    time_based: bool = False,
    reads_doses: bool = True,
) -> Callable[[Check], Rule]:
    """Turn a check function into a Rule; it is registered by listing it in `registry.RULES`."""

    def wrap(check: Check) -> Rule:
        return Rule(id, version, suggested_action, citation, check, time_based, reads_doses)

    return wrap


def unique(ids: Iterable[str]) -> tuple[str, ...]:
    """Evidence ids once each, in first-seen order."""
    return tuple(dict.fromkeys(ids))


def number(value: float) -> str:
    """A score or mean as a clinician reads it: 6, 5.5, 4.3."""
    return f"{value:.1f}".removesuffix(".0")
