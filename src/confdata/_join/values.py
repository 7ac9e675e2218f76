"""The join information values: :class:`JoinPoint` and :class:`JoinInfo`, their argument
checks, and their reprs with every secret masked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from .._core.arguments import Arguments
from .._core.foreign import array, exact_str, is_str
from .._core.spec import ENTRY_POINT_TEXTS, URI
from .._core.text import describe_type, mask, show, show_uri

__all__ = ["CODES", "JoinInfo", "JoinPoint"]

CODES = tuple(text for text in ENTRY_POINT_TEXTS if text is not URI)
"""An entry point's text members other than its URI: the label, the codes, the region."""
_SECRETS = tuple(text.attr for text in CODES if text.secret)


def _masked_uri(uri: str) -> str:
    """A URI for a repr: the dial sequence of a ``tel:`` URI and the part of a SIP user after
    the meeting number (Zoom's ``id.passcode@``) masked, and the query secrets of any URI."""
    scheme, _, rest = uri.partition(":")
    if scheme.lower() == "tel":
        number, separator, _ = rest.partition(",") if "," in rest else rest.partition(";")
        return f"tel:{number}{separator}<masked>" if separator else uri
    if scheme.lower() in ("sip", "sips") and "@" in rest:
        user, _, host = rest.partition("@")
        head, dot, _ = user.partition(".")
        if dot or ":" in user:
            return f"{scheme}:{head.partition(':')[0]}.<masked>@{host}"
    return uri


def _show(uri: str | None) -> str:
    return "None" if uri is None else show_uri(_masked_uri(uri))


# Converters: a str subclass becomes a str, a list a tuple; anything else is left for
# __attrs_post_init__ to report (they never raise and run none of the value's code).
def _text(value: Any) -> Any:
    text = exact_str(value)
    return value if text is None else text


def _optional_text(value: str | None) -> str | None:
    return _text(value)  # type: ignore[no-any-return]


def _required_text(value: str) -> str:
    return _text(value)  # type: ignore[no-any-return]


def _texts(value: Sequence[str]) -> tuple[str, ...]:
    found = None if is_str(value) else array(value)
    return value if found is None else tuple(_text(item) for item in found)  # type: ignore[return-value]


def _points(value: Sequence[JoinPoint]) -> tuple[JoinPoint, ...]:
    found = array(value)
    return value if found is None else tuple(found)  # type: ignore[return-value,arg-type]


def _check_texts(check: Arguments, name: str, value: object) -> None:
    found = None if is_str(value) else array(value)
    if found is None:
        check.fail(name, f"{name} must be a tuple of strings (got {show(value)})")
        return
    for index, item in enumerate(found):
        check.text(f"{name}/{index}", item, empty=True)


def _check_point(check: Arguments, name: str, value: object) -> None:
    if not issubclass(type(value), JoinPoint):
        check.fail(name, f"{name} must be a JoinPoint (got {describe_type(value)})")


def _check_points(check: Arguments, name: str, value: object) -> None:
    found = array(value)
    if found is None:
        check.fail(name, f"{name} must be a tuple of JoinPoints (got {show(value)})")
        return
    for index, item in enumerate(found):
        _check_point(check, f"{name}/{index}", item)


