"""Strategies for invalid payloads that break exactly the requested rules.

Each example is a valid skeleton (a video, a phone, a SIP and a more entry point, one
parameter, notes) with one "breaker" per requested code applied (see
:mod:`confdata.testing._breakers`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ._breakers import (
    ADDON_BREAKERS,
    ADDON_FORM,
    CALENDAR_BREAKERS,
    CALENDAR_FORM,
    Breaker,
    Form,
    skeleton,
)

__all__ = [
    "ADDON_BREAKERS",
    "CALENDAR_BREAKERS",
    "InvalidExample",
    "invalid_addon_json",
    "invalid_calendar_json",
]


class InvalidExample(NamedTuple):
    """A payload and the problems, as ``(code, path)`` pairs, the validator must report."""

    payload: dict[str, Any]
    expected: tuple[tuple[str, str], ...]

    def __repr__(self) -> str:
        # The payload may hold secrets (a generated pin, a passcode): show its shape only.
        return f"InvalidExample(payload=<{len(self.payload)} members>, expected={self.expected!r})"

    @property
    def codes(self) -> frozenset[str]:
        """The distinct codes of the expected problems."""
        return frozenset(code for code, _ in self.expected)


def _invalid(
    form: Form,
    breakers: Mapping[str, Breaker],
    codes: Iterable[str] | None,
    name: str,
) -> st.SearchStrategy[InvalidExample]:
    # Made when first used, as Hypothesis' own strategies check their arguments.
    return st.deferred(lambda: _make_invalid(form, breakers, codes, name))


def _make_invalid(
    form: Form,
    breakers: Mapping[str, Breaker],
    codes: Iterable[str] | None,
    name: str,
) -> st.SearchStrategy[InvalidExample]:
    if codes is None:
        chosen = None
    else:
        if isinstance(codes, str):
            raise InvalidArgument(
                f"codes must be a collection of rule codes, not the string {codes!r}"
            )
        given: object = codes  # typed loosely: callers may pass anything
        listed = tuple(given) if isinstance(given, Iterable) else None
        if listed is None or not all(isinstance(code, str) for code in listed):
            raise InvalidArgument(f"codes must be a collection of rule codes (got {codes!r})")
        chosen = tuple(dict.fromkeys(listed))
        unknown = [code for code in chosen if code not in breakers]
        if unknown or not chosen:
            raise InvalidArgument(
                f"{name} can break {', '.join(sorted(breakers))}; not {unknown or 'nothing'}"
            )
        used: set[str] = set()
        for code in chosen:
            slots = breakers[code][0]
            if used & slots:
                raise InvalidArgument(
                    f"{code!r} cannot be combined with the other codes asked for: they break "
                    f"the same part of the payload ({', '.join(sorted(used & slots))})"
                )
            used |= slots

    @st.composite
    def build(draw: st.DrawFn) -> InvalidExample:
        codes_now = chosen
        if codes_now is None:
            picked: list[str] = []
            used_now: set[str] = set()
            for code in draw(st.permutations(sorted(breakers)))[: draw(st.integers(1, 4))]:
                if not used_now & breakers[code][0]:
                    picked.append(code)
                    used_now |= breakers[code][0]
            codes_now = tuple(picked)
        payload = draw(skeleton(form))
        expected: list[tuple[str, str]] = []
        for code in codes_now:
            expected.extend(breakers[code][1](draw, payload))
        return InvalidExample(payload, tuple(expected))

    return build()


def invalid_calendar_json(
    *, codes: Iterable[str] | None = None
) -> st.SearchStrategy[InvalidExample]:
    """Calendar payloads breaking exactly ``codes`` (a random compatible set by default),
    each paired with the ``(code, path)`` problems ``validate_calendar_json`` must report."""
    return _invalid(CALENDAR_FORM, CALENDAR_BREAKERS, codes, "invalid_calendar_json")


def invalid_addon_json(*, codes: Iterable[str] | None = None) -> st.SearchStrategy[InvalidExample]:
    """Add-on payloads breaking exactly ``codes`` (a random compatible set by default),
    each paired with the ``(code, path)`` problems ``validate_addon_json`` must report."""
    return _invalid(ADDON_FORM, ADDON_BREAKERS, codes, "invalid_addon_json")
