"""The rule thresholds this deployment runs with: the catalogue's defaults, or the JSON file named
by `PAINLINE_RULES_CONFIG`. Read once at start-up; a bad file stops start-up with one sentence."""

from __future__ import annotations

import json
from pathlib import Path

from flask import current_app

from server.config import ConfigError
from shared.config import ConfigError as RulesConfigError
from shared.config import RulesConfig


def load_rules_config(path: str | None) -> RulesConfig:
    if path is None:
        return RulesConfig()
    try:
        overrides = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(
            f"PAINLINE_RULES_CONFIG {path!r} cannot be read as JSON ({error})."
        ) from None
    if not isinstance(overrides, dict):
        raise ConfigError(f"PAINLINE_RULES_CONFIG {path!r} must hold a JSON object.")
    try:
        return RulesConfig.from_dict(overrides)
    except RulesConfigError as error:
        raise ConfigError(f"PAINLINE_RULES_CONFIG {path!r}: {error}") from None


def current_rules_config() -> RulesConfig:
    config: RulesConfig = current_app.extensions["painline_rules"]
    return config
