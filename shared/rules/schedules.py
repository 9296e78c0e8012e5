"""Time-based rules 16 and 18: what should have happened by D and did not.

They run on a clock tick (end of day in replay, the scheduler on the server), not after each
record, because what they notice is the absence of a record.
"""

from collections.abc import Iterator
from datetime import timedelta

from shared.history import WINDOW_DAYS
from shared.rules.base import Evaluation, Hit, Tier, rule
from shared.rules.words import medicine_words


@rule(
    id="bone_agent_schedule_gap",
    version=1,
    suggested_action=(
        "Confirm the intended schedule (rebound fracture risk after denosumab stops)."
    ),
    citation="ASCO/CCO 2017; grace period [design]",
    time_based=True,
)
def bone_agent_schedule_gap(evaluation: Evaluation) -> Iterator[Hit]:
    """Routine, for the patient (time-based): the last bone-agent dose (denosumab or a
    bisphosphonate, treatment or dose record) was interval_weeks x 7 + 14 days or more before D
    (the interval of the latest treatment record that gives one, else 4 weeks; both [design],
    configurable), and no `stopped` record is dated on or after that dose.

    Source: ASCO/CCO 2017; grace period [design].
    """
    history, day, config = evaluation.history, evaluation.day, evaluation.config
    given = history.bone_agent_doses_until(day)
    if not given:
        return
    last = given[-1]
    records = history.bone_agent_records(day)
    if any(t.details.stopped and t.started_on >= last.day for t in records):
        return
    intervals = [t.details.interval_weeks for t in records if t.details.interval_weeks]
    weeks = intervals[-1] if intervals else config.bone_agent_default_interval_weeks
    allowed = weeks * 7 + config.bone_agent_grace_days
    gap = (day - last.day).days
    if gap < allowed:
        return
    explanation = (
        f"no bone-agent dose for {gap} days: {medicine_words(last.agent)} last given "
        f"{last.day.isoformat()}, every {weeks} weeks plus {config.bone_agent_grace_days} days "
        "of grace, and no stop recorded"
    )
    yield Hit(Tier.ROUTINE, explanation, (last.record_id,))


@rule(
    id="missed_check_ins",
    version=1,
    suggested_action='Contact the patient; missing data is not "no pain".',
    citation="[design]",
    time_based=True,
)
def missed_check_ins(evaluation: Evaluation) -> Iterator[Hit]:
    """Routine, for the patient (time-based): no report for 72 h, after a habit of checking in:
    >= 7 check-in days in the 14 days ending on the last report's day (all three [design],
    configurable). A check-in counts whether or not it rated pain: a symptoms-only report is
    contact with the patient.

    Source: [design].
    """
    history, now, day, config = (
        evaluation.history,
        evaluation.now,
        evaluation.day,
        evaluation.config,
    )
    # Check-in days, not days logged for pain: the rule is about silence, and a report that
    # did not rate pain still broke it.
    days = history.check_in_days(day - timedelta(days=WINDOW_DAYS), day)
    if not days:
        return
    last = history.same_day_reports(days[-1])[-1]
    silence = now - last.recorded_at
    if silence < timedelta(hours=config.missed_check_in_hours):
        return
    lookback = config.missed_check_in_lookback_days
    habit = len(history.check_in_days(days[-1] - timedelta(days=lookback - 1), days[-1]))
    if habit < config.missed_check_in_min_logged_days:
        return
    explanation = (
        f"no check-in for {silence // timedelta(hours=1)} hours (last "
        f"{last.recorded_at.isoformat(timespec='minutes')}), after {habit} check-in days in "
        f"the {lookback} days up to it"
    )
    yield Hit(Tier.ROUTINE, explanation, (last.id,))
