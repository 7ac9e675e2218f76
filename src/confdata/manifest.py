"""The add-on manifest's conference solutions (``addOns.calendar.conferenceSolution[]``).

Reads an Apps Script ``appsscript.json`` or a Workspace add-on deployment JSON: both hold
``addOns.calendar`` [S6][S7]. Each solution needs ``id``, ``name``, ``onCreateFunction`` and
``logoUrl``; ids are unique; there is at least one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ._cli.files import InputFault, read_regular_file
from ._core.enums import SolutionType
from ._core.foreign import array as as_array
from ._core.foreign import items as as_object
from ._core.problems import Problem
from ._core.rules import members as rules
from ._core.rules.members import Where, exact_str
from ._core.sink import Sink, pointer, single
from ._core.spec import Text
from ._core.text import describe_type, mask_uri_secrets, show
from ._core.values import ConferenceData, ConferenceSolution, resolved_solution

__all__ = ["MAX_MANIFEST_BYTES", "Manifest", "ManifestSolution", "validate_manifest_json"]

_SOLUTION_MEMBERS = {
    "id": "id",
    "name": "name",
    "onCreateFunction": "on_create_function",
    "logoUrl": "logo_url",
}
_KNOWN = frozenset(_SOLUTION_MEMBERS)
_TEXTS = {key: Text(key, attribute, nonempty=True) for key, attribute in _SOLUTION_MEMBERS.items()}
_SETTINGS = Text("createSettingsUrlFunction", "create_settings_url_function", nonempty=True)
MAX_MANIFEST_BYTES = 1 << 20
"""The size :meth:`Manifest.load` reads at most unless told otherwise (1 MiB)."""


def _solutions(value: Iterable[ManifestSolution]) -> tuple[ManifestSolution, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # reported as `type` after conversion
    return tuple(value)


def _string(value: str) -> str:
    return exact_str(value) or value


@attrs.frozen(kw_only=True)
class ManifestSolution:
    """One conference solution an add-on offers: its id, display name, create function, logo."""

    id: str = attrs.field(converter=_string)
    """The solution's id: what ``conferenceSolutionId`` names; unique, never changed."""
    name: str = attrs.field(converter=_string)
    """The name users see."""
    on_create_function: str = attrs.field(converter=_string)
    """The Apps Script function Calendar calls to create a conference."""
    logo_url: str = attrs.field(converter=_string, repr=lambda url: repr(mask_uri_secrets(url)))
    """The logo users see."""

    def __attrs_post_init__(self) -> None:
        sink = Sink()
        for key, attribute in _SOLUTION_MEMBERS.items():
            rules.text(sink, getattr(self, attribute), _TEXTS[key], ("",), key)
        sink.raise_errors()


@attrs.frozen(kw_only=True)
class Manifest:
    """The conference solutions of an add-on manifest."""

    solutions: tuple[ManifestSolution, ...] = attrs.field(converter=_solutions)
    """The conference solutions the add-on declares (``addOns.calendar.conferenceSolution``)."""
    create_settings_url_function: str | None = attrs.field(
        default=None, converter=attrs.converters.optional(_string)
    )
    """The function that makes the add-on's settings URL, if any."""

    def __attrs_post_init__(self) -> None:
        sink = Sink()
        if type(self.solutions) is not tuple:
            rules.wrong_type(
                sink, self.solutions, "a sequence of ManifestSolution", "solutions", ("",),
                "conferenceSolution",
            )  # fmt: skip
        elif _some_solution(sink, len(self.solutions), ("",)):
            seen: set[str] = set()
            for index, solution in enumerate(self.solutions):
                if not issubclass(type(solution), ManifestSolution):
                    rules.wrong_type(
                        sink, solution, "a ManifestSolution", "solution", ("",),
                        "conferenceSolution", index,
                    )  # fmt: skip
                else:
                    _unique_id(sink, solution.id, seen, ("", "conferenceSolution", index))
        if self.create_settings_url_function is not None:
            rules.text(sink, self.create_settings_url_function, _SETTINGS, ("",), _SETTINGS.json)
        sink.raise_errors()

    @property
    def solution_ids(self) -> frozenset[str]:
        """The ids of every declared solution."""
        return frozenset(solution.id for solution in self.solutions)

    def solution(self, solution_id: str) -> ManifestSolution | None:
        """The solution with this id, or None."""
        for solution in self.solutions:
            if solution.id == solution_id:
                return solution
        return None

    def owns(self, data: ConferenceData) -> bool:
        """True when ``data`` is a conference of one of this manifest's solutions.

        Data read from Calendar names its solution only by key type and display name, so an
        ``addOn`` solution whose name is a declared solution's name is ours; data that still
        carries a ``conference_solution_id`` is matched by id. Anything but a
        :class:`ConferenceData` raises :class:`ValidationError`.
        """
        _require_data(data)
        if data.conference_solution_id is not None:
            return data.conference_solution_id in self.solution_ids
        solution = data.conference_solution
        return (
            solution is not None
            and solution.key_type is SolutionType.ADD_ON
            and solution.name in {s.name for s in self.solutions}
        )

    def resolve_solution(self, data: ConferenceData) -> ConferenceSolution | None:
        """``data``'s Calendar solution, its missing name and icon taken from this manifest
        (anything but a :class:`ConferenceData` raises :class:`ValidationError`)."""
        _require_data(data)
        return resolved_solution(data, self)

    @classmethod
    def from_json(cls, obj: object) -> Manifest:
        """Read a manifest (``appsscript.json`` or a deployment); raises on any error."""
        sink = Sink()
        found = _walk_manifest(sink, obj)
        sink.raise_errors()
        assert found is not None  # no error, so the walk found the solutions
        solutions, settings = found
        return cls(
            solutions=tuple(ManifestSolution(**solution) for solution in solutions),
            create_settings_url_function=settings,
        )

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, max_bytes: int = MAX_MANIFEST_BYTES) -> Manifest:
        """Read a manifest file of at most ``max_bytes`` bytes (1 MiB by default; manifests
        are a few kilobytes). A path that is not a regular file (a FIFO, a device), a larger
        file, an unreadable one and invalid JSON raise :class:`ValidationError`; so do a
        ``path`` that is not a str or ``os.PathLike`` and a ``max_bytes`` that is not a
        positive int."""
        return cls.from_json(_load_json(path, max_bytes))


