"""Immutable builders: every step returns a new builder, ``build()`` returns a frozen value.

A step checks its own field at once (length, scheme, region code) and raises
:class:`~confdata.ValidationError`; ``build()`` checks the rules about the whole object and
raises with every problem at once. Warnings fail ``build()`` only with ``strict=True``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

import attrs

from . import _model_checks
from ._checks import (
    LIMIT_AUTH_URL_MODEL,
    LIMIT_CONFERENCE_ID,
    LIMIT_LABEL,
    LIMIT_NOTES,
    LIMIT_PARAMETER_KEY,
    LIMIT_PARAMETER_VALUE,
    LIMIT_SECRET,
    LIMIT_SOLUTION_ID,
    LIMIT_URI,
    MAX_ITEMS,
    check_entry_point_rules,
    check_enum,
    check_string,
    report,
    require_instance,
)
from ._enums import (
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    SolutionType,
)
from ._fast import conference_data_is_clean, entry_point_set_clean, parameter_clean
from ._forms import CALENDAR, CALENDAR_FEATURES, CALENDAR_TYPES, ERROR_TYPES, SOLUTION_TYPES
from ._problems import Problem, ValidationError
from ._text import mask
from .model import (
    _EMPTY_MAPPING,
    ConferenceData,
    ConferenceError,
    ConferenceParameter,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
    _unchecked,
    default_solution,
    make_conference_data,
    make_parameter,
    new_request_id,
)

# Below these lengths a string cannot reach its limit, even counted in UTF-16 units.
_FAST_ID = min(LIMIT_CONFERENCE_ID, LIMIT_SOLUTION_ID) // 2
_FAST_NOTES = LIMIT_NOTES // 2

__all__ = [
    "ConferenceDataBuilder",
    "ConferenceErrorBuilder",
    "ConferenceParameterBuilder",
    "ConferenceSolutionBuilder",
    "CreateRequestBuilder",
    "EntryPointBuilder",
]


_B = TypeVar("_B")


_new = object.__new__
_set = object.__setattr__


def _with(builder: _B, name: str, value: object) -> _B:
    """A copy of ``builder`` with one attribute changed: ``attrs.evolve`` without its
    per-call introspection (builders have no validators to re-run)."""
    values = builder.__dict__.copy()
    values[name] = value
    copy = _new(type(builder))
    _set(copy, "__dict__", values)  # past the frozen __setattr__
    return copy


def _raise_errors(out: list[Problem]) -> None:
    if any(p.is_error for p in out):
        raise ValidationError(out)


def _finish(problems: list[Problem], strict: bool) -> None:
    if strict and problems:
        raise ValidationError(problems)
    _raise_errors(problems)


def _string(
    value: object, path: str, name: str, limit: int, *, nonempty: bool = False, secret: bool = False
) -> None:
    out: list[Problem] = []
    check_string(out, value, path, name, limit, nonempty=nonempty, secret=secret)
    _raise_errors(out)


def _masked(value: object) -> str:
    return "None" if value is None else mask(value)


@attrs.frozen(slots=False)
class EntryPointBuilder:
    """Builds an :class:`EntryPoint` step by step, like Apps Script's ``newEntryPoint()``."""

    _type: EntryPointType | None = None
    _uri: str | None = None
    _label: str | None = None
    _pin: str | None = attrs.field(default=None, repr=_masked)
    _access_code: str | None = attrs.field(default=None, repr=_masked)
    _meeting_code: str | None = attrs.field(default=None, repr=_masked)
    _passcode: str | None = attrs.field(default=None, repr=_masked)
    _password: str | None = attrs.field(default=None, repr=_masked)
    _region_code: str | None = None
    _features: tuple[EntryPointFeature, ...] = ()

    def type(self, kind: EntryPointType | str) -> Self:
        """Set the entry point type (``setEntryPointType``)."""
        out: list[Problem] = []
        member = (
            kind
            if isinstance(kind, EntryPointType)
            else check_enum(out, kind, "/entryPointType", "entryPointType", CALENDAR_TYPES)
        )
        _raise_errors(out)
        if self._uri is not None:  # the scheme depends on the type: check it now
            check_entry_point_rules(out, "", CALENDAR, member, self._uri, None, None, None)
            _raise_errors(out)
        return _with(self, "_type", member)

    def uri(self, uri: str) -> Self:
        """Set the URI: ``http(s):`` for video and more, ``tel:`` for phone, ``sip:`` for SIP."""
        out: list[Problem] = []
        text = check_string(out, uri, "/uri", "uri", LIMIT_URI, nonempty=True)
        if text is not None:
            check_entry_point_rules(out, "", CALENDAR, self._type, text, None, None, None)
        _raise_errors(out)
        return _with(self, "_uri", uri)

    def label(self, label: str) -> Self:
        """Set the label shown to users (at most 512 characters)."""
        _string(label, "/label", "label", LIMIT_LABEL)
        return _with(self, "_label", label)

    def pin(self, pin: str) -> Self:
        """Set the PIN (at most 128 characters; masked in reprs and messages)."""
        _string(pin, "/pin", "pin", LIMIT_SECRET, secret=True)
        return _with(self, "_pin", pin)

    def access_code(self, code: str) -> Self:
        """Set the access code (at most 128 characters; masked)."""
        _string(code, "/accessCode", "accessCode", LIMIT_SECRET, secret=True)
        return _with(self, "_access_code", code)

    def meeting_code(self, code: str) -> Self:
        """Set the meeting code (at most 128 characters; masked)."""
        _string(code, "/meetingCode", "meetingCode", LIMIT_SECRET, secret=True)
        return _with(self, "_meeting_code", code)

    def passcode(self, passcode: str) -> Self:
        """Set the passcode (at most 128 characters; masked)."""
        _string(passcode, "/passcode", "passcode", LIMIT_SECRET, secret=True)
        return _with(self, "_passcode", passcode)

    def password(self, password: str) -> Self:
        """Set the password (at most 128 characters; masked)."""
        _string(password, "/password", "password", LIMIT_SECRET, secret=True)
        return _with(self, "_password", password)

    def region_code(self, region_code: str) -> Self:
        """Set the CLDR/ISO 3166 region of a phone number, such as ``"US"``."""
        out: list[Problem] = []
        text = check_string(out, region_code, "/regionCode", "regionCode", LIMIT_LABEL)
        if text is not None:
            check_entry_point_rules(out, "", CALENDAR, self._type, None, None, text, None)
        _raise_errors(out)
        return _with(self, "_region_code", region_code)

    def feature(self, feature: EntryPointFeature | str) -> Self:
        """Add a feature of a phone entry point (``addFeature``)."""
        out: list[Problem] = []
        member = (
            feature
            if isinstance(feature, EntryPointFeature)
            else check_enum(out, feature, "/entryPointFeatures", "feature", CALENDAR_FEATURES)
        )
        _raise_errors(out)
        assert member is not None
        return _with(self, "_features", (*self._features, member))

    def problems(self) -> list[Problem]:
        """Every problem the entry point would have, warnings included."""
        out: list[Problem] = []
        if self._type is None:
            report(out, "required", "/entryPointType", "entryPointType is required")
        if self._uri is None:
            report(out, "required", "/uri", "uri is required")
        if not out:
            out = _model_checks.check_entry_point(self._value(), "")
        return out

    def _value(self, found: tuple[Problem, ...] | None = None) -> EntryPoint:
        return _unchecked(
            EntryPoint,
            type=self._type,
            uri=self._uri,
            label=self._label,
            pin=self._pin,
            access_code=self._access_code,
            meeting_code=self._meeting_code,
            passcode=self._passcode,
            password=self._password,
            region_code=self._region_code,
            features=self._features,
            _found=found,
        )

    def build(self, *, strict: bool = False) -> EntryPoint:
        """The validated :class:`EntryPoint`; raises :class:`ValidationError` on any error."""
        problems = self.problems()
        _finish(problems, strict)
        return self._value(tuple(problems))


