"""The parts of conference data: entry points, parameters, errors, Calendar-side solution
and create request, and what every value shares (see :mod:`confdata.model`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Self

import attrs

from . import spec as _spec
from .enums import (
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    RequestStatus,
    SolutionType,
)
from .problems import Problem, Problems, ValidationError
from .rules.members import exact_str
from .sink import Sink, single
from .spec import CALENDAR
from .text import describe_type, mask, mask_uri_secrets, type_name
from .value_checks import (
    create_request_problems,
    entry_point_problems,
    error_problems,
    parameter_problems,
    solution_problems,
)

__all__ = [
    "ADD_ON_SOLUTION",
    "ConferenceError",
    "ConferenceParameter",
    "ConferenceSolution",
    "CreateRequest",
    "EntryPoint",
]

# Converters make what a field holds from what callers may pass; what they cannot make is
# left for the check to report with every other problem, and the value then raises, so no
# value ever holds anything but what its annotations say.


def string(value: str) -> str:
    """An exact ``str`` (a subclass's data, none of its methods)."""
    text = exact_str(value)
    return value if text is None else text


def optional_string(value: str | None) -> str | None:
    return None if value is None else string(value)


def _member(value: Any, cls: type[Any], table: Mapping[str, Any]) -> Any:
    """The enum member ``value`` is or spells (the Calendar spelling), else ``value``."""
    if value is None or issubclass(type(value), cls):
        return value
    text = exact_str(value)
    return value if text is None else table.get(text, text)


def _entry_point_type(value: EntryPointType | str) -> EntryPointType:
    member: EntryPointType = _member(value, EntryPointType, CALENDAR.types)
    return member


def _feature(value: EntryPointFeature | str) -> EntryPointFeature:
    member: EntryPointFeature = _member(value, EntryPointFeature, CALENDAR.features)
    return member


def _error_type(value: ConferenceErrorType | str) -> ConferenceErrorType:
    member: ConferenceErrorType = _member(value, ConferenceErrorType, _spec.ERROR_TYPES)
    return member


def _solution_type(value: SolutionType | str | None) -> SolutionType | None:
    member: SolutionType | None = _member(value, SolutionType, _spec.SOLUTION_TYPES)
    return member


def _status(value: RequestStatus | str | None) -> RequestStatus | None:
    member: RequestStatus | None = _member(value, RequestStatus, _spec.STATUSES)
    return member


def sequence(value: Any, what: str) -> Any:
    """A tuple of the items of a list, tuple or other iterable (not a string or mapping)."""
    cls = type(value)
    if cls is tuple:
        return value
    if cls is list:
        return tuple(value)
    if issubclass(cls, (str, bytes, bytearray, Mapping)) or not hasattr(cls, "__iter__"):
        return value  # reported by the check
    try:
        return tuple(value)
    except Exception as error:  # the caller's iterable raised while it was read
        raise single(
            "type",
            "",
            f"{what} could not be read: {type_name(error)} was raised by "
            f"{describe_type(value)} while it was read",
        ) from error


def mapping_items(value: Any, what: str, path: str = "") -> list[tuple[Any, Any]] | None:
    """The key/value pairs of a mapping (a dict read through dict's own method), or None when
    ``value`` is no mapping; a mapping that raises while read is a ``type`` problem."""
    if issubclass(type(value), dict):
        return list(dict.items(value))
    if not isinstance(value, Mapping):
        return None
    try:
        return list(value.items())
    except Exception as error:  # the caller's mapping raised while it was read
        raise single(
            "type",
            path,
            f"{what} could not be read: {type_name(error)} was raised by {describe_type(value)}",
        ) from error


def _features(value: Iterable[EntryPointFeature | str]) -> tuple[EntryPointFeature, ...]:
    items: Any = sequence(value, "features")
    return tuple([_feature(f) for f in items]) if type(items) is tuple else items


def metadata(*, secret: bool = False, uri: bool = False) -> dict[str, bool]:
    return {"secret": secret, "uri": uri}


def compact_repr(self: Any) -> str:
    """Fields not at their default, secrets masked (URIs shown without their secrets)."""
    parts = []
    for field in attrs.fields(type(self)):
        value = getattr(self, field.name)
        if not field.repr or value is None or value == () or value is False:
            continue
        if field.metadata.get("secret"):
            shown = mask(value)
        elif field.metadata.get("uri") and type(value) is str:
            shown = repr(mask_uri_secrets(value))
        else:
            shown = repr(value)
        parts.append(f"{field.alias}={shown}")
    return f"{type(self).__name__}({', '.join(parts)})"


# Problems no field of a part can hold: a value of another type, an enum value it does not
# know, a member it cannot be without. (A conference can be without its ID: see model.py.)
UNHOLDABLE = frozenset({"type", "enum", "required"})


def enforce(value: Any) -> None:
    """Raise for an error; with ``lenient``, only for what the fields could not hold."""
    problems: Problems = value.problems
    unholdable: frozenset[str] = getattr(type(value), "unholdable", UNHOLDABLE)
    if problems and any(p.code in unholdable if value.lenient else p.is_error for p in problems):
        raise ValidationError(problems)


_CLEAN = Problems()  # what a clean value holds: an empty tuple, shared as tuples may be


def checked(check: Any) -> Any:
    """The ``problems`` field: ``check(sink, self)`` run once, as the value is made."""

    def problems(self: Any) -> Problems:
        sink = Sink()
        check(sink, self)
        found = sink.finish()
        return Problems(found) if found else _CLEAN

    return attrs.field(init=False, eq=False, repr=False, default=attrs.Factory(problems, True))


def lenient_field() -> Any:
    return attrs.field(default=False, eq=False, repr=False)


@attrs.frozen(kw_only=True, repr=False)
class EntryPoint:
    """One way to join: a type, a URI and optional codes. Secrets are masked in the repr."""

    type: EntryPointType = attrs.field(converter=_entry_point_type)
    """How to join: video, phone, SIP or more (a member, or its value such as ``"video"``)."""
    uri: str = attrs.field(converter=string, metadata=metadata(uri=True))
    """``http(s):`` for video and more, ``tel:`` for phone, ``sip:`` for SIP; at most 1300."""
    label: str | None = attrs.field(default=None, converter=optional_string)
    """What users see instead of the URI (at most 512; not on a more entry point)."""
    pin: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    """The PIN (at most 128; masked in reprs and messages)."""
    access_code: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    """The access code (at most 128; masked)."""
    meeting_code: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    """The meeting code (at most 128; masked)."""
    passcode: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    """The passcode (at most 128; masked)."""
    password: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    """The password (at most 128; masked)."""
    region_code: str | None = attrs.field(default=None, converter=optional_string)
    """A phone number's CLDR/ISO 3166 region, such as ``"US"`` (phone entry points only)."""
    features: tuple[EntryPointFeature, ...] = attrs.field(default=(), converter=_features)
    """Toll or toll-free (phone entry points only; not both)."""
    lenient: bool = lenient_field()
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    problems: tuple[Problem, ...] = checked(
        lambda sink, ep: entry_point_problems(
            sink,
            ep.type,
            ep.uri,
            ep.label,
            (ep.pin, ep.access_code, ep.meeting_code, ep.passcode, ep.password),
            ep.region_code,
            ep.features,
        )
    )
    """Every problem found when the value was made (paths relative to the entry point)."""

    __repr__ = compact_repr
    __attrs_post_init__ = enforce

    @classmethod
    def video(
        cls,
        uri: str,
        *,
        label: str | None = None,
        pin: str | None = None,
        access_code: str | None = None,
        meeting_code: str | None = None,
        passcode: str | None = None,
        password: str | None = None,
    ) -> Self:
        """A video entry point: an ``http(s):`` URI to join in a browser or app."""
        return cls(
            type=EntryPointType.VIDEO, uri=uri, label=label, pin=pin, access_code=access_code,
            meeting_code=meeting_code, passcode=passcode, password=password,
        )  # fmt: skip

    @classmethod
    def phone(
        cls,
        uri: str,
        *,
        label: str | None = None,
        pin: str | None = None,
        access_code: str | None = None,
        meeting_code: str | None = None,
        passcode: str | None = None,
        password: str | None = None,
        region_code: str | None = None,
        features: Iterable[EntryPointFeature | str] = (),
    ) -> Self:
        """A phone entry point: a ``tel:`` URI, optionally with region code and toll features."""
        return cls(
            type=EntryPointType.PHONE, uri=uri, label=label, pin=pin, access_code=access_code,
            meeting_code=meeting_code, passcode=passcode, password=password,
            region_code=region_code, features=features,
        )  # fmt: skip

    @classmethod
    def sip(
        cls,
        uri: str,
        *,
        label: str | None = None,
        pin: str | None = None,
        access_code: str | None = None,
        meeting_code: str | None = None,
        passcode: str | None = None,
        password: str | None = None,
    ) -> Self:
        """A SIP entry point: a ``sip:`` URI."""
        return cls(
            type=EntryPointType.SIP, uri=uri, label=label, pin=pin, access_code=access_code,
            meeting_code=meeting_code, passcode=passcode, password=password,
        )  # fmt: skip

    @classmethod
    def more(cls, uri: str, *, pin: str | None = None) -> Self:
        """A link to more joining options (``http(s):``); never the only entry point."""
        return cls(type=EntryPointType.MORE, uri=uri, pin=pin)


@attrs.frozen(kw_only=True, repr=False)
class ConferenceParameter:
    """A key/value pair the add-on passes to and from its conferencing system."""

    key: str = attrs.field(converter=string)
    """The key (required, at most 50 characters, once per conference)."""
    value: str = attrs.field(converter=string)
    """The value (at most 1024 characters; may be empty)."""
    lenient: bool = lenient_field()
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    problems: tuple[Problem, ...] = checked(
        lambda sink, p: parameter_problems(sink, p.key, p.value)
    )
    """Every problem found when the value was made."""

    __repr__ = compact_repr
    __attrs_post_init__ = enforce


@attrs.frozen(kw_only=True, repr=False)
class ConferenceError:
    """Why the conference could not be created; AUTHENTICATION needs an authentication URL."""

    type: ConferenceErrorType = attrs.field(converter=_error_type)
    """Why: ``AUTHENTICATION``, ``TEMPORARY``, ``PERMANENT`` and so on."""
    authentication_url: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(uri=True)
    )
    """Where the user signs in (http(s); AUTHENTICATION errors only; at most 1800)."""
    lenient: bool = lenient_field()
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    problems: tuple[Problem, ...] = checked(
        lambda sink, e: error_problems(sink, e.type, e.authentication_url)
    )
    """Every problem found when the value was made."""

    __repr__ = compact_repr
    __attrs_post_init__ = enforce


