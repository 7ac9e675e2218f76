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

from . import model
from ._checks import check_members, check_required, check_string, report, require_instance
from ._enums import SolutionType
from ._files import InputFault, read_regular_file
from ._guard import collect
from ._problems import Problem, ValidationError
from ._sink import single
from ._text import describe_type, show

__all__ = ["MAX_MANIFEST_BYTES", "Manifest", "ManifestSolution", "validate_manifest_json"]

_MISSING: Any = object()
_SOLUTION_MEMBERS = {
    "id": "id",
    "name": "name",
    "onCreateFunction": "on_create_function",
    "logoUrl": "logo_url",
}
_KNOWN = frozenset(_SOLUTION_MEMBERS)
_NO_LIMIT = 1 << 62
MAX_MANIFEST_BYTES = 1 << 20
"""The size :meth:`Manifest.load` reads at most unless told otherwise (1 MiB)."""


def _solutions(value: Iterable[ManifestSolution]) -> tuple[ManifestSolution, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # reported as `type` after conversion
    return tuple(value)


@attrs.frozen
class ManifestSolution:
    """One conference solution an add-on offers: its id, display name, create function, logo."""

    id: str
    name: str
    on_create_function: str
    logo_url: str

    def __attrs_post_init__(self) -> None:
        out: list[Problem] = []
        for key, attribute in _SOLUTION_MEMBERS.items():
            check_string(out, getattr(self, attribute), f"/{key}", key, _NO_LIMIT, nonempty=True)
        if out:
            raise ValidationError(out)


@attrs.frozen
class Manifest:
    """The conference solutions of an add-on manifest."""

    solutions: tuple[ManifestSolution, ...] = attrs.field(converter=_solutions)
    create_settings_url_function: str | None = None

    def __attrs_post_init__(self) -> None:
        out: list[Problem] = []
        if not isinstance(self.solutions, tuple):
            report(
                out,
                "type",
                "/conferenceSolution",
                "solutions must be a sequence of "
                f"ManifestSolution (got {describe_type(self.solutions)})",
            )
        else:
            for index, solution in enumerate(self.solutions):
                if not isinstance(solution, ManifestSolution):
                    report(
                        out,
                        "type",
                        f"/conferenceSolution/{index}",
                        f"solution must be a ManifestSolution (got {describe_type(solution)})",
                    )
        if self.create_settings_url_function is not None:
            check_string(
                out,
                self.create_settings_url_function,
                "/createSettingsUrlFunction",
                "createSettingsUrlFunction",
                _NO_LIMIT,
                nonempty=True,
            )
        if out:
            raise ValidationError(out)

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

    def owns(self, data: model.ConferenceData) -> bool:
        """True when ``data`` is a conference of one of this manifest's solutions.

        Data read from Calendar names its solution only by key type and display name, so an
        ``addOn`` solution whose name is a declared solution's name is ours; data that still
        carries a ``conference_solution_id`` is matched by id. Anything but a
        :class:`ConferenceData` raises :class:`ValidationError`.
        """
        require_instance(data, model.ConferenceData, "", "data")
        if data.conference_solution_id is not None:
            return data.conference_solution_id in self.solution_ids
        solution = data.conference_solution
        return (
            solution is not None
            and solution.key_type is SolutionType.ADD_ON
            and solution.name in {s.name for s in self.solutions}
        )

    def resolve_solution(self, data: model.ConferenceData) -> model.ConferenceSolution | None:
        """``data``'s Calendar solution, its missing name and icon taken from this manifest
        (anything but a :class:`ConferenceData` raises :class:`ValidationError`)."""
        require_instance(data, model.ConferenceData, "", "data")
        current = data.conference_solution
        declared = (
            self.solution(data.conference_solution_id)
            if data.conference_solution_id is not None
            else None
        )
        if declared is None or data.error is not None:
            return current
        if current is None:
            current = model.ConferenceSolution(SolutionType.ADD_ON)
        return model._unchecked(
            model.ConferenceSolution,
            key_type=current.key_type,
            name=current.name if current.name is not None else declared.name,
            icon_uri=current.icon_uri if current.icon_uri is not None else declared.logo_url,
        )

    @classmethod
    def from_json(cls, obj: object) -> Manifest:
        """Read a manifest (``appsscript.json`` or a deployment); raises on any error."""
        problems = validate_manifest_json(obj)
        if any(p.is_error for p in problems):
            raise ValidationError(problems)
        assert isinstance(obj, dict)
        calendar = obj["addOns"]["calendar"]
        return cls(
            tuple(
                ManifestSolution(**{attr: item[key] for key, attr in _SOLUTION_MEMBERS.items()})
                for item in calendar["conferenceSolution"]
            ),
            calendar.get("createSettingsUrlFunction"),
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


def _mapping(out: list[Problem], value: object, path: str, name: str) -> Mapping[Any, Any] | None:
    if isinstance(value, dict):
        return value
    report(out, "type", path, f"{name} must be an object (got {describe_type(value)})")
    return None


def _required_object(
    out: list[Problem], parent: Mapping[Any, Any], key: str, path: str, name: str
) -> Mapping[Any, Any] | None:
    value = parent.get(key, _MISSING)
    if value is _MISSING:
        check_required(out, path, name)
        return None
    return _mapping(out, value, path, name)


def validate_manifest_json(obj: object) -> list[Problem]:
    """Every problem of the conference solutions in a manifest; never raises."""
    return collect(lambda sink: _walk_manifest(sink, obj), obj)


def _walk_manifest(out: list[Problem], obj: object) -> None:
    root = _mapping(out, obj, "", "manifest")
    if root is None:
        return
    add_ons = _required_object(out, root, "addOns", "/addOns", "addOns")
    if add_ons is None:
        return
    calendar = _required_object(out, add_ons, "calendar", "/addOns/calendar", "addOns.calendar")
    if calendar is None:
        return
    if "createSettingsUrlFunction" in calendar:
        check_string(
            out,
            calendar["createSettingsUrlFunction"],
            "/addOns/calendar/createSettingsUrlFunction",
            "createSettingsUrlFunction",
            _NO_LIMIT,
            nonempty=True,
        )
    path = "/addOns/calendar/conferenceSolution"
    solutions = calendar.get("conferenceSolution", _MISSING)
    if solutions is _MISSING or solutions == []:
        check_required(out, path, "conferenceSolution", ": at least one conference solution")
        return
    if not isinstance(solutions, list):
        report(
            out,
            "type",
            path,
            f"conferenceSolution must be an array (got {describe_type(solutions)})",
        )
        return
    seen: set[str] = set()
    for index, item in enumerate(solutions):
        item_path = f"{path}/{index}"
        solution = _mapping(out, item, item_path, "conference solution")
        if solution is None:
            continue
        check_members(out, solution, _KNOWN, item_path, "conference solution")  # type: ignore[arg-type]
        for key in _SOLUTION_MEMBERS:
            value = solution.get(key, _MISSING)
            if value is _MISSING:
                check_required(out, f"{item_path}/{key}", key)
                continue
            text = check_string(out, value, f"{item_path}/{key}", key, _NO_LIMIT, nonempty=True)
            if text is not None and key == "id":
                value = text
                if value in seen:
                    report(
                        out,
                        "duplicate-solution-id",
                        f"{item_path}/id",
                        f"conference solution id {show(value)} is declared more than once",
                    )
                seen.add(value)
