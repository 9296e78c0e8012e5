"""Mirels score of a long-bone lesion with functional pain (Mirels 1989), for rule 3's wording."""

from shared.records import Lesion

# The pelvis has no Mirels site score: the score was built for long bones.
SITE_POINTS = {"humerus": 1, "femur": 2, "tibia": 2, "hip": 3}
FUNCTIONAL_PAIN_POINTS = 3
TYPE_POINTS = {"blastic": 1, "mixed": 2, "lytic": 3}
SIZE_POINTS = {"lt_third": 1, "third_to_two_thirds": 2, "gt_two_thirds": 3}
FIXATION_INDICATED = 9
BORDERLINE = 8


def mirels_score(site: str, lesion: Lesion | None) -> int | None:
    """The score with functional pain; None when the site or the lesion record cannot give one."""
    bone = site.split("_")[0]
    if lesion is None or bone not in SITE_POINTS:
        return None
    if lesion.type is None or lesion.cortical_involvement is None:
        return None
    return (
        SITE_POINTS[bone]
        + FUNCTIONAL_PAIN_POINTS
        + TYPE_POINTS[lesion.type]
        + SIZE_POINTS[lesion.cortical_involvement]
    )


def mirels_wording(score: int) -> str:
    if score >= FIXATION_INDICATED:
        return f"Mirels score {score} (9 or more: prophylactic fixation indicated)"
    if score == BORDERLINE:
        return f"Mirels score {score} (borderline)"
    return f"Mirels score {score} (below the borderline of 8)"
