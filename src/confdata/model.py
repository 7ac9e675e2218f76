"""The frozen values: conference data, entry points, parameters, errors, Calendar-side parts.

Every class validates itself when created (``__init__`` and :func:`attrs.evolve` run the rules
and raise :class:`~confdata.ValidationError` with every problem). Only the lenient JSON readers
create values that break rules, so that data read from Google round-trips unchanged.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

import attrs

from . import (
    _fast,  # which imports this module: its functions are looked up at call time
    _model_checks,
)
from ._checks import (
    HTTP_ASCII,
    LIMIT_CONFERENCE_ID,
    LIMIT_LABEL,
    LIMIT_NOTES,
    LIMIT_SECRET,
    LIMIT_SOLUTION_ID,
    LIMIT_URI,
    MAX_ITEMS,
)
from ._enums import (
    MORE,
    PHONE,
    SIP,
    VIDEO,
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    RequestStatus,
    SolutionType,
)
from ._forms import CALENDAR
from ._problems import Problem, ValidationError
from ._regions import ASSIGNED_REGION_CODES
from ._text import mask

if TYPE_CHECKING:
    from .addon_form import AddonConferenceData
    from .calendar_form import CalendarConferenceData
    from .manifest import Manifest

__all__ = [
    "ConferenceData",
    "ConferenceError",
    "ConferenceErrorType",
    "ConferenceParameter",
    "ConferenceSolution",
    "CreateRequest",
    "EntryPoint",
    "EntryPointFeature",
    "EntryPointType",
    "RequestStatus",
    "SolutionType",
]

Form = Literal["calendar", "addon"]


_ENTRY_POINT_TYPES = {m.value: m for m in EntryPointType}
_FEATURES = {m.value: m for m in EntryPointFeature}
_ERROR_TYPES = {m.value: m for m in ConferenceErrorType}
_SOLUTION_TYPES = {m.value: m for m in SolutionType}
_STATUSES = {m.value: m for m in RequestStatus}

# Converters: known spellings become enum members; anything else is left for the rules to
# report, so that a wrong value gives a ValidationError rather than an exception from here.


def _entry_point_type(value: EntryPointType | str) -> EntryPointType | str:
    return _ENTRY_POINT_TYPES.get(value, value) if type(value) is str else value


def _error_type(value: ConferenceErrorType | str) -> ConferenceErrorType | str:
    return _ERROR_TYPES.get(value, value) if type(value) is str else value


def _solution_type(value: SolutionType | str | None) -> SolutionType | str | None:
    return _SOLUTION_TYPES.get(value, value) if type(value) is str else value


def _status(value: RequestStatus | str | None) -> RequestStatus | str | None:
    return _STATUSES.get(value, value) if type(value) is str else value


def _is_sequence(value: object) -> bool:
    if type(value) is tuple or type(value) is list:
        return True
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))


def _features(
    value: Iterable[EntryPointFeature | str],
) -> tuple[EntryPointFeature | str, ...]:
    if type(value) is list or type(value) is tuple:
        if not value:
            return ()
        return tuple([_FEATURES.get(f, f) if type(f) is str else f for f in value])
    if not _is_sequence(value):
        return value  # type: ignore[return-value]  # reported by the rules
    return tuple(_FEATURES.get(f, f) if type(f) is str else f for f in value)


def _entry_points(value: Iterable[EntryPoint]) -> tuple[EntryPoint, ...]:
    return tuple(value) if _is_sequence(value) else value  # type: ignore[return-value]


def _parameters(
    value: Iterable[ConferenceParameter] | Mapping[str, str],
) -> tuple[ConferenceParameter, ...]:
    if isinstance(value, Mapping):  # key to value, as the JSON holds them: checked by the rules
        try:
            return tuple([make_parameter(k, v, False) for k, v in value.items()])
        except Exception:  # a mapping that fails to give its items
            return value  # type: ignore[return-value]  # reported by the rules
    return tuple(value) if _is_sequence(value) else value  # type: ignore[return-value]


_SECRET_FIELDS = frozenset({"pin", "access_code", "meeting_code", "passcode", "password"})


def _compact_repr(self: object) -> str:
    """A repr that leaves out members at their default and masks secrets."""
    parts = []
    for field in attrs.fields(type(self)):  # type: ignore[arg-type]
        if not field.repr:
            continue
        value = getattr(self, field.name)
        if field.default is not attrs.NOTHING and value == field.default and field.init:
            continue
        if value is None or value == ():
            continue
        shown = mask(value) if field.name in _SECRET_FIELDS else repr(value)
        parts.append(f"{field.name}={shown}")
    return f"{type(self).__name__}({', '.join(parts)})"


_T = TypeVar("_T")


def _unchecked(cls: type[_T], **fields: object) -> _T:
    """Create an instance without running its rules: only for the readers and builders."""
    instance = _new(cls)
    _set_dict(instance, "__dict__", fields)
    return instance


_new = object.__new__
_set_dict = object.__setattr__  # (instance, "__dict__", values): past the frozen __setattr__


def _raise_errors(problems: list[Problem]) -> None:
    if any(p.is_error for p in problems):
        raise ValidationError(problems)


@attrs.frozen(repr=False, slots=False)
class EntryPoint:
    """One way to join: a type, a URI and optional codes. Secrets are masked in the repr."""

    type: EntryPointType | str = attrs.field(converter=_entry_point_type)
    uri: str
    label: str | None = None
    pin: str | None = None
    access_code: str | None = None
    meeting_code: str | None = None
    passcode: str | None = None
    password: str | None = None
    region_code: str | None = None
    features: tuple[EntryPointFeature | str, ...] = attrs.field(default=(), converter=_features)
    # The problems (warnings only) found when this value was checked on creation; None for
    # values read leniently, which are checked again wherever they are used.
    _found: tuple[Problem, ...] | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )

    # The Calendar JSON of an entry point made clean from its parts or its JSON (in its
    # instance dict), which it emits and fills its fields in from; None for the others.
    # A class default, so that the emitter reads it as a plain attribute.
    _json: ClassVar[dict[str, Any] | None] = None

    __repr__ = _compact_repr

    def __attrs_post_init__(self) -> None:
        if _fast.entry_point_is_clean(self):
            self.__dict__["_found"] = ()
            return
        problems = _model_checks.check_entry_point(self, "")
        _raise_errors(problems)
        self.__dict__["_found"] = tuple(problems)

    # The named constructors make the common call, a plainly clean one, in one straight pass:
    # each checks its URI (and a phone its region and feature) in line, then _holding()
    # checks the codes given and makes the entry point holding its Calendar JSON. Anything
    # else goes through __init__ and the rules. tests/test_fast.py checks that each makes
    # what __init__ makes.

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
    ) -> EntryPoint:
        """A video entry point: an ``http(s):`` URI to join in a browser or app."""
        if (
            cls is EntryPoint
            and type(uri) is str
            and len(uri) <= _URI
            and uri.isascii()
            and _HTTP(uri) is not None
        ):
            ep = _holding(
                VIDEO, _SPELLING_VIDEO, uri, label, pin, access_code, meeting_code, passcode,
                password, None, None,
            )  # fmt: skip
            if ep is not None:
                return ep
        return cls(VIDEO, uri, label, pin, access_code, meeting_code, passcode, password)

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
        features: Iterable[EntryPointFeature] = (),
    ) -> EntryPoint:
        """A phone entry point: a ``tel:`` URI, optionally with region code and toll features."""
        # A known region, or none and a country code in the URI (else a warning); a tuple or
        # list of at most one feature member (toll and toll-free is an error, one twice a
        # warning).
        if (
            cls is EntryPoint
            and type(uri) is str
            and 4 < len(uri) <= _URI
            and uri[:4] == "tel:"
            and uri.isprintable()
            and " " not in uri
            and (
                uri[4] == "+"
                if region_code is None
                else type(region_code) is str and region_code in ASSIGNED_REGION_CODES
            )
            and (type(features) is tuple or type(features) is list)
            and (not features or (len(features) == 1 and type(features[0]) is EntryPointFeature))
        ):
            ep = _holding(
                PHONE, _SPELLING_PHONE, uri, label, pin, access_code, meeting_code, passcode,
                password, region_code, features[0] if features else None,
            )  # fmt: skip
            if ep is not None:
                return ep
        return cls(
            PHONE,
            uri,
            label,
            pin,
            access_code,
            meeting_code,
            passcode,
            password,
            region_code,
            features,  # the converter makes the tuple
        )

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
    ) -> EntryPoint:
        """A SIP entry point: a ``sip:`` URI."""
        if (
            cls is EntryPoint
            and type(uri) is str
            and 4 < len(uri) <= _URI
            and uri[:4] == "sip:"
            and uri.isprintable()
            and " " not in uri
        ):
            ep = _holding(
                SIP, _SPELLING_SIP, uri, label, pin, access_code, meeting_code, passcode,
                password, None, None,
            )  # fmt: skip
            if ep is not None:
                return ep
        return cls(SIP, uri, label, pin, access_code, meeting_code, passcode, password)

    @classmethod
    def more(cls, uri: str, *, pin: str | None = None) -> EntryPoint:
        """A link to more joining options (``http(s):``); never the only entry point."""
        if (
            cls is EntryPoint
            and type(uri) is str
            and len(uri) <= _URI
            and uri.isascii()
            and _HTTP(uri) is not None
        ):
            ep = _holding(MORE, _SPELLING_MORE, uri, None, pin, None, None, None, None, None, None)
            if ep is not None:
                return ep
        return cls(MORE, uri, None, pin)


# What the factories prove without the rule engine, from the same limits: strings up to half
# a limit cannot exceed it, even counted in UTF-16 code units.
_URI = LIMIT_URI // 2
_CONFERENCE_ID = LIMIT_CONFERENCE_ID // 2
_SOLUTION_ID = LIMIT_SOLUTION_ID // 2
_NOTES = LIMIT_NOTES // 2
_LABEL = LIMIT_LABEL // 2
_SECRET = LIMIT_SECRET // 2
_HTTP = HTTP_ASCII.match  # for text already known to be ASCII
_CLEAN: tuple[Problem, ...] = ()
_TYPE_SPELLINGS = CALENDAR.type_names
_SPELLING_VIDEO = _TYPE_SPELLINGS[VIDEO]
_SPELLING_PHONE = _TYPE_SPELLINGS[PHONE]
_SPELLING_SIP = _TYPE_SPELLINGS[SIP]
_SPELLING_MORE = _TYPE_SPELLINGS[MORE]
_FEATURE_SPELLINGS = CALENDAR.feature_names
_FEATURE_MEMBERS = CALENDAR.features_by_spelling
# The fields an entry point holding its JSON fills in on first use (all but ``type``).
_HELD_FIELDS = frozenset(field.name for field in attrs.fields(EntryPoint)) - {"type", "_found"}


class _Unfolded:
    """A field of :class:`EntryPoint` read when it is missing from the instance dict: an entry
    point made clean from its parts or its JSON holds its Calendar JSON instead of its
    fields, and fills them all in on first use.

    A descriptor without ``__set__``, so the instance dict comes first: once filled in (or
    for an entry point made by ``__init__``), a field is read as any attribute is. (A
    ``__getattr__`` would do the same, but makes every attribute read of the class slower.)
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: EntryPoint | None, owner: type[Any] | None = None) -> Any:
        if instance is None:  # read from the class, which has no such attribute
            raise AttributeError(f"type object {_name_of(owner)!r} has no attribute {self.name!r}")
        values = instance.__dict__
        held = values.get("_json")
        if held is None:
            raise AttributeError(
                f"{type(instance).__name__!r} object has no attribute {self.name!r}"
            )
        _unfold(values, held)
        return values[self.name]


