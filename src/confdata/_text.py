"""Formatting of offending values for messages: shortened, masked, and never raising."""

from __future__ import annotations

__all__ = ["describe_type", "escape_token", "mask", "show", "utf16_len"]

_SHOW_CHARS = 40


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Google's JavaScript and Java limits count."""
    if text.isascii():
        return len(text)
    # Characters outside the BMP count twice; lone surrogates once (surrogatepass).
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def describe_type(value: object) -> str:
    """The JSON name of a value's type, or the Python type name for non-JSON values."""
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    try:
        name = type(value).__name__
    except Exception:  # pragma: no cover - a metaclass that breaks __name__
        name = "object"
    return f"a Python {name!s}"


def show(value: object) -> str:
    """A short, safe rendering of a value for a message (strings shortened with their length)."""
    if isinstance(value, str):
        text = str.__str__(value)
        if len(text) > _SHOW_CHARS:
            return f"{text[:_SHOW_CHARS]!r}… ({len(text)} characters)"
        return repr(text)
    if value is None or isinstance(value, bool):
        return "null" if value is None else ("true" if value else "false")
    if isinstance(value, int):
        digits = int.__repr__(value)
        return digits if len(digits) <= _SHOW_CHARS else f"{digits[:_SHOW_CHARS]}… (a long integer)"
    if isinstance(value, float):
        return float.__repr__(value)
    if isinstance(value, dict):
        return f"an object with {dict.__len__(value)} members"
    if isinstance(value, list):
        return f"an array of {list.__len__(value)} items"
    if isinstance(value, tuple):
        return f"an array of {tuple.__len__(value)} items"
    return describe_type(value)


def mask(value: object) -> str:
    """A secret's rendering: never the value, only how long it is."""
    if isinstance(value, str):
        return f"<masked, {str.__len__(value)} characters>"
    return describe_type(value)


def escape_token(token: str) -> str:
    """Escape one JSON Pointer reference token (RFC 6901: ``~`` then ``/``)."""
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token
