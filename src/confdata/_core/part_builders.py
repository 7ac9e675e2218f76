"""The builders of the parts of conference data, like Apps Script's ``newEntryPoint()``,
``newConferenceParameter()`` and ``newConferenceError()``; see :mod:`confdata.builders`."""

from __future__ import annotations

from typing import Self

import attrs

from . import spec as _spec
from .builder_checks import finish, member_of, text_field
from .enums import ConferenceErrorType, EntryPointFeature, EntryPointType, SolutionType
from .parts import compact_repr, metadata, optional_string
from .problems import Problems
from .sink import Sink
from .spec import CALENDAR
from .value_checks import (
    create_request_problems,
    entry_point_problems,
    error_problems,
    parameter_problems,
    solution_problems,
)
from .values import (
    ConferenceError,
    ConferenceParameter,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
)

__all__ = [
    "ConferenceErrorBuilder",
    "ConferenceParameterBuilder",
    "ConferenceSolutionBuilder",
    "CreateRequestBuilder",
    "EntryPointBuilder",
]


def _entry_point_check(builder: EntryPointBuilder) -> None:
    sink = Sink()
    builder._check(sink, complete=False)  # a builder on its way may lack its type or URI
    sink.raise_errors()


@attrs.frozen(kw_only=True, repr=False)
class EntryPointBuilder:
    """Builds an :class:`EntryPoint` step by step, like Apps Script's ``newEntryPoint()``.

    Every step checks the fields set so far together, so a scheme that does not fit the type
    raises at whichever of ``type()`` and ``uri()`` comes second.
    """

    _type: EntryPointType | None = None
    _uri: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(uri=True)
    )
    _label: str | None = attrs.field(default=None, converter=optional_string)
    _pin: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    _access_code: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    _meeting_code: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    _passcode: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    _password: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(secret=True)
    )
    _region_code: str | None = attrs.field(default=None, converter=optional_string)
    _features: tuple[EntryPointFeature, ...] = ()

    __repr__ = compact_repr
    __attrs_post_init__ = _entry_point_check

    def _check(self, sink: Sink, *, complete: bool = True) -> None:
        entry_point_problems(
            sink,
            self._type,
            self._uri,
            self._label,
            (self._pin, self._access_code, self._meeting_code, self._passcode, self._password),
            self._region_code,
            self._features,
            complete=complete,
        )

    def type(self, kind: EntryPointType | str) -> Self:
        """Set the entry point type (``setEntryPointType``)."""
        return attrs.evolve(
            self, type=member_of(kind, EntryPointType, CALENDAR.types, "entryPointType")
        )

    def uri(self, uri: str) -> Self:
        """Set the URI: ``http(s):`` for video and more, ``tel:`` for phone, ``sip:`` for SIP."""
        return attrs.evolve(self, uri=uri)

    def label(self, label: str) -> Self:
        """Set the label shown to users (at most 512 characters)."""
        return attrs.evolve(self, label=label)

    def pin(self, pin: str) -> Self:
        """Set the PIN (at most 128 characters; masked in reprs and messages)."""
        return attrs.evolve(self, pin=pin)

    def access_code(self, code: str) -> Self:
        """Set the access code (at most 128 characters; masked)."""
        return attrs.evolve(self, access_code=code)

    def meeting_code(self, code: str) -> Self:
        """Set the meeting code (at most 128 characters; masked)."""
        return attrs.evolve(self, meeting_code=code)

    def passcode(self, passcode: str) -> Self:
        """Set the passcode (at most 128 characters; masked)."""
        return attrs.evolve(self, passcode=passcode)

    def password(self, password: str) -> Self:
        """Set the password (at most 128 characters; masked)."""
        return attrs.evolve(self, password=password)

    def region_code(self, region_code: str) -> Self:
        """Set the CLDR/ISO 3166 region of a phone number, such as ``"US"``."""
        return attrs.evolve(self, region_code=region_code)

    def feature(self, feature: EntryPointFeature | str) -> Self:
        """Add a feature of a phone entry point (``addFeature``)."""
        added = member_of(feature, EntryPointFeature, CALENDAR.features, "entryPointFeatures")
        return attrs.evolve(self, features=(*self._features, added))

    @property
    def problems(self) -> Problems:
        """Every problem the entry point would have, warnings included."""
        sink = Sink()
        self._check(sink)
        return Problems(sink.finish())

    def build(self, *, strict: bool = False) -> EntryPoint:
        """The validated :class:`EntryPoint`; raises :class:`ValidationError` on any error
        (with ``strict=True`` on any warning too)."""
        finish(self.problems, strict)
        return EntryPoint(
            type=self._type,  # type: ignore[arg-type]  # set: problems() says so otherwise
            uri=self._uri,  # type: ignore[arg-type]
            label=self._label,
            pin=self._pin,
            access_code=self._access_code,
            meeting_code=self._meeting_code,
            passcode=self._passcode,
            password=self._password,
            region_code=self._region_code,
            features=self._features,
        )


