"""The body map: front and back outlines, one shape per site, shaded by its recent score.

Front view shows the patient facing the reader (their right on the reader's left); the back
view shows the spine. Each site shape carries `data-site` and `data-score` (empty when the
patient has not checked in during the last 7 days) and links to the chart filtered to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from markupsafe import Markup, escape

from server.dashboard.svg.shades import shade
from server.dashboard.words import site_label

BACK_X = 190

# (kind, attributes) per site, on a 160 x 340 figure; the back view is shifted by BACK_X.
FRONT_SITES: dict[str, tuple[str, dict[str, float]]] = {
    "skull": ("ellipse", {"cx": 80, "cy": 24, "rx": 17, "ry": 19}),
    "jaw": ("ellipse", {"cx": 80, "cy": 47, "rx": 10, "ry": 5}),
    "shoulder_right": ("circle", {"cx": 50, "cy": 72, "r": 10}),
    "shoulder_left": ("circle", {"cx": 110, "cy": 72, "r": 10}),
    "sternum": ("rect", {"x": 74, "y": 66, "width": 12, "height": 52, "rx": 4}),
    "ribs_right": ("rect", {"x": 56, "y": 80, "width": 16, "height": 44, "rx": 6}),
    "ribs_left": ("rect", {"x": 88, "y": 80, "width": 16, "height": 44, "rx": 6}),
    "humerus_right": ("rect", {"x": 34, "y": 84, "width": 13, "height": 54, "rx": 6}),
    "humerus_left": ("rect", {"x": 113, "y": 84, "width": 13, "height": 54, "rx": 6}),
    "forearm_right": ("rect", {"x": 28, "y": 142, "width": 12, "height": 52, "rx": 6}),
    "forearm_left": ("rect", {"x": 120, "y": 142, "width": 12, "height": 52, "rx": 6}),
    "pelvis": ("rect", {"x": 62, "y": 150, "width": 36, "height": 26, "rx": 8}),
    "hip_right": ("circle", {"cx": 57, "cy": 178, "r": 9}),
    "hip_left": ("circle", {"cx": 103, "cy": 178, "r": 9}),
    "femur_right": ("rect", {"x": 56, "y": 192, "width": 18, "height": 68, "rx": 8}),
    "femur_left": ("rect", {"x": 86, "y": 192, "width": 18, "height": 68, "rx": 8}),
    "tibia_right": ("rect", {"x": 58, "y": 266, "width": 15, "height": 64, "rx": 7}),
    "tibia_left": ("rect", {"x": 87, "y": 266, "width": 15, "height": 64, "rx": 7}),
}
BACK_SITES: dict[str, tuple[str, dict[str, float]]] = {
    "spine_cervical": ("rect", {"x": 75, "y": 46, "width": 10, "height": 18, "rx": 3}),
    "spine_thoracic": ("rect", {"x": 74, "y": 67, "width": 12, "height": 62, "rx": 3}),
    "spine_lumbar": ("rect", {"x": 74, "y": 132, "width": 12, "height": 26, "rx": 3}),
    "sacrum": ("path", {"d": "M70 161 L90 161 L80 184 Z"}),
}
# The silhouette behind the sites, the same for both views.
OUTLINE = (
    '<ellipse cx="80" cy="26" rx="20" ry="24"/>'
    '<rect x="71" y="44" width="18" height="18" rx="4"/>'
    '<rect x="44" y="60" width="72" height="124" rx="20"/>'
    '<rect x="30" y="66" width="20" height="76" rx="10"/><rect x="110" y="66" width="20" '
    'height="76" rx="10"/><rect x="24" y="136" width="19" height="64" rx="9"/>'
    '<rect x="117" y="136" width="19" height="64" rx="9"/>'
    '<rect x="52" y="172" width="26" height="162" rx="12"/>'
    '<rect x="82" y="172" width="26" height="162" rx="12"/>'
)

Link = Callable[[str], str]


def body_map(scores: Mapping[str, int | None], link: Link, selected: str | None) -> Markup:
    front = "".join(
        site_shape(site, *shape, scores, link, selected, 0) for site, shape in FRONT_SITES.items()
    )
    back = "".join(
        site_shape(site, *shape, scores, link, selected, BACK_X)
        for site, shape in BACK_SITES.items()
    )
    return Markup(
        '<svg class="body-map" viewBox="0 0 360 356" width="360" height="356" role="group" '
        'aria-labelledby="body-map-title"><title id="body-map-title">Body map: recent pain by '
        "site, front and back. Select a site to chart it.</title>"
        f'<g class="outline" aria-hidden="true">{OUTLINE}</g>'
        f'<g class="outline" aria-hidden="true" transform="translate({BACK_X} 0)">{OUTLINE}</g>'
        f"{front}{back}"
        '<g class="view-labels" aria-hidden="true">'
        '<text x="80" y="352">Front</text><text x="270" y="352">Back</text>'
        '<text x="14" y="80">R</text><text x="146" y="80">L</text>'
        '<text x="204" y="80">L</text><text x="336" y="80">R</text></g></svg>'
    )


def site_shape(
    site: str,
    kind: str,
    attributes: dict[str, float | str],
    scores: Mapping[str, int | None],
    link: Link,
    selected: str | None,
    shift: int,
) -> str:
    score = scores.get(site)
    said = "no check-in in the last 7 days" if score is None else f"{score} of 10"
    label = f"{site_label(site)}: {said}. Show its chart."
    drawn = " ".join(f'{name}="{value}"' for name, value in attributes.items())
    classes = "site selected" if site == selected else "site"
    place = f' transform="translate({shift} 0)"' if shift else ""
    return (
        f'<a href="{escape(link(site))}" aria-label="{escape(label)}"{place}>'
        f'<{kind} class="{classes}" {drawn} fill="{shade(score)}" data-site="{site}" '
        f'data-score="{"" if score is None else score}"><title>{escape(label)}</title>'
        f"</{kind}></a>"
    )
