"""Load records pulled from the server, ignoring fields this app version does not know.

The shared wire schemas reject unknown fields, as the server must; a phone must not, or a newer
server would break an older phone. So unknown keys are dropped, at every level, before loading.
"""

import logging
from collections.abc import Mapping
from typing import Any, TypeVar

from marshmallow import Schema, ValidationError, fields

log = logging.getLogger(__name__)

Loaded = TypeVar("Loaded")


def known_fields_only(schema: Schema, data: Any) -> Any:
    if not isinstance(data, Mapping):
        return data
    by_key = {field.data_key or name: field for name, field in schema.load_fields.items()}
    return {key: _strip(by_key[key], value) for key, value in data.items() if key in by_key}


def _strip(field: fields.Field[Any], value: Any) -> Any:
    if isinstance(field, fields.Nested) and isinstance(field.schema, Schema):
        if isinstance(value, list):
            return [known_fields_only(field.schema, item) for item in value]
        return known_fields_only(field.schema, value)
    if isinstance(field, fields.List) and isinstance(value, list):
        return [_strip(field.inner, item) for item in value]
    return value


def load_pulled(schema: Schema, body: Mapping[str, Any]) -> Any | None:
    """The record, or None (logged) when even the known fields do not validate."""
    try:
        return schema.load(known_fields_only(schema, body))
    except ValidationError as error:
        # Codes from a newer vocabulary, say: the server keeps the record, the phone skips it.
        log.warning("skipped a pulled record %s: %s", body.get("id"), error.messages)
        return None
