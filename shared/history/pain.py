"""Pain-score definitions of the catalogue: logged days, daily scores, baselines and trends.

Missing is not "no pain": a day without any report has no daily score at all, and every
average below runs over logged days only.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from statistics import mean, median

from shared.config import RulesConfig
from shared.history.store import Records

BASELINE_MIN_LOGGED_DAYS = 4
RECENT_MIN_LOGGED_DAYS = 3
NEW_SITE_MIN_LOGGED_DAYS = 7
NEW_SITE_LOOKBACK_DAYS = 28
PAIN_DAY_MIN_SCORE = 4


def days_back(day: date, count: int) -> date:
    return day - timedelta(days=count)


def daily_score(records: Records, site: str, day: date) -> int | None:
    """Highest score for the site that day; 0 on a logged day without it; None if not logged."""
    scores = records.derived(("scores", day), lambda: _site_maxima(records, day))
    return None if scores is None else scores.get(site, 0)


def _site_maxima(records: Records, day: date) -> Mapping[str, int] | None:
    reports = records.reports_on(day)
    if not reports:
        return None
    maxima: dict[str, int] = {}
    for report in reports:
        for entry in report.sites:
            maxima[entry.site] = max(entry.score, maxima.get(entry.site, 0))
    return maxima


def daily_scores(records: Records, site: str, first: date, last: date) -> dict[date, int]:
    """Daily scores on the logged days of first..last."""
    return {
        day: score
        for day in records.reports.days_between(first, last)
        if (score := daily_score(records, site, day)) is not None
    }


def baseline(records: Records, site: str, day: date) -> float | None:
    """Median daily score over logged days D-20..D-7 (needs 4 logged days)."""
    scores = daily_scores(records, site, days_back(day, 20), days_back(day, 7))
    return median(scores.values()) if len(scores) >= BASELINE_MIN_LOGGED_DAYS else None


def recent_mean(records: Records, site: str, day: date) -> float | None:
    """Mean daily score over logged days D-6..D (needs 3 logged days)."""
    scores = daily_scores(records, site, days_back(day, 6), day)
    return mean(scores.values()) if len(scores) >= RECENT_MIN_LOGGED_DAYS else None


def rise(records: Records, site: str, day: date) -> float | None:
    recent, base = recent_mean(records, site, day), baseline(records, site, day)
    return None if recent is None or base is None else recent - base


def is_new_site(records: Records, site: str, day: date) -> bool:
    """Pain today at a site that scored 0 on each of >= 7 logged days in D-28..D-1."""
    today = daily_score(records, site, day)
    if today is None or today < 1:
        return False
    before = daily_scores(records, site, days_back(day, NEW_SITE_LOOKBACK_DAYS), days_back(day, 1))
    return len(before) >= NEW_SITE_MIN_LOGGED_DAYS and not any(before.values())


def is_pain_day(records: Records, site: str, day: date) -> bool:
    score = daily_score(records, site, day)
    return score is not None and score >= PAIN_DAY_MIN_SCORE


def pain_days(records: Records, site: str, first: date, last: date) -> list[date]:
    return [
        day
        for day, score in daily_scores(records, site, first, last).items()
        if score >= PAIN_DAY_MIN_SCORE
    ]


def is_persistent(records: Records, site: str, day: date, config: RulesConfig) -> bool:
    """>= 10 pain days for the site among the 14 days D-13..D (both [design], configurable)."""
    first = days_back(day, config.persistent_window_days - 1)
    return len(pain_days(records, site, first, day)) >= config.persistent_min_pain_days


def persistent_sites(records: Records, day: date, config: RulesConfig) -> list[str]:
    first = days_back(day, config.persistent_window_days - 1)
    candidates = sites_reported(records, first, day)
    return sorted(site for site in candidates if is_persistent(records, site, day, config))


def sites_reported(records: Records, first: date, last: date) -> set[str]:
    """Every site any report in first..last lists (the only sites that can have pain there)."""
    return {entry.site for report in records.reports.between(first, last) for entry in report.sites}


def report_ids_listing(records: Records, sites: Iterable[str], days: Iterable[date]) -> list[str]:
    """Ids of the reports on `days` that list any of `sites` with a score above 0."""
    wanted = set(sites)
    return [
        report.id
        for day in days
        for report in records.reports_on(day)
        if any(entry.site in wanted and entry.score > 0 for entry in report.sites)
    ]
