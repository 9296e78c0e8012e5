"""Pain-score definitions of the catalogue: logged days, daily scores, baselines and trends.

Missing is not "no pain": a day without any report has no daily score at all, and every
average below runs over logged days only. Only reports that rate pain count here: a day whose
only check-in says `pain_rated: false` (symptoms only) is not logged, like a missing day.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from statistics import median

from shared.config import RulesConfig
from shared.history.store import Records

BASELINE_MIN_LOGGED_DAYS = 4
RECENT_MIN_LOGGED_DAYS = 3
NEW_SITE_MIN_LOGGED_DAYS = 7
NEW_SITE_LOOKBACK_DAYS = 28
PAIN_DAY_MIN_SCORE = 4
_SCORES = "scores"


def days_back(day: date, count: int) -> date:
    return day - timedelta(days=count)


def daily_score(records: Records, site: str, day: date) -> int | None:
    """Highest score for the site that day; 0 on a logged day without it; None if not logged."""
    scores = site_maxima(records, day)
    return None if scores is None else scores.get(site, 0)


def site_maxima(records: Records, day: date) -> Mapping[str, int] | None:
    """Each listed site's highest score that day (0 if listed at 0); None if not logged."""
    # The hottest read of the engine, so the cache is read here without `derived`'s closure.
    cache = records.cache_for(day)
    key = (_SCORES, day)
    if key in cache:
        found: Mapping[str, int] | None = cache[key]
        return found
    computed = cache[key] = _site_maxima(records, day)
    return computed


def _site_maxima(records: Records, day: date) -> Mapping[str, int] | None:
    reports = records.pain_reports_on(day)
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
        for day in records.pain_reports.days_between(first, last)
        if (score := daily_score(records, site, day)) is not None
    }


def baseline(records: Records, site: str, day: date) -> float | None:
    """Median daily score over logged days D-20..D-7 (needs 4 logged days)."""
    last = days_back(day, 7)
    return records.derived(last, ("baseline", site, day), lambda: _baseline(records, site, day))


def _baseline(records: Records, site: str, day: date) -> float | None:
    scores = daily_scores(records, site, days_back(day, 20), days_back(day, 7))
    return median(scores.values()) if len(scores) >= BASELINE_MIN_LOGGED_DAYS else None


def recent_mean(records: Records, site: str, day: date) -> float | None:
    """Mean daily score over logged days D-6..D (needs 3 logged days)."""
    scores = daily_scores(records, site, days_back(day, 6), day)
    if len(scores) < RECENT_MIN_LOGGED_DAYS:
        return None
    # Whole numbers: the sum is exact, so this equals statistics.mean at a fraction of its cost.
    return sum(scores.values()) / len(scores)


def rise(records: Records, site: str, day: date) -> float | None:
    recent, base = recent_mean(records, site, day), baseline(records, site, day)
    return None if recent is None or base is None else recent - base


def is_new_site(records: Records, site: str, day: date) -> bool:
    """Pain today at a site that scored 0 on each of >= 7 logged days in D-28..D-1."""
    today = daily_score(records, site, day)
    if today is None or today < 1:
        return False
    first, last = days_back(day, NEW_SITE_LOOKBACK_DAYS), days_back(day, 1)
    logged = records.pain_reports.days_between(first, last)
    # Newest first: a usual site scored yesterday settles it at once.
    return len(logged) >= NEW_SITE_MIN_LOGGED_DAYS and not any(
        daily_score(records, site, each) for each in reversed(logged)
    )


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
    """The persistent sites on D, from one pass over the days D-13..D."""
    kept, sites = records.derived(
        day, ("persistent", day, id(config)), lambda: (config, _persistent(records, day, config))
    )
    return list(sites) if kept is config else _persistent(records, day, config)


def _persistent(records: Records, day: date, config: RulesConfig) -> list[str]:
    first = days_back(day, config.persistent_window_days - 1)
    counts: dict[str, int] = {}
    for each in records.pain_reports.days_between(first, day):
        for site, score in (site_maxima(records, each) or {}).items():
            if score >= PAIN_DAY_MIN_SCORE:
                counts[site] = counts.get(site, 0) + 1
    return sorted(
        site for site, count in counts.items() if count >= config.persistent_min_pain_days
    )


def sites_reported(records: Records, first: date, last: date) -> set[str]:
    """Every site any report in first..last lists (the only sites that can have pain there)."""
    if first > last:
        return set()
    # The days before `last` are the same for every evaluation on one day: worked out once.
    before = days_back(last, 1)
    earlier = records.derived(
        before, ("sites", first, before), lambda: _listed(records, first, before)
    )
    return {*earlier, *(site_maxima(records, last) or ())}


def _listed(records: Records, first: date, last: date) -> frozenset[str]:
    listed: set[str] = set()
    for day in records.pain_reports.days_between(first, last):
        listed.update(site_maxima(records, day) or ())
    return frozenset(listed)


def report_ids_listing(records: Records, sites: Iterable[str], days: Iterable[date]) -> list[str]:
    """Ids of the reports on `days` that list any of `sites` with a score above 0."""
    wanted = set(sites)
    return [
        report.id
        for day in days
        for report in records.pain_reports_on(day)
        if any(entry.site in wanted and entry.score > 0 for entry in report.sites)
    ]
