"""Scenarios whose pattern builds over days: pain trends, radiotherapy courses and opioid use
(rules 5-11, 15). Each takes a stable story and lets the pattern appear near its end."""

from dataclasses import replace
from datetime import timedelta
from random import Random

from shared.synthetic.background import (
    breakthrough_doses,
    logged,
    regular_doses,
)
from shared.synthetic.story import Course, Day, Pain, Story, with_pain
from shared.vocab import SITES, SPINAL_SITES

# Persistent pain arrives in steps of one point a fortnight: (days, score). A baseline is the
# median of days D-20..D-7, so a one-point step never reads as a rise of 2 (rules 2c and 15
# stay quiet) while the last fortnight's pain days make the site persistent (rules 5, 6).
PAIN_STEPS = ((14, 2), (21, 3), (14, 4))
WIDESPREAD_REGIONS = 3
# The pre-RT baseline is read from the 7 days before a course starts (rules 7 and 8).
PRE_RT_DAYS = 7


def persistent_focal_pain(story: Story, rng: Random) -> Story:
    """Rule 5: one usual site climbs to 4-5 and stays there for the last fortnight."""
    return _climb(story, rng, (story.sites[0],))


def widespread_bone_pain(story: Story, rng: Random) -> Story:
    """Rule 6: three sites in three regions climb together to 4-5 for the last fortnight."""
    by_region: dict[str, list[str]] = {}
    # Spinal sites and the jaw would start other rules (2 and 12) as new sites.
    for code, site in SITES.items():
        if code not in SPINAL_SITES and code != "jaw":
            by_region.setdefault(site.region, []).append(code)
    regions = rng.sample(sorted(by_region), WIDESPREAD_REGIONS)
    return _climb(story, rng, tuple(Pain(rng.choice(by_region[r]), 2) for r in regions))


def post_rt_pain_flare(story: Story, rng: Random) -> Story:
    """Rule 7: a single 8 Gy fraction five days before the end, then two days of +3 pain."""
    site = story.sites[0]
    given = story.day_before_end(5)
    course = Course("radiotherapy", given, given, (site.site,), (("dose_gy", 8), ("fractions", 1)))
    flare = replace(site, score=site.score + 3)
    story = replace(story, courses=(*story.courses, course))
    return story.edit_last(
        2, lambda d: _full_schedule(rng, story, with_pain(logged(rng, story, d), flare))
    )


def post_rt_non_response(story: Story, rng: Random) -> Story:
    """Rule 8: 20 Gy in 5 fractions ending 30 days before the end; the pain has not eased."""
    site = story.sites[0]
    ended = story.day_before_end(30)
    course = Course(
        "radiotherapy",
        ended - timedelta(days=4),
        ended,
        (site.site,),
        (("dose_gy", 20), ("fractions", 5)),
    )
    story = replace(story, courses=(*story.courses, course))
    # One point above its base from the week before the course to the end: a pre-RT baseline
    # of at least 2, so response is assessable (Chow, IJROBP 2012), then not better (no partial
    # response) and not a rise of 2.
    unchanged = replace(site, score=site.score + 1)
    first_pre_rt_day = course.started_on - timedelta(days=PRE_RT_DAYS)
    days = (story.until - first_pre_rt_day).days + 1
    story = story.edit_last(days, lambda d: with_pain(d, unchanged))
    return story.edit_last(3, lambda d: _full_schedule(rng, story, logged(rng, story, d)))


def breakthrough_overuse(story: Story, rng: Random) -> Story:
    """Rule 9: three breakthrough doses on the day before the end, four on the last day."""
    days = list(story.days)
    for back, count in ((2, 3), (1, 4)):
        day = days[-back]
        doses = regular_doses(rng, story.regimen) + breakthrough_doses(rng, story.regimen, count)
        days[-back] = replace(day, doses=doses)
    return replace(story, days=tuple(days))


def opioid_escalation(story: Story, rng: Random) -> Story:
    """Rule 10: the regular opioid doubled on the last three days."""
    doubled = replace(story.regimen, scheduled_mg=story.regimen.scheduled_mg * 2)
    return story.edit_last(3, lambda d: replace(d, doses=regular_doses(rng, doubled)))


def neuropathic_features(story: Story, rng: Random) -> Story:
    """Rule 11: burning, shooting pain at a usual site on the last five days, no agent."""
    site = story.sites[0]
    pain = replace(site, qualities=(*site.qualities, "burning", "shooting"))
    return story.edit_last(5, lambda d: with_pain(logged(rng, story, d), pain))


def severe_or_worsening_pain(story: Story, rng: Random) -> Story:
    """Rule 15: a limb or chest site at 7, then 8, on the last two days."""
    usual = [pain for pain in story.sites if pain.site not in SPINAL_SITES]
    site = usual[0] if usual else Pain("humerus_left", 0)
    days = list(story.days)
    for back, score in ((2, 7), (1, 8)):
        days[-back] = with_pain(logged(rng, story, days[-back]), replace(site, score=score))
    return replace(story, days=tuple(days))


def _climb(story: Story, rng: Random, sites: tuple[Pain, ...]) -> Story:
    total = sum(length for length, _ in PAIN_STEPS)
    levels = [score for length, score in PAIN_STEPS for _ in range(length)]
    # The last step has a 5 every fourth day: at most two in any week keeps the rise under 2.
    levels[-14:] = [5 if index % 4 == 3 else 4 for index in range(14)]
    days = list(story.days)
    for back, level in zip(range(total, 0, -1), levels, strict=True):
        day = logged(rng, story, days[-back])
        for pain in sites:
            day = with_pain(day, replace(pain, score=level))
        days[-back] = day
    return replace(story, days=tuple(days))


def _full_schedule(rng: Random, story: Story, day: Day) -> Day:
    """The day without a missed regular dose (a lower OME would read as a response)."""
    breakthrough = tuple(dose for dose in day.doses if dose.purpose == "breakthrough")
    return replace(day, doses=regular_doses(rng, story.regimen) + breakthrough)