def _name_of(cls: type[Any] | None) -> str:
    return "?" if cls is None else cls.__name__


for _name in _HELD_FIELDS:
    setattr(EntryPoint, _name, _Unfolded(_name))
del _name


def _holding(
    kind: EntryPointType,
    spelling: str,
    uri: str,
    label: object,
    pin: object,
    access_code: object,
    meeting_code: object,
    passcode: object,
    password: object,
    region_code: str | None,
    feature: EntryPointFeature | None,
) -> EntryPoint | None:
    """The named constructors' clean entry point holding its JSON, once they have proved the
    URI (and a phone's region and feature): None unless each code given is plainly clean, an
    exact ``str`` within its limit, leaving anything else to ``__init__`` and the rules."""
    if not (
        (label is None or (type(label) is str and len(label) <= _LABEL))
        and (pin is None or (type(pin) is str and len(pin) <= _SECRET))
        and (access_code is None or (type(access_code) is str and len(access_code) <= _SECRET))
        and (meeting_code is None or (type(meeting_code) is str and len(meeting_code) <= _SECRET))
        and (passcode is None or (type(passcode) is str and len(passcode) <= _SECRET))
        and (password is None or (type(password) is str and len(password) <= _SECRET))
    ):
        return None
    held: dict[str, Any] = {"entryPointType": spelling, "uri": uri}
    if label is not None:
        held["label"] = label
    if pin is not None:
        held["pin"] = pin
    if access_code is not None:
        held["accessCode"] = access_code
    if meeting_code is not None:
        held["meetingCode"] = meeting_code
    if passcode is not None:
        held["passcode"] = passcode
    if password is not None:
        held["password"] = password
    if region_code is not None:
        held["regionCode"] = region_code
    if feature is not None:
        held["entryPointFeatures"] = [_FEATURE_SPELLINGS[feature]]
    ep = _new(EntryPoint)  # as holding_json() makes it, without a further call
    values = ep.__dict__
    values["type"] = kind
    values["_json"] = held
    values["_found"] = _CLEAN
    return ep


