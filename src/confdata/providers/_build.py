"""From what a provider's response says to a checked :class:`~confdata.ConferenceData`.

Each converter reads its response into a :class:`Plan` (values with the JSON Pointers they
came from); :func:`assemble` orders the phones, makes the entry points and the conference
through confdata's public constructors, and reports any rule they break at the provider
path that fed the value, under ``provider-value``. The Calendar rules themselves stay in
confdata's engine: nothing here re-decides them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial

import attrs

from .. import (
    ConferenceData,
    ConferenceDataBuilder,
    ConferenceParameter,
    ConferenceSolutionBuilder,
    EntryPoint,
    EntryPointFeature,
    Problem,
    ValidationError,
)
from .._core import spec
from .._core.sink import Sink, pointer
from .._core.text import show
from ._options import ProviderOptions, region_problems
from ._read import Members, text

__all__ = ["Code", "Number", "Plan", "Source", "assemble", "dial_digits", "dial_in"]


@attrs.frozen
class Code:
    """A value from the response and the JSON Pointer it came from."""

    value: str
    path: str


@attrs.frozen(kw_only=True)
class Source:
    """A video or SIP entry point as the response gives it."""

    uri: Code
    codes: Mapping[str, Code] = attrs.field(factory=dict)
    """Entry point field name (``meeting_code``, ``passcode`` …) to its value."""


@attrs.frozen(kw_only=True)
class Number:
    """One dial-in number: ``digits`` is the ``tel:`` form, ``text`` as the provider wrote it."""

    digits: str
    text: str
    path: str
    toll_free: bool | None = None
    """True toll-free, False toll, None when the provider does not say."""
    region: str | None = None
    region_path: str | None = None


@attrs.frozen(kw_only=True)
class Plan:
    """Everything a converter read, before any Calendar rule is applied."""

    conference_id: Code
    video: Source | None = None
    numbers: tuple[Number, ...] = ()
    numbers_path: str = ""
    phone_codes: Mapping[str, Code] = attrs.field(factory=dict)
    dial: Callable[[str], str] = lambda mode: ""
    """The text after the number in a ``tel:`` URI for a :data:`DialCodes` mode."""
    sip: Source | None = None
    more: Code | None = None
    parameters: tuple[tuple[str, Code], ...] = ()


# Visual separators of RFC 3966 (``-``, ``.``, parentheses), spaces and slashes: what providers
# put between digits ("+1 2332357613" in Zoom's reference, "+1-415-527-5035" in Webex's).
_SEPARATORS = frozenset("-.()/")
_DIGITS = frozenset("0123456789")


def _tel_digits(written: str) -> str | None:
    """``+46812345`` from ``+46 (8) 123-45``; None if it holds anything but digits."""
    body = written.strip()
    plus = body.startswith("+")
    digits = []
    for char in body[1:] if plus else body:
        if char in _DIGITS:
            digits.append(char)
        elif not (char in _SEPARATORS or char.isspace()):
            return None
    return ("+" if plus else "") + "".join(digits) if digits else None


def dial_in(
    item: Members,
    key: str,
    path: str,
    sink: Sink,
    *,
    toll_free: bool | None = None,
    region: str | None = None,
    region_path: str | None = None,
) -> Number | None:
    """The number in member ``key`` of ``item`` (reported when missing or not a number)."""
    written = text(item, key, path, sink, required=True)
    if written is None:
        return None
    return number(
        written, f"{path}/{key}", sink, toll_free=toll_free, region=region, region_path=region_path
    )


def number(
    written: str,
    path: str,
    sink: Sink,
    *,
    toll_free: bool | None = None,
    region: str | None = None,
    region_path: str | None = None,
) -> Number | None:
    """A :class:`Number` from a number as written (reported when it is not one)."""
    digits = _tel_digits(written)
    if digits is None:
        sink.report(
            "provider-number",
            path,
            f"a dial-in number must be digits, an optional leading +, and spaces, dashes, "
            f"dots or parentheses (got {show(written)})",
        )
        return None
    return Number(
        digits=digits,
        text=written.strip(),
        path=path,
        toll_free=toll_free,
        region=region,
        region_path=region_path,
    )


def region_of(country: str | None) -> str | None:
    """A provider's country as a region: upper-cased (``"br"`` is ``"BR"``). It orders the
    numbers whatever it is; it becomes a phone's ``regionCode`` only when Calendar's region
    rules find nothing wrong with it (see :func:`region_code`)."""
    if country is None or not country.strip():
        return None
    return country.strip().upper() if country.isascii() else country.strip()


def region_code(region: str | None) -> str | None:
    """``region`` when it is a region code Calendar takes without a problem, else None."""
    return region if region is not None and not region_problems(region) else None


def dial_digits(code: str | None) -> str | None:
    """A code as keypad digits for a dial sequence, or None if it is not digits."""
    if code is None:
        return None
    keyed = "".join(c for c in code if not (c.isspace() or c == "-"))
    return keyed if keyed and all(c in _DIGITS for c in keyed) else None


def _ordered(numbers: Sequence[Number], options: ProviderOptions) -> list[Number]:
    """Distinct numbers, the ones Calendar should show first: the preferred regions, then the
    meeting's own country (toll-free first within each, with ``toll_free_first``), then the
    rest in the provider's order. The sort is stable: ties keep the provider's order."""
    seen: set[tuple[str, bool | None]] = set()
    distinct = []
    for item in numbers:
        if (item.digits, item.toll_free) not in seen:
            seen.add((item.digits, item.toll_free))
            distinct.append(item)

    def country(item: Number) -> str | None:
        if item.region is None and not item.digits.startswith("+"):
            return options.default_region
        return item.region

    preferred = {code: index for index, code in enumerate(options.regions)}
    home = options.default_region or (country(numbers[0]) if numbers else None)

    def key(item: Number) -> tuple[int, int]:
        own = country(item)
        if own is None:  # the provider gives no country: taken as the meeting's own
            own = home
        if own in preferred:
            group = preferred[own]
        elif own == home:
            group = len(preferred)
        else:
            return len(preferred) + 1, 0  # another country: the provider's order
        return group, 0 if (item.toll_free is True) == options.toll_free_first else 1

    return sorted(distinct, key=key)


_FIELD_NAMES = {text.json: text.attr for text in spec.ENTRY_POINT_TEXTS}


class _Builder:
    """Makes values through confdata's constructors, reporting their problems at provider paths."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.seen: set[tuple[str, str]] = set()

    def report(self, problems: Sequence[Problem], where: Callable[[str], str], what: str) -> None:
        for problem in problems:
            if not problem.is_error:
                continue  # warnings are the caller's to see with validate_*_json
            path = where(_FIELD_NAMES.get(field := problem.path.rsplit("/", 1)[-1], field))
            if (problem.message, path) in self.seen:  # shared codes break once, not per phone
                continue
            self.seen.add((problem.message, path))
            self.sink.report(
                "provider-value",
                path,
                f"{what}: {problem.message} (Calendar rule {problem.code})",
            )

    def entry(
        self, make: Callable[[], EntryPoint], where: Callable[[str], str], what: str
    ) -> EntryPoint | None:
        try:
            return make()
        except ValidationError as error:
            self.report(error.problems, where, what)
            return None


