import pytest

from shared.config import DEFAULT_CONFIG, ConfigError, RulesConfig


def test_defaults_are_the_catalogue_thresholds():
    config = RulesConfig()

    assert (config.persistent_min_pain_days, config.persistent_window_days) == (10, 14)
    assert config.widespread_min_regions == 3
    assert (config.breakthrough_per_day_consecutive, config.breakthrough_single_day) == (3, 4)
    assert config.ome_factors["oxycodone"] == 1.5
    assert config.ome_factors["methadone"] is None


def test_parenteral_morphine_has_its_own_factor():
    assert DEFAULT_CONFIG.ome_factor("morphine", "sc") == 3.0
    assert DEFAULT_CONFIG.ome_factor("morphine", "iv") == 3.0
    assert DEFAULT_CONFIG.ome_factor("morphine", "oral") == 1.0


def test_overrides_replace_only_the_settings_given():
    config = RulesConfig.from_dict({"breakthrough_single_day": 5, "ome_factors": {"tramadol": 0.1}})

    assert config.breakthrough_single_day == 5
    assert config.ome_factors["tramadol"] == 0.1
    assert config.ome_factors["oxycodone"] == 1.5


def test_an_unknown_setting_is_rejected_by_name():
    with pytest.raises(ConfigError, match="unknown rules setting 'breakthru'; expected one of"):
        RulesConfig.from_dict({"breakthru": 3})


@pytest.mark.parametrize("value", [0, -1, 2.5, "3", True, None])
def test_thresholds_must_be_whole_numbers_of_at_least_one(value):
    with pytest.raises(ConfigError, match="'widespread_min_regions' must be a whole number"):
        RulesConfig.from_dict({"widespread_min_regions": value})


def test_ome_overrides_reject_unknown_medications_and_bad_factors():
    with pytest.raises(ConfigError, match="unknown OME entry 'aspirin'"):
        RulesConfig.from_dict({"ome_factors": {"aspirin": 1}})
    with pytest.raises(ConfigError, match="must be a number above 0, or null"):
        RulesConfig.from_dict({"ome_factors": {"codeine": -1}})


def test_a_deployment_may_exclude_a_medication_from_ome():
    config = RulesConfig.from_dict({"ome_factors": {"tramadol": None}})

    assert config.ome_factors["tramadol"] is None


def test_the_hash_is_stable_and_changes_with_any_setting():
    assert RulesConfig().config_hash() == RulesConfig.from_dict({}).config_hash()
    assert len(RulesConfig().config_hash()) == 64
    changed = RulesConfig.from_dict({"ome_factors": {"codeine": 0.1}})
    assert changed.config_hash() != RulesConfig().config_hash()


def test_the_hash_ignores_the_order_overrides_were_given_in():
    one = RulesConfig.from_dict({"widespread_min_regions": 4, "breakthrough_single_day": 5})
    two = RulesConfig.from_dict({"breakthrough_single_day": 5, "widespread_min_regions": 4})

    assert one.config_hash() == two.config_hash()


def test_more_pain_days_than_the_persistence_window_holds_is_rejected():
    with pytest.raises(ConfigError, match="cannot exceed persistent_window_days"):
        RulesConfig.from_dict({"persistent_min_pain_days": 15})


def test_dose_limits_are_configurable_and_change_the_hash():
    config = RulesConfig.from_dict({"dose_limits": {"morphine": 500}})

    assert config.dose_limit("morphine", "oral") == 500
    assert config.dose_limit("morphine", "sc") == 1000
    assert config.config_hash() != RulesConfig().config_hash()


@pytest.mark.parametrize("overrides", [{"aspirin": 10}, {"morphine": 0}, {"morphine": True}, 5])
def test_a_bad_dose_limit_is_rejected(overrides):
    with pytest.raises(ConfigError, match=r"dose.limit"):
        RulesConfig.from_dict({"dose_limits": overrides})