def holding_json(kind: EntryPointType, held: dict[str, Any]) -> EntryPoint:
    """A clean entry point that holds ``held``, its Calendar JSON (owned by it from now on)."""
    ep = _new(EntryPoint)
    values = ep.__dict__
    values["type"] = kind
    values["_json"] = held
    values["_found"] = _CLEAN
    return ep


def unfold(ep: EntryPoint) -> None:
    """Fill in the fields of an entry point that holds its Calendar JSON (if not yet)."""
    values = ep.__dict__
    if "uri" not in values:
        _unfold(values, values["_json"])


def _unfold(values: dict[str, Any], held: dict[str, Any]) -> None:
    """Fill in the fields of an entry point that holds its Calendar JSON."""
    get = held.get
    values["uri"] = held["uri"]
    values["label"] = get("label")
    values["pin"] = get("pin")
    values["access_code"] = get("accessCode")
    values["meeting_code"] = get("meetingCode")
    values["passcode"] = get("passcode")
    values["password"] = get("password")
    values["region_code"] = get("regionCode")
    features = get("entryPointFeatures")
    values["features"] = tuple([_FEATURE_MEMBERS[f] for f in features]) if features else ()


@attrs.frozen(repr=False, slots=False, init=False)
class ConferenceParameter:
    """A key/value pair the add-on passes to and from its conferencing system."""

    key: str
    value: str
    # True once checked on creation (a parameter has no warnings); values read leniently
    # lack it and are checked wherever they are used.
    _valid: bool = attrs.field(default=False, init=False, eq=False, hash=False, repr=False)

    __repr__ = _compact_repr

    def __init__(self, key: str, value: str) -> None:
        # Written out rather than generated: attrs' init, then a post-init hook, cost twice
        # as much for the common case, a plainly clean pair.
        values = self.__dict__
        values["key"] = key
        values["value"] = value
        if not _fast.parameter_clean(key, value):
            _raise_errors(_model_checks.check_parameter(self, ""))
        values["_valid"] = True

    def __attrs_post_init__(self) -> None:
        # Run by the init attrs generates for a subclass.
        if not _fast.parameter_clean(self.key, self.value):
            _raise_errors(_model_checks.check_parameter(self, ""))
        self.__dict__["_valid"] = True


