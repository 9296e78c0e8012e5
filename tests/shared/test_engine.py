from datetime import datetime

import pytest

from shared.config import RulesConfig
from shared.engine import apply_precedence, evaluate
from shared.rules import EVENT_RULES, PRECEDENCE, RULES, TIME_BASED_RULES, Finding, Hit, Tier, rule
from tests.shared.builders import (
    D,
    day,
    dose,
    findings_on,
    history,
    moment,
    report,
    same_score,
    site,
    span,
)


def finding(rule_id, tier, site=None):
    return Finding(rule_id, 1, tier, site, ("x",), "why", "do", "source", D)


def test_an_urgent_and_a_priority_finding_on_one_site_keep_the_urgent_one():
    # Ten days of femur pain (rule 5, priority), the last two on weight bearing (rule 3, urgent).
    records = same_score("femur_left", 5, span(-9, -2)) + [
        report(on, site("femur_left", 5, aggravated_by=["weight_bearing"])) for on in (day(-1), D)
    ]

    findings = findings_on(D, records)

    assert [(f.rule, f.tier, f.site) for f in findings] == [
        ("functional_pain_weight_bearing", Tier.URGENT, "femur_left")
    ]


def test_equal_tiers_on_one_site_are_broken_by_rank():
    kept = apply_precedence(
        [
            finding("persistent_focal_pain", Tier.PRIORITY, "sacrum"),
            finding("post_rt_non_response", Tier.PRIORITY, "sacrum"),
        ]
    )

    assert [f.rule for f in kept] == ["post_rt_non_response"]


def test_patient_level_findings_are_all_kept_and_sorted_by_tier_then_rank():
    kept = apply_precedence(
        [
            finding("breakthrough_overuse", Tier.PRIORITY),
            finding("widespread_bone_pain", Tier.PRIORITY),
            finding("inability_to_bear_weight", Tier.EMERGENCY),
            finding("mscc_neuro_red_flag", Tier.EMERGENCY),
            finding("spinal_pain_red_flag", Tier.URGENT, "sacrum"),
        ]
    )

    assert [f.rule for f in kept] == [
        "mscc_neuro_red_flag",
        "inability_to_bear_weight",
        "spinal_pain_red_flag",
        "breakthrough_overuse",
        "widespread_bone_pain",
    ]


def test_findings_carry_rule_identity_action_citation_and_the_evaluation_day():
    weak = report(D, symptoms=["limb_weakness"])

    (found,) = findings_on(D, weak)

    assert found.rule == "mscc_neuro_red_flag" and found.rule_version == 1
    assert found.suggested_action.startswith("Contact the MSCC coordinator")
    assert found.evidence == (weak.id,) and found.day == D


def test_records_after_now_are_not_seen():
    later = report(D, symptoms=["limb_weakness"], hour=20)

    assert evaluate(history(later), moment(D, 19), RulesConfig()) == []


def test_the_evaluation_day_is_the_local_date_of_now():
    weak = report(D, symptoms=["limb_weakness"], hour=23, offset_hours=10)
    # 23:30 UTC on D-1 is 09:30 on D at +10:00.
    now = datetime.fromisoformat(f"{D.isoformat()}T23:45:00+10:00")

    (found,) = evaluate(history(weak), now, RulesConfig())

    assert found.day == D


def test_a_naive_now_is_refused():
    with pytest.raises(ValueError, match="aware"):
        evaluate(history(), datetime(2026, 11, 27, 12), RulesConfig())


def test_an_empty_history_gives_no_findings():
    assert findings_on(D) == []


def test_the_registry_lists_all_eighteen_rules_once_each_and_all_have_a_rank():
    ids = [r.id for r in RULES]

    assert len(ids) == len(set(ids)) == 18
    assert set(ids) == set(PRECEDENCE)
    assert len(PRECEDENCE) == len(set(PRECEDENCE)) == 18


def test_every_rule_docstring_cites_its_source():
    for registered in RULES:
        assert registered.citation in (registered.check.__doc__ or ""), registered.id


def test_rules_16_and_18_are_time_based_and_the_rest_run_after_each_record():
    assert [r.id for r in TIME_BASED_RULES] == ["bone_agent_schedule_gap", "missed_check_ins"]
    assert set(EVENT_RULES) | set(TIME_BASED_RULES) == set(RULES)
    assert not set(EVENT_RULES) & set(TIME_BASED_RULES)


def test_a_time_based_rule_slots_in_without_changing_the_engine():
    @rule(
        id="missed_check_ins",
        version=1,
        suggested_action="call",
        citation="[design]",
        time_based=True,
    )
    def always(evaluation):
        yield Hit(Tier.ROUTINE, f"evaluated on {evaluation.day}", ())

    (found,) = evaluate(history(), moment(D, 23, 59), RulesConfig(), rules=[always])

    assert (found.rule, found.tier, found.day) == ("missed_check_ins", Tier.ROUTINE, D)


def test_a_rule_without_a_rank_is_refused():
    @rule(id="unranked", version=1, suggested_action="x", citation="y")
    def unranked(evaluation):
        yield Hit(Tier.INFO, "x", (), "sacrum")

    with pytest.raises(ValueError, match="no place in PRECEDENCE"):
        evaluate(history(), moment(D, 12), RulesConfig(), rules=[unranked, RULES[0]])


def test_breakthrough_doses_across_the_engine():
    doses = [dose(on, hour=8 + n) for on in (day(-1), D) for n in range(3)]

    assert [f.rule for f in findings_on(D, doses)] == ["breakthrough_overuse"]


def test_tiers_order_from_emergency_to_info():
    assert [t.severity for t in Tier] == [4, 3, 2, 1, 0]


def test_a_symptoms_only_check_in_raises_its_symptom_rules_and_scores_no_pain():
    # Issue 18: confusion ticked, no site, pain not rated, the day after thoracic pain 8/10.
    pain = [report(on, site("spine_thoracic", 8)) for on in (day(-2), day(-1))]
    confused = report(D, symptoms=["confusion_drowsiness"], pain_rated=False)

    findings = findings_on(D, pain, confused)

    (hypercalcaemia,) = [f for f in findings if f.rule == "possible_hypercalcaemia"]
    assert hypercalcaemia.tier is Tier.EMERGENCY and hypercalcaemia.evidence == (confused.id,)
    assert history(pain, confused).daily_score("spine_thoracic", D) is None


def test_a_red_flag_symptom_in_a_check_in_that_did_not_rate_pain_is_an_emergency():
    weak = report(D, symptoms=["limb_weakness"], pain_rated=False)

    assert [f.rule for f in findings_on(D, weak)] == ["mscc_neuro_red_flag"]
