from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given

from shared.config import RulesConfig
from shared.replay import load_patient, replay
from shared.wire import dump_dose, dump_report, dump_treatment
from tests.shared.builders import (
    D,
    day,
    report_wire,
    site,
    treatment_wire,
)
from tests.shared.replay.documents import document, stable_days
from tests.shared.strategies import records


def events(*records, until=D, zone=None, resolve_after_days=3, config=None):
    patient = load_patient(document(*records, until=until))
    replayed = replay(
        patient,
        config or RulesConfig(),
        zone=zone,
        resolve_after=timedelta(days=resolve_after_days),
    )
    return [(e.name, e.rule, e.tier, e.site, e.at.isoformat()) for e in replayed.events]


def test_a_stable_60_day_patient_raises_nothing():
    assert events(*stable_days(-59, 0)) == []


def test_a_red_flag_raises_at_the_reports_own_time_and_offset():
    weak = report_wire(D, symptoms=["limb_weakness"], hour=14, offset_hours=10)

    patient = load_patient(document(*stable_days(-20, -1), weak))
    (raised,) = replay(patient, RulesConfig()).events

    assert raised.to_wire() == {
        "event": "raised",
        "rule": "mscc_neuro_red_flag",
        "tier": "emergency",
        "site": None,
        "at": "2026-11-27T14:00:00+10:00",
        "evidence": [weak["id"]],
    }


def test_events_come_in_time_order_across_rules():
    records = [
        *stable_days(-20, 0),
        report_wire(day(-5), symptoms=["cannot_bear_weight"], hour=10),
        report_wire(day(-1), symptoms=["limb_weakness"], hour=7),
        report_wire(day(-1), symptoms=["thirst", "constipation"], hour=6),
    ]

    assert [rule for _, rule, *_ in events(*records)] == [
        "inability_to_bear_weight",
        "possible_hypercalcaemia",
        "mscc_neuro_red_flag",
    ]


def severe_pain(scores_by_day):
    return [report_wire(day(n), site("hip_left", s), hour=12) for n, s in scores_by_day.items()]


def test_a_higher_tier_escalates_the_open_alert():
    found = events(*stable_days(-20, 0), *severe_pain({-2: 7, -1: 8, 0: 9}))

    assert [(name, tier) for name, _, tier, *_ in found] == [
        ("raised", "priority"),
        ("escalated", "urgent"),
    ]
    assert found[1][4] == "2026-11-27T12:00:00+00:00"


def test_an_open_alert_absorbs_repeat_findings_without_events():
    found = events(*stable_days(-20, 0), *severe_pain({-2: 8, -1: 8, 0: 8}))

    assert [name for name, *_ in found] == ["raised"]


def test_after_resolution_a_newer_record_raises_the_key_again():
    records = [
        *stable_days(-20, 0),
        report_wire(day(-4), symptoms=["limb_weakness"], hour=10),
        report_wire(day(-2), symptoms=["limb_weakness"], hour=10),
    ]

    assert len(events(*records, resolve_after_days=3)) == 1
    assert [at for *_, at in events(*records, resolve_after_days=1)] == [
        "2026-11-23T10:00:00+00:00",
        "2026-11-25T10:00:00+00:00",
    ]


def silent_from(last_logged_day, offset_hours=0):
    return stable_days(-20, last_logged_day, offset_hours=offset_hours)


def test_time_based_rules_run_at_23_59_59_in_the_patients_zone():
    plus_two = timezone(timedelta(hours=2))

    (found,) = events(*silent_from(-4, offset_hours=2), zone=plus_two)

    assert found == ("raised", "missed_check_ins", "routine", None, "2026-11-26T23:59:59+02:00")


def test_without_a_zone_the_end_of_day_takes_the_latest_records_offset():
    (found,) = events(*silent_from(-4, offset_hours=-5))

    assert found[4] == "2026-11-26T23:59:59-05:00"


def test_no_end_of_day_runs_after_until():
    assert events(*silent_from(-4), until=day(-2)) == []


def test_a_treatment_enters_at_midnight_local_on_started_on():
    infusion = treatment_wire("bisphosphonate", [], D, details={"agent": "zoledronic_acid"})
    fever_before = report_wire(day(-1), symptoms=["fever_aches"], hour=18)
    fever_after = report_wire(D, symptoms=["fever_aches"], hour=9)

    patient = load_patient(document(*stable_days(-20, 0), infusion, fever_before, fever_after))
    (found,) = replay(patient, RulesConfig(), zone=UTC).events

    assert (found.rule, found.tier, found.at) == (
        "acute_phase_reaction",
        "info",
        datetime(2026, 11, 27, 9, tzinfo=UTC),
    )
    assert found.evidence == (fever_after["id"], infusion["id"])


def test_records_after_until_are_not_replayed():
    late = report_wire(day(1), symptoms=["limb_weakness"])

    assert events(*stable_days(-20, 0), late) == []


def test_the_replay_counts_days_from_the_first_record_to_until():
    patient = load_patient(document(*stable_days(-9, -5)))

    assert replay(patient, RulesConfig()).days == 10


def test_config_overrides_reach_the_rules():
    records = silent_from(-2)

    assert events(*records) == []
    assert events(*records, config=RulesConfig(missed_check_in_hours=48))


def test_the_latest_revision_of_a_record_is_replayed():
    first = report_wire(day(-1), symptoms=["limb_weakness"])
    withdrawn = {**first, "revision": 2, "deleted": True}

    assert events(*stable_days(-20, 0), first, withdrawn) == []


@given(records())
def test_reusing_report_rule_findings_after_a_dose_changes_no_event(data):
    reports, doses, treatments = data
    patient = load_patient(
        {
            "patient": {"id": "00000000-0000-0000-0000-0000000000aa"},
            "reports": [dump_report(r) for r in reports],
            "doses": [dump_dose(d) for d in doses],
            "treatments": [dump_treatment(t) for t in treatments],
            "until": D.isoformat(),
        }
    )

    reused = replay(patient, RulesConfig(), resolve_after=timedelta(days=1))
    every_rule_every_time = replay(
        patient, RulesConfig(), resolve_after=timedelta(days=1), reuse=False
    )

    assert reused == every_rule_every_time