@attrs.frozen(repr=False, slots=False)
class ConferenceError:
    """Why the conference could not be created; AUTHENTICATION needs an authentication URL."""

    type: ConferenceErrorType | str = attrs.field(converter=_error_type)
    authentication_url: str | None = None

    __repr__ = _compact_repr

    def __attrs_post_init__(self) -> None:
        _raise_errors(_model_checks.check_error(self, ""))


@attrs.frozen(repr=False, slots=False)
class ConferenceSolution:
    """Calendar-side description of the solution: key type, display name and icon."""

    key_type: SolutionType | str | None = attrs.field(
        default=SolutionType.ADD_ON, converter=_solution_type
    )
    name: str | None = None
    icon_uri: str | None = None

    __repr__ = _compact_repr

    def __attrs_post_init__(self) -> None:
        _raise_errors(_model_checks.check_solution(self, ""))


def new_request_id() -> str:
    """A fresh client-generated request ID (Calendar ignores a repeated one)."""
    return uuid.uuid4().hex


@attrs.frozen(repr=False, slots=False)
class CreateRequest:
    """Calendar-side request to create a conference; a fresh ``request_id`` by default."""

    request_id: str | None = attrs.field(factory=new_request_id)
    solution_type: SolutionType | str | None = attrs.field(
        default=SolutionType.ADD_ON, converter=_solution_type
    )
    status: RequestStatus | str | None = attrs.field(default=None, converter=_status)

    __repr__ = _compact_repr

    def __attrs_post_init__(self) -> None:
        _raise_errors(_model_checks.check_create_request(self, ""))


