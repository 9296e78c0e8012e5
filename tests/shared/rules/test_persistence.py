from shared.config import RulesConfig
from shared.rules.base import Tier
from shared.rules.persistence import persistent_focal_pain, widespread_bone_pain
from tests.shared.builders import D, day, radiotherapy, report, run_rule, same_score, site, span


def persistent(code, days=10):
    return same_score(code, 5, span(1 - days, 0))


def test_ten_pain_days_in_fourteen_at_one_site_is_priority():
    (finding,) = run_rule(persistent_focal_pain, D, persistent("femur_left"))

    assert finding.tier is Tier.PRIORITY and finding.site == "femur_left"
    assert "pain 4/10 or more on 10 of the last 14 days" in finding.explanation
    assert len(finding.evidence) == 10


def test_nine_pain_days_in_fourteen_do_not_fire():
    assert run_rule(persistent_focal_pain, D, persistent("femur_left", days=9)) == []


def test_scores_of_3_are_not_pain_days():
    assert run_rule(persistent_focal_pain, D, same_score("femur_left", 3, span(-13, 0))) == []


def test_radiotherapy_ended_in_the_last_28_days_holds_the_finding_back():
    course = radiotherapy(["femur_left"], day(-30), day(-28))

    assert run_rule(persistent_focal_pain, D, persistent("femur_left"), course) == []


def test_radiotherapy_ended_29_days_ago_no_longer_holds_it_back():
    course = radiotherapy(["femur_left"], day(-30), day(-29))

    assert run_rule(persistent_focal_pain, D, persistent("femur_left"), course)


def test_ongoing_radiotherapy_holds_the_finding_back():
    course = radiotherapy(["femur_left"], day(-2), day(3))

    assert run_rule(persistent_focal_pain, D, persistent("femur_left"), course) == []


def test_radiotherapy_to_another_site_does_not_matter():
    course = radiotherapy(["sacrum"], day(-3), day(-2))

    assert run_rule(persistent_focal_pain, D, persistent("femur_left"), course)


def two_site_reports(sites, days=10):
    return [report(on, *(site(code, 5) for code in sites)) for on in span(1 - days, 0)]


def test_persistent_pain_in_two_regions_is_focal_per_site():
    findings = run_rule(persistent_focal_pain, D, two_site_reports(["femur_left", "sacrum"]))

    assert sorted(f.site for f in findings) == ["femur_left", "sacrum"]
    assert run_rule(widespread_bone_pain, D, two_site_reports(["femur_left", "sacrum"])) == []


def test_persistent_pain_in_three_regions_is_widespread_and_not_focal():
    records = two_site_reports(["femur_left", "sacrum", "skull"])

    (finding,) = run_rule(widespread_bone_pain, D, records)

    assert finding.tier is Tier.PRIORITY and finding.site is None
    assert "at 3 sites in 3 regions (head, left leg, lumbosacral spine)" in finding.explanation
    assert run_rule(persistent_focal_pain, D, records) == []


def test_two_sites_in_one_region_count_as_one_region():
    records = two_site_reports(["spine_lumbar", "sacrum", "skull"])

    assert run_rule(widespread_bone_pain, D, records) == []
    assert len(run_rule(persistent_focal_pain, D, records)) == 3


def test_the_persistence_thresholds_come_from_the_configuration():
    config = RulesConfig.from_dict({"persistent_min_pain_days": 9})

    assert run_rule(persistent_focal_pain, D, persistent("femur_left", days=9), config=config)
