"""Body sites a patient can log pain at, with their SNOMED CT body structure and region.

Regions group sites for rules 5 and 6 (focal versus widespread pain). SNOMED codes marked
"verify" in the catalogue were checked against DICOM PS3.16 context groups (CID 4031 Common
Anatomic Regions; CID 12021 for the tibia, which CID 4031 does not list).
"""

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class Laterality(StrEnum):
    LEFT = "left"
    RIGHT = "right"


# SNOMED CT qualifier values, as given by the catalogue.
LATERALITY_SNOMED = MappingProxyType({Laterality.LEFT: "7771000", Laterality.RIGHT: "24028007"})


@dataclass(frozen=True)
class Site:
    code: str
    label: str
    region: str
    snomed: str | None
    laterality: Laterality | None = None


_SITE_LIST = (
    Site("skull", "skull", "head", "89546000"),
    # CID 4031 "Mandible"; the catalogue asked for this one to be checked.
    Site("jaw", "jaw", "head", "91609006"),
    Site("spine_cervical", "neck (cervical spine)", "cervical spine", "122494005"),
    Site("spine_thoracic", "thoracic spine", "thoracic spine", "122495006"),
    Site("spine_lumbar", "lower back (lumbar spine)", "lumbosacral spine", "122496007"),
    Site("sacrum", "sacrum", "lumbosacral spine", "54735007"),
    Site("ribs_left", "left ribs", "chest wall", "113197003", Laterality.LEFT),
    Site("ribs_right", "right ribs", "chest wall", "113197003", Laterality.RIGHT),
    Site("sternum", "sternum", "chest wall", "56873002"),
    # CID 4031 "Shoulder" (16982005) and "Forearm" (14975008).
    Site("shoulder_left", "left shoulder", "left arm", "16982005", Laterality.LEFT),
    Site("shoulder_right", "right shoulder", "right arm", "16982005", Laterality.RIGHT),
    Site("humerus_left", "left upper arm (humerus)", "left arm", "85050009", Laterality.LEFT),
    Site("humerus_right", "right upper arm (humerus)", "right arm", "85050009", Laterality.RIGHT),
    Site("forearm_left", "left forearm", "left arm", "14975008", Laterality.LEFT),
    Site("forearm_right", "right forearm", "right arm", "14975008", Laterality.RIGHT),
    Site("pelvis", "pelvis", "pelvis", "816092008"),
    # CID 4031 "Hip" (29836001, the region), not "Hip joint": patients point at the hip.
    Site("hip_left", "left hip", "pelvis", "29836001", Laterality.LEFT),
    Site("hip_right", "right hip", "pelvis", "29836001", Laterality.RIGHT),
    Site("femur_left", "left thigh (femur)", "left leg", "71341001", Laterality.LEFT),
    Site("femur_right", "right thigh (femur)", "right leg", "71341001", Laterality.RIGHT),
    Site("tibia_left", "left shin (tibia)", "left leg", "12611008", Laterality.LEFT),
    Site("tibia_right", "right shin (tibia)", "right leg", "12611008", Laterality.RIGHT),
)

SITES: MappingProxyType[str, Site] = MappingProxyType({site.code: site for site in _SITE_LIST})

SPINAL_SITES = frozenset({"spine_cervical", "spine_thoracic", "spine_lumbar", "sacrum"})

# Humerus counts with the legs because patients load it when they push up or use a walker.
WEIGHT_BEARING_SITES = frozenset(
    {
        "pelvis",
        "hip_left",
        "hip_right",
        "femur_left",
        "femur_right",
        "tibia_left",
        "tibia_right",
        "humerus_left",
        "humerus_right",
    }
)
