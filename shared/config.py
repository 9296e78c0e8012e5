"""Rule thresholds a deployment may change, with the catalogue's defaults.

Holds every threshold the catalogue marks [design], the OME table and the plausible-dose limits.
`RulesConfig.from_dict` builds one from overrides (the JSON a deployment keeps; reading the file
is the caller's job), and `config_hash()` fingerprints it so each alert records the settings that
raised it.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from shared.vocab.dose_limits import DOSE_LIMITS
from shared.vocab.medications import MEDICATIONS, MedicationClass


class ConfigError(ValueError):
    """An override the engine cannot use; the message names the setting and what it expects."""


def _default_ome_factors() -> Mapping[str, float | None]:
    table: dict[str, float | None] = {
        code: medication.ome_factor
        for code, medication in MEDICATIONS.items()
        if medication.drug_class is MedicationClass.OPIOID
    }
    # Parenteral morphine is about three times as strong as oral [design, to be verified].
    table["morphine/sc"] = 3.0
    table["morphine/iv"] = 3.0
    return MappingProxyType(table)


def _default_dose_limits() -> Mapping[str, float]:
    return MappingProxyType({key: float(limit.largest) for key, limit in DOSE_LIMITS.items()})


@dataclass(frozen=True)
class RulesConfig:
    """Thresholds marked [design] in the catalogue; OME factors keyed by medication[/route]."""

    # Rule 5: a persistent site has >= this many pain days ...
    persistent_min_pain_days: int = 10
    # ... among this many days ending on D.
    persistent_window_days: int = 14
    # Rule 6: persistent sites across >= this many regions is widespread pain.
    widespread_min_regions: int = 3
    # Rule 9: >= this many breakthrough doses on each of 2 consecutive days ...
    breakthrough_per_day_consecutive: int = 3
    # ... or >= this many on one day.
    breakthrough_single_day: int = 4
    # Rule 10: days in a row the OME must stay raised.
    opioid_escalation_days: int = 3
    # Rule 16: grace period after the intended interval, and the interval when none is given.
    bone_agent_grace_days: int = 14
    bone_agent_default_interval_weeks: int = 4
    # Rule 18: silence that counts as missed, and the prior habit that makes it notable.
    missed_check_in_hours: int = 72
    missed_check_in_min_logged_days: int = 7
    missed_check_in_lookback_days: int = 14
    # None = not converted (excluded from OME and shown as such).
    ome_factors: Mapping[str, float | None] = field(default_factory=_default_ome_factors)
    # Largest plausible single dose, in the unit of `DOSE_LIMITS`; above it a dose is flagged.
    dose_limits: Mapping[str, float] = field(default_factory=_default_dose_limits)

    @classmethod
    def from_dict(cls, overrides: Mapping[str, Any]) -> "RulesConfig":
        """Defaults with `overrides` applied; raises ConfigError on an unknown or bad setting."""
        defaults = cls()
        known = {item.name for item in fields(cls)}
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if key not in known:
                raise ConfigError(
                    f"unknown rules setting '{key}'; expected one of {', '.join(sorted(known))}"
                )
            if key == "ome_factors":
                changes[key] = _merge_ome(defaults.ome_factors, value)
            elif key == "dose_limits":
                changes[key] = _merge_limits(defaults.dose_limits, value)
            else:
                changes[key] = _whole_number(key, value)
        config = replace(defaults, **changes)
        if config.persistent_min_pain_days > config.persistent_window_days:
            raise ConfigError(
                "persistent_min_pain_days cannot exceed persistent_window_days "
                f"({config.persistent_min_pain_days} > {config.persistent_window_days})"
            )
        return config

    def to_dict(self) -> dict[str, Any]:
        values = {item.name: getattr(self, item.name) for item in fields(self)}
        values["ome_factors"] = dict(sorted(self.ome_factors.items()))
        values["dose_limits"] = dict(sorted(self.dose_limits.items()))
        return values

    def config_hash(self) -> str:
        """sha256 of the canonical JSON of every setting: equal settings, equal hash."""
        canonical = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def ome_factor(self, medication: str, route: str) -> float | None:
        """The factor for a dose, a route-specific entry ("morphine/sc") winning."""
        route_key = f"{medication}/{route}"
        if route_key in self.ome_factors:
            return self.ome_factors[route_key]
        return self.ome_factors.get(medication)

    def dose_limit(self, medication: str, route: str) -> float | None:
        """The largest plausible single dose, a route-specific entry ("morphine/sc") winning."""
        route_key = f"{medication}/{route}"
        if route_key in self.dose_limits:
            return self.dose_limits[route_key]
        return self.dose_limits.get(medication)


def _whole_number(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"rules setting '{key}' must be a whole number of at least 1")
    return value


def _merge_ome(defaults: Mapping[str, float | None], overrides: Any) -> Mapping[str, float | None]:
    if not isinstance(overrides, Mapping):
        raise ConfigError("rules setting 'ome_factors' must be an object of medication: factor")
    merged = dict(defaults)
    for key, value in overrides.items():
        if key not in defaults:
            raise ConfigError(
                f"unknown OME entry '{key}'; expected one of {', '.join(sorted(defaults))}"
            )
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int | float) or value <= 0
        ):
            raise ConfigError(
                f"OME factor for '{key}' must be a number above 0, or null to exclude it"
            )
        merged[key] = None if value is None else float(value)
    return MappingProxyType(merged)


def _merge_limits(defaults: Mapping[str, float], overrides: Any) -> Mapping[str, float]:
    if not isinstance(overrides, Mapping):
        raise ConfigError("rules setting 'dose_limits' must be an object of medication: limit")
    merged = dict(defaults)
    for key, value in overrides.items():
        if key not in defaults:
            raise ConfigError(
                f"unknown dose limit '{key}'; expected one of {', '.join(sorted(defaults))}"
            )
        if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
            raise ConfigError(f"dose limit for '{key}' must be a number above 0")
        merged[key] = float(value)
    return MappingProxyType(merged)


DEFAULT_CONFIG = RulesConfig()
