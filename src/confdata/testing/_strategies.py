"""Hypothesis strategies for valid conference data, as built values and as JSON."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from hypothesis import strategies as st

from .._checks import (
    LIMIT_CONFERENCE_ID,
    LIMIT_LABEL,
    LIMIT_NOTES,
    LIMIT_PARAMETER_KEY,
    LIMIT_PARAMETER_VALUE,
    LIMIT_SECRET,
    LIMIT_SOLUTION_ID,
)
from .._enums import ConferenceErrorType, EntryPointFeature, EntryPointType
from .._regions import ASSIGNED_REGION_CODES
from .._text import utf16_len
from ..model import ConferenceData, ConferenceError, ConferenceParameter, EntryPoint

__all__ = ["calendar_json", "conference_data", "conference_errors", "entry_points"]


def _fit(text: str, limit: int) -> str:
    while utf16_len(text) > limit:
        text = text[:-1]
    return text


def limited_text(limit: int, *, min_size: int = 0) -> st.SearchStrategy[str]:
    """Text of at most ``limit`` UTF-16 code units (Google's unit), limits included."""
    return (
        st.one_of(
            st.text(min_size=min_size, max_size=min(limit, 40)),
            st.text(
                min_size=limit,
                max_size=limit,
                alphabet=st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]),
            ),
            st.text(min_size=max(min_size, 1), max_size=limit),
        )
        .map(lambda s: _fit(s, limit))
        .filter(lambda s: len(s) >= min_size)
    )


_LABEL_CHARS = st.characters(min_codepoint=ord("a"), max_codepoint=ord("z"))
_hosts = st.builds(
    lambda a, b: f"{a}.{b}",
    st.text(_LABEL_CHARS, min_size=1, max_size=20),
    st.sampled_from(["example", "example.com", "test", "invalid"]),
)
_paths = st.text(
    st.characters(min_codepoint=ord("0"), max_codepoint=ord("z"), exclude_characters="\\`^"),
    max_size=40,
)
_http_uris = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["https", "http", "HTTPS"]),
    _hosts,
    _paths,
)
_digits = st.text(
    st.characters(min_codepoint=ord("0"), max_codepoint=ord("9")), min_size=4, max_size=15
)
_phone_uris = st.builds(
    lambda digits, pin: f"tel:+{digits}{pin}", _digits, st.sampled_from(["", ",,123#", ";ext=1"])
)
_sip_uris = st.builds(
    lambda user, host: f"sip:{user}@{host}", st.text(_LABEL_CHARS, min_size=1, max_size=20), _hosts
)
_optional_secret = st.none() | limited_text(LIMIT_SECRET)
_optional_label = st.none() | limited_text(LIMIT_LABEL)
_feature_sets = st.sampled_from([(), (EntryPointFeature.TOLL,), (EntryPointFeature.TOLL_FREE,)])


def _entry_point(kind: EntryPointType) -> st.SearchStrategy[EntryPoint]:
    uris = {
        EntryPointType.VIDEO: _http_uris,
        EntryPointType.MORE: _http_uris,
        EntryPointType.PHONE: _phone_uris,
        EntryPointType.SIP: _sip_uris,
    }[kind]
    phone = kind is EntryPointType.PHONE
    return st.builds(
        EntryPoint,
        type=st.just(kind),
        uri=uris,
        label=st.none() if kind is EntryPointType.MORE else _optional_label,
        pin=_optional_secret,
        access_code=_optional_secret,
        meeting_code=_optional_secret,
        passcode=_optional_secret,
        password=_optional_secret,
        region_code=st.none() | st.sampled_from(sorted(ASSIGNED_REGION_CODES))
        if phone
        else st.none(),
        features=_feature_sets if phone else st.just(()),
    )


def entry_points(
    *, kinds: Collection[EntryPointType] = tuple(EntryPointType)
) -> st.SearchStrategy[EntryPoint]:
    """Valid entry points of the given kinds (all four by default)."""
    kinds = tuple(kinds)
    if not kinds:
        raise ValueError("kinds must name at least one EntryPointType")
    for kind in kinds:
        if not isinstance(kind, EntryPointType):
            raise TypeError(f"kinds must hold EntryPointType members (got {kind!r})")
    return st.sampled_from(kinds).flatmap(_entry_point)


@st.composite
def _entry_point_sets(draw: st.DrawFn, max_phones: int) -> tuple[EntryPoint, ...]:
    video = draw(st.none() | _entry_point(EntryPointType.VIDEO))
    sip = draw(st.none() | _entry_point(EntryPointType.SIP))
    phones = draw(st.lists(_entry_point(EntryPointType.PHONE), max_size=max_phones))
    if video is None and sip is None and not phones:
        video = draw(_entry_point(EntryPointType.VIDEO))
    more = draw(st.none() | _entry_point(EntryPointType.MORE))
    chosen = [ep for ep in (video, *phones, sip, more) if ep is not None]
    return tuple(draw(st.permutations(chosen)))


def conference_errors() -> st.SearchStrategy[ConferenceError]:
    """Valid conference errors: AUTHENTICATION ones carry an authentication URL."""
    return st.sampled_from(list(ConferenceErrorType)).flatmap(
        lambda kind: st.builds(
            ConferenceError,
            type=st.just(kind),
            authentication_url=_http_uris
            if kind is ConferenceErrorType.AUTHENTICATION
            else st.none(),
        )
    )


def conference_data(
    *,
    parameters: bool = True,
    notes: bool = True,
    errors: bool = False,
    solution_ids: bool = True,
    max_phones: int = 2,
) -> st.SearchStrategy[ConferenceData]:
    """Valid :class:`ConferenceData` values; error results too when ``errors=True``.

    ``solution_ids=False`` leaves out ``conference_solution_id``, which only the add-on form
    carries.
    """
    params = (
        st.lists(limited_text(LIMIT_PARAMETER_KEY, min_size=1), unique=True, max_size=5).flatmap(
            lambda keys: st.tuples(
                *(
                    st.builds(ConferenceParameter, st.just(k), limited_text(LIMIT_PARAMETER_VALUE))
                    for k in keys
                )
            )
        )
        if parameters
        else st.just(())
    )
    success = st.builds(
        ConferenceData,
        conference_id=limited_text(LIMIT_CONFERENCE_ID, min_size=1),
        entry_points=_entry_point_sets(max_phones),
        parameters=params,
        notes=st.none() | limited_text(LIMIT_NOTES) if notes else st.none(),
        conference_solution_id=st.none() | limited_text(LIMIT_SOLUTION_ID, min_size=1)
        if solution_ids
        else st.none(),
    )
    if not errors:
        return success
    failure = st.builds(ConferenceData, error=conference_errors())
    return success | failure


def calendar_json(**kwargs: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Valid Calendar form payloads (the JSON of :func:`conference_data`)."""
    return conference_data(**kwargs).map(lambda data: dict(data.to_calendar_json()))
