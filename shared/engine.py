"""The engine: run the registered rules on a history at `now` and apply the precedence.

Per site, one site-level finding survives (highest tier, ties broken by the catalogue's rank);
patient-level findings are all kept; the result is sorted by tier, then rank.
"""

from collections.abc import Iterable
from datetime import datetime

from shared.config import RulesConfig
from shared.history import PatientHistory
from shared.rules import EVENT_RULES, Evaluation, Finding, Rule, rank


def evaluate(
    history: PatientHistory,
    now: datetime,
    config: RulesConfig,
    *,
    rules: Iterable[Rule] = EVENT_RULES,
) -> list[Finding]:
    """Findings at `now` (aware; its local date is the evaluation day D).

    Records made after `now` are not seen. `rules` defaults to the rules run after each
    record; pass `TIME_BASED_RULES` for the end-of-day and scheduler ticks.
    """
    return apply_precedence(run_rules(evaluation_at(history, now, config), rules))


def evaluation_at(history: PatientHistory, now: datetime, config: RulesConfig) -> Evaluation:
    """What the rules read at `now`: the history as of `now`, and D = the local date of `now`."""
    if now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (with a UTC offset)")
    return Evaluation(history.as_of(now), now, now.date(), config)


def run_rules(evaluation: Evaluation, rules: Iterable[Rule]) -> list[Finding]:
    """Every finding of `rules`, before precedence (replay combines such lists)."""
    findings: list[Finding] = []
    for rule in rules:
        findings += rule.findings(evaluation)
    return findings


def apply_precedence(findings: Iterable[Finding]) -> list[Finding]:
    kept_per_site: dict[str, Finding] = {}
    patient_level: list[Finding] = []
    for finding in findings:
        if finding.site is None:
            patient_level.append(finding)
            continue
        current = kept_per_site.get(finding.site)
        if current is None or _outranks(finding, current):
            kept_per_site[finding.site] = finding
    return sorted([*patient_level, *kept_per_site.values()], key=_order)


def _outranks(finding: Finding, other: Finding) -> bool:
    return _order(finding) < _order(other)


def _order(finding: Finding) -> tuple[int, int, str]:
    return (-finding.tier.severity, rank(finding.rule), finding.site or "")
