"""Hypothesis strategies for valid conference data, as built values and as JSON."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._core import spec as _spec
from .._core.enums import ConferenceErrorType, EntryPointFeature, EntryPointType
from .._core.regions import ASSIGNED_REGION_CODES
from .._core.spec import CALENDAR, MAX_ITEMS
from .._core.text import utf16_len
from .._core.values import ConferenceData, ConferenceError, ConferenceParameter, EntryPoint

__all__ = [
    "addon_json",
    "calendar_json",
    "conference_data",
    "conference_errors",
    "entry_points",
    "limited_text",
]

ALL_KINDS = _spec.ENTRY_POINT_TYPES
_T = TypeVar("_T")


def _lazy(make: Callable[[], st.SearchStrategy[_T]]) -> st.SearchStrategy[_T]:
    """A strategy made, and its arguments checked, when first used (as Hypothesis' own
    strategies do), so a bad argument fails the test that uses it, not its collection."""
    return st.deferred(make)


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


def limit_of(spec: _spec.Text) -> int:
    """The limit of a member that has one."""
    assert spec.limit is not None, spec
    return spec.limit


def limited_text(limit: int, *, min_size: int = 0) -> st.SearchStrategy[str]:
    """Text of at most ``limit`` UTF-16 code units (Google's unit), often exactly at it.

    Mixes short text, text exactly at the limit (ASCII, accented, CJK, or emoji counting two
    units each), and arbitrary text (non-ASCII, astral characters) cut to fit.
    """

    def make() -> st.SearchStrategy[str]:
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

    return _lazy(make)


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
_optional_secret = st.none() | limited_text(limit_of(_spec.PIN))
_optional_label = st.none() | limited_text(limit_of(_spec.LABEL))
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
_ENTRY_POINTS = {kind: _make_entry_point(kind) for kind in _spec.ENTRY_POINT_TYPES}
_entry_point = _ENTRY_POINTS.__getitem__


_E = TypeVar("_E", EntryPointType, ConferenceErrorType)


def _members(
    name: str, given: object, cls: type[_E], spellings: Mapping[str, _E]
) -> tuple[_E, ...]:
    """The enum members ``given`` names: members or their string values, at least one."""
    if isinstance(given, (str, bytes)) or not isinstance(given, Collection):
        raise InvalidArgument(
            f"{name} must be a collection of {cls.__name__} members or their values (got {given!r})"
        )
    chosen = []
    for item in given:
        found = (
            item
            if isinstance(item, cls)
            else spellings.get(item)
            if isinstance(item, str)
            else None
        )
        if found is None:
            allowed = ", ".join(repr(s) for s in spellings)
            raise InvalidArgument(
                f"{name} must hold {cls.__name__} members or their values {allowed} (got {item!r})"
            )
        chosen.append(found)
    if not chosen:
        raise InvalidArgument(f"{name} must name at least one {cls.__name__}")
    return tuple(dict.fromkeys(chosen))


def _check_kinds(kinds: Collection[EntryPointType | str]) -> tuple[EntryPointType, ...]:
    return _members("kinds", kinds, EntryPointType, CALENDAR.types)


def entry_points(
    *, kinds: Collection[EntryPointType | str] = ALL_KINDS
) -> st.SearchStrategy[EntryPoint]:
    """Valid entry points of the given kinds (all four by default; members or their values
    such as ``"video"``)."""
    return _lazy(lambda: st.sampled_from(_check_kinds(kinds)).flatmap(_entry_point))


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
    *, types: Collection[ConferenceErrorType | str] = tuple(ConferenceErrorType)
) -> st.SearchStrategy[ConferenceError]:
    """Valid conference errors of the given types (members or their values); AUTHENTICATION
    ones carry an authentication URL."""

    def make() -> st.SearchStrategy[ConferenceError]:
        chosen = _members("types", types, ConferenceErrorType, _spec.ERROR_TYPES)
        return st.sampled_from(chosen).flatmap(
            lambda kind: st.builds(
                ConferenceError,
                type=st.just(kind),
                authentication_url=http_uris
                if kind is ConferenceErrorType.AUTHENTICATION
                else st.none(),
            )
        )

    return _lazy(make)


def _parameters(max_size: int) -> st.SearchStrategy[tuple[ConferenceParameter, ...]]:
    keys = st.lists(
        limited_text(limit_of(_spec.PARAMETER_KEY), min_size=1), unique=True, max_size=max_size
    )
    values = limited_text(limit_of(_spec.PARAMETER_VALUE))
    return keys.flatmap(
        lambda chosen: st.tuples(
            *(st.builds(ConferenceParameter, key=st.just(key), value=values) for key in chosen)
        )
    )


def conference_data(
    *,
    kinds: Collection[EntryPointType | str] = ALL_KINDS,
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

    def make() -> st.SearchStrategy[ConferenceData]:
        chosen = _check_kinds(kinds)
        if all(kind is EntryPointType.MORE for kind in chosen):
            raise InvalidArgument(
                "kinds must include a type other than MORE (more-only is invalid)"
            )
        _check_int("max_phones", max_phones, 0, MAX_ITEMS - 2)
        _check_int("max_parameters", max_parameters, 0, MAX_ITEMS)
        solution_id = (
            st.none() | limited_text(limit_of(_spec.SOLUTION_ID), min_size=1)
            if solution_ids
            else st.none()
        )
        success = st.builds(
            ConferenceData,
            conference_id=limited_text(limit_of(_spec.CONFERENCE_ID), min_size=1),
            entry_points=_entry_point_sets(chosen, max_phones),
            parameters=_parameters(max_parameters) if parameters else st.just(()),
            notes=(st.none() | limited_text(limit_of(CALENDAR.notes))) if notes else st.none(),
            conference_solution_id=solution_id,
        )
        if not errors:
            return success
        failure = st.builds(
            ConferenceData, error=conference_errors(), conference_solution_id=solution_id
        )
        return success | failure

    return _lazy(make)


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
