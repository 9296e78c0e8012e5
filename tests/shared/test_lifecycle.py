"""The alert lifecycle: absorb, tier raised, re-arming after resolution, snoozes."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from shared.lifecycle import (
    MAX_SNOOZE,
    AlertStatus,
    EventName,
    LifecycleError,
    Outcome,
    SnoozeRefused,
    absorb,
    acknowledge,
    alert_key,
    apply_finding,
    is_snoozed,
    raise_alert,
    resolve,
    should_raise,
    snooze,
)
from shared.rules import Finding as EngineFinding
from shared.rules import Tier

PATIENT = "0b6a3f6e-2d7c-4c1e-9a53-0d3f7d6c1a11"
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Finding:
    rule: str = "spinal_pain_red_flag"
    tier: str = "urgent"
    site: str | None = "spine_thoracic"
    evidence: tuple[str, ...] = ("r1",)


def finding(**changes: object) -> Finding:
    return Finding(**changes)  # type: ignore[arg-type]


def raised(found: Finding | None = None, at: datetime = T0):
    return raise_alert(PATIENT, found or finding(), at)[0]


def resolved_at(at: datetime, found: Finding | None = None):
    return resolve(raised(found, at - DAY), at)


def times(**by_id: datetime) -> dict[str, datetime]:
    return by_id


# key and raising


def test_key_is_patient_rule_and_site():
    assert alert_key(PATIENT, finding(site=None)) == (PATIENT, "spinal_pain_red_flag", None)


def test_raising_opens_an_alert_and_emits_raised():
    alert, events = raise_alert(PATIENT, finding(evidence=("r1", "r1", "r2")), T0)

    assert alert.status is AlertStatus.OPEN
    assert alert.evidence == ("r1", "r2")
    assert [(e.name, e.rule, e.site, e.tier, e.at) for e in events] == [
        (EventName.RAISED, "spinal_pain_red_flag", "spine_thoracic", "urgent", T0)
    ]


def test_engine_findings_raise_and_escalate_alerts():
    def engine_finding(tier: Tier, evidence: str) -> EngineFinding:
        return EngineFinding(
            "spinal_pain_red_flag", 1, tier, "sacrum", (evidence,), "why", "do", "source", T0.date()
        )

    alert, _ = raise_alert(PATIENT, engine_finding(Tier.URGENT, "r1"), T0)
    escalated, events = absorb(alert, engine_finding(Tier.EMERGENCY, "r2"), T0 + DAY)

    assert (escalated.tier, escalated.evidence) == ("emergency", ("r1", "r2"))
    assert [e.name for e in events] == [EventName.ESCALATED]


def test_unknown_tier_is_refused():
    with pytest.raises(LifecycleError, match="unknown tier 'severe'"):
        raise_alert(PATIENT, finding(tier="severe"), T0)


# absorb


def test_open_alert_absorbs_new_evidence_without_an_event():
    alert, events = absorb(raised(), finding(evidence=("r1", "r2")), T0 + DAY)

    assert alert.evidence == ("r1", "r2")
    assert alert.tier == "urgent"
    assert events == ()


def test_acknowledged_alert_absorbs_too():
    alert, _ = absorb(acknowledge(raised(), T0), finding(evidence=("r3",)), T0 + DAY)

    assert alert.evidence == ("r1", "r3")
    assert alert.status is AlertStatus.ACKNOWLEDGED


def test_higher_tier_raises_the_tier_and_emits_escalated():
    alert, events = absorb(raised(), finding(tier="emergency", evidence=("r2",)), T0 + DAY)

    assert alert.tier == "emergency"
    assert [(e.name, e.tier, e.evidence) for e in events] == [
        (EventName.ESCALATED, "emergency", ("r1", "r2"))
    ]
    assert events[0].name.webhook_type == "alert.tier_raised"


def test_tier_raise_reopens_an_acknowledged_alert():
    acknowledged = acknowledge(raised(), T0)

    alert, _ = absorb(acknowledged, finding(tier="emergency"), T0 + DAY)

    assert alert.status is AlertStatus.OPEN
    assert alert.acknowledged_at is None


def test_lower_tier_never_lowers_the_alert():
    alert, events = absorb(raised(), finding(tier="info", evidence=("r2",)), T0 + DAY)

    assert alert.tier == "urgent"
    assert events == ()


def test_resolved_alert_absorbs_nothing():
    with pytest.raises(LifecycleError, match="resolved"):
        absorb(resolved_at(T0), finding(), T0 + DAY)


def test_finding_of_another_key_is_not_absorbed():
    with pytest.raises(LifecycleError, match="does not belong"):
        absorb(raised(), finding(site="sacrum"), T0)


# acknowledge and resolve


def test_acknowledging_twice_keeps_the_first_time():
    once = acknowledge(raised(), T0 + DAY)

    assert acknowledge(once, T0 + 2 * DAY).acknowledged_at == T0 + DAY


def test_resolve_records_time_and_outcome():
    alert = resolve(raised(), T0 + DAY, Outcome.NOT_ACTIONABLE)

    assert (alert.status, alert.resolved_at, alert.outcome) == (
        AlertStatus.RESOLVED,
        T0 + DAY,
        Outcome.NOT_ACTIONABLE,
    )


def test_resolving_twice_or_before_raising_is_refused():
    with pytest.raises(LifecycleError, match="already resolved"):
        resolve(resolved_at(T0), T0 + DAY)
    with pytest.raises(LifecycleError, match="before it was raised"):
        resolve(raised(), T0 - DAY)


def test_resolved_alert_cannot_be_acknowledged():
    with pytest.raises(LifecycleError):
        acknowledge(resolved_at(T0), T0 + DAY)


# re-arming after resolution


def test_first_finding_of_a_key_raises():
    assert should_raise(None, finding(), T0, [], times(r1=T0))


def test_active_alert_does_not_raise_again():
    assert not should_raise(raised(), finding(), T0 + DAY, [], times(r1=T0))


def test_resolved_key_does_not_raise_on_old_evidence():
    previous = resolved_at(T0)

    assert not should_raise(previous, finding(), T0 + DAY, [], times(r1=T0 - DAY))


def test_evidence_at_the_resolution_instant_is_not_newer():
    assert not should_raise(resolved_at(T0), finding(), T0 + DAY, [], times(r1=T0))


def test_resolved_key_raises_on_a_newer_record():
    found = finding(evidence=("r1", "r2"))

    assert should_raise(resolved_at(T0), found, T0 + DAY, [], times(r1=T0 - DAY, r2=T0 + DAY))


def test_missing_evidence_time_is_an_error_not_a_guess():
    with pytest.raises(LifecycleError, match="no time given for evidence record r1"):
        should_raise(resolved_at(T0), finding(), T0 + DAY, [], {})


@pytest.mark.parametrize(
    ("rule", "wait_days"),
    [
        ("breakthrough_overuse", 7),
        ("opioid_escalation", 7),
        ("severe_or_worsening_pain", 7),
        ("post_rt_pain_flare", 7),
        ("post_rt_non_response", 7),
        ("neuropathic_features", 7),
        ("persistent_focal_pain", 28),
        ("widespread_bone_pain", 28),
    ],
)
def test_trend_rule_waits_after_resolution(rule, wait_days):
    found = finding(rule=rule, tier="priority", evidence=("new",))
    previous = resolved_at(T0, found)
    evidence = times(new=T0 + DAY)
    boundary = T0 + wait_days * DAY

    assert not should_raise(previous, found, boundary - timedelta(seconds=1), [], evidence)
    assert should_raise(previous, found, boundary, [], evidence)


def test_non_trend_rule_raises_at_once_on_newer_evidence():
    found = finding(evidence=("new",))

    assert should_raise(resolved_at(T0), found, T0 + timedelta(minutes=1), [], times(new=T0 + DAY))


def test_apply_finding_absorbs_raises_or_holds_back():
    found = finding(evidence=("r2",))
    evidence = times(r1=T0, r2=T0 + DAY)

    absorbed, absorbed_events = apply_finding(raised(), PATIENT, found, T0 + DAY, [], evidence)
    held, held_events = apply_finding(resolved_at(T0 + 2 * DAY), PATIENT, found, T0, [], evidence)
    new, new_events = apply_finding(None, PATIENT, found, T0, [], evidence)

    assert absorbed is not None and absorbed.evidence == ("r1", "r2") and absorbed_events == ()
    assert held is not None and held.status is AlertStatus.RESOLVED and held_events == ()
    assert new is not None and [e.name for e in new_events] == [EventName.RAISED]


# snoozes


def test_active_snooze_holds_back_a_new_alert():
    held = [snooze("spinal_pain_red_flag", None, T0, T0 + 7 * DAY, "known deficit")]

    assert is_snoozed(held, finding(), T0 + DAY)
    assert not should_raise(None, finding(), T0 + DAY, held, times(r1=T0 + DAY))


def test_expired_snooze_holds_back_nothing():
    held = [snooze("spinal_pain_red_flag", None, T0, T0 + 7 * DAY, "known deficit")]

    assert not is_snoozed(held, finding(), T0 + 7 * DAY)
    assert should_raise(None, finding(), T0 + 7 * DAY, held, times(r1=T0))


def test_site_snooze_covers_only_its_site():
    held = [snooze("spinal_pain_red_flag", "sacrum", T0, T0 + DAY, "known")]

    assert is_snoozed(held, finding(site="sacrum"), T0)
    assert not is_snoozed(held, finding(site="spine_thoracic"), T0)


def test_snooze_of_another_rule_does_not_apply():
    held = [snooze("breakthrough_overuse", None, T0, T0 + DAY, "titrating")]

    assert not is_snoozed(held, finding(), T0)


@pytest.mark.parametrize("rule", ["mscc_neuro_red_flag", "inability_to_bear_weight"])
def test_emergency_rule_cannot_be_snoozed(rule):
    with pytest.raises(SnoozeRefused, match="emergency rule and cannot be snoozed"):
        snooze(rule, None, T0, T0 + DAY, "known deficit")


def test_snooze_never_holds_back_an_emergency_finding():
    held = [snooze("possible_hypocalcaemia", None, T0, T0 + DAY, "on calcium")]

    assert is_snoozed(held, finding(rule="possible_hypocalcaemia", site=None), T0)
    assert not is_snoozed(
        held, finding(rule="possible_hypocalcaemia", site=None, tier="emergency"), T0
    )


def test_snooze_lasts_at_most_14_days():
    assert snooze("breakthrough_overuse", None, T0, T0 + MAX_SNOOZE, "titrating").until == (
        T0 + 14 * DAY
    )
    with pytest.raises(SnoozeRefused, match="at most 14 days; this one would last 15 days"):
        snooze("breakthrough_overuse", None, T0, T0 + 15 * DAY, "titrating")


def test_snooze_needs_a_reason_and_an_end_after_its_start():
    with pytest.raises(SnoozeRefused, match="needs a reason"):
        snooze("breakthrough_overuse", None, T0, T0 + DAY, "  ")
    with pytest.raises(SnoozeRefused, match="end after it starts"):
        snooze("breakthrough_overuse", None, T0, T0, "titrating")