@attrs.frozen(slots=False)
class ConferenceParameterBuilder:
    """Builds a :class:`ConferenceParameter` (``newConferenceParameter()``)."""

    _key: str | None = None
    _value: str | None = None

    def key(self, key: str) -> Self:
        """Set the key (required, at most 50 characters)."""
        _string(key, "/key", "key", LIMIT_PARAMETER_KEY, nonempty=True)
        return _with(self, "_key", key)

    def value(self, value: str) -> Self:
        """Set the value (required, at most 1024 characters)."""
        _string(value, "/value", "value", LIMIT_PARAMETER_VALUE)
        return _with(self, "_value", value)

    def problems(self) -> list[Problem]:
        """Every problem the parameter would have."""
        out: list[Problem] = []
        if self._key is None:
            report(out, "required", "/key", "key is required")
        if self._value is None:
            report(out, "required", "/value", "value is required")
        return out

    def build(self, *, strict: bool = False) -> ConferenceParameter:
        """The validated :class:`ConferenceParameter`."""
        _finish(self.problems(), strict)
        return ConferenceParameter(self._key, self._value)  # type: ignore[arg-type]


@attrs.frozen(slots=False)
class ConferenceErrorBuilder:
    """Builds a :class:`ConferenceError` (``newConferenceError()``)."""

    _type: ConferenceErrorType | None = None
    _authentication_url: str | None = None

    def type(self, kind: ConferenceErrorType | str) -> Self:
        """Set the error type (``setConferenceErrorType``)."""
        out: list[Problem] = []
        member = (
            kind
            if isinstance(kind, ConferenceErrorType)
            else check_enum(out, kind, "/type", "type", ERROR_TYPES)
        )
        _raise_errors(out)
        return _with(self, "_type", member)

    def authentication_url(self, url: str) -> Self:
        """Set the URL where users sign in (AUTHENTICATION errors; http(s), ≤ 1800 chars)."""
        _string(url, "/authenticationUrl", "authenticationUrl", LIMIT_AUTH_URL_MODEL)
        return _with(self, "_authentication_url", url)

    def problems(self) -> list[Problem]:
        """Every problem the error would have, warnings included."""
        if self._type is None:
            out: list[Problem] = []
            report(out, "required", "/type", "type is required")
            return out
        value = _unchecked(
            ConferenceError, type=self._type, authentication_url=self._authentication_url
        )
        return _model_checks.check_error(value, "")

    def build(self, *, strict: bool = False) -> ConferenceError:
        """The validated :class:`ConferenceError`."""
        _finish(self.problems(), strict)
        return _unchecked(
            ConferenceError, type=self._type, authentication_url=self._authentication_url
        )


