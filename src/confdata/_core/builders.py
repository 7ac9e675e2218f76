"""Immutable builders: every step returns a new builder, ``build()`` returns a frozen value.

Builders are frozen ``attrs`` classes changed with :func:`attrs.evolve`, which runs their
checks again: a step checks its own field at once (its length, type, scheme, region code)
and raises :class:`~confdata.ValidationError`, so a builder never holds a field that could
not be built. ``build()`` makes the value, which checks the rules about the whole object and
raises with every problem at once; warnings fail it only with ``strict=True``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

import attrs

from . import spec as _spec
from .builder_checks import finish, instances, items, text_field
from .enums import ConferenceErrorType
from .part_builders import (
    ConferenceErrorBuilder,
    ConferenceParameterBuilder,
    ConferenceSolutionBuilder,
    CreateRequestBuilder,
    EntryPointBuilder,
)
from .parts import compact_repr, mapping_items, optional_string
from .problems import Problems
from .rules.members import Where, wrong_type
from .sink import Sink
from .spec import CALENDAR
from .values import (
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


def _entry_point_items(value: Iterable[EntryPoint]) -> tuple[EntryPoint, ...]:
    return items(value, "entry_points", "entryPoints")


def _parameter_items(
    value: Iterable[ConferenceParameter] | Mapping[str, str],
) -> tuple[ConferenceParameter, ...]:
    if type(value) is tuple:
        return value
    pairs = mapping_items(value, "parameters", "/parameters")
    if pairs is not None:
        return tuple(ConferenceParameter(key=k, value=v) for k, v in pairs)
    return items(value, "parameters", "parameters")


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
        default=None, converter=optional_string, validator=text_field(_spec.CONFERENCE_ID)
    )
    _entry_points: tuple[EntryPoint, ...] = attrs.field(
        default=(),
        converter=_entry_point_items,
        validator=instances(EntryPoint, "entry point", "entryPoints", each=True),
    )
    _parameters: tuple[ConferenceParameter, ...] = attrs.field(
        default=(),
        converter=_parameter_items,
        validator=instances(ConferenceParameter, "parameter", "parameters", each=True),
    )
    _notes: str | None = attrs.field(
        default=None, converter=optional_string, validator=text_field(CALENDAR.notes)
    )
    _error: ConferenceError | None = attrs.field(
        default=None, validator=instances(ConferenceError, "error", "error")
    )
    _conference_solution_id: str | None = attrs.field(
        default=None, converter=optional_string, validator=text_field(_spec.SOLUTION_ID)
    )
    _conference_solution: ConferenceSolution | None = attrs.field(
        default=None,
        validator=instances(ConferenceSolution, "conference solution", "conferenceSolution"),
    )
    _create_request: CreateRequest | None = attrs.field(
        default=None, validator=instances(CreateRequest, "create request", "createRequest")
    )
    _signature: str | None = attrs.field(
        default=None, converter=optional_string, validator=text_field(_spec.SIGNATURE)
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
        added = items(entry_points, "entry_points", "entryPoints")
        return attrs.evolve(self, entry_points=self._entry_points + added)

    def parameter(self, key: str | ConferenceParameter, value: str | None = None) -> Self:
        """Add a parameter: ``parameter("k", "v")`` or ``parameter(ConferenceParameter(...))``."""
        if value is None and issubclass(type(key), ConferenceParameter):
            parameter: Any = key
        else:  # a missing value is the parameter's required rule
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
        finish(data.problems, strict)
        return data
