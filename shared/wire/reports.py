"""Wire schema of a pain report (one check-in made on the phone).

`pain_rated` is optional and defaults to true, so older phones, which never send it, keep their
meaning: no sites is a pain-free check-in. `pain_rated: false` (symptoms only, pain not rated)
takes no sites, and is the only value dumped, so a pain-rated report's stored JSON is unchanged.
"""

from datetime import datetime
from typing import Any

from marshmallow import ValidationError, fields, post_dump, post_load, validates, validates_schema

from shared.records import Interference, PainReport, SiteScore
from shared.vocab import AGGRAVATORS, QUALITIES, SITES, SYMPTOMS
from shared.wire.base import WireSchema
from shared.wire.fields import (
    LARGEST_REVISION,
    aware_time,
    code_field,
    code_list,
    flag_field,
    score_field,
    text_field,
    uuid_field,
    whole_number,
)

NOTE_MAX_CHARACTERS = 2000


class InterferenceSchema(WireSchema):
    omit_when_none = frozenset({"sleep", "walking", "activity"})

    sleep = score_field("sleep", required=False)
    walking = score_field("walking", required=False)
    activity = score_field("activity", required=False)

    @post_load
    def _make(self, data: dict[str, Any], **_: Any) -> Interference:
        return Interference(**data)


class SiteScoreSchema(WireSchema):
    site = code_field("site", SITES)
    score = score_field()
    qualities = code_list("quality", QUALITIES, required=False)
    aggravated_by = code_list("aggravator", AGGRAVATORS, required=False)

    @post_load
    def _make(self, data: dict[str, Any], **_: Any) -> SiteScore:
        return SiteScore(
            site=data["site"],
            score=data["score"],
            qualities=tuple(data.get("qualities", ())),
            aggravated_by=tuple(data.get("aggravated_by", ())),
        )


class PainReportSchema(WireSchema):
    omit_when_none = frozenset({"interference", "note"})

    id = uuid_field("id")
    recorded_at = aware_time("recorded_at")
    revision = whole_number("revision", minimum=1, maximum=LARGEST_REVISION)
    deleted = flag_field("deleted")
    sites = fields.List(
        fields.Nested(SiteScoreSchema),
        required=True,
        error_messages={"required": "sites is required (an empty list is a pain-free check-in)"},
    )
    symptoms = code_list("symptom", SYMPTOMS)
    interference = fields.Nested(InterferenceSchema, required=False, allow_none=True)
    note = text_field("note", max_length=NOTE_MAX_CHARACTERS, multiline=True)
    pain_rated = flag_field("pain_rated", load_default=True)

    @validates("recorded_at")
    def _not_too_far_ahead(self, value: datetime, data_key: str) -> None:
        self.reject_far_future(value, data_key)

    @validates("sites")
    def _each_site_once(self, value: list[SiteScore | dict[str, Any]], data_key: str) -> None:
        # Entries that failed their own validation arrive as plain dicts.
        codes = [site_code(entry) for entry in value]
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            raise ValidationError(
                f"each site may appear once per report; repeated: {', '.join(repeated)}"
            )

    @validates_schema
    def _unrated_pain_lists_no_site(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("pain_rated") is False and data.get("sites"):
            raise ValidationError(
                "pain_rated is false (pain not rated), so the report may list no sites; "
                "send the sites with pain_rated true, or no sites",
                "pain_rated",
            )

    @post_load
    def _make(self, data: dict[str, Any], **_: Any) -> PainReport:
        return PainReport(
            id=str(data["id"]),
            recorded_at=data["recorded_at"],
            revision=data["revision"],
            deleted=data["deleted"],
            sites=tuple(data["sites"]),
            symptoms=tuple(data["symptoms"]),
            interference=data.get("interference"),
            note=data.get("note"),
            pain_rated=data["pain_rated"],
        )

    @post_dump
    def _rated_is_the_default(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        # Left out when true: older phones and stored bodies never had the field.
        if data.get("pain_rated") is True:
            return {key: value for key, value in data.items() if key != "pain_rated"}
        return data


def site_code(entry: Any) -> str:
    """The site an entry names; one that failed its own validation may be any JSON value."""
    if isinstance(entry, SiteScore):
        return entry.site
    return str(entry.get("site")) if isinstance(entry, dict) else repr(entry)