@attrs.frozen(kw_only=True, repr=False)
class JoinPoint:
    """One way to join, as the Calendar form spells it; secrets are masked in the repr.

    Every argument is checked: one that is not a string (``features``: a tuple of strings)
    raises :class:`~confdata.ValidationError` naming it.
    """

    type: str = attrs.field(converter=_required_text)
    """``video``, ``phone``, ``sip``, ``more``, or a type confdata does not know (as spelled
    in the Calendar form; a type read from the add-on form is spelled so too)."""
    uri: str = attrs.field(converter=_required_text)
    """The URI, with Calendar's ``https://www.google.com/url?q=`` wrapper removed."""
    label: str | None = attrs.field(default=None, converter=_optional_text)
    pin: str | None = attrs.field(default=None, converter=_optional_text)
    access_code: str | None = attrs.field(default=None, converter=_optional_text)
    meeting_code: str | None = attrs.field(default=None, converter=_optional_text)
    passcode: str | None = attrs.field(default=None, converter=_optional_text)
    password: str | None = attrs.field(default=None, converter=_optional_text)
    region_code: str | None = attrs.field(default=None, converter=_optional_text)
    features: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """``toll`` / ``toll_free`` (as spelled in the Calendar form)."""

    def __attrs_post_init__(self) -> None:
        check = Arguments()
        check.text("type", self.type, empty=True)
        check.text("uri", self.uri, empty=True)
        for text in CODES:
            check.optional_text(text.attr, getattr(self, text.attr), empty=True)
        _check_texts(check, "features", self.features)
        check.done()

    @property
    def number(self) -> str | None:
        """The phone number of a ``tel:`` URI, without what is dialled after it."""
        if not self.uri.lower().startswith("tel:"):
            return None
        body = self.uri[4:]
        for separator in (",", ";"):
            body = body.partition(separator)[0]
        return body

    @property
    def toll_free(self) -> bool:
        """True when the entry point has the ``toll_free`` feature."""
        return "toll_free" in self.features

    def __repr__(self) -> str:
        parts = [f"type={self.type!r}", f"uri={_show(self.uri)}"]
        for name in ("label", *_SECRETS, "region_code"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={mask(value) if name in _SECRETS else repr(value)}")
        if self.features:
            parts.append(f"features={self.features!r}")
        return f"JoinPoint({', '.join(parts)})"


@attrs.frozen(kw_only=True, repr=False)
class JoinInfo:
    """What an attendee needs to join a conference, read from its conference data.

    Every argument is checked: a value of the wrong type raises
    :class:`~confdata.ValidationError` naming it.
    """

    join_uri: str | None = attrs.field(default=None, converter=_optional_text)
    """The primary way in: the video URI, else the first phone's, else the SIP URI."""
    video: JoinPoint | None = None
    phones: tuple[JoinPoint, ...] = attrs.field(default=(), converter=_points)
    """Every phone entry point, in order: Calendar shows the first two [S5]."""
    sip: JoinPoint | None = None
    more_uri: str | None = attrs.field(default=None, converter=_optional_text)
    """The page with more ways to join (unwrapped)."""
    conference_id: str | None = attrs.field(default=None, converter=_optional_text)
    solution_name: str | None = attrs.field(default=None, converter=_optional_text)
    others: tuple[JoinPoint, ...] = attrs.field(default=(), converter=_points)
    """Entry points of a type confdata does not know, and a second video, SIP or more entry
    point (data read leniently may have them)."""

    def __attrs_post_init__(self) -> None:
        check = Arguments()
        check.optional_text("join_uri", self.join_uri, empty=True)
        for name in ("video", "sip"):
            if getattr(self, name) is not None:
                _check_point(check, name, getattr(self, name))
        _check_points(check, "phones", self.phones)
        for name in ("more_uri", "conference_id", "solution_name"):
            check.optional_text(name, getattr(self, name), empty=True)
        _check_points(check, "others", self.others)
        check.done()

    @property
    def shown_phones(self) -> tuple[JoinPoint, ...]:
        """The phones Calendar shows: the first two."""
        return self.phones[:2]

    @property
    def other_phones(self) -> tuple[JoinPoint, ...]:
        """The phones Calendar does not show."""
        return self.phones[2:]

    @property
    def sip_uri(self) -> str | None:
        """The SIP URI, if any."""
        return None if self.sip is None else self.sip.uri

    def __repr__(self) -> str:
        parts = [f"join_uri={_show(self.join_uri)}"]
        for name in ("video", "sip"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        if self.phones:
            parts.append(f"phones={self.phones!r}")
        if self.more_uri is not None:
            parts.append(f"more_uri={_show(self.more_uri)}")
        for name in ("conference_id", "solution_name"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        if self.others:
            parts.append(f"others={self.others!r}")
        return f"JoinInfo({', '.join(parts)})"
