"""Scenarios about what did not happen: a bone-agent dose overdue (rule 16) and a patient who
stopped checking in (rule 18)."""

from dataclasses import replace
from random import Random

from shared.synthetic.background import logged, with_bone_agent
from shared.synthetic.story import Story

# Four-weekly interval + 14 days of grace = 42; the last dose is a little older than that.
LAST_DOSE_DAYS_BEFORE_END = 45
SILENT_DAYS = 4


def bone_agent_schedule_gap(story: Story, rng: Random) -> Story:
    """Rule 16: the four-weekly bone agent's last dose was 45 days before the end."""
    del rng
    kind = story.courses[-1].kind if story.courses else "denosumab"
    return with_bone_agent(story, kind, last_dose=story.day_before_end(LAST_DOSE_DAYS_BEFORE_END))


def missed_check_ins(story: Story, rng: Random) -> Story:
    """Rule 18: a patient who checked in most days goes silent for the last four days."""
    story = story.edit_last(SILENT_DAYS + 1, lambda d: logged(rng, story, d))
    return story.edit_last(SILENT_DAYS, lambda d: replace(d, check_ins=(), doses=()))
