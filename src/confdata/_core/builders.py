"""Immutable builders: every step returns a new builder, ``build()`` returns a frozen value.

Builders are frozen ``attrs`` classes. A step of :class:`ConferenceDataBuilder` checks only
the argument it is given (its length, type, scheme...) and raises
:class:`~confdata.ValidationError` at once, then shares every other field with the builder it
came from (:mod:`confdata._core.gen.steps`), so a builder never holds a field that could not
be built and building is linear. ``build()`` makes the value, which checks the rules about the
whole object and raises with every problem at once; warnings fail it only with
``strict=True``. The part builders mirror Apps Script's ``newEntryPoint()`` and friends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Self

import attrs

from . import spec
from .enums import ConferenceErrorType, EntryPointFeature, EntryPointType, SolutionType
from .gen import steps as _steps
from .gen.values import member_of
from .problems import Problem, Problems, ValidationError
from .rules.members import enum_value, text, wrong_type
from .sink import Sink
from .spec import CALENDAR
from .values import (
    GENERATED,
    ConferenceData,
    ConferenceError,
    ConferenceParameter,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
    compact_repr,
    default_solution,
    mapping_items,
    sequence,
)

__all__ = [
    "ConferenceDataBuilder",
    "ConferenceErrorBuilder",
    "ConferenceParameterBuilder",
    "ConferenceSolutionBuilder",
    "CreateRequestBuilder",
    "EntryPointBuilder",
]


# How messages and paths name the members the steps check (dots for nesting), from the shapes.
_ENTRY_POINTS = CALENDAR.entry_points_member
_PARAMETERS = spec.json_path(spec.MODEL_CONFERENCE, "parameters")[0]
_ERROR_TYPE = spec.ADDON_ERROR.members[0].json
_KEY_TYPE = ".".join(spec.json_path(spec.CALENDAR_SOLUTION, "key_type"))
_REQUEST_TYPE = ".".join(spec.json_path(spec.CALENDAR_REQUEST, "solution_type"))


def _finish(problems: tuple[Problem, ...], strict: bool) -> None:
    if problems and (strict or any(p.is_error for p in problems)):
        raise ValidationError(problems)


def _member(value: object, cls: type[Any], table: Mapping[str, Any], what: str) -> Any:
    """The member ``value`` is or spells; raises :class:`ValidationError` for anything else
    (``what`` is the member's name, dots for nesting: ``key.type`` is at ``/key/type``)."""
    found = member_of(value, cls, table)
    if found is not None:
        return found
    sink = Sink()
    *parents, name = what.split(".")
    enum_value(sink, value, table, what, ("", *parents), name)
    sink.raise_errors()
    return None  # pragma: no cover - enum_value reported it


def _items(value: Any, what: str, *path: str) -> tuple[Any, ...]:
    """The items of an iterable argument as a tuple (a string or a non-iterable is a
    ``type`` problem)."""
    found = sequence(value, what)  # an iterable that raises while read is a type problem
    if type(found) is not tuple:
        sink = Sink()
        wrong_type(sink, value, "a sequence", what, ("",), *path)
        sink.raise_errors()
    return found  # type: ignore[no-any-return]


def _parameters(value: Iterable[ConferenceParameter] | Mapping[str, str]) -> tuple[Any, ...]:
    pairs = mapping_items(value, "parameters", f"/{_PARAMETERS}")
    if pairs is not None:
        return tuple(ConferenceParameter(key=k, value=v) for k, v in pairs)
    return _items(value, "parameters", _PARAMETERS)


# The builder's constructor checks each field as its step does: the generated checks of
# :mod:`confdata._core.gen.steps`, made once the class exists (_STEPS, below).


def _conference_id(value: str | None) -> str | None:
    return _STEPS["check_conference_id"](value)  # type: ignore[no-any-return]


def _notes(value: str | None) -> str | None:
    return _STEPS["check_notes"](value)  # type: ignore[no-any-return]


def _conference_solution_id(value: str | None) -> str | None:
    return _STEPS["check_conference_solution_id"](value)  # type: ignore[no-any-return]


def _signature(value: str | None) -> str | None:
    return _STEPS["check_signature"](value)  # type: ignore[no-any-return]


def _error(value: ConferenceError | None) -> ConferenceError | None:
    return _STEPS["check_error"](value)  # type: ignore[no-any-return]


def _solution(value: ConferenceSolution | None) -> ConferenceSolution | None:
    return _STEPS["check_conference_solution"](value)  # type: ignore[no-any-return]


def _request(value: CreateRequest | None) -> CreateRequest | None:
    return _STEPS["check_create_request"](value)  # type: ignore[no-any-return]


def _entry_point_items(value: Iterable[EntryPoint]) -> tuple[EntryPoint, ...]:
    items = _items(value, "entry_points", _ENTRY_POINTS)
    _STEPS["check_entry_points"](items, 0)
    return items


def _parameter_items(
    value: Iterable[ConferenceParameter] | Mapping[str, str],
) -> tuple[ConferenceParameter, ...]:
    items = _parameters(value)
    _STEPS["check_parameters"](items, 0)
    return items


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

    _conference_id: str | None = attrs.field(default=None, converter=_conference_id)
    _entry_points: tuple[EntryPoint, ...] = attrs.field(default=(), converter=_entry_point_items)
    _parameters: tuple[ConferenceParameter, ...] = attrs.field(
        default=(), converter=_parameter_items
    )
    _notes: str | None = attrs.field(default=None, converter=_notes)
    _error: ConferenceError | None = attrs.field(default=None, converter=_error)
    _conference_solution_id: str | None = attrs.field(
        default=None, converter=_conference_solution_id
    )
    _conference_solution: ConferenceSolution | None = attrs.field(default=None, converter=_solution)
    _create_request: CreateRequest | None = attrs.field(default=None, converter=_request)
    _signature: str | None = attrs.field(default=None, converter=_signature)

    __repr__ = compact_repr

    @classmethod
    def from_data(cls, data: ConferenceData) -> Self:
        """A builder holding everything ``data`` holds (what a lenient read kept aside)."""
        if not issubclass(type(data), ConferenceData):
            sink = Sink()
            wrong_type(sink, data, "a ConferenceData value", "data", ("",))
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
        return _STEPS["set_conference_id"](self, conference_id)  # type: ignore[no-any-return]

    def entry_point(self, entry_point: EntryPoint) -> Self:
        """Add an entry point (at least one unless an error; at most 300)."""
        return _STEPS["add_entry_points"](self, entry_point)  # type: ignore[no-any-return]

    def entry_points(self, entry_points: Iterable[EntryPoint]) -> Self:
        """Add several entry points in order."""
        added = _items(entry_points, "entry_points", _ENTRY_POINTS)
        return _STEPS["extend_entry_points"](self, added)  # type: ignore[no-any-return]

    def parameter(self, key: str | ConferenceParameter, value: str | None = None) -> Self:
        """Add a parameter: ``parameter("k", "v")`` or ``parameter(ConferenceParameter(...))``."""
        if value is None and issubclass(type(key), ConferenceParameter):
            parameter: Any = key
        else:  # a missing value is the parameter's required rule
            parameter = ConferenceParameter(key=key, value=value)  # type: ignore[arg-type]
        return _STEPS["add_parameters"](self, parameter)  # type: ignore[no-any-return]

    def parameters(self, parameters: Iterable[ConferenceParameter] | Mapping[str, str]) -> Self:
        """Add several parameters in order: ``ConferenceParameter`` values, or a mapping of
        key to value."""
        return _STEPS["extend_parameters"](self, _parameters(parameters))  # type: ignore[no-any-return]

    def notes(self, notes: str) -> Self:
        """Set the notes shown to users (HTML allowed, at most 2048 characters)."""
        return _STEPS["set_notes"](self, notes)  # type: ignore[no-any-return]

    def error(
        self,
        error: ConferenceError | ConferenceErrorType | str,
        authentication_url: str | None = None,
    ) -> Self:
        """Make this an error result; no ID or entry points are needed then."""
        if issubclass(type(error), ConferenceError):
            made: Any = error
        else:
            builder = ConferenceErrorBuilder().type(error)  # type: ignore[arg-type]
            if authentication_url is not None:
                builder = builder.authentication_url(authentication_url)
            made = builder.build()
        return _STEPS["set_error"](self, made)  # type: ignore[no-any-return]

    def conference_solution_id(self, solution_id: str) -> Self:
        """Set the add-on manifest's conference solution id (add-on form)."""
        return _STEPS["set_conference_solution_id"](self, solution_id)  # type: ignore[no-any-return]

    def conference_solution(self, solution: ConferenceSolution) -> Self:
        """Set the Calendar-side solution (by default an ``addOn`` key with no name)."""
        return _STEPS["set_conference_solution"](self, solution)  # type: ignore[no-any-return]

    def create_request(self, request: CreateRequest | None = None) -> Self:
        """Attach a Calendar create request (a fresh one with a new request ID by default)."""
        made = CreateRequest() if request is None else request
        return _STEPS["set_create_request"](self, made)  # type: ignore[no-any-return]

    def signature(self, signature: str) -> Self:
        """Set the server-generated signature of data read from Calendar. Don't copy it
        to another event: a new event needs a new conference (see the reuse warning)."""
        return _STEPS["set_signature"](self, signature)  # type: ignore[no-any-return]

    def _made(self) -> ConferenceData:
        """The value of what the builder holds, checked as a whole, never raising."""
        made = GENERATED["ConferenceData"]
        solution = self._conference_solution
        if solution is None:
            solution = default_solution(self._entry_points, self._error)
        fields = {
            "conference_id": self._conference_id,
            "entry_points": self._entry_points,
            "parameters": self._parameters,
            "notes": self._notes,
            "error": self._error,
            "conference_solution_id": self._conference_solution_id,
            "create_request": self._create_request,
            "signature": self._signature,
            "conference_solution": solution,
        }
        return made.remake(*(fields[name] for name in made.fields), None, False)  # type: ignore[no-any-return]

    @property
    def problems(self) -> Problems:
        """Every problem ``build()`` would find, warnings included."""
        return self._made().problems  # type: ignore[return-value]

    def build(self, *, strict: bool = False) -> ConferenceData:
        """The validated :class:`ConferenceData`; raises with every problem if it has errors
        (with ``strict=True``, warnings too)."""
        data = self._made()
        _finish(data.problems, strict)
        return data


_STEPS = _steps.generate(
    ConferenceDataBuilder,
    spec.MODEL_CONFERENCE,
    {
        "entry_points": EntryPoint,
        "parameters": ConferenceParameter,
        "error": ConferenceError,
        "conference_solution": ConferenceSolution,
        "create_request": CreateRequest,
    },
)[0]


# --- the part builders ---------------------------------------------------------------------


def _entry_point_check(builder: EntryPointBuilder) -> None:
    # A builder on its way may lack its type or URI: each step checks the rest together.
    problems = [p for p in builder._problems() if p.code != "required"]
    if any(p.is_error for p in problems):
        raise ValidationError(problems)


@attrs.frozen(kw_only=True, repr=False)
class EntryPointBuilder:
    """Builds an :class:`EntryPoint` step by step, like Apps Script's ``newEntryPoint()``.

    Every step checks the fields set so far together, so a scheme that does not fit the type
    raises at whichever of ``type()`` and ``uri()`` comes second.
    """

    _type: EntryPointType | None = None
    _uri: str | None = attrs.field(default=None, metadata={"uri": True})
    _label: str | None = None
    _pin: str | None = attrs.field(default=None, metadata={"secret": True})
    _access_code: str | None = attrs.field(default=None, metadata={"secret": True})
    _meeting_code: str | None = attrs.field(default=None, metadata={"secret": True})
    _passcode: str | None = attrs.field(default=None, metadata={"secret": True})
    _password: str | None = attrs.field(default=None, metadata={"secret": True})
    _region_code: str | None = None
    _features: tuple[EntryPointFeature, ...] = ()

    __repr__ = compact_repr
    __attrs_post_init__ = _entry_point_check

    def _problems(self) -> Problems:
        return GENERATED["EntryPoint"].check(
            self._type, self._uri, self._label, self._pin, self._access_code,
            self._meeting_code, self._passcode, self._password, self._region_code,
            self._features, None,
        )  # fmt: skip

    def type(self, kind: EntryPointType | str) -> Self:
        """Set the entry point type (``setEntryPointType``)."""
        found = _member(kind, EntryPointType, CALENDAR.types, CALENDAR.type_member)
        return attrs.evolve(self, type=found)

    def uri(self, uri: str) -> Self:
        """Set the URI: ``http(s):`` for video and more, ``tel:`` for phone, ``sip:`` for SIP."""
        return attrs.evolve(self, uri=_STEP_TEXT["uri"](uri))

    def label(self, label: str) -> Self:
        """Set the label shown to users (at most 512 characters)."""
        return attrs.evolve(self, label=_STEP_TEXT["label"](label))

    def pin(self, pin: str) -> Self:
        """Set the PIN (at most 128 characters; masked in reprs and messages)."""
        return attrs.evolve(self, pin=_STEP_TEXT["pin"](pin))

    def access_code(self, code: str) -> Self:
        """Set the access code (at most 128 characters; masked)."""
        return attrs.evolve(self, access_code=_STEP_TEXT["access_code"](code))

    def meeting_code(self, code: str) -> Self:
        """Set the meeting code (at most 128 characters; masked)."""
        return attrs.evolve(self, meeting_code=_STEP_TEXT["meeting_code"](code))

    def passcode(self, passcode: str) -> Self:
        """Set the passcode (at most 128 characters; masked)."""
        return attrs.evolve(self, passcode=_STEP_TEXT["passcode"](passcode))

    def password(self, password: str) -> Self:
        """Set the password (at most 128 characters; masked)."""
        return attrs.evolve(self, password=_STEP_TEXT["password"](password))

    def region_code(self, region_code: str) -> Self:
        """Set the CLDR/ISO 3166 region of a phone number, such as ``"US"``."""
        return attrs.evolve(self, region_code=_STEP_TEXT["region_code"](region_code))

    def feature(self, feature: EntryPointFeature | str) -> Self:
        """Add a feature of a phone entry point (``addFeature``)."""
        added = _member(feature, EntryPointFeature, CALENDAR.features, CALENDAR.features_member)
        return attrs.evolve(self, features=(*self._features, added))

    @property
    def problems(self) -> Problems:
        """Every problem the entry point would have, warnings included."""
        return self._problems()

    def build(self, *, strict: bool = False) -> EntryPoint:
        """The validated :class:`EntryPoint`; raises :class:`ValidationError` on any error
        (with ``strict=True`` on any warning too)."""
        _finish(self.problems, strict)
        return EntryPoint(
            type=self._type,  # type: ignore[arg-type]  # set: problems says so otherwise
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


def _text_check(member: spec.Text) -> Callable[[object], str]:
    """A step's check of one string argument: rules ``type``, ``empty`` and ``max-length``."""

    def check(value: object) -> str:
        sink = Sink()
        found = text(sink, value, member, ("",), member.json)
        sink.raise_errors()
        return found  # type: ignore[return-value]

    return check


_STEP_TEXT: Mapping[str, Callable[[object], str]] = {
    member.attr: _text_check(member)
    for member in spec.CALENDAR_ENTRY_POINT.members
    if isinstance(member, spec.Text)
}


@attrs.frozen(kw_only=True, repr=False)
class ConferenceParameterBuilder:
    """Builds a :class:`ConferenceParameter` (``newConferenceParameter()``)."""

    _key: str | None = None
    _value: str | None = None

    __repr__ = compact_repr

    def key(self, key: str) -> Self:
        """Set the key (required, at most 50 characters)."""
        return attrs.evolve(self, key=_text_check(spec.PARAMETER_KEY)(key))

    def value(self, value: str) -> Self:
        """Set the value (required, at most 1024 characters)."""
        return attrs.evolve(self, value=_text_check(spec.PARAMETER_VALUE)(value))

    @property
    def problems(self) -> Problems:
        """Every problem the parameter would have."""
        return GENERATED["ConferenceParameter"].check(self._key, self._value, None)

    def build(self, *, strict: bool = False) -> ConferenceParameter:
        """The validated :class:`ConferenceParameter`."""
        _finish(self.problems, strict)
        return ConferenceParameter(key=self._key, value=self._value)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True, repr=False)
class ConferenceErrorBuilder:
    """Builds a :class:`ConferenceError` (``newConferenceError()``)."""

    _type: ConferenceErrorType | None = None
    _authentication_url: str | None = attrs.field(default=None, metadata={"uri": True})

    __repr__ = compact_repr

    def type(self, kind: ConferenceErrorType | str) -> Self:
        """Set the error type (``setConferenceErrorType``)."""
        return attrs.evolve(
            self, type=_member(kind, ConferenceErrorType, spec.ERROR_TYPES, _ERROR_TYPE)
        )

    def authentication_url(self, url: str) -> Self:
        """Set the URL where users sign in (AUTHENTICATION errors; http(s), ≤ 1800 chars)."""
        return attrs.evolve(self, authentication_url=_text_check(spec.AUTH_URL_MODEL)(url))

    @property
    def problems(self) -> Problems:
        """Every problem the error would have, warnings included."""
        return GENERATED["ConferenceError"].check(self._type, self._authentication_url, None)

    def build(self, *, strict: bool = False) -> ConferenceError:
        """The validated :class:`ConferenceError`."""
        _finish(self.problems, strict)
        return ConferenceError(type=self._type, authentication_url=self._authentication_url)  # type: ignore[arg-type]


def _solution_check(builder: ConferenceSolutionBuilder) -> None:
    _finish(builder.problems, strict=False)


@attrs.frozen(kw_only=True, repr=False)
class ConferenceSolutionBuilder:
    """Builds the Calendar-side :class:`ConferenceSolution` (key type, name, icon URI)."""

    _key_type: SolutionType | None = SolutionType.ADD_ON
    _name: str | None = None
    _icon_uri: str | None = attrs.field(default=None, metadata={"uri": True})

    __repr__ = compact_repr
    __attrs_post_init__ = _solution_check

    def key_type(self, kind: SolutionType | str) -> Self:
        """Set the solution key type (``addOn`` for third-party conferences)."""
        found = _member(kind, SolutionType, spec.SOLUTION_TYPES, _KEY_TYPE)
        return attrs.evolve(self, key_type=found)

    def name(self, name: str) -> Self:
        """Set the name users see."""
        return attrs.evolve(self, name=_text_check(spec.SOLUTION_NAME)(name))

    def icon_uri(self, uri: str) -> Self:
        """Set the icon users see."""
        return attrs.evolve(self, icon_uri=_text_check(spec.ICON_URI)(uri))

    @property
    def problems(self) -> Problems:
        """Every problem the solution would have, warnings included."""
        return GENERATED["ConferenceSolution"].check(
            self._key_type, self._name, self._icon_uri, None
        )

    def build(self, *, strict: bool = False) -> ConferenceSolution:
        """The validated :class:`ConferenceSolution`."""
        _finish(self.problems, strict)
        return ConferenceSolution(key_type=self._key_type, name=self._name, icon_uri=self._icon_uri)


def _request_check(builder: CreateRequestBuilder) -> None:
    _finish(builder.problems, strict=False)


@attrs.frozen(kw_only=True, repr=False)
class CreateRequestBuilder:
    """Builds a :class:`CreateRequest`; each ``build()`` has a fresh request ID unless set."""

    _request_id: str | None = None
    _solution_type: SolutionType = SolutionType.ADD_ON

    __repr__ = compact_repr
    __attrs_post_init__ = _request_check

    def request_id(self, request_id: str) -> Self:
        """Use this request ID (Calendar ignores a request whose ID repeats the previous one)."""
        return attrs.evolve(self, request_id=_text_check(spec.REQUEST_ID)(request_id))

    def solution_type(self, kind: SolutionType | str) -> Self:
        """Set the type of conference to create."""
        found = _member(kind, SolutionType, spec.SOLUTION_TYPES, _REQUEST_TYPE)
        return attrs.evolve(self, solution_type=found)

    @property
    def problems(self) -> Problems:
        """Every problem the request would have (a deprecated type is a warning)."""
        return GENERATED["CreateRequest"].check(self._request_id, self._solution_type, None, None)

    def build(self, *, strict: bool = False) -> CreateRequest:
        """A :class:`CreateRequest` (status unset: it is read-only, set by the server)."""
        _finish(self.problems, strict)
        if self._request_id is None:
            return CreateRequest(solution_type=self._solution_type)
        return CreateRequest(request_id=self._request_id, solution_type=self._solution_type)
