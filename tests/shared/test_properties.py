"""Properties of the engine over any valid history (hypothesis)."""

from datetime import UTC, date, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shared.config import RulesConfig
from shared.engine import evaluate
from shared.history import PatientHistory, required_window
from shared.history.store import is_bone_agent
from shared.rules import EVENT_RULES, PRECEDENCE, TIME_BASED_RULES, Tier
from tests.shared.builders import D, moment, report, site
from tests.shared.strategies import OFFSETS, evaluation_times, records, reports

CONFIG = RulesConfig()


def build(reports_, doses_, treatments_) -> PatientHistory:
    return PatientHistory.build(reports_, doses_, treatments_)


@given(records(), evaluation_times)
def test_the_engine_never_raises_and_returns_well_formed_findings(data, now):
    reports_, doses_, treatments_ = data

    findings = evaluate(build(*data), now, CONFIG)

    known_ids = {r.id for r in reports_} | {d.id for d in doses_} | {t.id for t in treatments_}
    for finding in findings:
        assert finding.rule in PRECEDENCE and isinstance(finding.tier, Tier)
        assert finding.evidence and set(finding.evidence) <= known_ids
        assert finding.explanation and finding.day == now.date()
    sites = [f.site for f in findings if f.site is not None]
    assert len(sites) == len(set(sites))


@given(records(), evaluation_times)
def test_the_same_history_gives_the_same_findings_in_any_order(data, now):
    reports_, doses_, treatments_ = data

    forwards = evaluate(build(reports_, doses_, treatments_), now, CONFIG)
    backwards = evaluate(build(reports_[::-1], doses_[::-1], treatments_[::-1]), now, CONFIG)

    assert forwards == backwards


@given(records(), evaluation_times)
def test_records_older_than_the_declared_window_do_not_change_the_findings(data, now):
    reports_, doses_, treatments_ = data
    start = required_window(treatments_, now)

    windowed = build(
        [r for r in reports_ if r.recorded_at >= start],
        [d for d in doses_ if d.taken_at >= start or is_bone_agent(d.medication)],
        treatments_,
    )

    assert evaluate(windowed, now, CONFIG) == evaluate(build(*data), now, CONFIG)


@given(records(), evaluation_times, st.data())
def test_a_deleted_report_counts_as_absent(data, now, draw):
    reports_, doses_, treatments_ = data
    extra = draw.draw(reports(first_day=-20))
    tombstone = report(extra.day, id=extra.id, revision=2, deleted=True)

    with_deleted = build([*reports_, extra, tombstone], doses_, treatments_)

    assert evaluate(with_deleted, now, CONFIG) == evaluate(build(*data), now, CONFIG)


@given(
    st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    st.times(),
    st.sampled_from(OFFSETS),
)
def test_a_report_lands_on_the_local_date_of_its_own_offset(local_date, local_time, offset):
    recorded = report(
        local_date,
        site("sacrum", 5),
        hour=local_time.hour,
        minute=local_time.minute,
        offset_hours=offset,
    )

    patient = build([recorded], [], [])

    assert patient.daily_score("sacrum", local_date) == 5
    assert patient.logged_days(local_date - timedelta(days=2), local_date + timedelta(days=2)) == (
        local_date,
    )


def test_a_report_at_23_30_plus_10_is_evaluated_on_its_local_day():
    late = report(D, symptoms=["limb_weakness"], hour=23, minute=30, offset_hours=10)
    # The next UTC day has started nowhere near Sydney's D; evaluate just after, in UTC.
    now = (late.recorded_at + timedelta(minutes=1)).astimezone(UTC)

    assert now.date() == D and late.recorded_at.time() == time(23, 30)
    assert [f.rule for f in evaluate(build([late], [], []), now, CONFIG)] == ["mscc_neuro_red_flag"]


moments = st.builds(
    lambda back, hour, offset: moment(D - timedelta(days=back), hour, offset_hours=offset),
    st.integers(0, 40),
    st.integers(0, 23),
    st.sampled_from(OFFSETS),
)


@given(records(), st.lists(moments, min_size=2, max_size=6))
def test_one_history_evaluated_at_many_times_matches_a_fresh_history_each_time(data, times):
    kept = build(*data)

    for now in times:
        for rules in (EVENT_RULES, TIME_BASED_RULES):
            fresh = build(*data)
            assert evaluate(kept, now, CONFIG, rules=rules) == evaluate(
                fresh, now, CONFIG, rules=rules
            )


@given(records(), moments, moments)
def test_a_view_of_a_view_sees_what_a_direct_view_sees(data, first, second):
    later, earlier = max(first, second), min(first, second)
    kept = build(*data)

    nested = kept.as_of(later).as_of(earlier)

    assert evaluate(nested, earlier, CONFIG) == evaluate(build(*data), earlier, CONFIG)


@given(records(), evaluation_times, st.data())
def test_a_check_in_that_rated_no_pain_and_ticked_nothing_is_like_no_check_in(data, now, draw):
    # The event rules read pain only from reports that rate it, and symptoms from every report:
    # with neither, the report must change nothing (the silence rule, time-based, is apart).
    reports_, doses_, treatments_ = data
    on = draw.draw(st.integers(-20, 0))
    empty = report(D + timedelta(days=on), hour=draw.draw(st.integers(0, 23)), pain_rated=False)

    with_empty = build([*reports_, empty], doses_, treatments_)

    assert evaluate(with_empty, now, CONFIG) == evaluate(build(*data), now, CONFIG)
