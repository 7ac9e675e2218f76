"""Hypothesis strategies for valid conference data, as built values and as JSON."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._checks import (
    LIMIT_CONFERENCE_ID,
    LIMIT_LABEL,
    LIMIT_NOTES,
    LIMIT_PARAMETER_KEY,
    LIMIT_PARAMETER_VALUE,
    LIMIT_SECRET,
    LIMIT_SOLUTION_ID,
    MAX_ITEMS,
)
from .._enums import ConferenceErrorType, EntryPointFeature, EntryPointType
from .._regions import ASSIGNED_REGION_CODES
from .._text import utf16_len
from ..model import ConferenceData, ConferenceError, ConferenceParameter, EntryPoint

__all__ = [
    "addon_json",
    "calendar_json",
    "conference_data",
    "conference_errors",
    "entry_points",
    "limited_text",
]

ALL_KINDS = tuple(EntryPointType)


_LIMIT_CHARACTERS = ("x", "é", "中", "\U0001f600")


def _check_int(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidArgument(f"{name} must be an int from {low} to {high} (got {value!r})")


def _fit(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-16 code units, in one pass."""
    if utf16_len(text) <= limit:
        return text
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text  # pragma: no cover - utf16_len said it was too long


def limited_text(limit: int, *, min_size: int = 0) -> st.SearchStrategy[str]:
    """Text of at most ``limit`` UTF-16 code units (Google's unit), often exactly at it.

    Mixes short text, text exactly at the limit (ASCII, accented, CJK, or emoji counting two
    units each), and arbitrary text (non-ASCII, astral characters) cut to fit.
    """
    _check_int("limit", limit, 1, 1 << 30)
    _check_int("min_size", min_size, 0, limit)
    at_limit = st.sampled_from(_LIMIT_CHARACTERS).map(lambda char: char * limit)
    return (
        st.one_of(
            st.text(min_size=min_size, max_size=min(limit, 40)),
            at_limit,
            st.text(min_size=max(min_size, 1), max_size=limit),
        )
        .map(lambda s: _fit(s, limit))
        .filter(lambda s: len(s) >= min_size)
    )


_LOWER = st.characters(min_codepoint=ord("a"), max_codepoint=ord("z"))
_hosts = st.builds(
    "{}.{}".format,
    st.text(_LOWER, min_size=1, max_size=20),
    st.sampled_from(["example", "example.com", "test", "invalid"]),
)
_paths = st.text(
    st.characters(min_codepoint=ord("0"), max_codepoint=ord("z"), exclude_characters="\\`^"),
    max_size=40,
)
http_uris = st.builds(
    "{}://{}/{}".format, st.sampled_from(["https", "http", "HTTPS"]), _hosts, _paths
)
_digits = st.text(
    st.characters(min_codepoint=ord("0"), max_codepoint=ord("9")), min_size=4, max_size=15
)
phone_uris = st.builds("tel:+{}{}".format, _digits, st.sampled_from(["", ",,123#", ";ext=1"]))
sip_uris = st.builds("sip:{}@{}".format, st.text(_LOWER, min_size=1, max_size=20), _hosts)
_optional_secret = st.none() | limited_text(LIMIT_SECRET)
_optional_label = st.none() | limited_text(LIMIT_LABEL)
_feature_sets = st.sampled_from([(), (EntryPointFeature.TOLL,), (EntryPointFeature.TOLL_FREE,)])
_URIS = {
    EntryPointType.VIDEO: http_uris,
    EntryPointType.MORE: http_uris,
    EntryPointType.PHONE: phone_uris,
    EntryPointType.SIP: sip_uris,
}


def _make_entry_point(kind: EntryPointType) -> st.SearchStrategy[EntryPoint]:
    phone = kind is EntryPointType.PHONE
    return st.builds(
        EntryPoint,
        type=st.just(kind),
        uri=_URIS[kind],
        label=st.none() if kind is EntryPointType.MORE else _optional_label,
        pin=_optional_secret,
        access_code=_optional_secret,
        meeting_code=_optional_secret,
        passcode=_optional_secret,
        password=_optional_secret,
        region_code=(st.none() | st.sampled_from(sorted(ASSIGNED_REGION_CODES)))
        if phone
        else st.none(),
        features=_feature_sets if phone else st.just(()),
    )


# Built once: creating strategies inside draws makes Hypothesis validate them every time.
_ENTRY_POINTS = {kind: _make_entry_point(kind) for kind in EntryPointType}
_entry_point = _ENTRY_POINTS.__getitem__


def _check_kinds(kinds: Collection[EntryPointType]) -> tuple[EntryPointType, ...]:
    if isinstance(kinds, (str, bytes)) or not isinstance(kinds, Collection):
        raise InvalidArgument(f"kinds must be a collection of EntryPointType (got {kinds!r})")
    chosen = tuple(kinds)
    for kind in chosen:
        if not isinstance(kind, EntryPointType):
            raise InvalidArgument(f"kinds must hold EntryPointType members (got {kind!r})")
    if not chosen:
        raise InvalidArgument("kinds must name at least one EntryPointType")
    return chosen


