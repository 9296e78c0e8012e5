"""Synthetic patient histories for the benchmark, the alert-burden check and demo data.

Pure: a seed and an end date in, a replay input document out (`{"patient", "reports", "doses",
"treatments", "until"}` in wire format v1, as `python -m shared.replay` reads it). Everything
random comes from `random.Random(seed)`, ids included, so a seed always gives the same patient.

Scenarios: `stable` (a clinically stable patient who triggers no rule) and one per catalogue
rule, named by the rule id, each a stable patient whose last days show that rule's pattern.
"""

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from random import Random
from types import MappingProxyType
from typing import Any

from shared.synthetic import red_flags, schedules, trends
from shared.synthetic.background import stable_story
from shared.synthetic.render import render
from shared.synthetic.story import Story

STABLE = "stable"
DEFAULT_DAYS = 90
BUSY_DAYS = 365
# Enough history for the longest pattern (seven weeks of climbing pain) and its baselines.
MIN_SCENARIO_DAYS = 60

Scenario = Callable[[Story, Random], Story]


def _unchanged(story: Story, rng: Random) -> Story:
    del rng
    return story


# Catalogue order (rules 1-18).
SCENARIOS: Mapping[str, Scenario] = MappingProxyType(
    {
        STABLE: _unchanged,
        "mscc_neuro_red_flag": red_flags.mscc_neuro_red_flag,
        "spinal_pain_red_flag": red_flags.spinal_pain_red_flag,
        "functional_pain_weight_bearing": red_flags.functional_pain_weight_bearing,
        "inability_to_bear_weight": red_flags.inability_to_bear_weight,
        "persistent_focal_pain": trends.persistent_focal_pain,
        "widespread_bone_pain": trends.widespread_bone_pain,
        "post_rt_pain_flare": trends.post_rt_pain_flare,
        "post_rt_non_response": trends.post_rt_non_response,
        "breakthrough_overuse": trends.breakthrough_overuse,
        "opioid_escalation": trends.opioid_escalation,
        "neuropathic_features": trends.neuropathic_features,
        "possible_mronj": red_flags.possible_mronj,
        "possible_hypocalcaemia": red_flags.possible_hypocalcaemia,
        "possible_hypercalcaemia": red_flags.possible_hypercalcaemia,
        "severe_or_worsening_pain": trends.severe_or_worsening_pain,
        "bone_agent_schedule_gap": schedules.bone_agent_schedule_gap,
        "acute_phase_reaction": red_flags.acute_phase_reaction,
        "missed_check_ins": schedules.missed_check_ins,
    }
)


def generate(
    seed: int, until: date, scenario: str = STABLE, days: int = DEFAULT_DAYS
) -> dict[str, Any]:
    """One patient's `days` days of records ending on `until`, showing `scenario`."""
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario '{scenario}'; expected one of {', '.join(SCENARIOS)}")
    least = 1 if scenario == STABLE else MIN_SCENARIO_DAYS
    if days < least:
        raise ValueError(f"scenario '{scenario}' needs at least {least} days, got {days}")
    rng = Random(seed)
    story = SCENARIOS[scenario](stable_story(rng, until, days), rng)
    return render(story, rng)


def cohort(seed: int, until: date, n: int, days: int = DEFAULT_DAYS) -> Iterator[dict[str, Any]]:
    """`n` different stable patients, each `days` days ending on `until`."""
    seeds = Random(seed)
    for _ in range(n):
        yield generate(seeds.getrandbits(64), until, STABLE, days)


def busy_patient(seed: int, until: date, days: int = BUSY_DAYS) -> dict[str, Any]:
    """The benchmark's patient: 1-2 reports and 3 doses (2 regular, 1 breakthrough) every day."""
    rng = Random(seed)
    return render(stable_story(rng, until, days, busy=True), rng)


__all__ = ["SCENARIOS", "STABLE", "busy_patient", "cohort", "generate"]