_ADD_ON_SOLUTION: ConferenceSolution | None = None


def default_solution(entry_points: object, error: object) -> ConferenceSolution | None:
    """The solution data gets when none is given: third-party data is an ``addOn`` solution;
    an error result or a bare create request has none."""
    if not entry_points or error is not None:
        return None
    return add_on_solution()


def _default_solution(data: ConferenceData) -> ConferenceSolution | None:
    return default_solution(data.entry_points, data.error)


_EMPTY_MAPPING: Mapping[str, Any] = MappingProxyType({})
# The default of ConferenceData's solution: "not given", as attrs spells it in its inits.
_NOT_GIVEN: Any = attrs.NOTHING


def _freeze_preserved(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value)) if value else _EMPTY_MAPPING


@attrs.frozen(repr=False, slots=False, init=False)
class ConferenceData:
    """Everything Calendar needs to let attendees join, or a :class:`ConferenceError`.

    Create it with :class:`~confdata.ConferenceDataBuilder`, one of the JSON readers, or
    directly; ``parameters`` takes :class:`ConferenceParameter` values or a mapping of key to
    value (``{"meetingId": "123"}``), and is always read back as values.
    ``preserved`` holds members kept verbatim from the JSON it was read from (unknown members,
    empty containers), keyed by JSON Pointer, so that emitting that form again loses nothing.
    """

    conference_id: str | None = None
    entry_points: tuple[EntryPoint, ...] = attrs.field(default=(), converter=_entry_points)
    parameters: tuple[ConferenceParameter, ...] = attrs.field(default=(), converter=_parameters)
    notes: str | None = None
    error: ConferenceError | None = None
    conference_solution_id: str | None = None
    create_request: CreateRequest | None = None
    signature: str | None = None
    conference_solution: ConferenceSolution | None = attrs.field(
        default=attrs.Factory(_default_solution, takes_self=True)
    )
    # Set only by the readers (never by __init__ or evolve): what a read kept and found.
    preserved: Mapping[str, Any] = attrs.field(
        default=attrs.Factory(lambda: _EMPTY_MAPPING), hash=False, repr=False, init=False
    )
    source_form: Form | None = attrs.field(default=None, eq=False, repr=False, init=False)
    """The form this value was read from (None when built)."""
    read_problems: tuple[Problem, ...] = attrs.field(default=(), eq=False, repr=False, init=False)
    """Problems found when this value was read (empty when built)."""

    __repr__ = _compact_repr

    def __init__(
        self,
        conference_id: str | None = None,
        entry_points: Iterable[EntryPoint] = (),
        parameters: Iterable[ConferenceParameter] | Mapping[str, str] = (),
        notes: str | None = None,
        error: ConferenceError | None = None,
        conference_solution_id: str | None = None,
        create_request: CreateRequest | None = None,
        signature: str | None = None,
        conference_solution: ConferenceSolution | None = _NOT_GIVEN,
    ) -> None:
        # Written out rather than generated: what attrs' init for these fields does (the
        # solution defaults to the shared addOn one when there are entry points and no
        # error), with the common tuple and list taken without a converter call.
        values = self.__dict__
        # The common call first, in one straight pass: an ID, clean entry points (a list or
        # tuple) and a dict of clean parameters or none, maybe a solution ID and notes,
        # nothing else.
        # It is kept only if every check passes; anything else takes the way below.
        if (
            error is None
            and create_request is None
            and signature is None
            and conference_solution is _NOT_GIVEN
            and type(conference_id) is str
            and 0 < len(conference_id) <= _CONFERENCE_ID
            and (
                conference_solution_id is None
                or (
                    type(conference_solution_id) is str
                    and 0 < len(conference_solution_id) <= _SOLUTION_ID
                )
            )
            and (notes is None or (type(notes) is str and len(notes) <= _NOTES))
            and (type(entry_points) is list or type(entry_points) is tuple)
            and (
                (type(parameters) is dict and len(parameters) <= MAX_ITEMS)
                or (type(parameters) is tuple and not parameters)  # none given
            )
        ):
            entry_points = tuple(entry_points)
            if _fast.entry_point_set_clean(entry_points) and (
                not parameters or _fast.pairs_clean(parameters)
            ):
                values["conference_id"] = conference_id
                values["entry_points"] = entry_points
                if parameters:
                    values["_parameter_map"] = parameters.copy()  # made on first use
                else:
                    values["parameters"] = ()
                values["notes"] = notes
                values["error"] = None
                values["conference_solution_id"] = conference_solution_id
                values["create_request"] = None
                values["signature"] = None
                values["conference_solution"] = _ADD_ON_SOLUTION or add_on_solution()
                values["preserved"] = _EMPTY_MAPPING
                values["source_form"] = None
                values["read_problems"] = ()
                return
        values["conference_id"] = conference_id
        if type(entry_points) is list:
            entry_points = tuple(entry_points)
        elif type(entry_points) is not tuple:
            entry_points = _entry_points(entry_points)
        values["entry_points"] = entry_points
        if (
            type(parameters) is dict
            and 0 < len(parameters) <= MAX_ITEMS
            and _fast.pairs_clean(parameters)
        ):
            values["_parameter_map"] = parameters.copy()  # the values are made on first use
            parameters = ()
        else:
            if type(parameters) is not tuple:
                parameters = _parameters(parameters)
            values["parameters"] = parameters
        values["notes"] = notes
        values["error"] = error
        values["conference_solution_id"] = conference_solution_id
        values["create_request"] = create_request
        values["signature"] = signature
        if conference_solution is _NOT_GIVEN:
            conference_solution = default_solution(entry_points, error)
        values["conference_solution"] = conference_solution
        values["preserved"] = _EMPTY_MAPPING
        values["source_form"] = None
        values["read_problems"] = ()
        # Checked from the arguments (cheaper than reading the fields back); a clean value
        # also keeps its parameters as a map, which emitting copies.
        held = _fast.clean_parameter_map(
            conference_id, entry_points, parameters, notes, error, conference_solution_id,
            create_request, signature, conference_solution,
        )  # fmt: skip
        if held is None:
            _raise_errors(_model_checks.check_conference_data(self))
        elif held:
            values["_parameter_map"] = held

    def __attrs_post_init__(self) -> None:
        # Also run by the init attrs generates for a subclass.
        if not _fast.conference_data_is_clean(self):
            _raise_errors(_model_checks.check_conference_data(self))

    def __getstate__(self) -> dict[str, Any]:
        # ``preserved`` is a read-only view, which pickle cannot take: a plain dict travels.
        state = dict(self.__dict__)
        state["preserved"] = dict(self.preserved)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        state["preserved"] = _freeze_preserved(state["preserved"])
        _set_dict(self, "__dict__", state)

    @property
    def is_error(self) -> bool:
        """True for an error result (a :class:`ConferenceError` instead of a conference)."""
        return self.error is not None

    def problems(self) -> list[Problem]:
        """Every problem of this value, warnings included (lenient reads may hold errors too)."""
        return _model_checks.check_conference_data(self)

    def to_calendar_json(self, *, manifest: Manifest | None = None) -> CalendarConferenceData:
        """The Calendar API v3 ``Event.conferenceData`` JSON (plain dicts, lists and strings).

        An error result is written as a failed add-on create request (the Calendar form has no
        error member). With a ``manifest``, the solution's name and icon come from the
        manifest's conference solution named by ``conference_solution_id``. Raises
        :class:`ValidationError` for enum values read leniently from the add-on form.
        """
        emit = _calendar_emitter or _load_calendar_emitter()
        result: CalendarConferenceData = emit(self, manifest)
        return result

    def to_addon_json(self) -> AddonConferenceData:
        """The add-on response form (``ConferenceDataMarkup``), the one that carries errors.

        Raises :class:`ValidationError` for enum values read leniently from the Calendar form.
        """
        result: AddonConferenceData = _addon_form().to_addon_json(self)
        return result

    @classmethod
    def from_addon_json(
        cls, obj: object, *, lenient: bool = False, manifest: Manifest | None = None
    ) -> ConferenceData:
        """Read the add-on form; strict by default, ``lenient=True`` keeps unknowns.

        With a ``manifest``, an unknown ``conferenceSolutionId`` is an error.
        """
        result: ConferenceData = _addon_form().from_addon_json(
            obj, lenient=lenient, manifest=manifest
        )
        return result

    @classmethod
    def from_calendar_json(cls, obj: object, *, lenient: bool = False) -> ConferenceData:
        """Read Calendar JSON; strict by default (raises :class:`ValidationError`).

        ``lenient=True`` is for data read from Google: unknown members and enum values are kept
        (``to_calendar_json()`` returns the input unchanged) and reported in ``read_problems``;
        only values of the wrong JSON type still raise.
        """
        result: ConferenceData = _calendar_form().from_calendar_json(obj, lenient=lenient)
        return result


