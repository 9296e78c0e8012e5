"""The largest plausible single dose of each medication, with the source of each limit.

A dose above its limit is most likely a typing slip ("100000 mg" for "100 mg"): the phone asks
before saving it, and the server stores it but leaves it out of daily OME and every
OME rule until someone checks with the patient. The limits are deliberately generous, so that only
what is very unlikely is flagged:

- non-opioids and neuropathic agents: the adult maximum for a whole day (BNF), taken as the
  ceiling of one dose;
- bone agents: the largest single dose on the product's label (SmPC);
- opioids: there is no ceiling dose of a strong opioid in palliative care (BNF, "Prescribing in
  palliative care"), so the limits are [design]: about 2,000 mg oral morphine equivalent in one
  dose, far beyond usual practice; weak opioids use their BNF daily maximum.

The BNF and SmPC figures are the usual adult maxima of those sources, to be checked against their
current editions before release [verify]. Limits are keyed like the OME table (medication, or
medication/route for a route that differs) and given in the limit's unit; a deployment
overrides them through `RulesConfig.dose_limits`.
"""

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class DoseLimit:
    key: str
    largest: float
    unit: str
    source: str


_NO_CEILING = "[design] BNF: no ceiling dose for strong opioids in palliative care"

_LIMIT_LIST = (
    DoseLimit("morphine", 2000, "mg", _NO_CEILING),
    # Parenteral morphine is about three times as strong as oral (the OME table).
    DoseLimit("morphine/sc", 1000, "mg", _NO_CEILING),
    DoseLimit("morphine/iv", 1000, "mg", _NO_CEILING),
    DoseLimit("oxycodone", 1500, "mg", _NO_CEILING),
    DoseLimit("hydromorphone", 400, "mg", _NO_CEILING),
    DoseLimit("hydrocodone", 2000, "mg", _NO_CEILING),
    DoseLimit("oxymorphone", 700, "mg", _NO_CEILING),
    DoseLimit("methadone", 500, "mg", _NO_CEILING),
    DoseLimit("codeine", 240, "mg", "BNF: codeine phosphate, max. 240 mg daily"),
    DoseLimit("tramadol", 400, "mg", "BNF: tramadol, max. 400 mg daily"),
    DoseLimit("tapentadol", 600, "mg", "SmPC Palexia: max. 600 mg on the first day"),
    DoseLimit("fentanyl_patch", 1000, "mcg/h", _NO_CEILING),
    DoseLimit(
        "buprenorphine_patch", 280, "mcg/h", "[design] four 70 mcg/h patches (SmPC Transtec)"
    ),
    DoseLimit("fentanyl_buccal", 1600, "mcg", "SmPC Effentora: 800 mcg per tablet, [design] x2"),
    DoseLimit("fentanyl_nasal", 1600, "mcg", "SmPC PecFent: 800 mcg per episode, [design] x2"),
    DoseLimit("paracetamol", 4000, "mg", "BNF: paracetamol, max. 4 g daily"),
    DoseLimit("ibuprofen", 2400, "mg", "BNF: ibuprofen, max. 2.4 g daily"),
    DoseLimit("naproxen", 1250, "mg", "BNF: naproxen, acute gout 750 mg then 250 mg 8-hourly"),
    DoseLimit("diclofenac", 150, "mg", "BNF: diclofenac sodium, max. 150 mg daily"),
    DoseLimit("dexamethasone", 100, "mg", "[design] above the 96 mg high-dose MSCC bolus"),
    DoseLimit("prednisolone", 100, "mg", "[design] BNF: usually up to 60 mg daily"),
    DoseLimit("gabapentin", 3600, "mg", "BNF: gabapentin, max. 3.6 g daily"),
    DoseLimit("pregabalin", 600, "mg", "BNF: pregabalin, max. 600 mg daily"),
    DoseLimit("duloxetine", 120, "mg", "BNF: duloxetine, max. 120 mg daily"),
    DoseLimit("amitriptyline", 200, "mg", "BNF: amitriptyline, max. 200 mg daily (depression)"),
    DoseLimit("nortriptyline", 150, "mg", "BNF: nortriptyline, max. 150 mg daily"),
    DoseLimit("zoledronic_acid", 5, "mg", "SmPC Aclasta: 5 mg (Zometa: 4 mg)"),
    DoseLimit("pamidronate", 90, "mg", "SmPC pamidronate: max. 90 mg per infusion"),
    DoseLimit("denosumab", 120, "mg", "SmPC Xgeva: 120 mg"),
)

DOSE_LIMITS: MappingProxyType[str, DoseLimit] = MappingProxyType(
    {limit.key: limit for limit in _LIMIT_LIST}
)


def limits_markdown() -> str:
    """The table as `docs/dose-limits.md` holds it (a test keeps the two equal)."""
    rows = "".join(
        f"| `{limit.key}` | {limit.largest:g} {limit.unit} | {limit.source} |\n"
        for limit in _LIMIT_LIST
    )
    return (
        "# Plausible doses\n\n"
        "The largest plausible single dose per medication (and route, where it differs), from "
        '`shared/vocab/dose_limits.py`; regenerate with `python -c "from shared.vocab.dose_limits '
        "import limits_markdown as m; print(m(), end='')\" > docs/dose-limits.md`. A dose above "
        "its limit is asked about on the phone, stored by the server but marked implausible: left "
        "out of daily OME and every OME rule, struck through on the dashboard, and listed in the "
        "sync response's `warnings`. Doses in ml are not judged. The BNF and SmPC figures are to "
        "be checked against their current editions [verify]. A deployment overrides a limit "
        "with `dose_limits` in the rules configuration (`PAINLINE_RULES_CONFIG`). Trend "
        "detection only, never dosing advice.\n\n"
        "| medication | largest single dose | source |\n"
        "|---|---|---|\n"
        f"{rows}"
    )
