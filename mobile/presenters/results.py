"""What a presenter hands back to a screen after a save."""

from dataclasses import dataclass, field

from mobile.safety import SafetyNet


@dataclass(frozen=True)
class SaveResult:
    """`saved` is True only once the record is committed to the phone's storage.

    `errors` maps a field path ("sites.0.score", "dose") to a message; nothing is saved when it
    is not empty. `safety_net` is set when the engine found an emergency; when the check itself
    failed, `safety_check_failed` asks the screen to show the helpline anyway.
    """

    saved: bool
    record_id: str | None = None
    errors: dict[str, str] = field(default_factory=dict)
    safety_net: SafetyNet | None = None
    safety_check_failed: bool = False


def invalid(errors: dict[str, str]) -> SaveResult:
    return SaveResult(saved=False, errors=errors)
