"""Records rebuilt from wire JSON that was validated when it arrived, without validating again.

The server keeps every pushed record's wire JSON after the schemas accepted it; the engine reads
hundreds of them on each sync. Going through marshmallow again would cost more than the engine
itself, so these build the dataclasses directly. Never use them on input from outside.
"""

from datetime import date, datetime
from typing import Any

from shared.records import (
    Dose,
    Interference,
    Lesion,
    PainReport,
    PatientContext,
    PlannedMedication,
    SiteScore,
)


def trusted_report(wire: dict[str, Any]) -> PainReport:
    interference = wire.get("interference")
    return PainReport(
        id=wire["id"],
        recorded_at=datetime.fromisoformat(wire["recorded_at"]),
        revision=wire["revision"],
        deleted=wire["deleted"],
        sites=tuple(
            SiteScore(
                site=entry["site"],
                score=entry["score"],
                qualities=tuple(entry.get("qualities", ())),
                aggravated_by=tuple(entry.get("aggravated_by", ())),
            )
            for entry in wire["sites"]
        ),
        symptoms=tuple(wire.get("symptoms", ())),
        interference=Interference(**interference) if interference else None,
        note=wire.get("note"),
        pain_rated=wire.get("pain_rated", True),
    )


def trusted_dose(wire: dict[str, Any]) -> Dose:
    return Dose(
        id=wire["id"],
        taken_at=datetime.fromisoformat(wire["taken_at"]),
        medication=wire["medication"],
        dose=wire["dose"],
        unit=wire["unit"],
        route=wire["route"],
        purpose=wire["purpose"],
        revision=wire["revision"],
        deleted=wire["deleted"],
    )


def trusted_context(wire: dict[str, Any]) -> PatientContext:
    """The context as `PatientContextSchema().load(wire, partial=True)` builds it."""
    care_team_id = wire.get("care_team_id")
    return PatientContext(
        id=wire["id"],
        revision=wire.get("revision", 1),
        care_team_id=None if care_team_id is None else str(care_team_id),
        time_zone=wire.get("time_zone"),
        helpline=wire.get("helpline"),
        status=wire.get("status", "active"),
        lesions=tuple(
            Lesion(
                site=lesion["site"],
                type=lesion.get("type"),
                cortical_involvement=lesion.get("cortical_involvement"),
            )
            for lesion in wire.get("lesions", ())
        ),
        medications=tuple(
            PlannedMedication(
                medication=planned["medication"],
                purpose=planned["purpose"],
                since=date.fromisoformat(planned["since"]),
                dose=planned.get("dose"),
                unit=planned.get("unit"),
                route=planned.get("route"),
                until=date.fromisoformat(planned["until"]) if planned.get("until") else None,
            )
            for planned in wire.get("medications", ())
        ),
    )
