"""The rules about one entry point: its URI, region code, features, and the rules of its
members together [S1-entrypoint, S1-ept, S1-epf, S3, S5]. Conventions as in
:mod:`confdata._rules`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from .. import spec as _spec
from ..enums import EntryPointFeature, EntryPointType
from ..regions import ASSIGNED_REGION_CODES
from ..sink import Sink, pointer
from ..spec import Form
from ..text import show, show_uri
from .members import Where

__all__ = ["entry_point", "http_url"]

# The member names the rules name in paths, from the shapes.
_URI, _REGION, _LABEL = _spec.URI.json, _spec.REGION_CODE.json, _spec.LABEL.json

# A scheme (RFC 3986 §3.1), anchored: linear however it is used.
_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.\-]*+:")
_DIGIT = re.compile(r"[0-9]")


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
        return _http_authority(uri)
    if scheme == "tel" and _DIGIT.search(rest) is None:
        return "has no digit to dial"
    return None


def _http_authority(uri: str) -> str | None:
    """Why an http(s) URI's authority is unusable, as urllib.parse reads it, or None."""
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
            pointer(*at, _URI),
            f"{_URI} must not contain whitespace, control or invisible characters "
            f"(found U+{ord(char):04X} at index {index} of {show_uri(value)})",
        )
    match = _SCHEME.match(value)
    if match is None:
        if kind is None:
            if bad is None and sink.take("uri-malformed"):
                sink.put(
                    "uri-malformed",
                    pointer(*at, _URI),
                    f"{_URI} must be an absolute URI with a scheme (got {show_uri(value)})",
                )
        else:
            _wrong_scheme(sink, value, kind, form, at, ", which has no scheme")
        return
    scheme = match.group()[:-1].lower()
    if bad is None:
        why = _malformed(value, scheme, value[match.end() :])
        if why is not None and sink.take("uri-malformed"):
            sink.put("uri-malformed", pointer(*at, _URI), f"{_URI} {why} (got {show_uri(value)})")
    if kind is None or scheme in _spec.SCHEMES[kind]:
        return
    if kind is EntryPointType.SIP and scheme == _spec.SIPS:
        if sink.take("sips-scheme"):
            sink.put(
                "sips-scheme",
                pointer(*at, _URI),
                f"{_URI} uses sips:, which the Calendar API reference does not list "
                f"(got {show_uri(value)})",
            )
    else:
        _wrong_scheme(sink, value, kind, form, at, "")


def _wrong_scheme(
    sink: Sink, value: str, kind: EntryPointType, form: Form, at: Where, why: str
) -> None:
    """The ``uri-scheme`` problem's one wording (``why`` adds what the URI lacks)."""
    if sink.take("uri-scheme"):
        expected = " or ".join(f"{scheme}:" for scheme in _spec.SCHEMES[kind])
        sink.put(
            "uri-scheme",
            pointer(*at, _URI),
            f"{_URI} of a {form.type_spellings[kind]} entry point must start with "
            f"{expected} (got {show_uri(value)}{why})",
        )


def region(sink: Sink, code: str, kind: EntryPointType | None, form: Form, at: Where) -> None:
    """Rules ``region-not-phone`` [S1-entrypoint], ``region-code`` and
    ``region-code-unassigned`` [S3: CLDR/ISO 3166]."""
    if kind is not None and kind is not EntryPointType.PHONE and sink.take("region-not-phone"):
        sink.put(
            "region-not-phone",
            pointer(*at, _REGION),
            f"{_REGION} applies only to phone entry points "
            f"(this one is {form.type_spellings[kind]}; got {show(code)})",
        )
    if code in ASSIGNED_REGION_CODES:
        return
    if len(code) == 2 and code.isascii() and code.isalpha() and code.isupper():
        if sink.take("region-code-unassigned"):
            sink.put(
                "region-code-unassigned",
                pointer(*at, _REGION),
                f"{_REGION} is not an assigned ISO 3166-1 alpha-2 code (got {show(code)})",
            )
    elif sink.take("region-code"):
        sink.put(
            "region-code",
            pointer(*at, _REGION),
            f"{_REGION} must be two ASCII capital letters (got {show(code)})",
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
            pointer(*at, _URI),
            f"phone {_URI} has no +country code and there is no {_REGION} (got {show_uri(value)})",
        )


def label_on_more(sink: Sink, label: str, kind: EntryPointType | None, at: Where) -> None:
    """Rule ``label-on-more`` [S3]: a more entry point's label "should not be filled"."""
    if kind is EntryPointType.MORE and sink.take("label-on-more"):
        sink.put(
            "label-on-more",
            pointer(*at, _LABEL),
            f"{_LABEL} should not be filled on a more entry point (got {show(label)})",
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
        and _http_authority(url) is None
    ):
        return
    if sink.take("auth-url-scheme"):
        sink.put(
            "auth-url-scheme",
            pointer(*at, name),
            f"{_spec.AUTH_URL_MODEL.json} must be an http: or https: URL with a host "
            f"(got {show_uri(url)})",
        )