@attrs.frozen(slots=False)
class ConferenceSolutionBuilder:
    """Builds the Calendar-side :class:`ConferenceSolution` (key type, name, icon URI)."""

    _key_type: SolutionType | None = SolutionType.ADD_ON
    _name: str | None = None
    _icon_uri: str | None = None

    def key_type(self, kind: SolutionType | str) -> Self:
        """Set the solution key type (``addOn`` for third-party conferences)."""
        out: list[Problem] = []
        member = (
            kind
            if isinstance(kind, SolutionType)
            else check_enum(out, kind, "/key/type", "key.type", SOLUTION_TYPES)
        )
        _raise_errors(out)
        return _with(self, "_key_type", member)

    def name(self, name: str) -> Self:
        """Set the name users see."""
        _string(name, "/name", "name", _model_checks.NO_LIMIT)
        return _with(self, "_name", name)

    def icon_uri(self, uri: str) -> Self:
        """Set the icon users see."""
        _string(uri, "/iconUri", "iconUri", _model_checks.NO_LIMIT)
        return _with(self, "_icon_uri", uri)

    def build(self, *, strict: bool = False) -> ConferenceSolution:
        """The validated :class:`ConferenceSolution`."""
        value = _unchecked(
            ConferenceSolution, key_type=self._key_type, name=self._name, icon_uri=self._icon_uri
        )
        _finish(_model_checks.check_solution(value, ""), strict)
        return value


@attrs.frozen(slots=False)
class CreateRequestBuilder:
    """Builds a :class:`CreateRequest`; each ``build()`` has a fresh request ID unless set."""

    _request_id: str | None = None
    _solution_type: SolutionType = SolutionType.ADD_ON

    def request_id(self, request_id: str) -> Self:
        """Use this request ID (Calendar ignores a request whose ID repeats the previous one)."""
        _string(request_id, "/requestId", "requestId", _model_checks.NO_LIMIT, nonempty=True)
        return _with(self, "_request_id", request_id)

    def solution_type(self, kind: SolutionType | str) -> Self:
        """Set the type of conference to create."""
        out: list[Problem] = []
        member = (
            kind
            if isinstance(kind, SolutionType)
            else check_enum(
                out,
                kind,
                "/conferenceSolutionKey/type",
                "conferenceSolutionKey.type",
                SOLUTION_TYPES,
            )
        )
        _raise_errors(out)
        assert member is not None
        return _with(self, "_solution_type", member)

    def build(self, *, strict: bool = False) -> CreateRequest:
        """A :class:`CreateRequest` (status unset: it is read-only)."""
        value = _unchecked(
            CreateRequest,
            request_id=self._request_id or new_request_id(),
            solution_type=self._solution_type,
            status=None,
        )
        _finish(_model_checks.check_create_request(value, ""), strict)
        return value


