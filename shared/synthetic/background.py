"""The clinically stable patient every scenario starts from.

Controlled pain (each usual site scores its base or one more, base 1-2), one or two check-ins
on most days with about one day in eight missed, a regular opioid twice a day with an
occasional missed dose and 0-2 breakthrough doses, and a bone agent every four weeks.

The limits below keep a stable patient from triggering any rule; each comment names the rule.
"""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from random import Random

from shared.synthetic.story import CheckIn, Course, Day, DoseTaken, Pain, Regimen, Story

# Scores never span more than base..base+1, so no rise of 2 (rules 2c, 15) and no pain day >= 4
# (rules 5, 6). Qualities and aggravators avoid the neuropathic set (rule 11), band_like,
# radiating, night, lying_flat, cough_strain (rule 2b) and weight_bearing (rule 3).
GENTLE_QUALITIES = ("aching", "throbbing", "sharp", "stabbing")
# The jaw is left out: jaw pain in a patient on a bone agent is rule 12.
USUAL_SITES = (
    "skull",
    "spine_cervical",
    "spine_thoracic",
    "spine_lumbar",
    "sacrum",
    "ribs_left",
    "ribs_right",
    "sternum",
    "shoulder_left",
    "humerus_right",
    "pelvis",
    "hip_left",
    "hip_right",
    "femur_left",
    "femur_right",
    "tibia_right",
)
# A breakthrough dose stays at most a quarter of one regular dose, so even two of them lift a
# day's OME by under 1.25 x a baseline lowered by one missed dose (rule 10).
REGIMENS = (
    Regimen("oxycodone", 20, 5),
    Regimen("oxycodone", 10, 2.5),
    Regimen("morphine", 30, 5),
    Regimen("morphine", 60, 10),
)
# Fixed offsets only, so every record's offset is the zone's (IANA's Etc/GMT signs are POSIX:
# Etc/GMT-1 is UTC+01:00).
TIME_ZONES = (("Etc/UTC", 0), ("Etc/GMT-1", 1), ("Etc/GMT-2", 2), ("Etc/GMT+5", -5))
MISSED_DAY_CHANCE = 0.12
# Mostly none, sometimes one, rarely two.
BREAKTHROUGH_PER_DAY = (0, 0, 0, 0, 0, 1, 1, 1, 1, 2)
MISSED_DOSE_CHANCE = 0.03
# The OME baseline needs the first ten days of doses; until then any extra dose can look like
# an escalation (rule 10), so the first two weeks are kept plain.
PLAIN_START_DAYS = 14
# At most one missed regular dose in any 7-day OME baseline window (rule 10).
MISSED_DOSE_SPACING = 10
BONE_AGENT_INTERVAL_DAYS = 28
BONE_AGENTS = (("bisphosphonate", "zoledronic_acid"), ("denosumab", "denosumab"))


def stable_story(rng: Random, until: date, days: int, *, busy: bool = False) -> Story:
    """A stable patient's `days` days ending on `until`; `busy` logs every day, 3 doses each."""
    zone, offset = rng.choice(TIME_ZONES)
    sites = tuple(
        Pain(code, rng.choice((1, 1, 2)), _qualities(rng), rng.choice(((), ("movement",))))
        for code in rng.sample(USUAL_SITES, rng.choice((1, 2)))
    )
    regimen = rng.choice(REGIMENS)
    first = until - timedelta(days=days - 1)
    story = Story(
        offset_hours=offset,
        time_zone=zone,
        regimen=regimen,
        sites=sites,
        lesions=tuple(_lesion(rng, pain.site) for pain in sites),
        days=tuple(_days(rng, first, days, sites, regimen, busy)),
        courses=(),
    )
    agent_kind, _ = rng.choice(BONE_AGENTS)
    return with_bone_agent(story, agent_kind, last_dose=until - timedelta(days=rng.randrange(28)))


