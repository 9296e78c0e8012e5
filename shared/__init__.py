"""Painline's clinical core, shared by the phone, the server and replay.

Standard library plus marshmallow; no I/O and no clock: callers pass `now`, an aware datetime.
The rule catalogue it implements is `clinical-rules.md`; the wire format is "Wire format v1" of
`architecture.md`.

Public API
----------
Vocabularies (`shared.vocab`)
    `SITES` (code -> `Site`: label, region, SNOMED CT code, laterality), `SPINAL_SITES`,
    `WEIGHT_BEARING_SITES`, `LATERALITY_SNOMED`, `QUALITIES`, `AGGRAVATORS`, `SYMPTOMS`,
    `ROUTES`, `UNITS`, `DOSE_PURPOSES`, `TREATMENT_KINDS`, `PATIENT_STATUSES`, `LESION_TYPES`,
    `CORTICAL_INVOLVEMENT`, `MEDICATIONS` (code -> `Medication`: class, OME factor and unit, ATC).

Records (`shared.records`)
    Frozen dataclasses both sides use: `PainReport`, `SiteScore`, `Interference`, `Dose`,
    `Treatment`, `TreatmentDetails`, `PatientContext`, `Lesion`, `PlannedMedication`.

Wire schemas (`shared.wire`)
    `PainReportSchema`, `DoseSchema`, `TreatmentSchema`, `PatientContextSchema`:
    `Schema(now=server_clock).load(wire_dict) -> record` raises `marshmallow.ValidationError`
    with one plain-words message per field (unknown fields and codes, scores outside 0-10,
    notes over 2000 characters, times without a UTC offset, times more than 26 h ahead of
    `now`). `check_future(record, now) -> ClockCheck` (ON_TIME, AHEAD = accept and flag,
    TOO_FAR_AHEAD). `dump_report`, `dump_dose`, `dump_treatment`, `dump_context` turn records
    back into wire dicts. Replay loads a context holding only `id` with `load(..., partial=True)`.

Configuration (`shared.config`)
    `RulesConfig` (every [design] threshold, the OME table and the plausible-dose limits of
    `shared.vocab.dose_limits`, catalogue defaults),
    `RulesConfig.from_dict(overrides)` (raises `ConfigError` on unknown or bad settings),
    `config.config_hash()` (sha256 of canonical JSON, stored on each alert), `DEFAULT_CONFIG`.
    `shared.plausibility.is_implausible(dose, config)`: above its limit, so left out of OME.

History (`shared.history`)
    `PatientHistory.build(reports, doses, treatments, context)`: latest revision of each record
    wins, a deleted latest revision removes it. Methods named after the catalogue's definitions
    (`logged_days`, `daily_score`, `baseline`, `recent_mean`, `rise`, `is_new_site`,
    `is_pain_day`, `persistent_sites`, `daily_ome`, `baseline_ome`, `radiotherapy_windows`,
    `pre_rt_baseline`, `pre_rt_ome`, `bone_agent_doses`, `same_day_reports`, ...). Pain
    definitions read only reports that rate pain (`pain_reports_on`): a `pain_rated: false`
    report is a check-in (`check_in_days`) but logs no day. `history.as_of(now)` hides
    records made after `now`. `required_window(treatments, now) -> datetime`: the earliest
    report or (non-bone-agent) dose time to load; bone-agent doses, treatments and the context
    are loaded in full.

Engine and rules (`shared.engine`, `shared.rules`)
    `evaluate(history, now, config, *, rules=EVENT_RULES) -> list[Finding]`: D is the local
    date of `now`; per site the highest tier survives (ties by rank), patient-level findings
    are all kept, sorted by tier then rank. Pass `rules=TIME_BASED_RULES` on end-of-day and
    scheduler ticks. `evaluation_at(history, now, config)`, `run_rules(evaluation, rules)` and
    `apply_precedence(findings)` are its three steps, for callers that combine rule sets
    (`REPORT_RULES` read no dose record, `DOSE_RULES` do). `Finding`: rule, rule_version,
    tier (`Tier`), site, evidence (record ids), explanation, suggested_action, citation, day.
    `RULES` is the registry; `PRECEDENCE` ranks all 18 rule ids; a new rule is a function
    decorated with `@rule(id=..., version=..., suggested_action=..., citation=...,
    time_based=..., reads_doses=...)` and listed in `shared.rules.registry`. A history
    caches what it derives from each day's records, and its `as_of` views share that cache
    for the days they leave unchanged.

The alert lifecycle lives in `shared.lifecycle` (see its docstring).

Replay (`shared.replay`)
    `load_patient(document) -> PatientInput` (raises `InputError` naming the field's path),
    `replay(patient, config, zone=..., resolve_after=...) -> Replay` (alert events in time
    order), `summarise(replays)` (alerts per patient-month by rule and tier). Command line:
    `python -m shared.replay FILE_OR_DIR... [--resolve-after-days N] [--config FILE]
    [--summary]`.

Rule catalogue (`python -m shared.rules`)
    Prints the registry as Markdown (`shared.rules.catalogue`); `docs/rules.md` is its output.
"""