def _paths(
    uri_path: str, codes: Mapping[str, Code], extra: Mapping[str, str | None]
) -> Callable[[str], str]:
    """Where each entry point field came from (the URI's path for anything unknown)."""

    def where(field: str) -> str:
        if field in codes:
            return codes[field].path
        return extra.get(field) or uri_path

    return where


def _values(codes: Mapping[str, Code]) -> dict[str, str]:
    return {name: code.value for name, code in codes.items()}


def _video(source: Source) -> EntryPoint:
    codes = _values(source.codes)
    return EntryPoint.video(
        source.uri.value,
        meeting_code=codes.get("meeting_code"),
        access_code=codes.get("access_code"),
        passcode=codes.get("passcode"),
        password=codes.get("password"),
        pin=codes.get("pin"),
    )


def _sip(source: Source) -> EntryPoint:
    codes = _values(source.codes)
    address = source.uri.value
    uri = address if address.lower().startswith(("sip:", "sips:")) else f"sip:{address}"
    return EntryPoint.sip(
        uri,
        meeting_code=codes.get("meeting_code"),
        access_code=codes.get("access_code"),
        passcode=codes.get("passcode"),
        password=codes.get("password"),
        pin=codes.get("pin"),
    )


def _phone(item: Number, suffix: str, region: str | None, codes: Mapping[str, str]) -> EntryPoint:
    features = []
    if item.toll_free is not None:
        features.append(EntryPointFeature.TOLL_FREE if item.toll_free else EntryPointFeature.TOLL)
    return EntryPoint.phone(
        f"tel:{item.digits}{suffix}",
        label=item.text,
        region_code=region,
        features=features,
        meeting_code=codes.get("meeting_code"),
        access_code=codes.get("access_code"),
        passcode=codes.get("passcode"),
        password=codes.get("password"),
        pin=codes.get("pin"),
    )


