"""The frozen values: conference data, entry points, parameters, errors, Calendar-side parts.

Plain ``attrs`` classes, keyword arguments only, whose methods are generated from the shapes
(:mod:`confdata._core.gen.values`): each checks itself when made (``__init__`` and
:func:`attrs.evolve` alike) through the rule engine, keeps what it found in ``problems``, and
raises :class:`~confdata.ValidationError` with every problem when there is an error. A value
made with ``lenient=True`` (the lenient readers make them) holds rule-breaking data instead,
and says so in ``problems``; its fields still hold what their annotations say. What a lenient
read kept of a value's JSON that no field holds travels with the value, in ``kept``.

The readers (``from_calendar_json``, ``from_addon_json``) build the values in the same
generated pass that checks the JSON (:mod:`confdata._core.gen.passes`); the emitters write
them in one generated pass too (:mod:`confdata._core.gen.emit`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

import attrs

from . import spec
from .addon_form import AddonConferenceData
from .calendar_form import CalendarConferenceData
from .checks import check_addon
from .enums import (
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    RequestStatus,
    SolutionType,
)
from .foreign import exact_str
from .gen import emit as _emit
from .gen import passes as _passes
from .gen import values as _values
from .gen.values import DEFAULT
from .kept import Kept
from .manifests import Solutions, solution_ids_of
from .problems import Problem, ValidationError
from .sink import Sink, single
from .spec import ADDON, CALENDAR, FormName
from .text import describe_type, mask, mask_uri_secrets, show, type_name

__all__ = [
    "ADD_ON_SOLUTION",
    "ConferenceData",
    "ConferenceError",
    "ConferenceErrorType",
    "ConferenceParameter",
    "ConferenceSolution",
    "CreateRequest",
    "EntryPoint",
    "EntryPointFeature",
    "EntryPointType",
    "Kept",
    "RequestStatus",
    "SolutionType",
    "new_request_id",
]


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


@attrs.frozen(kw_only=True, init=False, repr=False)
class EntryPoint:
    """One way to join: a type, a URI and optional codes. Secrets are masked in the repr."""

    type: EntryPointType
    """How to join: video, phone, SIP or more (a member, or its value such as ``"video"``);
    ``UNKNOWN`` only in a value read leniently (its spelling is kept)."""
    uri: str = attrs.field(metadata={"uri": True})
    """``http(s):`` for video and more, ``tel:`` for phone, ``sip:`` for SIP; at most 1300."""
    label: str | None = None
    """What users see instead of the URI (at most 512; not on a more entry point)."""
    pin: str | None = attrs.field(default=None, metadata={"secret": True})
    """The PIN (at most 128; masked in reprs and messages)."""
    access_code: str | None = attrs.field(default=None, metadata={"secret": True})
    """The access code (at most 128; masked)."""
    meeting_code: str | None = attrs.field(default=None, metadata={"secret": True})
    """The meeting code (at most 128; masked)."""
    passcode: str | None = attrs.field(default=None, metadata={"secret": True})
    """The passcode (at most 128; masked)."""
    password: str | None = attrs.field(default=None, metadata={"secret": True})
    """The password (at most 128; masked)."""
    region_code: str | None = None
    """A phone number's CLDR/ISO 3166 region, such as ``"US"`` (phone entry points only)."""
    features: tuple[EntryPointFeature, ...] = ()
    """Toll or toll-free (phone entry points only; not both)."""
    lenient: bool = attrs.field(default=False, eq=False, repr=False)
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    kept: Kept | None = attrs.field(default=None, hash=False, repr=False)
    """What a lenient read kept of this entry point's JSON that no field holds."""
    problems: tuple[Problem, ...] = attrs.field(init=False, eq=False, repr=False)
    """Every problem found when the value was made (paths relative to the entry point)."""

    __repr__ = compact_repr

    if TYPE_CHECKING:  # the generated __init__'s signature, as callers may call it

        def __init__(
            self,
            *,
            type: EntryPointType | str,
            uri: str,
            label: str | None = None,
            pin: str | None = None,
            access_code: str | None = None,
            meeting_code: str | None = None,
            passcode: str | None = None,
            password: str | None = None,
            region_code: str | None = None,
            features: Iterable[EntryPointFeature | str] = (),
            lenient: bool = False,
            kept: Kept | None = None,
        ) -> None: ...

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