@functools.cache
def _calendar_form() -> ModuleType:
    """The calendar_form module (which imports this one), loaded on first use."""
    from . import calendar_form

    return calendar_form


# calendar_form.to_calendar_json once loaded: it runs for every conference emitted, and a
# global read costs less than a call of the cached loader above.
_calendar_emitter: Callable[[ConferenceData, Manifest | None], CalendarConferenceData] | None = None


def _load_calendar_emitter() -> Callable[[ConferenceData, Manifest | None], CalendarConferenceData]:
    global _calendar_emitter
    _calendar_emitter = _calendar_form().to_calendar_json
    return _calendar_emitter


@functools.cache
def _addon_form() -> ModuleType:
    """The addon_form module (which imports this one), loaded on first use."""
    from . import addon_form

    return addon_form


# Unchecked constructors for the readers' hot loops: each fills the instance dict in one
# step, past the frozen __setattr__ (tests check the keys against the attrs fields).


def make_entry_point(
    kind: EntryPointType | str,
    uri: str,
    label: str | None,
    pin: str | None,
    access_code: str | None,
    meeting_code: str | None,
    passcode: str | None,
    password: str | None,
    region_code: str | None,
    features: tuple[EntryPointFeature | str, ...],
    found: tuple[Problem, ...] | None,
) -> EntryPoint:
    """An :class:`EntryPoint` as read; ``found`` is ``()`` only when it was proved clean."""
    instance = _new(EntryPoint)
    values = instance.__dict__  # one store each: faster here than building a dict to set
    values["type"] = kind
    values["uri"] = uri
    values["label"] = label
    values["pin"] = pin
    values["access_code"] = access_code
    values["meeting_code"] = meeting_code
    values["passcode"] = passcode
    values["password"] = password
    values["region_code"] = region_code
    values["features"] = features
    values["_found"] = found
    return instance


