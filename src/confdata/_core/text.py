"""Showing values in messages: shortened, secrets masked, and never raising.

Every function here takes any Python object and runs none of its code: types are looked at
through ``type()`` and the C-level methods of ``str``, ``int``, ``dict`` and friends, so a
hostile ``__repr__``, ``__len__`` or metaclass cannot make a message fail.
"""

from __future__ import annotations

import math
import re
import urllib.parse

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


# --- Secrets inside URIs (SPEC §4.1) --------------------------------------------------------
#
# One reading, the standard library's: the password is what ``urlsplit(uri).password`` is,
# and a query value is a secret when ``parse_qsl`` gives it a name that is, ignoring case, one
# of SECRET_QUERY_NAMES (names percent-decoded as parse_qsl decodes them, so ``p%77d`` is
# ``pwd``). What is masked is the stretch of the text those values come from (tabs and line
# breaks inside it included: urlsplit deletes them). A message may show a URI that is broken,
# or a text that holds URIs, so the reading also masks what a lenient reader would take for a
# secret; never less than urlsplit reads:
# - without an authority (``sip:alice:pw@host``, ``https:alice:pw@host``, text before the
#   URI), the userinfo is read after the first ``:``;
# - a ``user:password@`` that starts at the text's start, after a ``/``, a space or an ``@``
#   (a URI inside a path, a query, or prose);
# - parameters after any ``?``, ``&``, ``#`` (a query inside the fragment, as single-page
#   apps route) or ``;`` (SIP URI parameters), each value running to the next ``&`` (after
#   ``;``, to the next ``;`` or ``?``: RFC 3261 allows ``&`` in a SIP parameter's value).
# Every search here moves forward only, so masking stays linear in the text's length.

# What urlsplit deletes anywhere in a URI, and strips from its start (WHATWG's C0 or space).
_DELETED = "\t\r\n"
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_SCHEME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."
_AUTHORITY_ENDS = "/?#"
_LONGEST_NAME = max(map(len, SECRET_QUERY_NAMES))
# A user:password@ wherever it starts: at the start, or after a '/', a space or an '@'. It
# starts only there and runs to an '@', so each character is read once.
_USERINFO = re.compile(r"(?:\A|(?<=[/\s@]))[^/\s@]*+@")
_SCHEME_PREFIX = re.compile(r"\A[A-Za-z][A-Za-z0-9+.\-]*+:")
# A parameter's name: what follows a separator, up to its '='.
_PARAMETER = re.compile(r"[?&#;]([^=?&#;]*+)=")
_SIP_PARAMETER_END = re.compile(r"[;?]")


def _deleted(text: str) -> str:
    """``text`` without what urlsplit deletes."""
    for char in _DELETED:
        if char in text:
            text = text.replace(char, "")
    return text


def _kept(text: str, index: int) -> int:
    """The first index from ``index`` on whose character urlsplit keeps."""
    while index < len(text) and text[index] in _DELETED:
        index += 1
    return index


def _first_of(text: str, chars: str, start: int) -> int:
    """The index of the first of ``chars`` in ``text`` from ``start``, or its length."""
    found = [index for char in chars if (index := text.find(char, start)) >= 0]
    return min(found, default=len(text))


def _scheme_end(uri: str, start: int) -> int:
    """Where urlsplit's scheme ends (past its ':'), or ``start`` when it reads none."""
    colon = uri.find(":", start)
    scheme = _deleted(uri[start:colon]) if colon > start else ""
    if scheme[:1].isascii() and scheme[:1].isalpha() and not scheme.strip(_SCHEME_CHARS):
        return colon + 1
    return start


def _authority(uri: str) -> tuple[int, int]:
    """Where the userinfo is looked for: urlsplit's netloc (after ``//``), or, when there is
    none, what follows the first ``:`` and any slashes, up to a ``/``, ``?`` or ``#``."""
    start = len(uri) - len(uri.lstrip(_C0_OR_SPACE))
    first = _kept(uri, _scheme_end(uri, start))
    if uri.startswith("/", first):
        second = _kept(uri, first + 1)
        if uri.startswith("/", second):
            return second + 1, _first_of(uri, _AUTHORITY_ENDS, second + 1)
    colon = uri.find(":")
    if colon < 0:
        return 0, 0
    rest = uri[colon + 1 :]
    begin = len(uri) - len(rest.lstrip("/\\" + _DELETED))
    return begin, _first_of(uri, _AUTHORITY_ENDS, begin)


def _password(uri: str, begin: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The password of the userinfo in ``uri[begin:end]``: after the first ``:`` of what
    comes before the last ``@`` (urlsplit's ``rpartition('@')``, then ``partition(':')``)."""
    at = uri.rfind("@", begin, end)
    colon = uri.find(":", begin, at) if at > begin else -1
    if colon >= 0 and colon + 1 < at:
        spans.append((colon + 1, at))


def _userinfo_spans(uri: str, spans: list[tuple[int, int]]) -> None:
    _password(uri, *_authority(uri), spans)
    for match in _USERINFO.finditer(uri, 0, uri.rfind("@") + 1):
        start = match.start()
        # ``sip:alice:pw@`` has no authority's "//": the scheme is no user name.
        if start == 0 or uri[start - 1] != "/":
            scheme = _SCHEME_PREFIX.match(match.group())
            start += scheme.end() if scheme is not None else 0
        _password(uri, start, match.end(), spans)


def _is_secret_name(raw: str) -> bool:
    """True for a parameter name that reads, as parse_qsl decodes it, as a secret's."""
    name = _deleted(raw)
    if len(name) > 3 * _LONGEST_NAME:  # every character percent-escaped, and no more
        return False
    return urllib.parse.unquote_plus(name).casefold() in SECRET_QUERY_NAMES


def _parameter_spans(uri: str, spans: list[tuple[int, int]]) -> None:
    value_end = sip_end = -1  # both only move forward
    for match in _PARAMETER.finditer(uri):
        start = match.end()
        if not _is_secret_name(match.group(1)):
            continue
        if uri[match.start()] == ";":
            if sip_end < start:
                found = _SIP_PARAMETER_END.search(uri, start)
                sip_end = found.start() if found is not None else len(uri)
            end = sip_end
        else:
            if value_end < start:
                value_end = uri.find("&", start)
                value_end = len(uri) if value_end < 0 else value_end
            end = value_end
        if start < end:
            spans.append((start, end))


def mask_uri_secrets(uri: str) -> str:
    """``uri`` with the secrets it carries replaced by ``<masked>``: the password of its
    userinfo and the values of its ``pwd``, ``passcode``, ``password`` and ``pin``
    parameters, as ``urllib.parse.urlsplit`` and ``parse_qsl`` read them (SPEC §4.1; SIP URI
    parameters of those names too), and what a lenient reader would take for one."""
    spans: list[tuple[int, int]] = []
    if "@" in uri:
        _userinfo_spans(uri, spans)
    if "=" in uri:
        _parameter_spans(uri, spans)
    if not spans:
        return uri
    spans.sort()
    out: list[str] = []
    shown = 0  # the text before this index is written out (or masked)
    for start, end in spans:
        if start < shown or (out and start == shown):  # overlaps or touches the last one
            shown = max(shown, end)
            continue
        out += (uri[shown:start], _MASKED)
        shown = end
    out.append(uri[shown:])
    return "".join(out)


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
