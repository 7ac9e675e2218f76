"""The frozen values: conference data, entry points, parameters, errors, Calendar-side parts.

Plain ``attrs`` classes, keyword arguments only. Each checks itself when made (``__init__`` and
:func:`attrs.evolve` alike) through the rule engine, keeps what it found in ``problems``, and
raises :class:`~confdata.ValidationError` with every problem when there is an error. A value
made with ``lenient=True`` (the lenient readers do) keeps rule-breaking data instead, and says
so in ``problems``; its fields still hold what their annotations say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Self

import attrs

from . import addon_form, calendar_form
from . import spec as _spec
from .addon_form import AddonConferenceData
from .calendar_form import CalendarConferenceData
from .enums import (
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    RequestStatus,
    SolutionType,
)
from .jsondata import Preserved
from .manifests import Solutions, solution_ids_of
from .parts import (
    ADD_ON_SOLUTION,
    ConferenceError,
    ConferenceParameter,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
    checked,
    compact_repr,
    enforce,
    lenient_field,
    mapping_items,
    optional_string,
    sequence,
)
from .problems import Problem, ValidationError
from .rules import conference as whole
from .rules.members import wrong_type
from .sink import Sink, single
from .spec import CALENDAR, FormName
from .text import describe_type
from .value_checks import optional_text
from .walk.addon import walk_addon

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


def _entry_points(value: Iterable[EntryPoint]) -> tuple[EntryPoint, ...]:
    items: Any = sequence(value, "entry_points")
    return items  # type: ignore[no-any-return]


def _pairs(pairs: Iterable[tuple[Any, Any]]) -> tuple[ConferenceParameter, ...]:
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
            sink.extend(error.problems, f"/parameters/{index}")
        try:
            made.append(ConferenceParameter(key=key, value=value, lenient=True))
        except ValidationError:
            unholdable = True
    if unholdable:
        sink.raise_errors()
    return tuple(made)


def _parameters(
    value: Iterable[ConferenceParameter] | Mapping[str, str],
) -> tuple[ConferenceParameter, ...]:
    pairs = mapping_items(value, "parameters", "/parameters")
    if pairs is not None:
        return _pairs(pairs)
    items: Any = sequence(value, "parameters")
    return items  # type: ignore[no-any-return]


def _preserved(value: Mapping[str, Any]) -> Mapping[str, Any]:
    given: object = value  # typed loosely: callers may pass anything
    if type(given) is Preserved:
        return value
    pairs = mapping_items(given, "preserved")
    if pairs is None or not all(type(k) is str for k, _ in pairs):
        raise single(
            "type",
            "",
            f"preserved must map JSON Pointers to JSON values (got {describe_type(value)})",
        )
    return Preserved(dict(pairs))


def _read_problems(value: Iterable[Problem]) -> tuple[Problem, ...]:
    found: Any = sequence(value, "read_problems")
    if type(found) is not tuple or not all(type(p) is Problem for p in found):
        raise single(
            "type", "", f"read_problems must be Problem values (got {describe_type(value)})"
        )
    problems: tuple[Problem, ...] = found
    return problems


def _default_solution(data: ConferenceData) -> ConferenceSolution | None:
    """Third-party data with entry points and no error is an ``addOn`` conference."""
    entry_points: object = data.entry_points
    if type(entry_points) is tuple and entry_points and data.error is None:
        return ADD_ON_SOLUTION
    return None


def _part(sink: Sink, value: object, cls: type[Any], name: str, prefix: str) -> bool:
    """A part of the conference: its own problems, moved below ``prefix``; True if it is one."""
    if not issubclass(type(value), cls):
        wrong_type(sink, value, f"a {cls.__name__}", name, ("",), *prefix.split("/")[1:])
        return False
    if value.problems:  # type: ignore[attr-defined]
        sink.extend(value.problems, prefix)  # type: ignore[attr-defined]
    return True


def _check(sink: Sink, data: ConferenceData) -> None:
    """Every rule about a conference: its own fields, each part (checked when it was made),
    and the rules about them together."""
    optional_text(sink, data.conference_id, _spec.CONFERENCE_ID)
    optional_text(sink, data.conference_solution_id, _spec.SOLUTION_ID)
    optional_text(sink, data.notes, CALENDAR.notes)
    optional_text(sink, data.signature, _spec.SIGNATURE)
    entry_points: Any = data.entry_points
    kinds: list[EntryPointType | None] = []
    if type(entry_points) is not tuple:
        wrong_type(
            sink, entry_points, "a sequence of EntryPoint", "entry_points", ("",), "entryPoints"
        )
        entry_points = ()
    for index, ep in enumerate(entry_points):
        ok = _part(sink, ep, EntryPoint, "entry point", f"/entryPoints/{index}")
        kinds.append(ep.type if ok else None)
    whole.entry_point_set(sink, kinds, CALENDAR, ("",))
    parameters: Any = data.parameters
    keys: list[str | None] = []
    if type(parameters) is not tuple:
        wrong_type(
            sink, parameters, "ConferenceParameter values or a mapping of key to value",
            "parameters", ("",), "parameters",
        )  # fmt: skip
        parameters = ()
    for index, parameter in enumerate(parameters):
        ok = _part(sink, parameter, ConferenceParameter, "parameter", f"/parameters/{index}")
        keys.append(parameter.key if ok else None)
    whole.parameter_set(sink, keys, ("",), "parameters")
    solution_kind: SolutionType | None = SolutionType.ADD_ON
    if data.conference_solution is not None:
        solution = data.conference_solution
        if _part(sink, solution, ConferenceSolution, "conference_solution", "/conferenceSolution"):
            solution_kind = solution.key_type
    if data.create_request is not None:
        _part(sink, data.create_request, CreateRequest, "create_request", "/createRequest")
    if data.error is not None:
        _part(sink, data.error, ConferenceError, "error", "/error")
    whole.model_result(
        sink,
        has_error=data.error is not None,
        has_request=data.create_request is not None,
        has_solution=data.conference_solution is not None,
        solution_kind=solution_kind,
        has_conference_id=data.conference_id is not None,
        entry_points=len(entry_points),
        data_members=[
            name
            for name, value in (
                ("conferenceId", data.conference_id),
                ("entryPoints", entry_points),
                ("parameters", parameters),
                ("notes", data.notes),
            )
            # As the add-on walker counts them: present, and no empty array.
            if value is not None and not (type(value) is tuple and not value)
        ],
    )


@attrs.frozen(kw_only=True, repr=False)
class ConferenceData:
    """Everything Calendar needs to let attendees join, or a :class:`ConferenceError`.

    Make it with :class:`~confdata.ConferenceDataBuilder`, one of the JSON readers, or
    directly; ``parameters`` takes :class:`ConferenceParameter` values or a mapping of key to
    value (``{"meetingId": "123"}``), and always holds values. Entry points without an error
    get the ``addOn`` solution unless ``conference_solution`` says otherwise.
    """

    conference_id: str | None = attrs.field(default=None, converter=optional_string)
    """The provider's ID of the conference (required unless an error; at most 512)."""
    entry_points: tuple[EntryPoint, ...] = attrs.field(default=(), converter=_entry_points)
    """The ways to join (at least one unless an error; at most 300)."""
    parameters: tuple[ConferenceParameter, ...] = attrs.field(default=(), converter=_parameters)
    """What the add-on passes to and from its system (at most 300, each key once)."""
    notes: str | None = attrs.field(default=None, converter=optional_string)
    """A notice users see (HTML allowed, at most 2048)."""
    error: ConferenceError | None = None
    """Why the conference could not be created; then nothing else is needed."""
    conference_solution_id: str | None = attrs.field(default=None, converter=optional_string)
    """The add-on manifest's id of the solution (the add-on form's ``conferenceSolutionId``)."""
    create_request: CreateRequest | None = None
    """A Calendar create request (the Calendar form)."""
    signature: str | None = attrs.field(default=None, converter=optional_string)
    """The server-generated signature of data read from Calendar."""
    conference_solution: ConferenceSolution | None = attrs.field(
        default=attrs.Factory(_default_solution, takes_self=True)
    )
    """The Calendar-side solution: by default ``addOn`` when there are entry points and no
    error, else None."""
    preserved: Mapping[str, Any] = attrs.field(
        factory=Preserved, converter=_preserved, hash=False, repr=False
    )
    """Members kept verbatim by a read (unknown members and values, empty containers), by
    JSON Pointer into :attr:`source_form`, so that emitting that form again loses nothing."""
    source_form: FormName | None = attrs.field(default=None, eq=False, repr=False)
    """The form this value was read from (None when built)."""
    read_problems: tuple[Problem, ...] = attrs.field(
        default=(), converter=_read_problems, eq=False, repr=False
    )
    """Problems found in the JSON this value was read from (paths in :attr:`source_form`)."""
    lenient: bool = lenient_field()
    """True for a value that may break rules (made by a lenient read); see ``problems``."""
    problems: tuple[Problem, ...] = checked(_check)
    """Every problem of this value, found when it was made. Paths name the value's members as
    the Calendar form spells them (``/entryPoints/0/uri``); parameters and the error, which
    the Calendar form holds as a map or not at all, by their place in the value
    (``/parameters/0/key``, ``/error/type``)."""

    __repr__ = compact_repr
    __attrs_post_init__ = enforce
    # What no field of a conference can hold; a missing ID or entry point it can (lenient).
    unholdable: ClassVar[frozenset[str]] = frozenset({"type", "enum"})

    @property
    def is_error(self) -> bool:
        """True for an error result (a :class:`ConferenceError` instead of a conference)."""
        return self.error is not None

    def to_calendar_json(self, *, manifest: Solutions | None = None) -> CalendarConferenceData:
        """The Calendar API v3 ``Event.conferenceData`` JSON (plain dicts, lists and strings).

        An error result is written as a failed add-on create request (the Calendar form has no
        error member). With a ``manifest`` (a :class:`~confdata.Manifest`), the solution's
        missing name and icon come from the manifest's solution named by
        ``conference_solution_id``. Raises :class:`ValidationError` for values read leniently
        from the add-on form that the Calendar form cannot spell.
        """
        return calendar_form.emit(self, self._solution(manifest))

    def to_addon_json(self) -> AddonConferenceData:
        """The add-on response form (``ConferenceDataMarkup``), the one that carries errors.

        Writing is strict: raises :class:`ValidationError` when what it would write breaks a
        rule of the add-on form (an authentication URL past its 1300 characters, a bare create
        request, which the add-on form has no room for) or, for a value read leniently from
        the Calendar form, holds a value the add-on form cannot spell. A value made with
        ``lenient=True`` is written as it is.
        """
        written = addon_form.emit(self)
        if not self.lenient:
            sink = Sink()
            walk_addon(sink, written)
            sink.raise_errors()
        return written

    def _solution(self, manifest: Solutions | None) -> ConferenceSolution | None:
        solution = self.conference_solution
        if solution_ids_of(manifest) is None or self.conference_solution_id is None:
            return solution
        assert manifest is not None
        declared = manifest.solution(self.conference_solution_id)
        if declared is None or self.error is not None:
            return solution
        current = solution or ADD_ON_SOLUTION
        return attrs.evolve(
            current,
            name=current.name if current.name is not None else declared.name,
            icon_uri=current.icon_uri if current.icon_uri is not None else declared.logo_url,
        )

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
        (``to_calendar_json()`` gives the input back) and reported in ``read_problems``, and
        values that break rules are kept too; only what no field can hold (values of the wrong
        JSON type, entry points without a type or URI) still raises.
        """
        return cls._made(calendar_form.read(obj, lenient=lenient), "calendar", lenient)

    @classmethod
    def from_addon_json(
        cls, obj: object, *, lenient: bool = False, manifest: Solutions | None = None
    ) -> Self:
        """Read the add-on form; strict by default, ``lenient=True`` keeps unknowns (see
        :meth:`from_calendar_json`). With a ``manifest``, an unknown ``conferenceSolutionId``
        is an error."""
        fields = addon_form.read(obj, lenient=lenient, solution_ids=solution_ids_of(manifest))
        return cls._made(fields, "addon", lenient)

    @classmethod
    def _made(cls, fields: dict[str, Any], form: FormName, lenient: bool) -> Self:
        """The value of what a reader found (its parts as keyword arguments)."""
        fields["entry_points"] = tuple(
            EntryPoint(**part, lenient=lenient) for part in fields.get("entry_points", ())
        )
        fields["parameters"] = tuple(
            ConferenceParameter(key=key, value=value, lenient=lenient)
            for key, value in fields.get("parameters", ())
        )
        for name, part_class in (
            ("error", ConferenceError),
            ("create_request", CreateRequest),
            ("conference_solution", ConferenceSolution),
        ):
            part = fields.get(name)
            if part is not None:
                fields[name] = part_class(**part, lenient=lenient)
        return cls(**fields, source_form=form, lenient=lenient)
