"""The guards of the generated passes: for each rule, a condition under which the rule is sure
to stay silent, so the pass may skip calling it.

A guard never makes, changes or orders a problem: it only lets the common, valid case pass
without a Python call. Each is a *sufficient* condition, proved in the test suite
(``tests/test_guards.py``): exhaustively over the finite domains (entry point types, features,
solution types, statuses) and with Hypothesis over strings, guard true implies the rule
reports nothing (and returns what the pass assumes). A rule without a guard here is simply
always called: a new rule works from the day it is added, and gets fast when someone writes
its guard.

A guard is a template over the rule's arguments (``{name}`` placeholders) and the constants
of :data:`ENV`; :func:`render` fills in the pass's own expressions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..enums import ConferenceErrorType, EntryPointType, RequestStatus, SolutionType
from ..regions import ASSIGNED_REGION_CODES
from ..spec import DEPRECATED_SOLUTIONS, MAX_ITEMS, SHOWN_PHONES, Text

__all__ = ["ENV", "GUARDS", "Guard", "render", "text_guard"]

# URIs no rule has anything to say about, by entry point type: printable ASCII without
# spaces (so no bad character), the type's scheme in lower case, and for http(s) a plain
# host without a port. Anchored and possessive: linear on any input.
_WEB = re.compile(r"https?://[A-Za-z0-9.\-]++(?:[/?#][!-~]*+)?\Z")
_TEL = re.compile(r"tel:(?=[^0-9]*+[0-9])[!-~]*+\Z")
_SIP = re.compile(r"sip:[!-~]++\Z")


def _no_match(_: str) -> None:
    return None


ENV: Mapping[str, Any] = MappingProxyType(
    {
        "VIDEO": EntryPointType.VIDEO,
        "PHONE": EntryPointType.PHONE,
        "SIP": EntryPointType.SIP,
        "MORE": EntryPointType.MORE,
        "ADD_ON": SolutionType.ADD_ON,
        "AUTHENTICATION": ConferenceErrorType.AUTHENTICATION,
        "PENDING": RequestStatus.PENDING,
        "REGIONS": ASSIGNED_REGION_CODES,
        "DEPRECATED": DEPRECATED_SOLUTIONS,
        "MAX_ITEMS": MAX_ITEMS,
        "SHOWN_PHONES": SHOWN_PHONES,
        "URI_OK": MappingProxyType(
            {
                EntryPointType.VIDEO: _WEB.match,
                EntryPointType.MORE: _WEB.match,
                EntryPointType.PHONE: _TEL.match,
                EntryPointType.SIP: _SIP.match,
            }
        ),
        "NO_MATCH": _no_match,
        "WEB": _WEB.match,
    }
)
"""The constants guards refer to."""


@attrs.frozen
class Guard:
    """A condition under which ``rule`` reports nothing: ``template`` over the rule's
    arguments named in ``params``."""

    rule: str
    params: tuple[str, ...]
    template: str

    def render(self, **names: str) -> str:
        """The condition with each parameter replaced by the pass's expression for it."""
        return "(" + self.template.format(**{p: names[p] for p in self.params}) + ")"


def text_guard(spec: Text) -> Guard:
    """The guard of rule ``text`` (``type``, ``empty``, ``max-length``) for ``spec``: an exact
    ``str``, not empty where it must not be, within the limit (ASCII: one character is one
    UTF-16 code unit)."""
    parts = ["type({value}) is str"]
    if spec.nonempty:
        parts.append("{value}")
    if spec.limit is not None:
        parts.append(f"len({{value}}) <= {spec.limit}")
        parts.append("{value}.isascii()")
    return Guard("text", ("value",), " and ".join(parts))


GUARDS: Mapping[str, Guard] = MappingProxyType(
    {
        guard.rule: guard
        for guard in (
            Guard(
                "entry_point",
                ("kind", "uri_value", "label", "region_code", "found_features"),
                "({uri_value} is None or URI_OK.get({kind}, NO_MATCH)({uri_value}) is not None"
                " and ({kind} is not PHONE or {region_code} is not None"
                ' or {uri_value}.startswith("tel:+")))'
                " and ({region_code} is None"
                " or ({kind} is PHONE or {kind} is None) and {region_code} in REGIONS)"
                " and (not {found_features}"
                " or ({kind} is PHONE or {kind} is None) and len({found_features}) == 1)"
                " and ({label} is None or {kind} is not MORE)",
            ),
            Guard(
                "entry_point_set",
                ("kinds",),
                "len({kinds}) <= MAX_ITEMS and {kinds}.count(VIDEO) <= 1"
                " and {kinds}.count(SIP) <= 1 and {kinds}.count(MORE) <= 1"
                " and {kinds}.count(PHONE) <= SHOWN_PHONES"
                " and {kinds}.count(MORE) < len({kinds})",
            ),
            Guard(
                "parameter_set",
                ("keys",),
                "len({keys}) <= MAX_ITEMS and len(set({keys})) == len({keys})",
            ),
            Guard("solution_type", ("kind",), "{kind} not in DEPRECATED"),
            Guard("solution_id", ("value", "known"), "{value} in {known}"),
            Guard(
                "calendar_result",
                (
                    "has_solution",
                    "has_request",
                    "entry_points",
                    "solution_kind",
                    "has_conference_id",
                ),
                "({has_request} or {entry_points} is None"
                " or {entry_points} > 0 and {has_solution})"
                " and ({has_conference_id} or {solution_kind} is not ADD_ON)",
            ),
            Guard(
                "addon_result",
                (
                    "has_error",
                    "ignored",
                    "has_conference_id",
                    "entry_points",
                    "has_solution_id",
                ),
                "not {has_error} and {has_conference_id} and {entry_points} != 0"
                " and {has_solution_id}",
            ),
            Guard(
                "model_result",
                (
                    "has_error",
                    "has_request",
                    "has_solution",
                    "solution_kind",
                    "has_conference_id",
                    "entry_points",
                    "ignored",
                ),
                "not {has_error} and {has_solution} and {has_conference_id} and {entry_points}",
            ),
        )
    }
)
"""The guard of each rule that has one, by the rule's name."""


def render(rule: str, **names: str) -> str | None:
    """The guard of ``rule`` over the pass's expressions, or None when it has none."""
    guard = GUARDS.get(rule)
    return None if guard is None else guard.render(**names)
