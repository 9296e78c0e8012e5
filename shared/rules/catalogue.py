"""The rule catalogue as Markdown, written from the registry so the documentation cannot drift.

Each rule's docstring opens with its tier and its trigger in words ("Priority, per site: ...");
the tier is the phrase before the first comma or colon outside brackets, the trigger the rest.
Below the table come the definitions that decide which reports a rule reads, each from the
docstring of the `PatientHistory` method that implements it ("Term: meaning").
`python -m shared.rules` prints this; `docs/rules.md` holds its output.
"""

from collections.abc import Callable, Iterable
from typing import Any

from shared.history import PatientHistory
from shared.rules.base import Rule

HEADER = (
    "# Rule catalogue\n"
    "\n"
    "Printed by `python -m shared.rules` from the rule registry (`shared/rules/registry.py`); "
    "a test keeps this file equal to that output. Thresholds marked [design] are configurable "
    "per deployment. Time-based rules run on a clock tick (end of day in replay, the scheduler "
    "on the server), the others after each record.\n"
    "\n"
    "| # | id | version | tier | trigger | suggested action | source |\n"
    "|---|---|---|---|---|---|---|\n"
)


# In clinical-rules.md terms: which check-ins count for pain, and which for everything else.
DEFINITIONS: tuple[Callable[..., Any], ...] = (
    PatientHistory.check_in_days,
    PatientHistory.logged_days,
    PatientHistory.daily_score,
    PatientHistory.same_day_reports,
)

DEFINITIONS_HEADER = (
    "\n"
    "## Definitions\n"
    "\n"
    "The catalogue's definitions that say which check-ins a rule reads, from the "
    "`PatientHistory` methods that implement them. A report with `pain_rated: false` (symptoms "
    "ticked, no site, and the patient did not say there was no pain) is a check-in but no logged "
    "day: the pain rules treat its day exactly like a missing day, its symptoms count for the "
    "symptom rules, and it breaks the silence of rule 18, which counts check-in days.\n"
    "\n"
)


def summary(rule: Rule) -> str:
    """The docstring's first paragraph (tier and trigger) on one line."""
    paragraph = (rule.check.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(paragraph.split())


def tier_and_trigger(rule: Rule) -> tuple[str, str]:
    text = summary(rule)
    depth = 0
    for position, character in enumerate(text):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth == 0 and character in ",:":
            return _lower_first(text[:position]), text[position + 1 :].strip()
    return _lower_first(text), ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def definition(method: Callable[..., Any]) -> str:
    """One definition as a list item: the term in bold, the method, the meaning."""
    term, _, meaning = " ".join((method.__doc__ or "").split()).partition(": ")
    return f"- **{term}** (`{method.__name__}`): {meaning}\n"


def definitions_markdown() -> str:
    return DEFINITIONS_HEADER + "".join(definition(method) for method in DEFINITIONS)


def catalogue_markdown(rules: Iterable[Rule]) -> str:
    rows = []
    for number, rule in enumerate(rules, start=1):
        tier, trigger = tier_and_trigger(rule)
        cells = [
            str(number),
            f"`{rule.id}`",
            str(rule.version),
            tier,
            trigger,
            rule.suggested_action,
            rule.citation,
        ]
        rows.append("| " + " | ".join(_cell(cell) for cell in cells) + " |\n")
    return HEADER + "".join(rows) + definitions_markdown()
