"""The registry: every rule the engine runs, in catalogue order. Add a rule by listing it here."""

from shared.rules.base import Rule
from shared.rules.bone_agents import acute_phase_reaction, possible_mronj
from shared.rules.breakthrough import breakthrough_overuse
from shared.rules.calcium import possible_hypercalcaemia, possible_hypocalcaemia
from shared.rules.neuropathic import neuropathic_features
from shared.rules.opioids import opioid_escalation
from shared.rules.persistence import persistent_focal_pain, widespread_bone_pain
from shared.rules.radiotherapy import post_rt_non_response, post_rt_pain_flare
from shared.rules.red_flags import inability_to_bear_weight, mscc_neuro_red_flag
from shared.rules.schedules import bone_agent_schedule_gap, missed_check_ins
from shared.rules.severe import severe_or_worsening_pain
from shared.rules.spinal import spinal_pain_red_flag
from shared.rules.weight_bearing import functional_pain_weight_bearing

RULES: tuple[Rule, ...] = (
    mscc_neuro_red_flag,  # 1
    spinal_pain_red_flag,  # 2
    functional_pain_weight_bearing,  # 3
    inability_to_bear_weight,  # 4
    persistent_focal_pain,  # 5
    widespread_bone_pain,  # 6
    post_rt_pain_flare,  # 7
    post_rt_non_response,  # 8
    breakthrough_overuse,  # 9
    opioid_escalation,  # 10
    neuropathic_features,  # 11
    possible_mronj,  # 12
    possible_hypocalcaemia,  # 13
    possible_hypercalcaemia,  # 14
    severe_or_worsening_pain,  # 15
    bone_agent_schedule_gap,  # 16
    acute_phase_reaction,  # 17
    missed_check_ins,  # 18
)

# Run after each record; time-based rules run on a clock tick (end of day, scheduler).
EVENT_RULES = tuple(rule for rule in RULES if not rule.time_based)
TIME_BASED_RULES = tuple(rule for rule in RULES if rule.time_based)
# The event rules a dose record can change, and those it cannot.
DOSE_RULES = tuple(rule for rule in EVENT_RULES if rule.reads_doses)
REPORT_RULES = tuple(rule for rule in EVENT_RULES if not rule.reads_doses)