def make_conference_data(
    conference_id: str | None,
    entry_points: tuple[EntryPoint, ...],
    parameters: tuple[ConferenceParameter, ...],
    notes: str | None,
    error: ConferenceError | None,
    conference_solution_id: str | None,
    create_request: CreateRequest | None,
    signature: str | None,
    conference_solution: ConferenceSolution | None,
    preserved: Mapping[str, Any],
    source_form: Form | None,
    read_problems: tuple[Problem, ...],
    parameter_map: dict[str, str] | None = None,
) -> ConferenceData:
    """A :class:`ConferenceData` as read or built, not checked here.

    With ``parameter_map`` (clean pairs, each key once) the value holds that map instead of
    ``parameters`` and makes them on first use.
    """
    instance = _new(ConferenceData)
    values = instance.__dict__
    values["conference_id"] = conference_id
    values["entry_points"] = entry_points
    if parameter_map is None:
        values["parameters"] = parameters
    else:
        values["_parameter_map"] = parameter_map
    values["notes"] = notes
    values["error"] = error
    values["conference_solution_id"] = conference_solution_id
    values["create_request"] = create_request
    values["signature"] = signature
    values["conference_solution"] = conference_solution
    values["preserved"] = preserved
    values["source_form"] = source_form
    values["read_problems"] = read_problems
    return instance


