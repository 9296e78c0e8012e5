"""Rule 2: spinal pain with red-flag features, per spinal site."""

from collections.abc import Iterator
from datetime import date, timedelta

from shared.history import PatientHistory
from shared.history.pain import sites_reported
from shared.rules.base import Evaluation, Hit, Tier, number, rule, unique
from shared.vocab import SITES, SPINAL_SITES

CORD_LEVEL_SITES = ("spine_cervical", "spine_thoracic")
LOW_BACK_SITES = ("spine_lumbar", "sacrum")
RED_FLAG_AGGRAVATORS = ("cough_strain", "lying_flat", "night")
RED_FLAG_QUALITIES = ("band_like", "radiating")
NEW_SITE_MIN_SCORE = 3
MIN_RISE = 2
FEATURE_WORDS = {
    "cough_strain": "worse on coughing or straining",
    "lying_flat": "worse lying flat",
    "night": "worse at night",
    "band_like": "band-like",
    "radiating": "radiating",
}
SEVERE_SCORE = 7
SEVERE_RUN_DAYS = 3
BASELINE_FIRST_DAY = 20


def _ids_listing(history: PatientHistory, site: str, day: date) -> list[str]:
    return [report.id for report in history.same_day_reports(day) if report.score_at(site)]


def _new_at_cord_level(history: PatientHistory, site: str, day: date) -> str | None:
    score = history.daily_score(site, day)
    if site not in CORD_LEVEL_SITES or score is None or score < NEW_SITE_MIN_SCORE:
        return None
    if not history.is_new_site(site, day):
        return None
    return f"{SITES[site].label} pain {score}/10, new in the last 28 days"


def _red_flag_features(
    history: PatientHistory, site: str, day: date
) -> tuple[str | None, list[str]]:
    features: list[str] = []
    ids: list[str] = []
    for report in history.same_day_reports(day):
        entry = report.score_at(site)
        if entry is None or entry.score < 1:
            continue
        found = [a for a in RED_FLAG_AGGRAVATORS if a in entry.aggravated_by] + [
            q for q in RED_FLAG_QUALITIES if q in entry.qualities
        ]
        if found:
            ids.append(report.id)
            features += [f"{FEATURE_WORDS[code]} ({entry.score}/10)" for code in found]
    if not features:
        return None, ids
    return f"{SITES[site].label} pain {', '.join(dict.fromkeys(features))}", ids


def _low_back_rise(history: PatientHistory, site: str, day: date) -> str | None:
    if site not in LOW_BACK_SITES:
        return None
    rise, recent, base = (
        history.rise(site, day),
        history.recent_mean(site, day),
        history.baseline(site, day),
    )
    if rise is None or recent is None or base is None or rise < MIN_RISE:
        return None
    return (
        f"{SITES[site].label} pain up {number(rise)} points: mean {number(recent)}/10 over the "
        f"last 7 days against a baseline of {number(base)}/10"
    )


def _severe_run(history: PatientHistory, site: str, day: date) -> tuple[str | None, list[date]]:
    days = [day - timedelta(days=back) for back in reversed(range(SEVERE_RUN_DAYS))]
    scores = [history.daily_score(site, each) for each in days]
    if not all(score is not None and score >= SEVERE_SCORE for score in scores):
        return None, []
    listed = ", ".join(f"{score}/10" for score in scores)
    return f"{SITES[site].label} pain 7/10 or more on 3 days running ({listed})", days


@rule(
    id="spinal_pain_red_flag",
    version=1,
    suggested_action=(
        "Discuss with the MSCC coordinator within 24 h; MRI of the whole spine within 1 week."
    ),
    citation="NICE CG75; NICE NG234; QS56",
    reads_doses=False,
)
def spinal_pain_red_flag(evaluation: Evaluation) -> Iterator[Hit]:
    """Urgent, per spinal site, on any of: (a) a new cervical or thoracic site scoring >= 3;
    (b) a score >= 1 that day with cough or strain, lying flat or night as aggravator, or a
    band-like or radiating quality; (c) a rise >= 2 at the lumbar spine or sacrum; (d) a daily
    score >= 7 on 3 consecutive days ending on D.

    Source: NICE CG75; NICE NG234; QS56.
    """
    history, day = evaluation.history, evaluation.day
    # A site no report listed in the baseline window scores 0 throughout and cannot fire.
    listed = sites_reported(history, day - timedelta(days=BASELINE_FIRST_DAY), day)
    for site in sorted(SPINAL_SITES & listed):
        reasons: list[str] = []
        evidence: list[str] = []
        if new := _new_at_cord_level(history, site, day):
            reasons.append(new)
            evidence += _ids_listing(history, site, day)
        features, feature_ids = _red_flag_features(history, site, day)
        if features:
            reasons.append(features)
            evidence += feature_ids
        if rising := _low_back_rise(history, site, day):
            reasons.append(rising)
            recent_days = history.logged_days(day - timedelta(days=6), day)
            evidence += [i for each in recent_days for i in _ids_listing(history, site, each)]
        severe, severe_days = _severe_run(history, site, day)
        if severe:
            reasons.append(severe)
            evidence += [i for each in severe_days for i in _ids_listing(history, site, each)]
        if reasons:
            yield Hit(Tier.URGENT, "; ".join(reasons), unique(evidence), site)