def _load_json(path: object, max_bytes: object) -> object:
    """The JSON value of a manifest file, or a :class:`ValidationError` saying why not."""
    if not isinstance(path, (str, os.PathLike)):
        raise single("type", "", f"path must be a str or os.PathLike (got {describe_type(path)})")
    if type(max_bytes) is not int or max_bytes < 1:
        raise single("type", "", f"max_bytes must be a positive int (got {show(max_bytes)})")
    name = os.fspath(path)
    shown = repr(str.__str__(name)) if isinstance(name, str) else show(name)
    try:
        data = read_regular_file(name, max_bytes)
    except InputFault as error:
        raise single("type", "", f"manifest {shown}: {error}") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise single("type", "", f"manifest {shown} could not be read: {reason}") from None
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise single(
            "type", "", f"manifest {shown} is not UTF-8 (byte {error.start}): not JSON text"
        ) from None
    except (ValueError, RecursionError) as error:
        raise single("type", "", f"manifest {shown} is not valid JSON: {error}") from None


def _require_data(data: object) -> None:
    if not issubclass(type(data), ConferenceData):
        raise single("type", "", f"data must be a ConferenceData (got {describe_type(data)})")


def _members(
    sink: Sink, value: object, what: str, parent: Where, name: str | int | None
) -> dict[str, Any] | None:
    """The members, by exact name, of the object ``name`` below ``parent`` (the root when
    None; non-string names reported), or None when it is not an object."""
    here: Where = parent if name is None else (*parent, name)
    members = as_object(value)
    if members is None:
        rules.wrong_type(sink, value, "an object", what, here)
        return None
    found: dict[str, Any] = {}
    for key, item in members:
        text = exact_str(key)
        if text is None:
            rules.unknown_member(sink, key, (), what, here)
        else:
            found[text] = item
    return found


_Found = tuple[list[dict[str, str]], str | None]


def _some_solution(sink: Sink, count: int, at: Where) -> bool:
    """Rule ``required``: an add-on declares at least one conference solution [S6][S7]."""
    if count:
        return True
    rules.required(
        sink,
        "conferenceSolution",
        at,
        "conferenceSolution",
        why=": at least one conference solution",
    )
    return False


def _unique_id(sink: Sink, solution_id: str, seen: set[str], at: Where) -> None:
    """Rule ``duplicate-solution-id``: solution ids are unique within an add-on [S6] (``at``
    is the solution; ``seen`` holds the ids before it and takes this one)."""
    if solution_id in seen and sink.take("duplicate-solution-id"):
        sink.put(
            "duplicate-solution-id",
            pointer(*at, "id"),
            f"conference solution id {show(solution_id)} is declared more than once",
        )
    seen.add(solution_id)


def validate_manifest_json(obj: object) -> list[Problem]:
    """Every problem of the conference solutions in a manifest; never raises."""
    sink = Sink()
    _walk_manifest(sink, obj)
    return sink.finish()


def _walk_manifest(sink: Sink, obj: object) -> _Found | None:
    """Check a manifest; returns its solutions (as keyword arguments) and settings function."""
    at: Where = ("",)
    root = _members(sink, obj, "manifest", at, None)
    if root is None:
        return None
    if "addOns" not in root:
        rules.required(sink, "addOns", at, "addOns")
        return None
    add_ons = _members(sink, root["addOns"], "addOns", at, "addOns")
    if add_ons is None:
        return None
    if "calendar" not in add_ons:
        rules.required(sink, "addOns.calendar", at, "addOns", "calendar")
        return None
    calendar = _members(sink, add_ons["calendar"], "addOns.calendar", ("", "addOns"), "calendar")
    if calendar is None:
        return None
    here: Where = ("", "addOns", "calendar")
    settings = None
    if "createSettingsUrlFunction" in calendar:
        settings = rules.text(
            sink, calendar["createSettingsUrlFunction"], _SETTINGS, here, _SETTINGS.json
        )
    solutions = as_array(calendar.get("conferenceSolution"))
    if "conferenceSolution" in calendar and solutions is None:
        rules.wrong_type(
            sink,
            calendar["conferenceSolution"],
            "an array",
            "conferenceSolution",
            here,
            "conferenceSolution",
        )
        return None
    declared = solutions or ()  # absent: none declared
    if not _some_solution(sink, len(declared), here):
        return None
    found: list[dict[str, str]] = []
    seen: set[str] = set()
    where: Where = (*here, "conferenceSolution")
    for index, item in enumerate(declared):
        solution = _members(sink, item, "conference solution", where, index)
        if solution is None:
            continue
        fields: dict[str, str] = {}
        for key in solution:
            if key not in _KNOWN:
                rules.unknown_member(sink, key, _KNOWN, "conference solution", (*where, index))
        for key, attribute in _SOLUTION_MEMBERS.items():
            if key not in solution:
                rules.required(sink, key, (*where, index), key)
                continue
            text = rules.text(sink, solution[key], _TEXTS[key], (*where, index), key)
            if text is None:
                continue
            fields[attribute] = text
            if key == "id":
                _unique_id(sink, text, seen, (*where, index))
        found.append(fields)
    return found, settings