@attrs.frozen(kw_only=True, repr=False)
class ConferenceSolution:
    """Calendar-side description of the solution: key type, display name and icon."""

    key_type: SolutionType | None = attrs.field(
        default=SolutionType.ADD_ON, converter=_solution_type
    )
    """``addOn`` for third-party conferences (None when read without a known type)."""
    name: str | None = attrs.field(default=None, converter=optional_string)
    """The solution's name users see."""
    icon_uri: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(uri=True)
    )
    """The solution's icon users see."""
    lenient: bool = lenient_field()
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    problems: tuple[Problem, ...] = checked(
        lambda sink, s: solution_problems(sink, s.key_type, s.name, s.icon_uri)
    )
    """Every problem found when the value was made."""

    __repr__ = compact_repr
    __attrs_post_init__ = enforce


def new_request_id() -> str:
    """A fresh client-generated request ID (Calendar ignores a repeated one)."""
    return uuid.uuid4().hex


@attrs.frozen(kw_only=True, repr=False)
class CreateRequest:
    """Calendar-side request to create a conference; a fresh ``request_id`` by default."""

    request_id: str | None = attrs.field(factory=new_request_id, converter=optional_string)
    """The client's ID of the request (a fresh one by default; Calendar ignores a repeat)."""
    solution_type: SolutionType | None = attrs.field(
        default=SolutionType.ADD_ON, converter=_solution_type
    )
    """The kind of conference to create (None when read without a known type)."""
    status: RequestStatus | None = attrs.field(default=None, converter=_status)
    """Set by the server (read-only): the write helpers leave it out."""
    lenient: bool = lenient_field()
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    problems: tuple[Problem, ...] = checked(
        lambda sink, r: create_request_problems(sink, r.request_id, r.solution_type, r.status)
    )
    """Every problem found when the value was made."""

    __repr__ = compact_repr
    __attrs_post_init__ = enforce


ADD_ON_SOLUTION = ConferenceSolution()
"""The solution of third-party data given none: an ``addOn`` key, no name or icon."""
