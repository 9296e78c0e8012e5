"""Demo patients for `make run`: synthetic histories up to today, pushed through the real sync.

Each patient's records go through the same service a phone's push does, so the demo alerts on
the worklist are genuine engine output: red flags, new thoracic pain, functional femur pain,
persistent focal pain, a radiotherapy course, rising opioid use, and stable patients who raise
nothing.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from server.models import CareTeam, DeviceToken, Patient, PatientSex, Treatment
from server.security.actors import PatientDevice
from server.security.tokens import hash_token, new_token
from server.services.change_sequence import ChangeSequence
from server.services.sync import Push, sync
from shared.config import RulesConfig
from shared.synthetic import generate

# (display name, scenario): names are invented; scenarios are the synthetic module's.
DEMO_PATIENTS = [
    ("Alex Morgan", "mscc_neuro_red_flag"),
    ("Bea Lindqvist", "spinal_pain_red_flag"),
    ("Chidi Okafor", "functional_pain_weight_bearing"),
    ("Dora Haddad", "inability_to_bear_weight"),
    ("Eitan Levi", "persistent_focal_pain"),
    ("Fatima Noor", "widespread_bone_pain"),
    ("Gus Petrov", "post_rt_pain_flare"),
    ("Hana Sato", "post_rt_non_response"),
    ("Ivo Rossi", "opioid_escalation"),
    ("June Park", "breakthrough_overuse"),
    ("Kofi Mensah", "neuropathic_features"),
    ("Lena Vogel", "possible_hypercalcaemia"),
    ("Marta Silva", "severe_or_worsening_pain"),
    ("Nils Berg", "missed_check_ins"),
    ("Olu Adeyemi", "stable"),
    ("Priya Shah", "stable"),
    ("Quinn Doyle", "stable"),
    ("Rosa Ortega", "stable"),
    ("Sami Aziz", "stable"),
    ("Tove Lund", "stable"),
]
# What some demo patients wrote on their latest check-in.
LATEST_NOTES = {
    "mscc_neuro_red_flag": "Woke at 3am, legs wobbly on the stairs.",
    "spinal_pain_red_flag": "Back pain worse lying down, kept me up.",
    "opioid_escalation": "Needed the extra tablets twice today.",
}
DAYS = 75
BATCH = 200  # what the phone sends per request


def seed_demo_patients(session: Session, team: CareTeam, now: datetime, config: RulesConfig) -> int:
    # Histories end yesterday: today's check-ins are still to come, and a pattern placed on the
    # last day must not fall after the server's clock.
    yesterday = now.date() - timedelta(days=1)
    for seed, (name, scenario) in enumerate(DEMO_PATIENTS, start=1):
        document = generate(seed, yesterday, scenario, DAYS)
        if scenario in LATEST_NOTES and document["reports"]:
            document["reports"][-1]["note"] = LATEST_NOTES[scenario]
        patient = add_patient(session, team, seed, name, document["patient"])
        add_treatments(session, patient, document["treatments"], now.date())
        device = add_device(session, patient)
        session.commit()
        push_history(session, device, document, now, config)
    return len(DEMO_PATIENTS)


def add_patient(
    session: Session, team: CareTeam, seed: int, name: str, context: dict[str, Any]
) -> Patient:
    """An invented hospital number and birth date; the last demo patient has no MRN yet."""
    last = seed == len(DEMO_PATIENTS)
    patient = Patient(
        id=uuid.UUID(context["id"]),
        clinic_id=team.clinic_id,
        care_team_id=team.id,
        display_name=name,
        mrn=None if last else f"DEMO{104200 + seed * 37}",
        birth_date=date(1938 + seed * 2, 1 + seed % 12, 1 + seed * 5 % 28),
        sex=PatientSex.FEMALE if seed % 2 == 0 else PatientSex.MALE,
        time_zone=context.get("time_zone") or "UTC",
        helpline=team.helpline,
        lesions=context.get("lesions", []),
        medications=context.get("medications", []),
    )
    session.add(patient)
    session.flush()
    return patient


def add_treatments(
    session: Session, patient: Patient, treatments: list[dict[str, Any]], today: date
) -> None:
    sequence = ChangeSequence(session, patient.id)
    for wire in treatments:
        if date.fromisoformat(wire["started_on"]) > today:
            continue
        session.add(
            Treatment(
                id=uuid.UUID(wire["id"]),
                clinic_id=patient.clinic_id,
                patient_id=patient.id,
                kind=wire["kind"],
                sites=wire.get("sites", []),
                started_on=date.fromisoformat(wire["started_on"]),
                ended_on=date.fromisoformat(wire["ended_on"]) if wire.get("ended_on") else None,
                details=wire.get("details", {}),
                change_seq=sequence.next(),
            )
        )
    sequence.close()


def add_device(session: Session, patient: Patient) -> PatientDevice:
    device = DeviceToken(
        clinic_id=patient.clinic_id,
        patient_id=patient.id,
        token_hash=hash_token(new_token()),
        device_name="Demo phone",
    )
    session.add(device)
    session.flush()
    return PatientDevice(device_id=device.id, patient_id=patient.id, clinic_id=patient.clinic_id)


def push_history(
    session: Session,
    device: PatientDevice,
    document: dict[str, Any],
    now: datetime,
    config: RulesConfig,
) -> None:
    """Push in time order and the phone's batch size, leaving out what is later than `now`."""
    timed = [(datetime.fromisoformat(r["recorded_at"]), "reports", r) for r in document["reports"]]
    timed += [(datetime.fromisoformat(d["taken_at"]), "doses", d) for d in document["doses"]]
    records = sorted((item for item in timed if item[0] <= now), key=lambda item: item[0])
    for start in range(0, len(records), BATCH):
        batch = records[start : start + BATCH]
        push = Push(
            cursor=None,
            reports=[record for _, kind, record in batch if kind == "reports"],
            doses=[record for _, kind, record in batch if kind == "doses"],
        )
        sync(session, device, push, now, config)
