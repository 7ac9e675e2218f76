"""How the core asks an add-on manifest what it declares, without importing it.

:class:`confdata.Manifest` lives in an edge module (it reads files and knows values); the
validators and values take any object that answers the two questions of :class:`Solutions`.
"""

from __future__ import annotations

from typing import Protocol

from .sink import single
from .text import describe_type

__all__ = ["DeclaredSolution", "Solutions", "solution_ids_of"]


class DeclaredSolution(Protocol):
    """A conference solution a manifest declares: what the Calendar form shows of it."""

    @property
    def name(self) -> str: ...

    @property
    def logo_url(self) -> str: ...


class Solutions(Protocol):
    """What the core needs of a manifest: :class:`confdata.Manifest` is one."""

    @property
    def solution_ids(self) -> frozenset[str]: ...

    def solution(self, solution_id: str) -> DeclaredSolution | None: ...


def solution_ids_of(manifest: object) -> frozenset[str] | None:
    """The solution ids ``manifest`` declares (None without one); anything that is not a
    manifest raises :class:`~confdata.ValidationError`."""
    if manifest is None:
        return None
    try:
        ids = manifest.solution_ids  # type: ignore[attr-defined]
    except Exception:  # an object of the caller's that is no manifest, raising from inside
        ids = None
    if type(ids) is not frozenset or not all(type(i) is str for i in ids):
        raise single(
            "type", "", f"manifest must be a confdata.Manifest (got {describe_type(manifest)})"
        )
    return ids
