"""Immutable builders: every step returns a new builder, ``build()`` returns a frozen value.

Builders are frozen ``attrs`` classes changed with :func:`attrs.evolve`, which runs their
checks again: a step checks its own field at once (its length, type, scheme, region code)
and raises :class:`~confdata.ValidationError`, so a builder never holds a field that could
not be built. ``build()`` makes the value, which checks the rules about the whole object and
raises with every problem at once; warnings fail it only with ``strict=True``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Self

import attrs

from . import _spec
from ._enums import ConferenceErrorType, EntryPointFeature, EntryPointType, SolutionType
from ._parts import (
    compact_repr,
    metadata,
    optional_string,
)
from ._problems import Problem, Problems, ValidationError
from ._rules import Where, text, wrong_type
from ._sink import Sink
from ._spec import CALENDAR, Text
from ._value_checks import (
    create_request_problems,
    entry_point_problems,
    error_problems,
    member,
    solution_problems,
)
from .model import (
    ConferenceData,
    ConferenceError,
    ConferenceParameter,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
)

__all__ = [
    "ConferenceDataBuilder",
    "ConferenceErrorBuilder",
    "ConferenceParameterBuilder",
    "ConferenceSolutionBuilder",
    "CreateRequestBuilder",
    "EntryPointBuilder",
]

_AT: Where = ("",)


def _raise_errors(sink: Sink) -> None:
    sink.raise_errors()


def _text(spec: Text) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: the ``type``, ``empty`` and ``max-length`` rules of ``spec``."""

    def check(_: Any, __: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            sink = Sink()
            text(sink, value, spec, _AT, spec.json)
            sink.raise_errors()

    return check


def _instances(
    cls: type[Any], what: str, *path: str, each: bool = False
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: the field is a ``cls`` (``each``: a tuple of them) or None."""

    def check(_: Any, __: attrs.Attribute[Any], value: Any) -> None:
        items = value if each else () if value is None else (value,)
        if all(issubclass(type(item), cls) for item in items):
            return
        sink = Sink()
        for index, item in enumerate(items):
            if not issubclass(type(item), cls):
                where: tuple[str | int, ...] = (*path, index) if each else path
                wrong_type(sink, item, f"a {cls.__name__}", what, _AT, *where)
        sink.raise_errors()

    return check


def _items(value: Any, what: str, *path: str) -> tuple[Any, ...]:
    """The items of an iterable argument as a tuple (a string or a non-iterable is a
    ``type`` problem)."""
    if type(value) is tuple:
        return value
    if issubclass(type(value), (str, bytes, Mapping)) or not isinstance(value, Iterable):
        sink = Sink()
        wrong_type(sink, value, "a sequence", what, _AT, *path)
        sink.raise_errors()
    return tuple(value)


def _finish(problems: tuple[Problem, ...], strict: bool) -> None:
    if problems and (strict or any(p.is_error for p in problems)):
        raise ValidationError(problems)


def _entry_point_check(builder: EntryPointBuilder) -> None:
    sink = Sink()
    builder._check(sink)
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

    def _check(self, sink: Sink) -> None:
        entry_point_problems(
            sink,
            self._type,
            self._uri,
            self._label,
            (self._pin, self._access_code, self._meeting_code, self._passcode, self._password),
            self._region_code,
            self._features,
        )

    def type(self, kind: EntryPointType | str) -> Self:
        """Set the entry point type (``setEntryPointType``)."""
        return attrs.evolve(
            self, type=_enum(kind, EntryPointType, CALENDAR.types, "entryPointType")
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
        added = _enum(feature, EntryPointFeature, CALENDAR.features, "entryPointFeatures")
        return attrs.evolve(self, features=(*self._features, added))

    @property
    def problems(self) -> Problems:
        """Every problem the entry point would have, warnings included."""
        sink = Sink()
        if self._type is None:
            sink.report("required", "/entryPointType", "entryPointType is required")
        if self._uri is None:
            sink.report("required", "/uri", "uri is required")
        self._check(sink)
        return Problems(sink.finish())

    def build(self, *, strict: bool = False) -> EntryPoint:
        """The validated :class:`EntryPoint`; raises :class:`ValidationError` on any error
        (with ``strict=True`` on any warning too)."""
        _finish(self.problems, strict)
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


def _enum(value: object, cls: type[Any], table: Mapping[str, Any], what: str) -> Any:
    """The member ``value`` is or spells; raises :class:`ValidationError` for anything else
    (``what`` is the member's name, dots for nesting: ``key.type`` is at ``/key/type``)."""
    sink = Sink()
    *parents, name = what.split(".")
    found = member(sink, value, cls, table, what, ("", *parents), name)
    sink.raise_errors()
    return found


@attrs.frozen(kw_only=True, repr=False)
class ConferenceParameterBuilder:
    """Builds a :class:`ConferenceParameter` (``newConferenceParameter()``)."""

    _key: str | None = attrs.field(
        default=None, converter=optional_string, validator=_text(_spec.PARAMETER_KEY)
    )
    _value: str | None = attrs.field(
        default=None, converter=optional_string, validator=_text(_spec.PARAMETER_VALUE)
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
        if self._key is None:
            sink.report("required", "/key", "key is required")
        if self._value is None:
            sink.report("required", "/value", "value is required")
        return Problems(sink.finish())

    def build(self, *, strict: bool = False) -> ConferenceParameter:
        """The validated :class:`ConferenceParameter`."""
        _finish(self.problems, strict)
        return ConferenceParameter(key=self._key, value=self._value)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True, repr=False)
class ConferenceErrorBuilder:
    """Builds a :class:`ConferenceError` (``newConferenceError()``)."""

    _type: ConferenceErrorType | None = None
    _authentication_url: str | None = attrs.field(
        default=None,
        converter=optional_string,
        validator=_text(_spec.AUTH_URL_MODEL),
        metadata=metadata(uri=True),
    )

    __repr__ = compact_repr

    def type(self, kind: ConferenceErrorType | str) -> Self:
        """Set the error type (``setConferenceErrorType``)."""
        return attrs.evolve(self, type=_enum(kind, ConferenceErrorType, _spec.ERROR_TYPES, "type"))

    def authentication_url(self, url: str) -> Self:
        """Set the URL where users sign in (AUTHENTICATION errors; http(s), ≤ 1800 chars)."""
        return attrs.evolve(self, authentication_url=url)

    @property
    def problems(self) -> Problems:
        """Every problem the error would have, warnings included."""
        sink = Sink()
        if self._type is None:
            sink.report("required", "/type", "type is required")
        error_problems(sink, self._type, self._authentication_url)
        return Problems(sink.finish())

    def build(self, *, strict: bool = False) -> ConferenceError:
        """The validated :class:`ConferenceError`."""
        _finish(self.problems, strict)
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
    _icon_uri: str | None = attrs.field(default=None, converter=optional_string)

    __repr__ = compact_repr
    __attrs_post_init__ = _solution_check

    def key_type(self, kind: SolutionType | str) -> Self:
        """Set the solution key type (``addOn`` for third-party conferences)."""
        found = _enum(kind, SolutionType, _spec.SOLUTION_TYPES, "key.type")
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
        _finish(self.problems, strict)
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
        found = _enum(kind, SolutionType, _spec.SOLUTION_TYPES, "conferenceSolutionKey.type")
        return attrs.evolve(self, solution_type=found)

    @property
    def problems(self) -> Problems:
        """Every problem the request would have (a deprecated type is a warning)."""
        sink = Sink()
        create_request_problems(sink, self._request_id, self._solution_type, None)
        return Problems(sink.finish())

    def build(self, *, strict: bool = False) -> CreateRequest:
        """A :class:`CreateRequest` (status unset: it is read-only, set by the server)."""
        _finish(self.problems, strict)
        if self._request_id is None:
            return CreateRequest(solution_type=self._solution_type)
        return CreateRequest(request_id=self._request_id, solution_type=self._solution_type)


def _entry_point_items(value: Iterable[EntryPoint]) -> tuple[EntryPoint, ...]:
    return _items(value, "entry_points", "entryPoints")


def _parameter_items(
    value: Iterable[ConferenceParameter] | Mapping[str, str],
) -> tuple[ConferenceParameter, ...]:
    if type(value) is tuple:
        return value
    if isinstance(value, Mapping):
        return tuple(ConferenceParameter(key=k, value=v) for k, v in value.items())
    return _items(value, "parameters", "parameters")


@attrs.frozen(kw_only=True, repr=False)
class ConferenceDataBuilder:
    """Builds :class:`ConferenceData` (``ConferenceDataService.newConferenceDataBuilder()``).

    >>> data = (ConferenceDataBuilder()
    ...         .conference_id("123")
    ...         .entry_point(EntryPoint.video("https://meet.example/123"))
    ...         .build())
    >>> data.conference_id
    '123'

    The constructor takes every field (``ConferenceDataBuilder(conference_id="123", ...)``),
    checked as the steps check them. Builders are frozen and hashable; two are equal when they
    hold the same fields.
    """

    _conference_id: str | None = attrs.field(
        default=None, converter=optional_string, validator=_text(_spec.CONFERENCE_ID)
    )
    _entry_points: tuple[EntryPoint, ...] = attrs.field(
        default=(),
        converter=_entry_point_items,
        validator=_instances(EntryPoint, "entry point", "entryPoints", each=True),
    )
    _parameters: tuple[ConferenceParameter, ...] = attrs.field(
        default=(),
        converter=_parameter_items,
        validator=_instances(ConferenceParameter, "parameter", "parameters", each=True),
    )
    _notes: str | None = attrs.field(
        default=None, converter=optional_string, validator=_text(CALENDAR.notes)
    )
    _error: ConferenceError | None = attrs.field(
        default=None, validator=_instances(ConferenceError, "error", "error")
    )
    _conference_solution_id: str | None = attrs.field(
        default=None, converter=optional_string, validator=_text(_spec.SOLUTION_ID)
    )
    _conference_solution: ConferenceSolution | None = attrs.field(
        default=None,
        validator=_instances(ConferenceSolution, "conference solution", "conferenceSolution"),
    )
    _create_request: CreateRequest | None = attrs.field(
        default=None, validator=_instances(CreateRequest, "create request", "createRequest")
    )
    _signature: str | None = attrs.field(
        default=None, converter=optional_string, validator=_text(_spec.SIGNATURE)
    )

    __repr__ = compact_repr

    @classmethod
    def from_data(cls, data: ConferenceData) -> Self:
        """A builder holding everything ``data`` holds (members kept by a lenient read aside)."""
        if not issubclass(type(data), ConferenceData):
            sink = Sink()
            wrong_type(sink, data, "a ConferenceData", "data", _AT)
            sink.raise_errors()
        return cls(
            conference_id=data.conference_id,
            entry_points=data.entry_points,
            parameters=data.parameters,
            notes=data.notes,
            error=data.error,
            conference_solution_id=data.conference_solution_id,
            conference_solution=data.conference_solution,
            create_request=data.create_request,
            signature=data.signature,
        )

    def conference_id(self, conference_id: str) -> Self:
        """Set the conference ID (required unless an error; at most 512 characters)."""
        return attrs.evolve(self, conference_id=conference_id)

    def entry_point(self, entry_point: EntryPoint) -> Self:
        """Add an entry point (at least one unless an error; at most 300)."""
        return attrs.evolve(self, entry_points=(*self._entry_points, entry_point))

    def entry_points(self, entry_points: Iterable[EntryPoint]) -> Self:
        """Add several entry points in order."""
        added = _items(entry_points, "entry_points", "entryPoints")
        return attrs.evolve(self, entry_points=self._entry_points + added)

    def parameter(self, key: str | ConferenceParameter, value: str | None = None) -> Self:
        """Add a parameter: ``parameter("k", "v")`` or ``parameter(ConferenceParameter(...))``."""
        if value is None and issubclass(type(key), ConferenceParameter):
            parameter: Any = key
        elif value is None:
            sink = Sink()
            text(sink, key, _spec.PARAMETER_KEY, _AT, "key")
            sink.report("required", "/value", "value is required")
            sink.raise_errors()
        else:
            parameter = ConferenceParameter(key=key, value=value)  # type: ignore[arg-type]
        return attrs.evolve(self, parameters=(*self._parameters, parameter))

    def parameters(self, parameters: Iterable[ConferenceParameter] | Mapping[str, str]) -> Self:
        """Add several parameters in order: ``ConferenceParameter`` values, or a mapping of
        key to value."""
        return attrs.evolve(self, parameters=self._parameters + _parameter_items(parameters))

    def notes(self, notes: str) -> Self:
        """Set the notes shown to users (HTML allowed, at most 2048 characters)."""
        return attrs.evolve(self, notes=notes)

    def error(
        self,
        error: ConferenceError | ConferenceErrorType | str,
        authentication_url: str | None = None,
    ) -> Self:
        """Make this an error result; no ID or entry points are needed then."""
        if isinstance(error, ConferenceError):
            made = error
        else:
            builder = ConferenceErrorBuilder().type(error)
            if authentication_url is not None:
                builder = builder.authentication_url(authentication_url)
            made = builder.build()
        return attrs.evolve(self, error=made)

    def conference_solution_id(self, solution_id: str) -> Self:
        """Set the add-on manifest's conference solution id (add-on form)."""
        return attrs.evolve(self, conference_solution_id=solution_id)

    def conference_solution(self, solution: ConferenceSolution) -> Self:
        """Set the Calendar-side solution (by default an ``addOn`` key with no name)."""
        return attrs.evolve(self, conference_solution=solution)

    def create_request(self, request: CreateRequest | None = None) -> Self:
        """Attach a Calendar create request (a fresh one with a new request ID by default)."""
        return attrs.evolve(self, create_request=CreateRequest() if request is None else request)

    def signature(self, signature: str) -> Self:
        """Set the server-generated signature of data read from Calendar. Don't copy it
        to another event: a new event needs a new conference (see the reuse warning)."""
        return attrs.evolve(self, signature=signature)

    def _fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "conference_id": self._conference_id,
            "entry_points": self._entry_points,
            "parameters": self._parameters,
            "notes": self._notes,
            "error": self._error,
            "conference_solution_id": self._conference_solution_id,
            "create_request": self._create_request,
            "signature": self._signature,
        }
        if self._conference_solution is not None:
            fields["conference_solution"] = self._conference_solution
        return fields

    @property
    def problems(self) -> Problems:
        """Every problem ``build()`` would find, warnings included."""
        return ConferenceData(**self._fields(), lenient=True).problems  # type: ignore[return-value]

    def build(self, *, strict: bool = False) -> ConferenceData:
        """The validated :class:`ConferenceData`; raises with every problem if it has errors
        (with ``strict=True``, warnings too)."""
        data = ConferenceData(**self._fields())
        _finish(data.problems, strict)
        return data