def entry_points(*, kinds: Collection[EntryPointType] = ALL_KINDS) -> st.SearchStrategy[EntryPoint]:
    """Valid entry points of the given kinds (all four by default)."""
    return st.sampled_from(_check_kinds(kinds)).flatmap(_entry_point)


@st.composite
def _entry_point_sets(
    draw: st.DrawFn, kinds: tuple[EntryPointType, ...], max_phones: int
) -> tuple[EntryPoint, ...]:
    chosen: list[EntryPoint] = []
    for kind in (EntryPointType.VIDEO, EntryPointType.SIP):
        if kind in kinds and draw(st.booleans()):
            chosen.append(draw(_entry_point(kind)))
    if EntryPointType.PHONE in kinds:
        chosen.extend(draw(st.lists(_entry_point(EntryPointType.PHONE), max_size=max_phones)))
    if not chosen:  # at least one entry point that is not `more`
        kind = draw(st.sampled_from([k for k in kinds if k is not EntryPointType.MORE]))
        chosen.append(draw(_entry_point(kind)))
    if EntryPointType.MORE in kinds and draw(st.booleans()):
        chosen.append(draw(_entry_point(EntryPointType.MORE)))
    return tuple(draw(st.permutations(chosen)))


def conference_errors(
    *, types: Collection[ConferenceErrorType] = tuple(ConferenceErrorType)
) -> st.SearchStrategy[ConferenceError]:
    """Valid conference errors; AUTHENTICATION ones carry an authentication URL."""
    given: object = types  # typed loosely: callers may pass anything
    chosen = tuple(given) if isinstance(given, Collection) else ()
    if not chosen or not all(isinstance(t, ConferenceErrorType) for t in chosen):
        raise InvalidArgument(f"types must hold ConferenceErrorType members (got {types!r})")
    return st.sampled_from(chosen).flatmap(
        lambda kind: st.builds(
            ConferenceError,
            type=st.just(kind),
            authentication_url=http_uris
            if kind is ConferenceErrorType.AUTHENTICATION
            else st.none(),
        )
    )


def _parameters(max_size: int) -> st.SearchStrategy[tuple[ConferenceParameter, ...]]:
    keys = st.lists(limited_text(LIMIT_PARAMETER_KEY, min_size=1), unique=True, max_size=max_size)
    return keys.flatmap(
        lambda chosen: st.tuples(
            *(
                st.builds(ConferenceParameter, st.just(key), limited_text(LIMIT_PARAMETER_VALUE))
                for key in chosen
            )
        )
    )


def conference_data(
    *,
    kinds: Collection[EntryPointType] = ALL_KINDS,
    max_phones: int = 2,
    parameters: bool = True,
    max_parameters: int = 5,
    notes: bool = True,
    errors: bool = False,
    solution_ids: bool = True,
) -> st.SearchStrategy[ConferenceData]:
    """Valid :class:`ConferenceData` values.

    ``kinds`` limits the entry point types used; ``max_phones`` above 2 makes data that
    Calendar only partly shows (warning ``phone-not-shown``); ``errors=True`` mixes in error
    results; ``solution_ids=False`` leaves out ``conference_solution_id``, which only the
    add-on form carries.
    """
    chosen = _check_kinds(kinds)
    if all(kind is EntryPointType.MORE for kind in chosen):
        raise InvalidArgument("kinds must include a type other than MORE (more-only is invalid)")
    _check_int("max_phones", max_phones, 0, MAX_ITEMS - 2)
    _check_int("max_parameters", max_parameters, 0, MAX_ITEMS)
    success = st.builds(
        ConferenceData,
        conference_id=limited_text(LIMIT_CONFERENCE_ID, min_size=1),
        entry_points=_entry_point_sets(chosen, max_phones),
        parameters=_parameters(max_parameters) if parameters else st.just(()),
        notes=(st.none() | limited_text(LIMIT_NOTES)) if notes else st.none(),
        conference_solution_id=(st.none() | limited_text(LIMIT_SOLUTION_ID, min_size=1))
        if solution_ids
        else st.none(),
    )
    if not errors:
        return success
    failure = st.builds(
        ConferenceData,
        error=conference_errors(),
        conference_solution_id=(st.none() | limited_text(LIMIT_SOLUTION_ID, min_size=1))
        if solution_ids
        else st.none(),
    )
    return success | failure


def calendar_json(**kwargs: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Valid Calendar form payloads; keyword arguments as for :func:`conference_data`."""
    kwargs.setdefault("solution_ids", False)
    return conference_data(**kwargs).map(lambda data: dict(data.to_calendar_json()))


def addon_json(**kwargs: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Valid add-on form payloads; keyword arguments as for :func:`conference_data`.

    Successes always name their conference solution, so they carry no warning.
    """
    kwargs.setdefault("solution_ids", True)
    return (
        conference_data(**kwargs)
        .filter(lambda data: data.is_error or data.conference_solution_id is not None)
        .map(lambda data: dict(data.to_addon_json()))
    )
