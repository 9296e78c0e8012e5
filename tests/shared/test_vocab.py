from shared.vocab import (
    LATERALITY_SNOMED,
    MEDICATIONS,
    SITES,
    SPINAL_SITES,
    WEIGHT_BEARING_SITES,
    Laterality,
    MedicationClass,
)


def test_every_site_has_a_region_and_sided_sites_a_laterality():
    for code, site in SITES.items():
        assert site.region
        sided = code.endswith(("_left", "_right"))
        assert (site.laterality is not None) == sided, code


def test_laterality_uses_the_catalogue_snomed_codes():
    assert LATERALITY_SNOMED[Laterality.LEFT] == "7771000"
    assert LATERALITY_SNOMED[Laterality.RIGHT] == "24028007"


def test_site_codes_are_filled_in_only_where_checked():
    assert SITES["jaw"].snomed == "91609006"
    assert SITES["sternum"].snomed == "56873002"
    assert SITES["hip_left"].snomed == "29836001"
    assert SITES["tibia_right"].snomed == "12611008"
    assert SITES["shoulder_left"].snomed == "16982005"
    assert SITES["forearm_right"].snomed == "14975008"


def test_spinal_and_weight_bearing_sites_are_known_sites():
    assert SPINAL_SITES.issubset(SITES)
    assert WEIGHT_BEARING_SITES.issubset(SITES)


def test_every_convertible_opioid_names_the_unit_its_factor_is_per():
    for medication in MEDICATIONS.values():
        if medication.ome_factor is not None:
            assert medication.drug_class is MedicationClass.OPIOID
            assert medication.ome_unit in {"mg", "mcg", "mcg/h"}


def test_methadone_and_buprenorphine_are_not_converted():
    assert MEDICATIONS["methadone"].ome_factor is None
    assert MEDICATIONS["buprenorphine_patch"].ome_factor is None


def test_bone_agents_carry_their_atc_codes():
    assert MEDICATIONS["zoledronic_acid"].atc == "M05BA08"
    assert MEDICATIONS["pamidronate"].atc == "M05BA03"
    assert MEDICATIONS["denosumab"].atc == "M05BX04"