def assemble(plan: Plan, options: ProviderOptions, sink: Sink) -> ConferenceData:
    """The conference ``plan`` describes; raises :class:`ValidationError` on any error."""
    sink.raise_errors()  # what the reading found: nothing is built from a broken response
    build = _Builder(sink)
    entries: list[EntryPoint | None] = []
    if plan.video is not None:
        entries.append(
            build.entry(
                partial(_video, plan.video),
                _paths(plan.video.uri.path, plan.video.codes, {}),
                "the join URL cannot be a Calendar video entry point",
            )
        )
    more = plan.more
    if more is None and options.more_uri is not None:
        more = Code(options.more_uri, "")
    numbers = _ordered(plan.numbers, options)
    if more is not None and options.max_phones is not None:
        numbers = numbers[: options.max_phones]  # the more page lists the rest
    codes = _values(plan.phone_codes)
    suffix = plan.dial(options.dial_codes)
    for item in numbers:
        region = region_code(item.region)
        if item.region is None and not item.digits.startswith("+"):
            region = options.default_region
        entries.append(
            build.entry(
                partial(_phone, item, suffix, region, codes),
                _paths(
                    item.path,
                    plan.phone_codes,
                    {"label": item.path, "region_code": item.region_path},
                ),
                f"the dial-in number {show(item.text)} cannot be a Calendar phone entry point",
            )
        )
    if plan.sip is not None:
        entries.append(
            build.entry(
                partial(_sip, plan.sip),
                _paths(plan.sip.uri.path, plan.sip.codes, {}),
                "the SIP address cannot be a Calendar sip entry point",
            )
        )
    if more is not None:
        entries.append(
            build.entry(
                partial(EntryPoint.more, more.value),
                _paths(more.path, {}, {}),
                "the dial-in page cannot be a Calendar more entry point"
                if more.path
                else "more_uri cannot be a Calendar more entry point",
            )
        )
    parameters = []
    for key, code in plan.parameters:
        try:
            parameters.append(ConferenceParameter(key=key, value=code.value))
        except ValidationError as error:
            build.report(
                error.problems, _paths(code.path, {}, {}), f"{key} cannot be a conference parameter"
            )
    sink.raise_errors()
    builder = (
        ConferenceDataBuilder()
        .conference_id(plan.conference_id.value)
        .entry_points(entry for entry in entries if entry is not None)
        .parameters(parameters)
    )
    if options.solution_id is not None:
        builder = builder.conference_solution_id(options.solution_id)
    if options.solution_name is not None:
        builder = builder.conference_solution(
            ConferenceSolutionBuilder().name(options.solution_name).build()
        )
    try:
        return builder.build()
    except ValidationError as error:
        _report_conference(error.problems, plan, sink)
        sink.raise_errors()
        raise  # pragma: no cover - raise_errors raised: every error above was reported


# The paths of a value's problems this module maps back to the provider's members.
_CONFERENCE_ID = pointer("", spec.CONFERENCE_ID.json)
_ENTRY_POINTS = pointer("", spec.CALENDAR.entry_points_member)


def _report_conference(problems: Sequence[Problem], plan: Plan, sink: Sink) -> None:
    """Problems of the whole conference, at the provider member behind each one."""
    for problem in problems:
        if not problem.is_error:
            continue
        if problem.path == _CONFERENCE_ID:
            sink.report(
                "provider-value",
                plan.conference_id.path,
                f"the meeting ID cannot be a conference ID: {problem.message} "
                f"(Calendar rule {problem.code})",
            )
        elif problem.path == _ENTRY_POINTS and plan.numbers:
            sink.report(
                "provider-value",
                plan.numbers_path,
                f"the dial-in numbers do not fit in one conference: {problem.message} "
                f"(Calendar rule {problem.code}); set max_phones and a more_uri that lists them",
            )
        else:  # from the options (conferenceSolutionId …): Calendar's own path names it
            sink.report(problem.code, problem.path, problem.message)
