"""The rule catalogue as code: one small pure function per rule, registered in `RULES`."""

from shared.rules.base import Evaluation, Finding, Hit, Rule, Tier, rule
from shared.rules.precedence import PRECEDENCE, rank
from shared.rules.registry import (
    DOSE_RULES,
    EVENT_RULES,
    REPORT_RULES,
    RULES,
    TIME_BASED_RULES,
)

__all__ = [
    "DOSE_RULES",
    "EVENT_RULES",
    "PRECEDENCE",
    "REPORT_RULES",
    "RULES",
    "TIME_BASED_RULES",
    "Evaluation",
    "Finding",
    "Hit",
    "Rule",
    "Tier",
    "rank",
    "rule",
]
