"""Hypothesis strategies for valid patient histories, built through the wire schemas."""

from datetime import timedelta

from hypothesis import strategies as st

from shared.vocab import AGGRAVATORS, QUALITIES, SYMPTOMS
from tests.shared.builders import D, day, dose, moment, radiotherapy, report, site

SITES = ("spine_thoracic", "spine_lumbar", "sacrum", "femur_left", "pelvis", "skull", "ribs_left")
OFFSETS = (-12, -5, 0, 5.5, 10, 14)
# Opioids in their OME units, a patch, an unconverted opioid and a bone agent.
MEDICATIONS = (
    ("oxycodone", "mg", "oral"),
    ("morphine", "mg", "sc"),
    ("fentanyl_patch", "mcg/h", "transdermal"),
    ("methadone", "mg", "oral"),
    ("paracetamol", "mg", "oral"),
    ("denosumab", "mg", "sc"),
)

site_scores = st.builds(
    lambda code, score, qualities, aggravators: site(
        code, score, qualities=qualities, aggravated_by=aggravators
    ),
    st.sampled_from(SITES),
    st.integers(0, 10),
    st.lists(st.sampled_from(QUALITIES), max_size=2, unique=True),
    st.lists(st.sampled_from(AGGRAVATORS), max_size=2, unique=True),
)


@st.composite
def reports(draw, first_day=-60):
    chosen = draw(st.lists(site_scores, max_size=3, unique_by=lambda s: s["site"]))
    # Without sites a check-in is pain-free, or (`pain_rated: false`) did not rate pain.
    unrated = {} if chosen or draw(st.booleans()) else {"pain_rated": False}
    return report(
        day(draw(st.integers(first_day, 0))),
        *chosen,
        symptoms=draw(st.lists(st.sampled_from(SYMPTOMS), max_size=2, unique=True)),
        hour=draw(st.integers(0, 23)),
        minute=draw(st.sampled_from((0, 30, 59))),
        offset_hours=draw(st.sampled_from(OFFSETS)),
        **unrated,
    )


@st.composite
def doses(draw, first_day=-60):
    medication, unit, route = draw(st.sampled_from(MEDICATIONS))
    return dose(
        day(draw(st.integers(first_day, 0))),
        medication,
        draw(st.sampled_from((5, 10, 25, 60))),
        unit=unit,
        route=route,
        purpose=draw(st.sampled_from(("scheduled", "breakthrough"))),
        hour=draw(st.integers(0, 23)),
        offset_hours=draw(st.sampled_from(OFFSETS)),
    )


@st.composite
def courses(draw):
    start = day(draw(st.integers(-80, 0)))
    length = timedelta(days=draw(st.integers(0, 14)))
    sites = draw(st.lists(st.sampled_from(SITES), min_size=1, max_size=2, unique=True))
    return radiotherapy(sites, start, start + length)


@st.composite
def records(draw):
    """Reports, doses and treatments of one patient; many reports so the trend rules can fire."""
    steady = draw(st.sampled_from(SITES))
    base = [
        report(on, site(steady, draw(st.integers(0, 9))))
        for on in (day(-n) for n in range(draw(st.integers(0, 30))))
    ]
    return (
        base + draw(st.lists(reports(), max_size=25)),
        draw(st.lists(doses(), max_size=15)),
        draw(st.lists(courses(), max_size=2)),
    )


evaluation_times = st.builds(
    lambda hour, offset: moment(D, hour, offset_hours=offset),
    st.integers(0, 23),
    st.sampled_from(OFFSETS),
)
