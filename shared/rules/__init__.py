"""The rule catalogue as code: one small pure function per rule, registered in `RULES`."""

from shared.rules.base import Evaluation, Finding, Hit, Rule, Tier, rule
from shared.rules.precedence import PRECEDENCE, rank
from shared.rules.registry import EVENT_RULES, RULES, TIME_BASED_RULES

__all__ = [
    "EVENT_RULES",
    "PRECEDENCE",
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