def _days(
    rng: Random, first: date, count: int, sites: tuple[Pain, ...], regimen: Regimen, busy: bool
) -> Iterator[Day]:
    last_missed_dose = -MISSED_DOSE_SPACING
    previous_breakthrough = 0
    yesterday_logged = False
    for index in range(count):
        missed = not busy and yesterday_logged and rng.random() < MISSED_DAY_CHANCE
        yesterday_logged = not missed
        plain = index < PLAIN_START_DAYS
        skip = (
            not busy
            and not plain
            and index - last_missed_dose >= MISSED_DOSE_SPACING
            and rng.random() < MISSED_DOSE_CHANCE
        )
        last_missed_dose = index if skip else last_missed_dose
        # Never two days in a row with two breakthrough doses (rule 10 needs three raised days).
        most = 0 if plain else (1 if previous_breakthrough == 2 else 2)
        breakthrough = 1 if busy else min(most, rng.choice(BREAKTHROUGH_PER_DAY))
        previous_breakthrough = breakthrough
        yield Day(
            first + timedelta(days=index),
            () if missed else _check_ins(rng, sites),
            regular_doses(rng, regimen, skip=skip) + breakthrough_doses(rng, regimen, breakthrough),
        )


def logged(rng: Random, story: Story, day: Day) -> Day:
    """The day with at least one check-in (a scenario's pattern needs the day logged)."""
    if day.logged:
        return day
    return replace(day, check_ins=(_check_in(rng, story.sites, _morning(rng)),))


def regular_doses(rng: Random, regimen: Regimen, *, skip: bool = False) -> tuple[DoseTaken, ...]:
    times = (8 * 60 + rng.randrange(-30, 31), 20 * 60 + rng.randrange(-30, 31))
    kept = times[:1] if skip else times
    return tuple(DoseTaken(t, regimen.medication, regimen.scheduled_mg, "scheduled") for t in kept)


def breakthrough_doses(rng: Random, regimen: Regimen, count: int) -> tuple[DoseTaken, ...]:
    minutes = sorted(rng.randrange(10 * 60, 18 * 60) for _ in range(count))
    return tuple(
        DoseTaken(t, regimen.medication, regimen.breakthrough_mg, "breakthrough") for t in minutes
    )


def with_bone_agent(story: Story, kind: str, last_dose: date) -> Story:
    """Replace the bone-agent courses by one dose every four weeks up to `last_dose`."""
    agent = dict(BONE_AGENTS)[kind]
    details = (("agent", agent), ("interval_weeks", BONE_AGENT_INTERVAL_DAYS // 7))
    given: list[Course] = []
    day = last_dose
    while day >= story.days[0].day:
        given.append(Course(kind, started_on=day, ended_on=day, details=details))
        day -= timedelta(days=BONE_AGENT_INTERVAL_DAYS)
    others = tuple(c for c in story.courses if c.kind not in dict(BONE_AGENTS))
    return replace(story, courses=others + tuple(reversed(given)))


def _check_ins(rng: Random, sites: tuple[Pain, ...]) -> tuple[CheckIn, ...]:
    morning = _check_in(rng, sites, _morning(rng))
    if rng.random() < 0.5:
        return (morning,)
    return (morning, _check_in(rng, sites, rng.randrange(19 * 60, 22 * 60 + 30)))


def _check_in(rng: Random, sites: tuple[Pain, ...], minute: int) -> CheckIn:
    pains = tuple(replace(p, score=p.score + (1 if rng.random() < 0.3 else 0)) for p in sites)
    return CheckIn(minute, pains)


def _morning(rng: Random) -> int:
    return rng.randrange(7 * 60, 11 * 60)


def _qualities(rng: Random) -> tuple[str, ...]:
    return tuple(sorted(rng.sample(GENTLE_QUALITIES, rng.choice((1, 2)))))


def _lesion(rng: Random, site: str) -> tuple[str, str, str]:
    return (
        site,
        rng.choice(("lytic", "blastic", "mixed")),
        rng.choice(("lt_third", "third_to_two_thirds")),
    )
