"""Rule 15: severe or clearly worsening pain at a site (the patient-reported outcome alert)."""

from collections.abc import Iterator
from datetime import date, timedelta

from shared.history import PatientHistory
from shared.history.pain import sites_reported
from shared.rules.base import Evaluation, Hit, Tier, number, rule, unique
from shared.vocab import SITES

SEVERE_SCORE = 7
URGENT_SCORE = 9
MIN_RISE = 2
# A rise must also be 30 % of the baseline: the smallest change patients call meaningful.
MIN_RELATIVE_RISE = 0.3
RECENT_DAYS = 7
# Inside a radiotherapy window a rise is the expected flare (rule 7), so it counts one tier less.
DROPPED = {Tier.URGENT: Tier.PRIORITY, Tier.PRIORITY: Tier.ROUTINE}


def _listing(history: PatientHistory, site: str, days: list[date]) -> list[str]:
    return [r.id for each in days for r in history.same_day_reports(each) if r.score_at(site)]


def _reasons(history: PatientHistory, site: str, day: date) -> tuple[list[str], list[str]]:
    label = SITES[site].label
    reasons: list[str] = []
    evidence: list[str] = []
    yesterday = day - timedelta(days=1)
    score, before = history.daily_score(site, day), history.daily_score(site, yesterday)
    if score is not None and before is not None and min(score, before) >= SEVERE_SCORE:
        reasons.append(f"{label} pain {before}/10 and {score}/10 on 2 consecutive days")
        evidence += _listing(history, site, [yesterday, day])
    rise, base = history.rise(site, day), history.baseline(site, day)
    if rise is not None and base and rise >= MIN_RISE and rise >= MIN_RELATIVE_RISE * base:
        recent = history.logged_days(day - timedelta(days=RECENT_DAYS - 1), day)
        reasons.append(
            f"{label} pain up {number(rise)} points ({round(100 * rise / base)} %): mean "
            f"{number(base + rise)}/10 over the last {RECENT_DAYS} days against a baseline of "
            f"{number(base)}/10"
        )
        evidence += _listing(history, site, list(recent))
    if score is not None and score >= SEVERE_SCORE and history.is_new_site(site, day):
        reasons.append(f"{label} pain {score}/10 at a site free of pain for the last 28 days")
        evidence += _listing(history, site, [day])
    return reasons, evidence


@rule(
    id="severe_or_worsening_pain",
    version=1,
    suggested_action="Nurse call within 24-48 h; analgesic review.",
    citation="Basch 2016/2017 (STAR); PRO-TECT 2022; Serlin 1995; Farrar 2001",
    reads_doses=False,
)
def severe_or_worsening_pain(evaluation: Evaluation) -> Iterator[Hit]:
    """Priority (urgent if the daily score on D is >= 9), per site: a daily score >= 7 on D-1
    and D; or a rise >= 2 that is also >= 30 % of a baseline above 0; or a new site scoring
    >= 7. Inside a radiotherapy window for the site it drops one tier (priority to routine)
    unless the score is >= 9.

    Source: Basch 2016/2017 (STAR); PRO-TECT 2022; Serlin 1995; Farrar 2001.
    """
    history, day = evaluation.history, evaluation.day
    for site in sorted(sites_reported(history, day - timedelta(days=RECENT_DAYS - 1), day)):
        reasons, evidence = _reasons(history, site, day)
        if not reasons:
            continue
        score = history.daily_score(site, day)
        very_severe = score is not None and score >= URGENT_SCORE
        tier = Tier.URGENT if very_severe else Tier.PRIORITY
        in_window = any(w.contains(day) for w in history.radiotherapy_windows(site))
        if in_window and not very_severe:
            tier = DROPPED[tier]
            reasons.append("inside the radiotherapy flare window, so one tier lower")
        yield Hit(tier, "; ".join(reasons), unique(evidence), site)