# A ConferenceDataBuilder is one node of a chain of steps: (previous node, what, value), where
# ``what`` names a field or says "add an entry point / a parameter". A step makes one small
# object and copies nothing; builders made from one another share their past steps, and
# ``build()`` reads the chain once.
_ENTRY_POINT = "entry point"
_PAIR = "key and value"  # a parameter checked clean, as a (key, value) pair
_PARAMETER = "parameter"  # a ConferenceParameter value
_FIELDS = (
    "conference_id",
    "entry_points",
    "parameters",
    "notes",
    "error",
    "conference_solution_id",
    "conference_solution",
    "create_request",
    "signature",
)
_Node = tuple[Any, str, Any] | None
_NO_ITEMS: tuple[Any, ...] = ()


class ConferenceDataBuilder:
    """Builds :class:`ConferenceData` (``ConferenceDataService.newConferenceDataBuilder()``).

    >>> data = (ConferenceDataBuilder()
    ...         .conference_id("123")
    ...         .entry_point(EntryPoint.video("https://meet.example/123"))
    ...         .build())
    >>> data.conference_id
    '123'

    Builders are immutable and hashable; two are equal when they would build equal values.
    """

    __slots__ = ("_node",)
    _node: _Node

    def __init__(
        self,
        conference_id: str | None = None,
        entry_points: Iterable[EntryPoint] = _NO_ITEMS,
        parameters: Iterable[ConferenceParameter] | Mapping[str, str] = _NO_ITEMS,
        notes: str | None = None,
        error: ConferenceError | None = None,
        conference_solution_id: str | None = None,
        conference_solution: ConferenceSolution | None = None,
        create_request: CreateRequest | None = None,
        signature: str | None = None,
    ) -> None:
        if (
            conference_id is None
            and entry_points is _NO_ITEMS
            and parameters is _NO_ITEMS
            and notes is None
            and error is None
            and conference_solution_id is None
            and conference_solution is None
            and create_request is None
            and signature is None
        ):
            _set_node(self, None)  # the common case: a new, empty builder
            return
        builder = type(self)()
        if conference_id is not None:
            builder = builder.conference_id(conference_id)
        if entry_points is not _NO_ITEMS:  # compared by identity: any object may be given
            builder = builder.entry_points(entry_points)
        if parameters is not _NO_ITEMS:
            builder = builder.parameters(parameters)
        for name, value in (
            ("notes", notes),
            ("error", error),
            ("conference_solution_id", conference_solution_id),
            ("conference_solution", conference_solution),
            ("create_request", create_request),
            ("signature", signature),
        ):
            if value is not None:
                builder = getattr(builder, name)(value)
        _set_node(self, builder._node)

    if not TYPE_CHECKING:  # hidden, so that type checkers still catch unknown attributes

        def __setattr__(self, name: str, value: object) -> None:
            raise attrs.exceptions.FrozenInstanceError

        def __delattr__(self, name: str) -> None:
            raise attrs.exceptions.FrozenInstanceError

    @classmethod
    def from_data(cls, data: ConferenceData) -> Self:
        """A builder holding everything ``data`` holds (members kept by a lenient read aside)."""
        require_instance(data, ConferenceData, "", "data")
        return cls(
            data.conference_id,
            data.entry_points,
            data.parameters,
            data.notes,
            data.error,
            data.conference_solution_id,
            data.conference_solution,
            data.create_request,
            data.signature,
        )

    def _walk(self) -> tuple[dict[str, Any], list[EntryPoint], list[Any], bool]:
        """Read the chain of steps once: the fields set (the latest step wins), the entry
        points and the parameters in order, and whether every parameter is a checked
        ``(key, value)`` pair rather than a ConferenceParameter given as one."""
        state: dict[str, Any] = {}
        entry_points: list[EntryPoint] = []
        parameters: list[Any] = []
        pairs = True
        node = self._node
        while node is not None:
            node, what, value = node
            if what is _ENTRY_POINT:
                entry_points.append(value)
            elif what is _PAIR:
                parameters.append(value)
            elif what is _PARAMETER:
                parameters.append(value)
                pairs = False
            elif what not in state:
                state[what] = value
        entry_points.reverse()
        parameters.reverse()
        return state, entry_points, parameters, pairs

    def _fields(self) -> tuple[Any, ...]:
        """The fields in ``_FIELDS`` order."""
        state, entry_points, parameters, _ = self._walk()
        get = state.get
        return (
            get("conference_id"),
            tuple(entry_points),
            _parameter_values(parameters),
            get("notes"),
            get("error"),
            get("conference_solution_id"),
            get("conference_solution"),
            get("create_request"),
            get("signature"),
        )

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, ConferenceDataBuilder)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={value!r}"
            for name, value in zip(_FIELDS, self._fields(), strict=True)
            if value is not None and value != ()
        )
        return f"{type(self).__name__}({shown})"

    def __copy__(self) -> Self:
        return self  # immutable

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self._fields())

    def conference_id(self, conference_id: str) -> Self:
        """Set the conference ID (required unless an error; at most 512 characters)."""
        if type(conference_id) is not str or not 0 < len(conference_id) <= _FAST_ID:
            _string(
                conference_id, "/conferenceId", "conferenceId", LIMIT_CONFERENCE_ID, nonempty=True
            )
        return _step(self, "conference_id", conference_id)

    def entry_point(self, entry_point: EntryPoint) -> Self:
        """Add an entry point (at least one unless an error; at most 300)."""
        if type(entry_point) is not EntryPoint:
            require_instance(
                entry_point, EntryPoint, f"/entryPoints/{len(self._fields()[1])}", "entry point"
            )
        return _step(self, _ENTRY_POINT, entry_point)

    def entry_points(self, entry_points: Iterable[EntryPoint]) -> Self:
        """Add several entry points in order."""
        return _add_each(self, entry_points, "/entryPoints", "entry_points", _add_entry_point)

    def parameter(self, key: str | ConferenceParameter, value: str | None = None) -> Self:
        """Add a parameter: ``parameter("k", "v")`` or ``parameter(ConferenceParameter(...))``."""
        if parameter_clean(key, value):  # kept as a pair, made into a value by build()
            return _step(self, _PAIR, (key, value))
        if value is not None:
            parameter = ConferenceParameter(key, value)  # type: ignore[arg-type]  # checked
        elif isinstance(key, ConferenceParameter):
            parameter = key
        else:
            parameter = ConferenceParameterBuilder().key(key).build()  # reports the value
        return _step(self, _PARAMETER, parameter)

    def parameters(self, parameters: Iterable[ConferenceParameter] | Mapping[str, str]) -> Self:
        """Add several parameters in order: ``ConferenceParameter`` values, or a mapping of
        key to value (one :meth:`parameter` step per pair)."""
        if isinstance(parameters, Mapping):
            builder = self
            for key, value in parameters.items():
                builder = builder.parameter(key, value)
            return builder
        return _add_each(self, parameters, "/parameters", "parameters", _add_parameter)

    def notes(self, notes: str) -> Self:
        """Set the notes shown to users (HTML allowed, at most 2048 characters)."""
        if type(notes) is not str or len(notes) > _FAST_NOTES:
            _string(notes, "/notes", "notes", LIMIT_NOTES)
        return _step(self, "notes", notes)

    def error(
        self, error: ConferenceError | ConferenceErrorType, authentication_url: str | None = None
    ) -> Self:
        """Make this an error result; no ID or entry points are needed then."""
        if not isinstance(error, ConferenceError):
            builder = ConferenceErrorBuilder().type(error)
            if authentication_url is not None:
                builder = builder.authentication_url(authentication_url)
            error = builder.build()
        return _step(self, "error", error)

    def conference_solution_id(self, solution_id: str) -> Self:
        """Set the add-on manifest's conference solution id (add-on form)."""
        if type(solution_id) is not str or not 0 < len(solution_id) <= _FAST_ID:
            _string(
                solution_id,
                "/conferenceSolutionId",
                "conferenceSolutionId",
                LIMIT_SOLUTION_ID,
                nonempty=True,
            )
        return _step(self, "conference_solution_id", solution_id)

    def conference_solution(self, solution: ConferenceSolution) -> Self:
        """Set the Calendar-side solution (by default an ``addOn`` key with no name)."""
        require_instance(solution, ConferenceSolution, "/conferenceSolution", "conference solution")
        return _step(self, "conference_solution", solution)

    def create_request(self, request: CreateRequest | None = None) -> Self:
        """Attach a Calendar create request (a fresh one with a new request ID by default)."""
        if request is None:
            request = CreateRequestBuilder().build()
        require_instance(request, CreateRequest, "/createRequest", "create request")
        return _step(self, "create_request", request)

    def signature(self, signature: str) -> Self:
        """Keep the server-generated signature when copying data between events."""
        _string(signature, "/signature", "signature", _model_checks.NO_LIMIT)
        return _step(self, "signature", signature)

    def _made(self) -> tuple[ConferenceData, bool]:
        """The value, not checked; clean parameter pairs with unique keys stay a map.

        Also whether it is plainly a conference: an ID, no error, create request or solution
        set, and parameters only as such pairs. Its fields were checked by the steps that set
        them (which report errors, and these fields have no warnings), so then only its entry
        points are left to prove clean.
        """
        state, entry_points, parameters, pairs = self._walk()
        get = state.get
        error = get("error")
        request = get("create_request")
        conference_id = get("conference_id")
        solution = get("conference_solution")
        plain = solution is None and error is None and request is None and conference_id is not None
        if solution is None:
            solution = default_solution(entry_points, error)
        parameter_map = None
        if pairs and parameters:
            parameter_map = dict(parameters)
            if len(parameter_map) != len(parameters) or len(parameters) > MAX_ITEMS:
                parameter_map = None  # the rules report it on the values
        if parameter_map is None and parameters:
            plain = False
        value = make_conference_data(
            conference_id,
            tuple(entry_points),
            _parameter_values(parameters) if parameter_map is None else (),
            get("notes"),
            error,
            get("conference_solution_id"),
            request,
            get("signature"),
            solution,
            _EMPTY_MAPPING,
            None,
            (),
            parameter_map,
        )
        return value, plain

    def _value(self) -> ConferenceData:
        return self._made()[0]

    def problems(self) -> list[Problem]:
        """Every problem ``build()`` would find, warnings included."""
        return _model_checks.check_conference_data(self._value())

    def build(self, *, strict: bool = False) -> ConferenceData:
        """The validated :class:`ConferenceData`; raises with every problem if it has errors.

        With ``strict=True`` warnings fail too.
        """
        value, plain = self._made()
        if not (
            plain
            and type(self) is ConferenceDataBuilder
            and entry_point_set_clean(value.entry_points)
        ) and not conference_data_is_clean(value):
            _finish(_model_checks.check_conference_data(value), strict)
        return value


