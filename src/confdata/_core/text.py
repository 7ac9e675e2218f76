"""Showing values in messages: shortened, secrets masked, and never raising.

Every function here takes any Python object and runs none of its code: types are looked at
through ``type()`` and the C-level methods of ``str``, ``int``, ``dict`` and friends, so a
hostile ``__repr__``, ``__len__`` or metaclass cannot make a message fail.
"""

from __future__ import annotations

import math
import re

__all__ = [
    "describe_type",
    "escape_text",
    "escape_token",
    "mask",
    "mask_uri_secrets",
    "show",
    "show_uri",
    "type_name",
    "utf16_len",
]

_SHOW_CHARS = 40
_MASKED = "<masked>"
# Query parameters that carry a secret inside a URI (SPEC §4.1), compared case-insensitively.
SECRET_QUERY_NAMES = frozenset({"pwd", "passcode", "password", "pin"})
_DIGITS_SHOWN = 40
_EXACT_DIGITS_UP_TO = 100_000  # beyond this, an integer's digits are estimated


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Google's JavaScript and Java limits count."""
    if text.isascii():
        return len(text)
    # Characters outside the BMP count twice; lone surrogates once (surrogatepass).
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def type_name(value: object) -> str:
    """The name of ``value``'s class, read past any metaclass property."""
    try:
        name = type.__dict__["__name__"].__get__(type(value), type)
    except Exception:  # pragma: no cover - only a broken interpreter gets here
        return "object"
    return name if type(name) is str else "object"


def describe_type(value: object) -> str:
    """The JSON name of a value's type, or the Python type name for non-JSON values."""
    cls = type(value)
    if issubclass(cls, str):
        return "a string"
    if value is None:
        return "null"
    if issubclass(cls, bool):
        return "a boolean"
    if issubclass(cls, (int, float)):
        return "a number"
    if issubclass(cls, dict):
        return "an object"
    if issubclass(cls, (list, tuple)):
        return "an array"
    return f"a Python {type_name(value)}"


def _digits(value: int) -> str:
    """How an integer too long to show is described: its number of digits."""
    magnitude = -value if value < 0 else value
    estimate = int(magnitude.bit_length() * math.log10(2)) + 1
    if estimate > _EXACT_DIGITS_UP_TO:
        return f"an integer of about {estimate:,} digits"
    # bit_length() gives the count within one: settle it against a power of ten.
    count = estimate if magnitude >= 10 ** (estimate - 1) else estimate - 1
    return f"an integer of {max(count, 1):,} digits"


def show(value: object) -> str:
    """A short, safe rendering of a value for a message (strings shortened with their length)."""
    cls = type(value)
    if issubclass(cls, str):
        text = str.__str__(value)
        if len(text) > _SHOW_CHARS:
            return f"{text[:_SHOW_CHARS]!r}… ({len(text):,} characters)"
        return repr(text)
    if value is None:
        return "null"
    if issubclass(cls, bool):
        return "true" if value else "false"
    if issubclass(cls, int):
        number = int.__int__(value)  # type: ignore[arg-type]
        if number.bit_length() > _DIGITS_SHOWN * 3.33:
            return _digits(number)
        digits = int.__repr__(number)
        if len(digits) > _DIGITS_SHOWN:
            return _digits(number)
        return digits
    if issubclass(cls, float):
        return float.__repr__(value)
    if issubclass(cls, dict):
        return f"an object with {dict.__len__(value):,} members"  # type: ignore[arg-type]
    if issubclass(cls, list):
        return f"an array of {list.__len__(value):,} items"  # type: ignore[arg-type]
    if issubclass(cls, tuple):
        return f"an array of {tuple.__len__(value):,} items"  # type: ignore[arg-type]
    return describe_type(value)


def mask(value: object) -> str:
    """A secret's rendering: never the value, only how long it is."""
    if issubclass(type(value), str):
        return f"<masked, {str.__len__(value):,} characters>"  # type: ignore[arg-type]
    return describe_type(value)


# A userinfo, ``user:password@``: what runs up to an '@' from just after a '/', a space or
# another '@' (or the start). It starts only there, so each character is read once.
_USERINFO = re.compile(r"(?:\A|(?<=[/\s@]))[^/\s@]*+@")
_SCHEME_PREFIX = re.compile(r"\A[A-Za-z][A-Za-z0-9+.\-]*+:")


def _mask_userinfo(match: re.Match[str]) -> str:
    userinfo = match.group()
    after_slash = match.start() > 0 and match.string[match.start() - 1] == "/"
    # ``sip:alice:pw@``, with no authority's "//": the scheme is no user name.
    scheme = None if after_slash else _SCHEME_PREFIX.match(userinfo)
    start = scheme.end() if scheme is not None else 0
    colon = userinfo.find(":", start)
    if colon < 0:
        return userinfo
    return f"{userinfo[: colon + 1]}{_MASKED}@"


# One parameter, name=value, of a query (``?a=1&pin=2``) or of a SIP URI (``;pin=2``).
_QUERY_PAIR = re.compile(r"([?&;])([^=&;#?]*+)=([^&;#?]*+)")


def _mask_query(match: re.Match[str]) -> str:
    separator, name, value = match.groups()
    if name.lower() in SECRET_QUERY_NAMES and value:
        return f"{separator}{name}={_MASKED}"
    return match.group()


def mask_uri_secrets(uri: str) -> str:
    """``uri`` with the secrets it carries replaced by ``<masked>``: the password of its
    userinfo and the values of its ``pwd``, ``passcode``, ``password`` and ``pin`` query
    parameters (SPEC §4.1; SIP URI parameters of those names too)."""
    last = uri.rfind("@")
    masked = uri if last < 0 else _USERINFO.sub(_mask_userinfo, uri[: last + 1]) + uri[last + 1 :]
    return _QUERY_PAIR.sub(_mask_query, masked) if "=" in masked else masked


def show_uri(uri: object) -> str:
    """:func:`show` for a URI: its secrets masked first, then shortened."""
    if issubclass(type(uri), str):
        return show(mask_uri_secrets(str.__str__(uri)))
    return show(uri)


def escape_token(token: str) -> str:
    """Escape one JSON Pointer reference token (RFC 6901: ``~`` then ``/``)."""
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


_C_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
}


def _escape_char(char: str) -> str:
    named = _C_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape_text(text: str, *, backslash: bool = True) -> str:
    """``text`` fit for one line of a terminal or a CI log, as ``ls --quoting-style=escape``
    shows a file name: every character that is not printable (controls and line breaks,
    Unicode line and paragraph separators, bidi and other format characters, lone
    surrogates) becomes a backslash escape, and with ``backslash`` a backslash is doubled,
    so the escaped text names one string only. A byte of a file name that was not UTF-8
    (a surrogate escape) is shown as that byte, ``\\xff``. Spaces are kept."""
    text = str.__str__(text)
    if text.isprintable() and not (backslash and "\\" in text):
        return text
    out: list[str] = []
    for char in text:
        if char == "\\":
            out.append("\\\\" if backslash else char)
        elif char.isprintable():
            out.append(char)
        else:
            out.append(_escape_char(char))
    return "".join(out)
