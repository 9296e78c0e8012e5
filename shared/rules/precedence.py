"""The catalogue's rank of every rule, high to low, used to break ties between equal tiers.

All 18 rule ids are listed, including those not yet implemented, so new rules slot in.
"""

PRECEDENCE = (
    "mscc_neuro_red_flag",  # 1
    "inability_to_bear_weight",  # 4
    "spinal_pain_red_flag",  # 2
    "functional_pain_weight_bearing",  # 3
    "possible_hypocalcaemia",  # 13
    "possible_hypercalcaemia",  # 14
    "post_rt_non_response",  # 8
    "breakthrough_overuse",  # 9
    "opioid_escalation",  # 10
    "persistent_focal_pain",  # 5
    "widespread_bone_pain",  # 6
    "possible_mronj",  # 12
    "severe_or_worsening_pain",  # 15
    "neuropathic_features",  # 11
    "post_rt_pain_flare",  # 7
    "bone_agent_schedule_gap",  # 16
    "acute_phase_reaction",  # 17
    "missed_check_ins",  # 18
)

_RANK = {rule_id: position for position, rule_id in enumerate(PRECEDENCE)}


def rank(rule_id: str) -> int:
    """0 for the highest-ranked rule; a rule missing from the list is a programming error."""
    if rule_id not in _RANK:
        raise ValueError(f"rule '{rule_id}' has no place in PRECEDENCE; add it there")
    return _RANK[rule_id]