@attrs.frozen(kw_only=True, init=False, repr=False)
class ConferenceParameter:
    """A key/value pair the add-on passes to and from its conferencing system."""

    key: str
    """The key (required, at most 50 characters, once per conference)."""
    value: str
    """The value (at most 1024 characters; may be empty)."""
    lenient: bool = attrs.field(default=False, eq=False, repr=False)
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    kept: Kept | None = attrs.field(default=None, hash=False, repr=False)
    """What a lenient read kept of this parameter's JSON that no field holds."""
    problems: tuple[Problem, ...] = attrs.field(init=False, eq=False, repr=False)
    """Every problem found when the value was made."""

    __repr__ = compact_repr

    if TYPE_CHECKING:  # the generated __init__'s signature, as callers may call it

        def __init__(
            self, *, key: str, value: str, lenient: bool = False, kept: Kept | None = None
        ) -> None: ...


@attrs.frozen(kw_only=True, init=False, repr=False)
class ConferenceError:
    """Why the conference could not be created; AUTHENTICATION needs an authentication URL."""

    type: ConferenceErrorType
    """Why: ``AUTHENTICATION``, ``TEMPORARY``, ``PERMANENT`` and so on."""
    authentication_url: str | None = attrs.field(default=None, metadata={"uri": True})
    """Where the user signs in (http(s); AUTHENTICATION errors only; at most 1800)."""
    lenient: bool = attrs.field(default=False, eq=False, repr=False)
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    kept: Kept | None = attrs.field(default=None, hash=False, repr=False)
    """What a lenient read kept of this error's JSON that no field holds."""
    problems: tuple[Problem, ...] = attrs.field(init=False, eq=False, repr=False)
    """Every problem found when the value was made."""

    __repr__ = compact_repr

    if TYPE_CHECKING:  # the generated __init__'s signature, as callers may call it

        def __init__(
            self,
            *,
            type: ConferenceErrorType | str,
            authentication_url: str | None = None,
            lenient: bool = False,
            kept: Kept | None = None,
        ) -> None: ...


@attrs.frozen(kw_only=True, init=False, repr=False)
class ConferenceSolution:
    """Calendar-side description of the solution: key type, display name and icon."""

    key_type: SolutionType | None = SolutionType.ADD_ON
    """``addOn`` for third-party conferences (None when read without a known type)."""
    name: str | None = None
    """The solution's name users see."""
    icon_uri: str | None = attrs.field(default=None, metadata={"uri": True})
    """The solution's icon users see."""
    lenient: bool = attrs.field(default=False, eq=False, repr=False)
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    kept: Kept | None = attrs.field(default=None, hash=False, repr=False)
    """What a lenient read kept of this solution's JSON that no field holds."""
    problems: tuple[Problem, ...] = attrs.field(init=False, eq=False, repr=False)
    """Every problem found when the value was made."""

    __repr__ = compact_repr

    if TYPE_CHECKING:  # the generated __init__'s signature, as callers may call it

        def __init__(
            self,
            *,
            key_type: SolutionType | str | None = SolutionType.ADD_ON,
            name: str | None = None,
            icon_uri: str | None = None,
            lenient: bool = False,
            kept: Kept | None = None,
        ) -> None: ...


def resolved_solution(data: Any, manifest: Solutions) -> ConferenceSolution | None:
    """``data``'s Calendar solution, its missing name and icon taken from the ``manifest``'s
    solution that ``data.conference_solution_id`` names (an error result has none)."""
    current: ConferenceSolution | None = data.conference_solution
    solution_id = data.conference_solution_id
    declared = manifest.solution(solution_id) if solution_id is not None else None
    if declared is None or data.error is not None:
        return current
    base = current or ADD_ON_SOLUTION
    return attrs.evolve(
        base,
        name=base.name if base.name is not None else declared.name,
        icon_uri=base.icon_uri if base.icon_uri is not None else declared.logo_url,
    )


def new_request_id() -> str:
    """A fresh client-generated request ID (Calendar ignores a repeated one)."""
    return uuid.uuid4().hex


