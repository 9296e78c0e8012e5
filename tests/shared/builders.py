"""Small builders of wire records for the clinical-core tests.

Records go through the real wire schemas, so every test history is one the phone or the server
could have produced. D is the evaluation day most tests use.
"""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from itertools import count
from typing import Any
from uuid import UUID

from shared.config import RulesConfig
from shared.engine import evaluate
from shared.history import PatientHistory
from shared.records import Dose, PainReport, PatientContext, Treatment
from shared.rules import Evaluation, Finding, Rule
from shared.wire import DoseSchema, PainReportSchema, PatientContextSchema, TreatmentSchema

D = date(2026, 11, 27)
_serial = count(1)


def new_id() -> str:
    return str(UUID(int=next(_serial)))


def day(offset: int) -> date:
    """D plus `offset` days (negative for the past)."""
    return D + timedelta(days=offset)


def moment(on: date, hour: int = 9, minute: int = 0, offset_hours: float = 0) -> datetime:
    zone = timezone(timedelta(hours=offset_hours))
    return datetime.combine(on, time(hour, minute), tzinfo=zone)


def site(
    code: str, score: int, *, qualities: Iterable[str] = (), aggravated_by: Iterable[str] = ()
) -> dict[str, Any]:
    return {
        "site": code,
        "score": score,
        "qualities": list(qualities),
        "aggravated_by": list(aggravated_by),
    }


def report_wire(
    on: date = D,
    *sites: dict[str, Any],
    symptoms: Iterable[str] = (),
    hour: int = 9,
    minute: int = 0,
    offset_hours: float = 0,
    id: str | None = None,
    revision: int = 1,
    deleted: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": id or new_id(),
        "recorded_at": moment(on, hour, minute, offset_hours).isoformat(),
        "revision": revision,
        "deleted": deleted,
        "sites": list(sites),
        "symptoms": list(symptoms),
        **extra,
    }


def report(on: date = D, *sites: dict[str, Any], **options: Any) -> PainReport:
    loaded: PainReport = PainReportSchema().load(report_wire(on, *sites, **options))
    return loaded


def scores(code: str, by_day: dict[date, int], **options: Any) -> list[PainReport]:
    """One report per day; a score of 0 is a pain-free check-in (the site is left out)."""
    return [
        report(on, *([site(code, score, **options)] if score else []))
        for on, score in by_day.items()
    ]


def same_score(code: str, score: int, days: Iterable[date]) -> list[PainReport]:
    return scores(code, dict.fromkeys(days, score))


def span(first: int, last: int) -> list[date]:
    """Days D+first .. D+last, both included."""
    return [day(n) for n in range(first, last + 1)]


def dose_wire(
    on: date = D,
    medication: str = "oxycodone",
    amount: float = 5,
    *,
    unit: str = "mg",
    route: str = "oral",
    purpose: str = "breakthrough",
    hour: int = 9,
    minute: int = 0,
    offset_hours: float = 0,
    id: str | None = None,
    revision: int = 1,
    deleted: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": id or new_id(),
        "taken_at": moment(on, hour, minute, offset_hours).isoformat(),
        "revision": revision,
        "deleted": deleted,
        "medication": medication,
        "dose": amount,
        "unit": unit,
        "route": route,
        "purpose": purpose,
        **extra,
    }


def dose(on: date = D, medication: str = "oxycodone", amount: float = 5, **options: Any) -> Dose:
    loaded: Dose = DoseSchema().load(dose_wire(on, medication, amount, **options))
    return loaded


def regular(
    on_days: Iterable[date], medication: str = "morphine", amount: float = 30
) -> list[Dose]:
    return [dose(on, medication, amount, purpose="scheduled") for on in on_days]


def treatment_wire(
    kind: str = "radiotherapy",
    sites: Iterable[str] = ("femur_left",),
    started_on: date = D,
    ended_on: date | None = None,
    *,
    details: dict[str, Any] | None = None,
    id: str | None = None,
    revision: int = 1,
    deleted: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    wire: dict[str, Any] = {
        "id": id or new_id(),
        "kind": kind,
        "sites": list(sites),
        "started_on": started_on.isoformat(),
        "revision": revision,
        "deleted": deleted,
        "details": details if details is not None else {"dose_gy": 8, "fractions": 1},
        **extra,
    }
    if ended_on is not None or kind == "radiotherapy":
        wire["ended_on"] = (ended_on or started_on).isoformat()
    return wire


def radiotherapy(sites: Iterable[str], started_on: date, ended_on: date | None = None) -> Treatment:
    loaded: Treatment = TreatmentSchema().load(
        treatment_wire("radiotherapy", sites, started_on, ended_on)
    )
    return loaded


def context_wire(**fields: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "revision": 1,
        "care_team_id": new_id(),
        "time_zone": "Europe/London",
        "helpline": "+44 20 7946 0000",
        "status": "active",
        "lesions": [],
        "medications": [],
        **fields,
    }


def context(**fields: Any) -> PatientContext:
    loaded: PatientContext = PatientContextSchema().load(context_wire(**fields))
    return loaded


def history(*records: Any, patient: PatientContext | None = None) -> PatientHistory:
    """A history from any mix of reports, doses, treatments and lists of them."""
    flat: list[Any] = []
    for item in records:
        flat += item if isinstance(item, list) else [item]
    return PatientHistory.build(
        reports=[r for r in flat if isinstance(r, PainReport)],
        doses=[d for d in flat if isinstance(d, Dose)],
        treatments=[t for t in flat if isinstance(t, Treatment)],
        context=patient,
    )


def findings_on(
    on: date,
    *records: Any,
    patient: PatientContext | None = None,
    config: RulesConfig | None = None,
) -> list[Finding]:
    """Evaluate at 23:00 UTC of `on`, after every record of the day in these tests."""
    return evaluate(history(*records, patient=patient), moment(on, 23), config or RulesConfig())


def fired(findings: list[Finding], rule: str, site: str | None = None) -> list[Finding]:
    return [f for f in findings if f.rule == rule and (site is None or f.site == site)]


def run_rule(
    rule: Rule,
    on: date,
    *records: Any,
    patient: PatientContext | None = None,
    config: RulesConfig | None = None,
) -> list[Finding]:
    """One rule alone (no precedence), evaluated at 23:00 UTC of `on`."""
    now = moment(on, 23)
    evaluation = Evaluation(
        history(*records, patient=patient).as_of(now), now, on, config or RulesConfig()
    )
    return rule.findings(evaluation)


def bone_agent(kind: str = "denosumab", on: date = D, **details: Any) -> Treatment:
    """One bone-agent administration given on `on` (details: agent, interval_weeks, stopped)."""
    loaded: Treatment = TreatmentSchema().load(treatment_wire(kind, [], on, details=details))
    return loaded


def run_rule_at(
    rule: Rule,
    now: datetime,
    *records: Any,
    patient: PatientContext | None = None,
    config: RulesConfig | None = None,
) -> list[Finding]:
    """One rule alone at `now` (its local date is D), as a clock tick runs a time-based rule."""
    evaluation = Evaluation(
        history(*records, patient=patient).as_of(now), now, now.date(), config or RulesConfig()
    )
    return rule.findings(evaluation)
