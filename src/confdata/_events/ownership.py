"""Which conferences are yours: the ``is_ours`` predicates of :mod:`confdata.sync`.

What an add-on writes is what identifies its conferences later. Calendar stores an add-on's
conference with the solution key type ``addOn`` and the parameters the add-on returned
(``conferenceData.parameters.addOnParameters.parameters``, "key/value pairs passed to and
from the provider's system" [S9]); the add-on form carries the manifest's
``conferenceSolutionId`` [S16]. The solution's display name is Calendar's copy of the
manifest's ``name``: the add-on form does not carry it, and it may change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .._core.arguments import Arguments
from .._core.enums import SolutionType
from .._core.foreign import array, exact_str
from .._core.text import describe_type
from .._core.values import ConferenceData

__all__ = ["IsOurs", "ours", "solution_named"]

IsOurs = Callable[[ConferenceData], bool]
"""A predicate that says whether a conference belongs to this add-on."""


def _add_on(data: ConferenceData) -> bool:
    solution = data.conference_solution
    return solution is not None and solution.key_type is SolutionType.ADD_ON


def _ids(check: Arguments, value: object) -> frozenset[str]:
    """The solution IDs: strings, from a list, tuple, set or frozenset (a manifest's
    ``solution_ids``), read without running the caller's code."""
    if type(value) is frozenset or type(value) is set:
        found: Iterable[object] = tuple(value)
    else:
        listed = array(value)
        if listed is None:
            got = describe_type(value)
            check.fail("solution_ids", f"solution_ids must be a collection of strings (got {got})")
            return frozenset()
        found = listed
    ids: set[str] = set()
    for item in found:
        text = exact_str(item)
        if text is None or not text:
            check.fail("solution_ids", "solution_ids must hold non-empty strings only")
            return frozenset()
        ids.add(text)
    return frozenset(ids)


def ours(
    *,
    parameter: str | None = None,
    value: str | None = None,
    solution_ids: Iterable[str] = (),
) -> IsOurs:
    """``is_ours`` by what your add-on writes: an ``addOn`` conference that carries the
    conference parameter ``parameter`` (with ``value``, when given), or whose
    ``conferenceSolutionId`` is one of ``solution_ids`` (the manifest's IDs, e.g.
    ``manifest.solution_ids``; only the add-on form carries it).

    Give ``parameter`` a key every conference of yours carries: your system's meeting ID, or
    a fixed marker such as ``parameter="provider", value="acme"``. Wrong arguments, or
    neither ``parameter`` nor ``solution_ids``, raise :class:`~confdata.ValidationError`.
    """
    check = Arguments()
    key = check.optional_text("parameter", parameter)
    wanted = check.optional_text("value", value, empty=True)
    ids = _ids(check, solution_ids)
    if key is None and not ids and value is None:
        check.fail(
            "parameter",
            "say what your add-on writes: a parameter (with its value, if fixed) or the "
            "manifest's solution_ids",
        )
    elif key is None and value is not None:
        check.fail("value", "value needs the parameter it is the value of")
    check.done()

    def is_ours(data: ConferenceData) -> bool:
        if not _add_on(data):
            return False
        if ids and data.conference_solution_id in ids:
            return True
        return key is not None and any(
            p.key == key and (wanted is None or p.value == wanted) for p in data.parameters
        )

    return is_ours


def solution_named(name: str) -> IsOurs:
    """Conferences whose solution key is ``addOn`` and whose display name is ``name`` (a
    non-empty string; anything else raises :class:`~confdata.ValidationError`).

    Only data read from Calendar carries the name; prefer :func:`ours`, which matches what
    the add-on itself writes.
    """
    check = Arguments()
    wanted = check.text("name", name)
    check.done()

    def is_ours(data: ConferenceData) -> bool:
        solution = data.conference_solution
        return _add_on(data) and solution is not None and solution.name == wanted

    return is_ours