@attrs.frozen(kw_only=True, init=False, repr=False)
class CreateRequest:
    """Calendar-side request to create a conference; a fresh ``request_id`` by default."""

    request_id: str | None = attrs.field(default=DEFAULT)
    """The client's ID of the request (a fresh one by default; Calendar ignores a repeat)."""
    solution_type: SolutionType | None = SolutionType.ADD_ON
    """The kind of conference to create (None when read without a known type)."""
    status: RequestStatus | None = None
    """Set by the server (read-only): the write helpers leave it out."""
    lenient: bool = attrs.field(default=False, eq=False, repr=False)
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    kept: Kept | None = attrs.field(default=None, hash=False, repr=False)
    """What a lenient read kept of this request's JSON that no field holds."""
    problems: tuple[Problem, ...] = attrs.field(init=False, eq=False, repr=False)
    """Every problem found when the value was made."""

    __repr__ = compact_repr

    if TYPE_CHECKING:  # the generated __init__'s signature, as callers may call it

        def __init__(
            self,
            *,
            request_id: str | None = ...,
            solution_type: SolutionType | str | None = SolutionType.ADD_ON,
            status: RequestStatus | str | None = None,
            lenient: bool = False,
            kept: Kept | None = None,
        ) -> None: ...


@attrs.frozen(kw_only=True, init=False, repr=False)
class ConferenceData:
    """Everything Calendar needs to let attendees join, or a :class:`ConferenceError`.

    Make it with :class:`~confdata.ConferenceDataBuilder`, one of the JSON readers, or
    directly; ``parameters`` takes :class:`ConferenceParameter` values or a mapping of key to
    value (``{"meetingId": "123"}``), and always holds values. Entry points without an error
    get the ``addOn`` solution unless ``conference_solution`` says otherwise.
    """

    conference_id: str | None = None
    """The provider's ID of the conference (required unless an error; at most 512)."""
    entry_points: tuple[EntryPoint, ...] = ()
    """The ways to join (at least one unless an error; at most 300)."""
    parameters: tuple[ConferenceParameter, ...] = ()
    """What the add-on passes to and from its system (at most 300, each key once)."""
    notes: str | None = None
    """A notice users see (HTML allowed, at most 2048)."""
    error: ConferenceError | None = None
    """Why the conference could not be created; then nothing else is needed."""
    conference_solution_id: str | None = None
    """The add-on manifest's id of the solution (the add-on form's ``conferenceSolutionId``)."""
    create_request: CreateRequest | None = None
    """A Calendar create request (the Calendar form)."""
    signature: str | None = None
    """The server-generated signature of data read from Calendar."""
    conference_solution: ConferenceSolution | None = attrs.field(default=DEFAULT)
    """The Calendar-side solution: by default ``addOn`` when there are entry points and no
    error, else None."""
    kept: Kept | None = attrs.field(default=None, hash=False, repr=False)
    """What a lenient read kept of the conference object's JSON that no field holds (each
    part keeps its own): written back when the value is emitted in :attr:`source_form`."""
    source_form: FormName | None = attrs.field(default=None, eq=False, repr=False)
    """The form this value was read from (None when built)."""
    read_problems: tuple[Problem, ...] = attrs.field(default=(), eq=False, repr=False)
    """Problems found in the JSON this value was read from (paths in :attr:`source_form`)."""
    lenient: bool = attrs.field(default=False, eq=False, repr=False)
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    problems: tuple[Problem, ...] = attrs.field(init=False, eq=False, repr=False)
    """Every problem of this value, found when it was made. Paths name the value's members as
    the Calendar form spells them (``/entryPoints/0/uri``); parameters and the error, which
    the Calendar form holds as a map or not at all, by their place in the value
    (``/parameters/0/key``, ``/error/type``)."""

    __repr__ = compact_repr

    if TYPE_CHECKING:  # the generated __init__'s signature, as callers may call it

        def __init__(
            self,
            *,
            conference_id: str | None = None,
            entry_points: Iterable[EntryPoint] = (),
            parameters: Iterable[ConferenceParameter] | Mapping[str, str] = (),
            notes: str | None = None,
            error: ConferenceError | None = None,
            conference_solution_id: str | None = None,
            create_request: CreateRequest | None = None,
            signature: str | None = None,
            conference_solution: ConferenceSolution | None = ...,
            kept: Kept | None = None,
            source_form: FormName | None = None,
            read_problems: Iterable[Problem] = (),
            lenient: bool = False,
        ) -> None: ...

    @property
    def is_error(self) -> bool:
        """True for an error result (a :class:`ConferenceError` instead of a conference)."""
        return self.error is not None

    def to_calendar_json(self, *, manifest: Solutions | None = None) -> CalendarConferenceData:
        """The Calendar API v3 ``Event.conferenceData`` JSON (plain dicts, lists and strings).

        An error result is written as a failed add-on create request (the Calendar form has no
        error member). With a ``manifest`` (a :class:`~confdata.Manifest`), the solution's
        missing name and icon come from the manifest's solution named by
        ``conference_solution_id``. Raises :class:`ValidationError` for a value that holds an
        unknown value the Calendar form cannot spell (one read leniently from the add-on form).
        """
        if self.error is not None:
            return _error_result_json()  # type: ignore[return-value]
        solution = self._solution(manifest)
        data = self if solution is self.conference_solution else _with_solution(self, solution)
        return _emitted(_CALENDAR_EMIT["ConferenceData"], data, "calendar")  # type: ignore[return-value]

    def to_addon_json(self) -> AddonConferenceData:
        """The add-on response form (``ConferenceDataMarkup``), the one that carries errors.

        Writing is strict: raises :class:`ValidationError` when what it would write breaks a
        rule of the add-on form (an authentication URL past its 1300 characters, a bare create
        request, which the add-on form has no room for) or holds an unknown value the add-on
        form cannot spell. A value made with ``lenient=True`` is written as it is.
        """
        written = _emitted(_ADDON_EMIT["ConferenceData"], self, "addon")
        if not self.lenient:
            sink = Sink()
            check_addon(sink, written)
            sink.raise_errors()
        return written  # type: ignore[return-value]

    def _solution(self, manifest: Solutions | None) -> ConferenceSolution | None:
        if solution_ids_of(manifest) is None:
            return self.conference_solution
        assert manifest is not None
        return resolved_solution(self, manifest)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """pydantic reads and writes the Calendar form (:mod:`confdata.pydantic`)."""
        from .pydantic import conference_schema

        return conference_schema(cls, "calendar")

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> Any:
        """confdata's JSON Schema of the Calendar form, for pydantic."""
        from .pydantic import conference_json_schema

        return conference_json_schema("calendar")

    @classmethod
    def from_calendar_json(cls, obj: object, *, lenient: bool = False) -> Self:
        """Read Calendar JSON; strict by default (raises :class:`ValidationError` with every
        problem).

        ``lenient=True`` is for data read from Google: unknown members and enum values are kept
        with the object they were read in (``to_calendar_json()`` gives the input back), values
        that break rules are kept too, and ``read_problems`` says what the JSON broke; only
        what no field can hold (values of the wrong JSON type, entry points without a type or
        URI) still raises. ``null`` members read as absent (a lenient read writes them back).
        """
        data: Self = _read(cls, CALENDAR, obj, lenient, None)
        return data

    @classmethod
    def from_addon_json(
        cls, obj: object, *, lenient: bool = False, manifest: Solutions | None = None
    ) -> Self:
        """Read the add-on form; strict by default, ``lenient=True`` keeps unknowns (see
        :meth:`from_calendar_json`). With a ``manifest``, an unknown ``conferenceSolutionId``
        is an error."""
        data: Self = _read(cls, ADDON, obj, lenient, solution_ids_of(manifest))
        return data