@attrs.frozen(kw_only=True, repr=False)
class ConferenceParameterBuilder:
    """Builds a :class:`ConferenceParameter` (``newConferenceParameter()``)."""

    _key: str | None = attrs.field(
        default=None, converter=optional_string, validator=text_field(_spec.PARAMETER_KEY)
    )
    _value: str | None = attrs.field(
        default=None, converter=optional_string, validator=text_field(_spec.PARAMETER_VALUE)
    )

    __repr__ = compact_repr

    def key(self, key: str) -> Self:
        """Set the key (required, at most 50 characters)."""
        return attrs.evolve(self, key=key)

    def value(self, value: str) -> Self:
        """Set the value (required, at most 1024 characters)."""
        return attrs.evolve(self, value=value)

    @property
    def problems(self) -> Problems:
        """Every problem the parameter would have."""
        sink = Sink()
        parameter_problems(sink, self._key, self._value)
        return Problems(sink.finish())

    def build(self, *, strict: bool = False) -> ConferenceParameter:
        """The validated :class:`ConferenceParameter`."""
        finish(self.problems, strict)
        return ConferenceParameter(key=self._key, value=self._value)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True, repr=False)
class ConferenceErrorBuilder:
    """Builds a :class:`ConferenceError` (``newConferenceError()``)."""

    _type: ConferenceErrorType | None = None
    _authentication_url: str | None = attrs.field(
        default=None,
        converter=optional_string,
        validator=text_field(_spec.AUTH_URL_MODEL),
        metadata=metadata(uri=True),
    )

    __repr__ = compact_repr

    def type(self, kind: ConferenceErrorType | str) -> Self:
        """Set the error type (``setConferenceErrorType``)."""
        return attrs.evolve(
            self, type=member_of(kind, ConferenceErrorType, _spec.ERROR_TYPES, "type")
        )

    def authentication_url(self, url: str) -> Self:
        """Set the URL where users sign in (AUTHENTICATION errors; http(s), ≤ 1800 chars)."""
        return attrs.evolve(self, authentication_url=url)

    @property
    def problems(self) -> Problems:
        """Every problem the error would have, warnings included."""
        sink = Sink()
        error_problems(sink, self._type, self._authentication_url)
        return Problems(sink.finish())

    def build(self, *, strict: bool = False) -> ConferenceError:
        """The validated :class:`ConferenceError`."""
        finish(self.problems, strict)
        return ConferenceError(type=self._type, authentication_url=self._authentication_url)  # type: ignore[arg-type]


def _solution_check(builder: ConferenceSolutionBuilder) -> None:
    sink = Sink()
    solution_problems(sink, builder._key_type, builder._name, builder._icon_uri)
    sink.raise_errors()


@attrs.frozen(kw_only=True, repr=False)
class ConferenceSolutionBuilder:
    """Builds the Calendar-side :class:`ConferenceSolution` (key type, name, icon URI)."""

    _key_type: SolutionType | None = SolutionType.ADD_ON
    _name: str | None = attrs.field(default=None, converter=optional_string)
    _icon_uri: str | None = attrs.field(
        default=None, converter=optional_string, metadata=metadata(uri=True)
    )

    __repr__ = compact_repr
    __attrs_post_init__ = _solution_check

    def key_type(self, kind: SolutionType | str) -> Self:
        """Set the solution key type (``addOn`` for third-party conferences)."""
        found = member_of(kind, SolutionType, _spec.SOLUTION_TYPES, "key.type")
        return attrs.evolve(self, key_type=found)

    def name(self, name: str) -> Self:
        """Set the name users see."""
        return attrs.evolve(self, name=name)

    def icon_uri(self, uri: str) -> Self:
        """Set the icon users see."""
        return attrs.evolve(self, icon_uri=uri)

    @property
    def problems(self) -> Problems:
        """Every problem the solution would have, warnings included."""
        sink = Sink()
        solution_problems(sink, self._key_type, self._name, self._icon_uri)
        return Problems(sink.finish())

    def build(self, *, strict: bool = False) -> ConferenceSolution:
        """The validated :class:`ConferenceSolution`."""
        finish(self.problems, strict)
        return ConferenceSolution(key_type=self._key_type, name=self._name, icon_uri=self._icon_uri)


def _request_check(builder: CreateRequestBuilder) -> None:
    sink = Sink()
    create_request_problems(sink, builder._request_id, builder._solution_type, None)
    sink.raise_errors()


@attrs.frozen(kw_only=True, repr=False)
class CreateRequestBuilder:
    """Builds a :class:`CreateRequest`; each ``build()`` has a fresh request ID unless set."""

    _request_id: str | None = attrs.field(default=None, converter=optional_string)
    _solution_type: SolutionType = SolutionType.ADD_ON

    __repr__ = compact_repr
    __attrs_post_init__ = _request_check

    def request_id(self, request_id: str) -> Self:
        """Use this request ID (Calendar ignores a request whose ID repeats the previous one)."""
        return attrs.evolve(self, request_id=request_id)

    def solution_type(self, kind: SolutionType | str) -> Self:
        """Set the type of conference to create."""
        found = member_of(kind, SolutionType, _spec.SOLUTION_TYPES, "conferenceSolutionKey.type")
        return attrs.evolve(self, solution_type=found)

    @property
    def problems(self) -> Problems:
        """Every problem the request would have (a deprecated type is a warning)."""
        sink = Sink()
        create_request_problems(sink, self._request_id, self._solution_type, None)
        return Problems(sink.finish())

    def build(self, *, strict: bool = False) -> CreateRequest:
        """A :class:`CreateRequest` (status unset: it is read-only, set by the server)."""
        finish(self.problems, strict)
        if self._request_id is None:
            return CreateRequest(solution_type=self._solution_type)
        return CreateRequest(request_id=self._request_id, solution_type=self._solution_type)
