"""The catalogue's codes in the words a clinician on shift reads (rules, tiers, sites)."""

from __future__ import annotations

from shared.vocab import SITES

TIER_LABELS = {
    "emergency": "Emergency",
    "urgent": "Urgent",
    "priority": "Priority",
    "routine": "Routine",
    "info": "Info",
}

RULE_TITLES = {
    "mscc_neuro_red_flag": "Possible spinal cord compression (neurological signs)",
    "spinal_pain_red_flag": "Spinal pain red flag",
    "functional_pain_weight_bearing": "Pain on weight bearing (fracture risk)",
    "inability_to_bear_weight": "Cannot bear weight (possible fracture)",
    "persistent_focal_pain": "Persistent focal pain",
    "widespread_bone_pain": "Widespread bone pain",
    "post_rt_pain_flare": "Pain flare after radiotherapy",
    "post_rt_non_response": "No response to radiotherapy",
    "breakthrough_overuse": "Frequent breakthrough doses",
    "opioid_escalation": "Opioid use rising",
    "neuropathic_features": "Neuropathic pain features",
    "possible_mronj": "Possible jaw osteonecrosis",
    "possible_hypocalcaemia": "Possible low calcium",
    "possible_hypercalcaemia": "Possible high calcium",
    "severe_or_worsening_pain": "Severe or worsening pain",
    "bone_agent_schedule_gap": "Bone agent dose overdue",
    "acute_phase_reaction": "Reaction after bisphosphonate",
    "missed_check_ins": "Check-ins missed",
}

OUTCOME_LABELS = {
    "actioned": "Actioned",
    "not_actionable": "Not actionable",
    "duplicate": "Duplicate",
}


def site_label(code: str | None) -> str:
    if code is None:
        return ""
    site = SITES.get(code)
    return site.label if site else code.replace("_", " ")
