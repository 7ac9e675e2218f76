"""The rules of the catalog, one function per rule (or per rules that one check decides).

Each takes values already read (from JSON or from a value's fields), reports into a
:class:`~confdata._sink.Sink`, and names where it is by ``at``: the JSON Pointer of the parent
followed by the raw tokens below it, joined into a path only when a problem is reported. So
valid data costs no path, no message and no :class:`~confdata.Problem`. Limits, spellings and
member sets come from :mod:`confdata._spec`; codes, severities and sources from the catalog.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from typing import TypeVar
from urllib.parse import urlsplit

from . import _spec
from ._enums import ConferenceErrorType, EntryPointFeature, EntryPointType, SolutionType
from ._regions import ASSIGNED_REGION_CODES
from ._sink import Sink, pointer
from ._spec import Form, Text
from ._text import describe_type, mask, show, show_uri, utf16_len

__all__ = ["Where", "key_token"]

Where = tuple[str, *tuple[str | int, ...]]
"""A location: a JSON Pointer, then the member names and indexes below it."""

_Member = TypeVar("_Member", bound=enum.Enum)

# A scheme (RFC 3986 §3.1), anchored: linear however it is used.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*+:")
# The common http(s) authority: a plain host name, maybe a port. Anything else is decided by
# urllib.parse; the two agree on every URI this matches.
_PLAIN_HOST = re.compile(r"[A-Za-z0-9.\-]++(?::([0-9]{1,5}))?(?=[/?#]|\Z)")
_DIGIT = re.compile(r"[0-9]")


def key_token(key: object) -> str:
    """The path token of a member name: itself, or a marked description of a name that is
    not a string (JSON has none, so no real member is spelt like it)."""
    return key if type(key) is str else f"<not a string: {show(key)}>"


def exact_str(value: object) -> str | None:
    """``value`` as an exact ``str`` (a subclass's data, none of its methods), or None."""
    if type(value) is str:
        return value
    return str.__str__(value) if issubclass(type(value), str) else None


def text(sink: Sink, value: object, spec: Text, at: Where, name: str | int) -> str | None:
    """Rules ``type``, ``empty`` and ``max-length`` for a string member (SPEC §3).

    Returns the value as an exact ``str``, or None when it is not a string; the rules that
    look further work on what this returns.
    """
    string = value if type(value) is str else exact_str(value)
    if string is None:
        if sink.take("type"):
            sink.put(
                "type",
                pointer(*at, name),
                f"{spec.name} must be a string (got {describe_type(value)})",
            )
        return None
    limit = spec.limit
    if not string:
        if spec.nonempty and sink.take("empty"):
            sink.put("empty", pointer(*at, name), f"{spec.name} must not be empty")
    elif (
        limit is not None
        # Google counts UTF-16 code units: never fewer than characters, the same for ASCII.
        and (len(string) > limit or (not string.isascii() and utf16_len(string) > limit))
        and sink.take("max-length")
    ):
        shown = mask(string) if spec.secret else show(string)
        sink.put(
            "max-length",
            pointer(*at, name),
            f"{spec.name} must be at most {spec.limit} characters "
            f"(got {utf16_len(string)}: {shown})",
        )
    return string


def enum_value(
    sink: Sink, value: object, table: Mapping[str, _Member], what: str, at: Where, name: str | int
) -> _Member | None:
    """Rules ``type`` and ``enum``: the member ``value`` spells in ``table``, or None."""
    string = exact_str(value)
    if string is None:
        if sink.take("type"):
            sink.put(
                "type", pointer(*at, name), f"{what} must be a string (got {describe_type(value)})"
            )
        return None
    member = table.get(string)
    if member is None and sink.take("enum"):
        allowed = ", ".join(repr(spelling) for spelling in table)
        sink.put(
            "enum", pointer(*at, name), f"{what} must be one of {allowed} (got {show(string)})"
        )
    return member


def wrong_type(
    sink: Sink, value: object, expected: str, what: str, at: Where, *names: str | int
) -> None:
    """Rule ``type`` for a member that must be an object or an array."""
    if sink.take("type"):
        sink.put(
            "type", pointer(*at, *names), f"{what} must be {expected} (got {describe_type(value)})"
        )


def required(sink: Sink, what: str, at: Where, *names: str, why: str = "") -> None:
    """Rule ``required``: a member that must be there is missing."""
    if sink.take("required"):
        sink.put("required", pointer(*at, *names), f"{what} is required{why}")


def unknown_member(
    sink: Sink, key: object, known: Collection[str], what: str, at: Where, *, hint: str = ""
) -> None:
    """Rule ``unknown-field`` (``type`` for a member name that is not a string)."""
    if type(key) is not str and not issubclass(type(key), str):
        if sink.take("type"):
            sink.put(
                "type",
                pointer(*at, key_token(key)),
                f"{what} has a member name that is not a string (got {show(key)})",
            )
    elif sink.take("unknown-field"):
        sink.put(
            "unknown-field",
            pointer(*at, exact_str(key) or ""),
            f"{what} has no member {show(key)}"
            + (f"; known members: {', '.join(sorted(known))}" if known else "")
            + hint,
        )


def _bad_character(uri: str) -> tuple[int, str] | None:
    """The first whitespace, control or invisible format character (Unicode Cc, Cf)."""
    if uri.isprintable() and " " not in uri:
        return None  # isprintable() is False for every Cc, Cf and separator character
    for index, char in enumerate(uri):
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            return index, char
    return None  # only unassigned or private-use characters: not this rule's business


def _malformed(uri: str, scheme: str, rest: str) -> str | None:
    """Why ``uri`` with a known ``scheme`` is not usable, or None (one reason per URI)."""
    if not rest:
        return "has nothing after the scheme"
    if scheme in _spec.HTTP_SCHEMES:
        return _http_authority(uri, rest)
    if scheme == "tel" and _DIGIT.search(rest) is None:
        return "has no digit to dial"
    return None


def _http_authority(uri: str, rest: str) -> str | None:
    if rest.startswith("//"):
        plain = _PLAIN_HOST.match(rest, 2)
        if plain is not None and plain.end() > 2 and rest[2] != ":":
            port = plain.group(1)
            if port is None or int(port) <= 65535:
                return None
    try:
        parts = urlsplit(uri)
        host = parts.hostname
        parts.port  # noqa: B018  # raises for a port that is not 0-65535
    except ValueError:
        return "has a malformed host or port (a port must be 0-65535)"
    return None if host else "must name a host"


def uri(sink: Sink, value: str, kind: EntryPointType | None, form: Form, at: Where) -> None:
    """Rules ``uri-malformed``, ``uri-scheme`` and ``sips-scheme`` [S1-entrypoint, S3, S5].

    ``kind`` is None when the entry point's type is missing or unknown.
    """
    if not value:
        return  # the empty rule's
    bad = _bad_character(value)
    if bad is not None and sink.take("uri-malformed"):
        index, char = bad
        sink.put(
            "uri-malformed",
            pointer(*at, "uri"),
            f"uri must not contain whitespace, control or invisible characters "
            f"(found U+{ord(char):04X} at index {index} of {show_uri(value)})",
        )
    match = _SCHEME.match(value)
    if match is None:
        if kind is None:
            if bad is None and sink.take("uri-malformed"):
                sink.put(
                    "uri-malformed",
                    pointer(*at, "uri"),
                    f"uri must be an absolute URI with a scheme (got {show_uri(value)})",
                )
        elif sink.take("uri-scheme"):
            sink.put(
                "uri-scheme",
                pointer(*at, "uri"),
                f"uri of a {form.type_spellings[kind]} entry point must start with "
                f"{_expected(kind)} (got {show_uri(value)}, which has no scheme)",
            )
        return
    scheme = match.group()[:-1].lower()
    if bad is None:
        why = _malformed(value, scheme, value[match.end() :])
        if why is not None and sink.take("uri-malformed"):
            sink.put("uri-malformed", pointer(*at, "uri"), f"uri {why} (got {show_uri(value)})")
    if kind is None or scheme in _spec.SCHEMES[kind]:
        return
    if kind is EntryPointType.SIP and scheme == _spec.SIPS:
        if sink.take("sips-scheme"):
            sink.put(
                "sips-scheme",
                pointer(*at, "uri"),
                f"uri uses sips:, which the Calendar API reference does not list "
                f"(got {show_uri(value)})",
            )
    elif sink.take("uri-scheme"):
        sink.put(
            "uri-scheme",
            pointer(*at, "uri"),
            f"uri of a {form.type_spellings[kind]} entry point must start with "
            f"{_expected(kind)} (got {show_uri(value)})",
        )


def _expected(kind: EntryPointType) -> str:
    return " or ".join(f"{scheme}:" for scheme in _spec.SCHEMES[kind])


def region(sink: Sink, code: str, kind: EntryPointType | None, form: Form, at: Where) -> None:
    """Rules ``region-not-phone`` [S1-entrypoint], ``region-code`` and
    ``region-code-unassigned`` [S3: CLDR/ISO 3166]."""
    if kind is not None and kind is not EntryPointType.PHONE and sink.take("region-not-phone"):
        sink.put(
            "region-not-phone",
            pointer(*at, "regionCode"),
            f"regionCode applies only to phone entry points "
            f"(this one is {form.type_spellings[kind]}; got {show(code)})",
        )
    if code in ASSIGNED_REGION_CODES:
        return
    if len(code) == 2 and code.isascii() and code.isalpha() and code.isupper():
        if sink.take("region-code-unassigned"):
            sink.put(
                "region-code-unassigned",
                pointer(*at, "regionCode"),
                f"regionCode is not an assigned ISO 3166-1 alpha-2 code (got {show(code)})",
            )
    elif sink.take("region-code"):
        sink.put(
            "region-code",
            pointer(*at, "regionCode"),
            f"regionCode must be two ASCII capital letters (got {show(code)})",
        )


def features(
    sink: Sink,
    found: Sequence[EntryPointFeature | None],
    kind: EntryPointType | None,
    form: Form,
    at: Where,
) -> None:
    """Rules ``feature-not-phone``, ``duplicate-feature`` and ``toll-and-toll-free``
    [S1-epf, S3]. ``found`` holds None for an item of an unknown or wrong value."""
    member = form.features_member
    if kind is not None and kind is not EntryPointType.PHONE and sink.take("feature-not-phone"):
        sink.put(
            "feature-not-phone",
            pointer(*at, member),
            f"{member} apply only to phone entry points (this one is {form.type_spellings[kind]})",
        )
    seen: set[EntryPointFeature] = set()
    for index, feature in enumerate(found):
        if feature is None:
            continue
        if feature in seen and sink.take("duplicate-feature"):
            sink.put(
                "duplicate-feature",
                pointer(*at, member, index),
                f"{member} lists {form.feature_spellings[feature]} more than once",
            )
        seen.add(feature)
    if seen.issuperset(_TOLL_AND_FREE) and sink.take("toll-and-toll-free"):
        toll, free = (form.feature_spellings[f] for f in _TOLL_AND_FREE)
        sink.put(
            "toll-and-toll-free",
            pointer(*at, member),
            f"{member} must not list both {toll} and {free}",
        )


_TOLL_AND_FREE = (EntryPointFeature.TOLL, EntryPointFeature.TOLL_FREE)


def phone_country(
    sink: Sink, value: str, kind: EntryPointType | None, has_region: bool, at: Where
) -> None:
    """Rule ``phone-no-country`` [S5]: a region code is "needed by users if the URI doesn't
    include a country code"."""
    if kind is not EntryPointType.PHONE or has_region:
        return
    head = value[:5].lower()
    if head.startswith("tel:") and not head.startswith("tel:+") and sink.take("phone-no-country"):
        sink.put(
            "phone-no-country",
            pointer(*at, "uri"),
            f"phone uri has no +country code and there is no regionCode (got {show_uri(value)})",
        )


def label_on_more(sink: Sink, label: str, kind: EntryPointType | None, at: Where) -> None:
    """Rule ``label-on-more`` [S3]: a more entry point's label "should not be filled"."""
    if kind is EntryPointType.MORE and sink.take("label-on-more"):
        sink.put(
            "label-on-more",
            pointer(*at, "label"),
            f"label should not be filled on a more entry point (got {show(label)})",
        )


def entry_point(
    sink: Sink,
    form: Form,
    at: Where,
    kind: EntryPointType | None,
    uri_value: str | None,
    label: str | None,
    region_code: str | None,
    found_features: Sequence[EntryPointFeature | None] | None,
) -> None:
    """The rules about one entry point's members together.

    ``kind`` is None when the type is missing or unknown (type-dependent rules are then
    skipped); the others are None when absent or of the wrong type (SPEC §4.1: a member of
    the wrong type gets its ``type`` problem and nothing more).
    """
    if uri_value is not None:
        uri(sink, uri_value, kind, form, at)
    if region_code is not None:
        region(sink, region_code, kind, form, at)
    if found_features:
        features(sink, found_features, kind, form, at)
    if uri_value is not None:
        phone_country(sink, uri_value, kind, region_code is not None, at)
    if label is not None:
        label_on_more(sink, label, kind, at)


def http_url(sink: Sink, url: str, at: Where, name: str) -> None:
    """Rule ``auth-url-scheme`` [S1-error]: an http: or https: URL with a host, without
    whitespace or control characters."""
    match = _SCHEME.match(url)
    if (
        match is not None
        and match.group()[:-1].lower() in _spec.HTTP_SCHEMES
        and _bad_character(url) is None
        and _http_authority(url, url[match.end() :]) is None
    ):
        return
    if sink.take("auth-url-scheme"):
        sink.put(
            "auth-url-scheme",
            pointer(*at, name),
            f"authenticationUrl must be an http: or https: URL with a host (got {show_uri(url)})",
        )


def error(
    sink: Sink,
    kind: ConferenceErrorType | None,
    url: str | None,
    has_url: bool,
    at: Where,
) -> None:
    """Rules ``auth-url-required``, ``auth-url-scheme`` and ``auth-url-ignored`` [S1-error].

    ``url`` is None when ``authenticationUrl`` is absent (``has_url`` False) or not a string.
    """
    if not has_url:
        if kind is ConferenceErrorType.AUTHENTICATION and sink.take("auth-url-required"):
            sink.put(
                "auth-url-required",
                pointer(*at, "authenticationUrl"),
                "an AUTHENTICATION error needs an authenticationUrl for the user to sign in",
            )
        return
    if url is None:
        return  # its type problem says it all
    http_url(sink, url, at, "authenticationUrl")
    if (
        kind is not None
        and kind is not ConferenceErrorType.AUTHENTICATION
        and sink.take("auth-url-ignored")
    ):
        sink.put(
            "auth-url-ignored",
            pointer(*at, "authenticationUrl"),
            f"authenticationUrl is used only by AUTHENTICATION errors (this one is {kind.value})",
        )


def solution_type(sink: Sink, kind: SolutionType | None, at: Where, *names: str) -> None:
    """Rule ``deprecated-solution-type`` [S3]."""
    if kind in _spec.DEPRECATED_SOLUTIONS and sink.take("deprecated-solution-type"):
        assert kind is not None
        sink.put(
            "deprecated-solution-type",
            pointer(*at, *names),
            f"solution type {kind.value} is deprecated: new conferences of this type cannot be "
            f"created",
        )