def add_on_solution() -> ConferenceSolution:
    """The shared ``addOn`` solution with no name or icon (values are immutable)."""
    global _ADD_ON_SOLUTION
    if _ADD_ON_SOLUTION is None:
        _ADD_ON_SOLUTION = ConferenceSolution(SolutionType.ADD_ON)
    return _ADD_ON_SOLUTION


def make_parameter(key: str, value: str, valid: bool) -> ConferenceParameter:
    """A :class:`ConferenceParameter` as read; ``valid`` only when it was proved clean."""
    instance = _new(ConferenceParameter)
    values = instance.__dict__
    values["key"] = key
    values["value"] = value
    values["_valid"] = valid
    return instance


class _ParametersMade:
    """``ConferenceData.parameters`` read when missing from the instance dict: a value built
    or read clean holds its parameters as a map (``_parameter_map``, keys unique and each
    pair checked) and makes the :class:`ConferenceParameter` values on first use.
    (``__init__`` keeps a clean dict it is given as such a map; from clean values, the map
    next to them.) Without ``__set__``: the instance dict comes first, as for
    :class:`_Unfolded`."""

    __slots__ = ()

    def __get__(
        self, instance: ConferenceData | None, owner: type[Any] | None = None
    ) -> tuple[ConferenceParameter, ...]:
        if instance is None:  # read from the class, which has no such attribute
            raise AttributeError(f"type object {_name_of(owner)!r} has no attribute 'parameters'")
        values = instance.__dict__
        held = values.get("_parameter_map")
        if held is None:
            raise AttributeError(
                f"{type(instance).__name__!r} object has no attribute 'parameters'"
            )
        made = tuple([make_parameter(key, value, True) for key, value in held.items()])
        values["parameters"] = made
        return made


ConferenceData.parameters = _ParametersMade()  # type: ignore[assignment]
