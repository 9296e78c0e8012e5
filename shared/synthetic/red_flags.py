"""Scenarios whose pattern is on the day itself: warning symptoms and flagged sites (rules 1-4,
12-14, 17). Each takes a stable story and adds the pattern to its last few days."""

from dataclasses import replace
from random import Random

from shared.synthetic.background import logged, with_bone_agent
from shared.synthetic.story import Pain, Story, with_pain, with_symptoms


def _logged_tail(story: Story, rng: Random, count: int) -> Story:
    """The story with each of its last `count` days logged, so the pattern has a report."""
    return story.edit_last(count, lambda day: logged(rng, story, day))


def mscc_neuro_red_flag(story: Story, rng: Random) -> Story:
    """Rule 1: weakness and difficulty walking reported on the last two days."""
    story = _logged_tail(story, rng, 2)
    return story.edit_last(2, lambda d: with_symptoms(d, "limb_weakness", "difficulty_walking"))


def spinal_pain_red_flag(story: Story, rng: Random) -> Story:
    """Rule 2: band-like thoracic pain, worse at night, on the last three days."""
    pain = Pain("spine_thoracic", 5, ("aching", "band_like"), ("night",))
    return _logged_tail(story, rng, 3).edit_last(3, lambda d: with_pain(d, pain))


def functional_pain_weight_bearing(story: Story, rng: Random) -> Story:
    """Rule 3: left femur pain on weight bearing on the last three days, with a lytic lesion."""
    pain = Pain("femur_left", 5, ("aching",), ("weight_bearing",))
    lesions = tuple(item for item in story.lesions if item[0] != "femur_left")
    story = replace(story, lesions=(*lesions, ("femur_left", "lytic", "gt_two_thirds")))
    return _logged_tail(story, rng, 3).edit_last(3, lambda d: with_pain(d, pain))


def inability_to_bear_weight(story: Story, rng: Random) -> Story:
    """Rule 4: right hip pain and cannot bear weight on the last day."""
    pain = Pain("hip_right", 6, ("sharp",), ("movement",))
    story = _logged_tail(story, rng, 1)
    return story.edit_last(1, lambda d: with_symptoms(with_pain(d, pain), "cannot_bear_weight"))


def possible_mronj(story: Story, rng: Random) -> Story:
    """Rule 12: jaw pain and swelling on the last two days, in a patient on a bone agent."""
    pain = Pain("jaw", 3, ("aching",))
    story = _logged_tail(story, rng, 2)
    return story.edit_last(2, lambda d: with_symptoms(with_pain(d, pain), "jaw_pain_swelling"))


def possible_hypocalcaemia(story: Story, rng: Random) -> Story:
    """Rule 13: cramps and tingling on the last two days, three weeks after a denosumab dose."""
    story = with_bone_agent(story, "denosumab", last_dose=story.day_before_end(21))
    story = _logged_tail(story, rng, 2)
    return story.edit_last(2, lambda d: with_symptoms(d, "muscle_cramps", "tingling_mouth_fingers"))


def possible_hypercalcaemia(story: Story, rng: Random) -> Story:
    """Rule 14: thirst and constipation, new on the last three days (no confusion: urgent)."""
    story = _logged_tail(story, rng, 3)
    return story.edit_last(3, lambda d: with_symptoms(d, "thirst", "constipation"))


def acute_phase_reaction(story: Story, rng: Random) -> Story:
    """Rule 17: fever and aches on the two days after a zoledronic acid infusion."""
    story = with_bone_agent(story, "bisphosphonate", last_dose=story.day_before_end(2))
    story = _logged_tail(story, rng, 2)
    return story.edit_last(2, lambda d: with_symptoms(d, "fever_aches"))
