"""What an admin may write into a field that ends up in an email header: exactly one address,
or one line of text. A line break there would start a header of the writer's choosing (a Bcc
to anyone), a comma would add recipients; both are refused at entry with a sentence."""

from __future__ import annotations

import unicodedata
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import parseaddr

from server.services.errors import InvalidInput

# Control characters, and the line and paragraph separators Python's email library splits on.
UNSAFE_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def is_one_line(text: str) -> bool:
    return not any(unicodedata.category(c) in UNSAFE_CATEGORIES for c in text)


def one_line(text: str, what: str) -> str:
    if not is_one_line(text):
        raise InvalidInput(f"{what} must be one line, without line breaks or control characters.")
    return text


def one_address(text: str) -> str:
    """The address as given, if it is exactly one plain address such as team@example.org."""
    text = one_line(text.strip(), "An email address")
    if "," in text or ";" in text:
        raise InvalidInput(f"Give one email address per entry; {text!r} holds several.")
    name, address = parseaddr(text)
    if name or address != text:
        raise InvalidInput(
            f"{text!r} is not a plain address: write it alone, such as team@example.org, "
            "without a name or <>."
        )
    try:
        parsed = Address(addr_spec=address)
    except (ValueError, IndexError, HeaderParseError):
        parsed = None
    if parsed is None or not parsed.username or not parsed.domain:
        raise InvalidInput(f"{text!r} is not an email address such as team@example.org.")
    return address
