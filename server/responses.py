"""The response class of the app: text that cannot be encoded is shown, not a 500.

A lone UTF-16 surrogate is refused at every entry now, but a note stored before that was read
back as a lone surrogate would make its record page fail forever; it is sent as U+FFFD.
"""

from __future__ import annotations

from flask import Response


class PainlineResponse(Response):
    def set_data(self, value: bytes | str) -> None:
        if isinstance(value, str):
            try:
                value = value.encode()
            except UnicodeEncodeError:
                value = replace_lone_surrogates(value).encode()
        super().set_data(value)


def replace_lone_surrogates(text: str) -> str:
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
