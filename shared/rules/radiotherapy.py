"""Rules 7 and 8: the course of pain at a treated site after palliative radiotherapy."""

from collections.abc import Iterator
from datetime import timedelta

from shared.rules.base import Evaluation, Hit, Tier, number, rule, unique
from shared.vocab import SITES

FLARE_RISE = 2
# A flare shows as pain up with the opioid held, or the opioid up by a quarter.
OME_HELD = 0.75
OME_RAISED = 1.25
PRIORITY_FLARE_SCORE = 8
RESPONSE_POINTS = 2
# Response is assessable only from a worst-pain baseline of 2 (Chow, IJROBP 2012): below it a
# reduction of 2 is impossible, so "no partial response" would fire for every such patient.
ASSESSABLE_BASELINE = 2
NON_RESPONSE_FROM_DAY = 28
FOLLOW_UP_DAYS = 35


def _ome_words(today: float, before: float) -> str:
    return f"OME {number(today)} mg/day against {number(before)} before treatment"


@rule(
    id="post_rt_pain_flare",
    version=1,
    suggested_action=(
        "Expected in about 30-40 %: breakthrough analgesia; the clinician may give dexamethasone."
    ),
    citation="Chow 2005 (Radiother Oncol); SC.23 (Lancet Oncol 2015)",
)
def post_rt_pain_flare(evaluation: Evaluation) -> Iterator[Hit]:
    """Info (priority if the score is >= 8), per treated site, inside a radiotherapy window
    (started_on .. ended_on + 10): the daily score is >= pre-RT baseline + 2 while the daily OME
    is >= 0.75 x pre-RT OME, or the daily OME is >= 1.25 x and above the pre-RT OME while the
    daily score is >= the pre-RT baseline.

    Source: Chow 2005 (Radiother Oncol); SC.23 (Lancet Oncol 2015).
    """
    history, day, config = evaluation.history, evaluation.day, evaluation.config
    windows = [window for window in history.radiotherapy_windows() if window.contains(day)]
    if not windows:
        return
    ome_today = history.daily_ome(day, config)
    for window in windows:
        course = window.treatment
        ome_before = history.pre_rt_ome(course, config)
        for site in course.sites:
            base, score = history.pre_rt_baseline(site, course), history.daily_score(site, day)
            if base is None or score is None:
                continue
            pain_flare = score >= base + FLARE_RISE and ome_today >= OME_HELD * ome_before
            ome_flare = ome_today >= OME_RAISED * ome_before and ome_today > ome_before
            if not (pain_flare or (ome_flare and score >= base)):
                continue
            explanation = (
                f"{SITES[site].label} pain {score}/10 against {number(base)}/10 before "
                f"radiotherapy (started {course.started_on.isoformat()}), "
                f"{_ome_words(ome_today, ome_before)}"
            )
            tier = Tier.PRIORITY if score >= PRIORITY_FLARE_SCORE else Tier.INFO
            # A score of 0 leaves the site off every report, so fall back to the day's reports
            # that rated pain (the ones that say it scored 0).
            reports = history.pain_reports_on(day)
            ids = [report.id for report in reports if report.score_at(site)] or [
                report.id for report in reports
            ]
            if ome_flare:
                ids += [dose.id for dose in history.doses_on(day)]
            yield Hit(tier, explanation, unique(ids), site)


@rule(
    id="post_rt_non_response",
    version=2,
    suggested_action="Re-assess: imaging, fracture, MSCC; consider re-irradiation after 4 weeks.",
    citation="International consensus endpoints (Chow, IJROBP 2012); ASTRO 2017",
)
def post_rt_non_response(evaluation: Evaluation) -> Iterator[Hit]:
    """Priority, per treated site, from ended_on + 11 to ended_on + 35, with the OME not reduced
    (reduced = pre-RT OME > 0 and daily OME <= 0.75 x pre-RT OME): the recent mean is >= pre-RT
    baseline + 2 (progression, at any baseline), or, from ended_on + 28 and only when the pre-RT
    baseline is >= 2, above pre-RT baseline - 2 (no partial response). Below a baseline of 2
    response is not assessable (consensus), so only progression fires.

    Version 2: the baseline >= 2 condition on "no partial response" (version 1 had none).

    Source: International consensus endpoints (Chow, IJROBP 2012); ASTRO 2017.
    """
    history, day, config = evaluation.history, evaluation.day, evaluation.config
    windows = [
        window
        for window in history.radiotherapy_windows()
        if window.last_day < day and (day - window.ended_on).days <= FOLLOW_UP_DAYS
    ]
    if not windows:
        return
    ome_today = history.daily_ome(day, config)
    recent_ids = unique(
        report.id
        for each in history.logged_days(day - timedelta(days=6), day)
        for report in history.pain_reports_on(each)
    )
    for window in windows:
        course = window.treatment
        since_end = (day - window.ended_on).days
        ome_before = history.pre_rt_ome(course, config)
        if ome_before > 0 and ome_today <= OME_HELD * ome_before:
            continue
        for site in course.sites:
            base, recent = history.pre_rt_baseline(site, course), history.recent_mean(site, day)
            if base is None or recent is None:
                continue
            assessable = base >= ASSESSABLE_BASELINE
            if recent >= base + RESPONSE_POINTS:
                finding = "worse than before radiotherapy"
            elif (
                assessable
                and since_end >= NON_RESPONSE_FROM_DAY
                and recent > base - RESPONSE_POINTS
            ):
                finding = f"no partial response {since_end} days after radiotherapy"
            else:
                continue
            explanation = (
                f"{SITES[site].label} pain {finding}: mean {number(recent)}/10 over the last "
                f"7 days against {number(base)}/10 before treatment (ended "
                f"{window.ended_on.isoformat()}), {_ome_words(ome_today, ome_before)}"
            )
            yield Hit(Tier.PRIORITY, explanation, recent_ids, site)