_Builder = TypeVar("_Builder", bound=ConferenceDataBuilder)


def _add_each(
    builder: _Builder,
    items: Iterable[Any],
    path: str,
    name: str,
    add: Callable[[_Builder, Any], _Builder],
) -> _Builder:
    """``builder`` after one step per item (``entry_points()``, ``parameters()``)."""
    candidate: object = items
    if isinstance(candidate, (str, bytes)) or not isinstance(candidate, Iterable):
        require_instance(candidate, tuple, path, name)
    for item in items:
        builder = add(builder, item)
    return builder


def _add_entry_point(builder: _Builder, entry_point: EntryPoint) -> _Builder:
    return builder.entry_point(entry_point)


def _add_parameter(builder: _Builder, parameter: ConferenceParameter) -> _Builder:
    # Only values here: a string would be taken for a key by parameter().
    require_instance(parameter, ConferenceParameter, "/parameters", "parameter")
    return builder.parameter(parameter)


def _parameter_values(parameters: list[Any]) -> tuple[ConferenceParameter, ...]:
    """The parameters as values: each checked pair made into a ConferenceParameter."""
    return tuple([make_parameter(p[0], p[1], True) if type(p) is tuple else p for p in parameters])


# The slot's own setter: past the frozen __setattr__.
_set_node: Callable[[ConferenceDataBuilder, _Node], None] = vars(ConferenceDataBuilder)[
    "_node"
].__set__


def _step(builder: _Builder, what: str, value: object) -> _Builder:
    """A builder of the same class one step further than ``builder``."""
    further = _new(type(builder))
    _set_node(further, (builder._node, what, value))
    return further