# --- the converters of the generated constructors -----------------------------------------
# Each takes the argument as given and returns (what the field holds, whether no field can
# hold it); what cannot be converted is left for the check to report.


def sequence(value: Any, what: str) -> Any:
    """A tuple of the items of a list, tuple or other iterable (not a string or mapping);
    anything else is returned as it is, for the check to report."""
    cls = type(value)
    if cls is tuple:
        return value
    if cls is list:
        return tuple(value)
    if issubclass(cls, str | bytes | bytearray | Mapping) or not hasattr(cls, "__iter__"):
        return value
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
    """The key/value pairs of a mapping argument (a dict read through dict's own method), or
    None when ``value`` is no mapping; a mapping that raises while read is a ``type``
    problem."""
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


_PARAMETERS = spec.json_path(spec.MODEL_CONFERENCE, "parameters")[0]


def _instances(items: Any, cls: type[Any]) -> bool:
    return type(items) is tuple and all(issubclass(type(item), cls) for item in items)


def convert_features(value: Any) -> tuple[Any, bool]:
    items = sequence(value, "features")
    if type(items) is not tuple:
        return items, True
    out = []
    bad = False
    for item in items:
        member = _values.member_of(item, EntryPointFeature, CALENDAR.features)
        bad = bad or member is None
        out.append(item if member is None else member)
    return tuple(out), bad


def convert_entry_points(value: Any) -> tuple[Any, bool]:
    items = sequence(value, "entry_points")
    return items, not _instances(items, EntryPoint)


