"""The rule catalogue as Markdown, written from the registry so the documentation cannot drift.

Each rule's docstring opens with its tier and its trigger in words ("Priority, per site: ...");
the tier is the phrase before the first comma or colon outside brackets, the trigger the rest.
`python -m shared.rules` prints this; `docs/rules.md` holds its output.
"""

from collections.abc import Iterable

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
    return HEADER + "".join(rows)
