from shared.config import RulesConfig
from tests.shared.builders import D, day, dose, history, regular, span

CONFIG = RulesConfig()


def test_daily_ome_sums_each_dose_times_its_factor():
    patient = history(dose(D, "oxycodone", 10), dose(D, "morphine", 20, purpose="scheduled"))

    assert patient.daily_ome(D, CONFIG) == 35


def test_parenteral_morphine_counts_three_times():
    assert history(dose(D, "morphine", 10, route="sc")).daily_ome(D, CONFIG) == 30


def test_a_fentanyl_patch_counts_on_its_day_and_the_next_two():
    patch = dose(D, "fentanyl_patch", 25, unit="mcg/h", route="transdermal", purpose="scheduled")

    patient = history(patch)

    assert [patient.daily_ome(day(n), CONFIG) for n in range(-1, 4)] == [0, 60, 60, 60, 0]


def test_buccal_fentanyl_in_mcg_uses_its_own_factor():
    patient = history(dose(D, "fentanyl_buccal", 100, unit="mcg", route="buccal"))

    assert round(patient.daily_ome(D, CONFIG), 6) == 13


def test_a_dose_in_mcg_of_a_medication_counted_per_mg_is_converted():
    assert history(dose(D, "hydromorphone", 500, unit="mcg")).daily_ome(D, CONFIG) == 2.5


def test_methadone_buprenorphine_and_non_opioids_add_nothing():
    patient = history(
        dose(D, "methadone", 10, purpose="scheduled"),
        dose(D, "buprenorphine_patch", 10, unit="mcg/h", route="transdermal"),
        dose(D, "paracetamol", 1000),
    )

    assert patient.daily_ome(D, CONFIG) == 0


def test_a_configured_factor_replaces_the_default():
    config = RulesConfig.from_dict({"ome_factors": {"oxycodone": 2}})

    assert history(dose(D, "oxycodone", 10)).daily_ome(D, config) == 20


def test_baseline_ome_needs_four_of_the_days_d_minus_10_to_d_minus_4_with_opioid():
    three = history(regular(span(-10, -8), amount=70))
    four = history(regular(span(-10, -7), amount=70))

    assert three.baseline_ome(D, CONFIG) is None
    assert four.baseline_ome(D, CONFIG) == 40


def test_patch_carry_over_days_count_towards_the_baseline_ome():
    patches = [
        dose(on, "fentanyl_patch", 25, unit="mcg/h", route="transdermal", purpose="scheduled")
        for on in (day(-11), day(-8))
    ]

    # D-10, D-9 from the first patch; D-8..D-6 from the second; D-5 and D-4 without opioid.
    assert history(patches).baseline_ome(D, CONFIG) == 5 * 60 / 7


def test_breakthrough_doses_are_those_logged_as_breakthrough():
    patient = history(dose(D, purpose="breakthrough"), dose(D, purpose="scheduled"))

    assert len(patient.breakthrough_doses(D)) == 1


def test_an_implausible_dose_adds_nothing_to_the_daily_ome():
    patient = history(dose(D, "morphine", 100_000), dose(D, "morphine", 20))

    assert patient.daily_ome(D, CONFIG) == 20
    assert len(patient.ome_doses(D, CONFIG)) == 1