def convert_parameters(value: Any) -> tuple[Any, bool]:
    pairs = mapping_items(value, "parameters", f"/{_PARAMETERS}")
    if pairs is not None:
        return _parameters_of(pairs)
    items = sequence(value, "parameters")
    return items, not _instances(items, ConferenceParameter)


def _parameters_of(pairs: list[tuple[Any, Any]]) -> tuple[tuple[ConferenceParameter, ...], bool]:
    """Parameters from key/value pairs. A bad pair is kept, lenient, so that the conference
    reports it with every other problem; if a pair no parameter can hold (a key that is not
    a string), every bad pair is reported at once, here."""
    made = []
    unholdable = False
    sink = Sink()
    for index, (key, value) in enumerate(pairs):
        try:
            made.append(ConferenceParameter(key=key, value=value))
            continue
        except ValidationError as error:
            sink.extend(error.problems, f"/{_PARAMETERS}/{index}")
        try:
            made.append(ConferenceParameter(key=key, value=value, lenient=True))
        except ValidationError:
            unholdable = True
    if unholdable:
        sink.raise_errors()
    return tuple(made), False


def _part(cls: type[Any]) -> Any:
    def convert(value: Any) -> tuple[Any, bool]:
        if value is None or value is DEFAULT:
            return value, False
        return value, not issubclass(type(value), cls)

    return convert


def convert_lenient(value: Any) -> tuple[bool, bool]:
    return value is True, False


def convert_kept(value: Any) -> tuple[Any, bool]:
    if value is None or type(value) is Kept:
        return value, False
    raise single("type", "", f"kept must be None or a Kept (got {describe_type(value)})")


def convert_source_form(value: Any) -> tuple[Any, bool]:
    if value is None or exact_str(value) in spec.FORMS:
        return None if value is None else exact_str(value), False
    raise single("enum", "", f"source_form must be None, 'calendar' or 'addon' (got {show(value)})")


def convert_read_problems(value: Any) -> tuple[Any, bool]:
    found = sequence(value, "read_problems")
    if type(found) is not tuple or not all(type(p) is Problem for p in found):
        raise single(
            "type", "", f"read_problems must be Problem values (got {describe_type(value)})"
        )
    return found, False


def default_solution(entry_points: object, error: object) -> ConferenceSolution | None:
    """Third-party data with entry points and no error is an ``addOn`` conference."""
    if type(entry_points) is tuple and entry_points and error is None:
        return ADD_ON_SOLUTION
    return None


_SHAPES_OF_KEPT: dict[str, dict[str, spec.Shape]] = {
    "EntryPoint": {"calendar": spec.CALENDAR_ENTRY_POINT, "addon": spec.ADDON_ENTRY_POINT},
    "ConferenceParameter": {"addon": spec.PARAMETER},
    "ConferenceError": {"addon": spec.ADDON_ERROR},
    "ConferenceSolution": {"calendar": spec.CALENDAR_SOLUTION},
    "CreateRequest": {"calendar": spec.CALENDAR_REQUEST},
    "ConferenceData": {"calendar": spec.CALENDAR_CONFERENCE, "addon": spec.ADDON_CONFERENCE},
}

_ENV: dict[str, Any] = {
    "convert_features": convert_features,
    "convert_entry_points": convert_entry_points,
    "convert_parameters": convert_parameters,
    "convert_error": _part(ConferenceError),
    "convert_solution": _part(ConferenceSolution),
    "convert_request": _part(CreateRequest),
    "convert_lenient": convert_lenient,
    "convert_kept": convert_kept,
    "convert_source_form": convert_source_form,
    "convert_read_problems": convert_read_problems,
    "new_request_id": new_request_id,
    "default_solution": default_solution,
    "FORM": CALENDAR,  # values are checked as the Calendar form spells them
}

_DEFAULTS: dict[str, dict[str, str]] = {
    "CreateRequest": {"request_id": "new_request_id()"},
    "ConferenceData": {"conference_solution": "default_solution(entry_points, error)"},
}

_PARTS: dict[str, type[Any]] = {
    "entry_points": EntryPoint,
    "parameters": ConferenceParameter,
    "error": ConferenceError,
    "conference_solution": ConferenceSolution,
    "create_request": CreateRequest,
}

VALUE_CLASSES: tuple[type[Any], ...] = (
    EntryPoint,
    ConferenceParameter,
    ConferenceError,
    ConferenceSolution,
    CreateRequest,
    ConferenceData,
)


def generated(cls: type[Any], *, guards: bool = True) -> _values.Generated:
    """The generated methods of a value class. ``guards=False`` makes them with every guard
    off, every rule called, without setting them on the class: the tests' reference."""
    return _values.install(
        cls,
        shape=spec.VALUES[cls.__name__],
        env={**_ENV, "KEPT_SHAPES": _SHAPES_OF_KEPT[cls.__name__], "PARTS": _PARTS},
        defaults=_DEFAULTS.get(cls.__name__, {}),
        part=cls is not ConferenceData,
        guards=guards,
    )


GENERATED: Mapping[str, _values.Generated] = {cls.__name__: generated(cls) for cls in VALUE_CLASSES}
"""The generated methods of each value class, by class name."""

ADD_ON_SOLUTION = ConferenceSolution()
"""The solution of third-party data given none: an ``addOn`` key, no name or icon."""


# --- reading --------------------------------------------------------------------------------


_MAKERS: dict[str, _passes.Maker] = {
    name: (made.make, made.make_lenient, made.fields)
    for name, made in GENERATED.items()
    if name != "ConferenceData"
}

_READ = {form.name: _passes.generate(form, "read", makers=_MAKERS)[0] for form in (CALENDAR, ADDON)}


def cannot_hold(problem: Problem) -> bool:
    """Whether a read's ``problem`` is one no value can hold, lenient or not: a value of the
    wrong JSON type, or a part without a member it cannot be without (a conference without
    its ID or entry points is a lenient value still)."""
    if problem.code == "type":
        return True
    return problem.code == "required" and problem.path.count("/") > 1


def _read(
    cls: type[Any],
    form: spec.Form,
    obj: object,
    lenient: bool,
    solution_ids: frozenset[str] | None,
) -> Any:
    sink = Sink()
    fields = _READ[form.name](sink, obj, "", solution_ids, lenient)
    problems = sink.finish()
    if problems and (
        fields is None or any(cannot_hold(p) if lenient else p.is_error for p in problems)
    ):
        raise ValidationError(problems)
    assert fields is not None
    made = GENERATED["ConferenceData"]
    kept = fields.pop("kept")
    if "conference_solution" not in fields:  # the add-on form has none: third-party data
        fields["conference_solution"] = default_solution(fields["entry_points"], fields["error"])
    if problems:  # every value says which of them are its own
        fields = _rechecked(fields, lenient)
    arguments = [fields.get(name) for name in made.fields]
    if not problems:
        maker = made.make_lenient if lenient else made.make
        return maker(*arguments, kept, source_form=form.name, read_problems=())
    return made.remake(
        *arguments, kept, lenient, source_form=form.name, read_problems=tuple(problems)
    )


def _rechecked(fields: dict[str, Any], lenient: bool) -> dict[str, Any]:
    def again(value: Any) -> Any:
        made = GENERATED[type(value).__name__]
        arguments = [getattr(value, name) for name in made.fields]
        return made.remake(*arguments, value.kept, lenient)

    out = dict(fields)
    for name in ("entry_points", "parameters"):
        if name in out:
            out[name] = tuple(again(part) for part in out[name])
    for name in ("error", "conference_solution", "create_request"):
        if out.get(name) is not None:
            out[name] = again(out[name])
    return out


# --- writing --------------------------------------------------------------------------------

_CALENDAR_EMIT = _emit.generate(CALENDAR)[0]
_ADDON_EMIT = _emit.generate(ADDON)[0]


_FAILED_REQUEST = CreateRequest(request_id=None, status=RequestStatus.FAILURE)


def _error_result_json() -> dict[str, Any]:
    """confdata's Calendar mapping of an error result: a failed add-on create request
    (SPEC §2.1; no requestId, so the output is deterministic)."""
    return {spec.CALENDAR_PATHS.create_request[0]: _CALENDAR_EMIT["CreateRequest"](_FAILED_REQUEST)}


def _with_solution(data: ConferenceData, solution: ConferenceSolution | None) -> Any:
    made = GENERATED["ConferenceData"]
    arguments = [
        solution if name == "conference_solution" else getattr(data, name) for name in made.fields
    ]
    return made.make(*arguments, data.kept, source_form=data.source_form)


def _emitted(emit: Any, data: ConferenceData, form: str) -> dict[str, Any]:
    try:
        return emit(data)  # type: ignore[no-any-return]
    except _emit.Unspellable as unspellable:
        raise single("enum", _pointer(unspellable.tokens), unspellable.message(form)) from None


def _pointer(tokens: tuple[str | int, ...]) -> str:
    from .sink import pointer

    return pointer("", *tokens)
