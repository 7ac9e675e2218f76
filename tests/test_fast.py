"""The fast acceptors accept only what the rule engine finds clean, and accept common valid data.

``validate_*_json`` return ``[]`` without running the engine when an acceptor says a value is
clean, so an acceptor that accepted something the engine would report would hide a problem.
These tests compare the acceptors with the engine alone (``walk_calendar``/``walk_addon``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from confdata import (
    ConferenceData,
    ConferenceError,
    ConferenceErrorType,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
    EntryPointFeature,
    EntryPointType,
    SolutionType,
    ValidationError,
    fixtures,
)
from confdata._fast import (
    addon_is_clean,
    calendar_is_clean,
    clean_addon_parts,
    clean_calendar_parts,
    conference_data_is_clean,
    entry_point_is_clean,
    entry_point_kinds,
)
from confdata._formio import Emitter
from confdata._forms import ADDON, CALENDAR
from confdata._model_checks import check_conference_data, check_entry_point
from confdata.addon_form import _AddonReader
from confdata.calendar_form import _CalendarReader
from confdata.model import _unchecked
from confdata.testing import (
    InvalidExample,
    addon_json,
    calendar_json,
    conference_data,
    entry_points,
    invalid_addon_json,
    invalid_calendar_json,
)
from confdata.validation import (
    engine_addon_problems,
    engine_calendar_problems,
    walk_entry_point,
)

from .payloads import addon_payload, calendar_payload


def engine_calendar(obj: object) -> list[Any]:
    return engine_calendar_problems(obj)


def engine_addon(obj: object, ids: frozenset[str] | None = None) -> list[Any]:
    return engine_addon_problems(obj, ids)


class Text(str):
    """A str subclass: the engine reads its characters; the acceptors leave it to the engine."""


class Liar(str):
    """Claims to equal anything: an acceptor that trusted ``==`` would be fooled."""

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


REPLACEMENTS: list[object] = [
    None,
    0,
    True,
    1.5,
    "",
    "x",
    "+",
    "toll",
    "TOLL",
    "video",
    "eventHangout",
    "hangoutsMeet",
    "ZZ",
    "US",
    "tel:+1",
    "tel:+1 202 555",
    "tel:+1\u00a0202",
    "tel:12",
    "TEL:+1",
    "sip:a",
    "sip:a b",
    "sips:a",
    "https://a.example/x",
    "https://a.example/\u00e9",
    "https://a.example/ x",
    "http://",
    "\u00e9" * 300,
    "\U0001f600" * 300,
    "x" * 700,
    "x" * 3000,
    Text("video"),
    Liar("nothing"),
    [],
    ["toll"],
    ["toll", "toll"],
    ["toll", "toll_free"],
    ("toll",),
    {},
    {"type": "addOn"},
]


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every member and item below ``value``."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index)
            yield from _places(item, (*path, index))


# Members of either form, added where they are missing (or do not belong).
MEMBER_NAMES = [
    "label",
    "pin",
    "passcode",
    "accessCode",
    "meetingCode",
    "password",
    "regionCode",
    "entryPointFeatures",
    "features",
    "conferenceId",
    "conferenceSolutionId",
    "notes",
    "note",
    "authenticationUrl",
    "key",
    "name",
    "unknownMember",
]
ADDED: list[object] = [None, 1, "", "US", "x", "x" * 700, ["toll"], ["TOLL"], {}]


def _changes(parent: Any, last: Any) -> Iterator[Callable[[Any], None]]:
    """Every way to change ``parent[last]`` (or its place in ``parent``)."""

    def replace(value: object) -> Callable[[Any], None]:
        return lambda p: p.__setitem__(last, copy.deepcopy(value))

    yield from (replace(value) for value in REPLACEMENTS)
    yield lambda p: p.__delitem__(last)
    if isinstance(parent, list):
        yield lambda p: p.append(copy.deepcopy(p[last]))  # one more of the same
        yield lambda p: p.__setitem__(slice(None), [p[last]])  # only this one
        return
    for name in ("", "k" * 60, "😀" * 30):  # the member renamed (a parameter key)

        def rename(p: Any, name: str = name) -> None:
            p[name] = p.pop(last)

        yield rename
    current = parent[last]
    if isinstance(current, str) and ":" in current:  # a URI: the same, far longer
        for tail in ("a" * 700, "a" * 1400, "\u00e9" * 700):
            yield replace(current + "/" + tail)
    for name in MEMBER_NAMES:
        if name not in parent:
            for value in ADDED:

                def add(p: Any, name: str = name, value: object = value) -> None:
                    p[name] = copy.deepcopy(value)

                yield add


def mutants(payload: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every payload one change away: each member replaced, removed, renamed, repeated, or
    given a sibling member."""
    for place in list(_places(payload)):
        parent = payload
        for step in place[:-1]:
            parent = parent[step]
        for change in _changes(parent, place[-1]):
            mutant = copy.deepcopy(payload)
            target = mutant
            for step in place[:-1]:
                target = target[step]
            change(target)
            yield mutant
    for name in MEMBER_NAMES:
        for value in ADDED:
            if name not in payload:
                yield {**payload, name: value}


CALENDAR_VALID = [
    calendar_payload(),
    *(dict(make().to_calendar_json()) for make in fixtures.FIXTURES.values()),
]
ADDON_VALID = [
    addon_payload(),
    *(dict(make().to_addon_json()) for make in fixtures.FIXTURES.values()),
]


@pytest.mark.parametrize("payload", CALENDAR_VALID)
def test_calendar_mutants_accepted_only_when_clean(payload: dict[str, Any]) -> None:
    accepted = 0
    for mutant in mutants(payload):
        if calendar_is_clean(mutant):
            accepted += 1
            assert engine_calendar(mutant) == [], mutant
    assert accepted  # some changes keep the payload clean (another valid label, say)


@pytest.mark.parametrize("payload", ADDON_VALID)
def test_addon_mutants_accepted_only_when_clean(payload: dict[str, Any]) -> None:
    for ids in (None, frozenset({"acme-video"}), frozenset({"other"})):
        for mutant in mutants(payload):
            if addon_is_clean(mutant, ids):
                assert engine_addon(mutant, ids) == [], mutant


def test_common_valid_payloads_take_the_fast_path() -> None:
    """Valid data as add-ons produce it never needs the engine (what makes validation fast)."""
    full = fixtures.full_conference()
    assert calendar_is_clean(dict(full.to_calendar_json()))
    assert addon_is_clean(dict(full.to_addon_json()), frozenset({"acme-video"}))
    assert calendar_is_clean(calendar_payload())
    assert addon_is_clean(addon_payload(), None)
    assert addon_is_clean(dict(fixtures.authentication_error().to_addon_json()), None)
    assert calendar_is_clean(dict(fixtures.pending_create_request().to_calendar_json()))


def test_the_engine_runs_when_the_acceptor_declines() -> None:
    from confdata import validate_calendar_json

    payload = calendar_payload()
    payload["entryPoints"][0]["label"] = Text("a label")  # valid, but not an exact str
    assert not calendar_is_clean(payload)
    assert validate_calendar_json(payload) == engine_calendar(payload) == []


@given(st.one_of(calendar_json(), invalid_calendar_json()))
def test_calendar_acceptor_agrees_with_the_engine(drawn: dict[str, Any] | InvalidExample) -> None:
    payload = drawn.payload if isinstance(drawn, InvalidExample) else drawn
    if calendar_is_clean(payload):
        assert engine_calendar(payload) == []


@given(st.one_of(addon_json(), invalid_addon_json()))
def test_addon_acceptor_agrees_with_the_engine(drawn: dict[str, Any] | InvalidExample) -> None:
    payload = drawn.payload if isinstance(drawn, InvalidExample) else drawn
    if addon_is_clean(payload, None):
        assert engine_addon(payload) == []


class Exploding(dict[str, Any]):
    def get(self, *args: Any) -> Any:
        raise RuntimeError("boom")


@pytest.mark.parametrize(
    "check",
    [calendar_is_clean, lambda value: addon_is_clean(value, None)],
)
@pytest.mark.parametrize(
    "value",
    [None, [], "x", Exploding(), {"entryPoints": Exploding()}, {Liar("x"): 1}, {1: 2}],
)
def test_acceptors_never_raise(check: Callable[[object], bool], value: object) -> None:
    assert check(value) is False


# --- the model's acceptors ---------------------------------------------------------------------


def _read_entry_points(payload: dict[str, Any]) -> tuple[EntryPoint, ...]:
    try:
        return ConferenceData.from_calendar_json(payload, lenient=True).entry_points
    except ValidationError:
        return ()


@pytest.mark.parametrize("payload", CALENDAR_VALID)
def test_entry_point_acceptor_accepts_only_clean_values(payload: dict[str, Any]) -> None:
    """Entry points read leniently from every mutant, so each holds what the mutant held."""
    accepted = 0
    for mutant in mutants(payload):
        for ep in _read_entry_points(mutant):
            if entry_point_is_clean(ep):
                accepted += 1
                assert check_entry_point(ep, "") == [], ep
    assert accepted or "entryPoints" not in payload


@given(entry_points())
def test_generated_entry_points_accepted_only_when_clean(ep: EntryPoint) -> None:
    if entry_point_is_clean(ep):
        assert check_entry_point(ep, "") == []


def _data_variants(data: ConferenceData) -> Iterator[ConferenceData]:
    """``data`` with one field replaced by each value of interest (not checked on creation)."""
    eps = data.entry_points
    read = ConferenceData.from_calendar_json(data.to_calendar_json(), lenient=True)
    broken = ConferenceData.from_calendar_json(  # values with errors, as lenient reads keep them
        {
            "conferenceId": "x",
            "entryPoints": [{"entryPointType": "video", "uri": "ftp://acme.example/x"}],
            "parameters": {"addOnParameters": {"parameters": {"k" * 60: "v"}}},
        },
        lenient=True,
    )
    phones = tuple(EntryPoint.phone(f"tel:+1202555000{i}") for i in range(3))
    replacements: dict[str, list[object]] = {
        "conference_id": [None, "", "x" * 300, "x" * 600, Text("id"), 5],
        "conference_solution_id": [None, "", "x" * 600, 5],
        "notes": [None, "x" * 1500, "x" * 3000, 5],
        "signature": [None, "s", 5],
        "entry_points": [
            (),
            eps[:1],
            eps + eps[:1],
            tuple(ep for ep in eps if ep.type is EntryPointType.MORE),
            read.entry_points,
            broken.entry_points,
            phones,
            list(eps),
            (*eps, "not an entry point"),
        ],
        "parameters": [
            (),
            data.parameters + data.parameters[:1],
            read.parameters,
            broken.parameters,
            list(data.parameters),
        ],
        "conference_solution": [
            None,
            ConferenceSolution(SolutionType.EVENT_HANGOUT),
            ConferenceSolution(SolutionType.HANGOUTS_MEET, name="Meet"),
            "addOn",
        ],
        "create_request": [None, CreateRequest(request_id="r")],
        "error": [None, ConferenceError(ConferenceErrorType.TEMPORARY)],
    }
    fields = {field.name: getattr(data, field.name) for field in attrs.fields(ConferenceData)}
    for name, values in replacements.items():
        for value in values:
            yield _unchecked(ConferenceData, **{**fields, name: value})


@pytest.mark.parametrize("make", list(fixtures.FIXTURES.values()))
def test_conference_data_acceptor_accepts_only_clean_values(
    make: Callable[[], ConferenceData],
) -> None:
    data = make()
    for variant in _data_variants(data):
        if conference_data_is_clean(variant):
            assert check_conference_data(variant) == [], variant


def test_built_conferences_take_the_fast_path() -> None:
    assert conference_data_is_clean(fixtures.full_conference())
    assert conference_data_is_clean(fixtures.video_only())
    assert not conference_data_is_clean(fixtures.temporary_error())  # left to the engine


@given(conference_data())
def test_generated_conferences_accepted_only_when_clean(data: ConferenceData) -> None:
    if conference_data_is_clean(data):
        assert check_conference_data(data) == []


# --- reading: the fast read gives what the engine's read gives ---------------------------------


def _assert_same_read(payload: dict[str, Any], form: str = "calendar") -> None:
    """The fast read of a clean payload equals the engine's read, and emits the payload."""
    if form == "calendar":
        fast = ConferenceData.from_calendar_json(payload)
        slow = _CalendarReader(CALENDAR).read(payload, engine_calendar(payload))
        emitted: object = fast.to_calendar_json()
    else:
        fast = ConferenceData.from_addon_json(payload)
        slow = _AddonReader(ADDON).read(payload, engine_addon(payload))
        emitted = fast.to_addon_json()
    assert fast == slow
    assert (fast.preserved, fast.source_form, fast.read_problems) == (
        slow.preserved,
        slow.source_form,
        tuple(slow.read_problems),
    )
    assert all(ep._found == () for ep in fast.entry_points)  # known clean: never re-checked
    assert emitted == payload


@pytest.mark.parametrize("payload", CALENDAR_VALID)
def test_fast_reads_of_clean_mutants_equal_engine_reads(payload: dict[str, Any]) -> None:
    for mutant in [payload, *mutants(payload)]:
        if clean_calendar_parts(mutant) is not None:
            _assert_same_read(mutant)


@given(calendar_json())
def test_fast_reads_of_generated_payloads_equal_engine_reads(payload: dict[str, Any]) -> None:
    if clean_calendar_parts(payload) is not None:
        _assert_same_read(payload)


# --- factories: the fast path makes what __init__ makes ---------------------------------------

_TEXTS = st.one_of(
    st.none(),
    st.sampled_from(REPLACEMENTS).filter(lambda v: v is None or isinstance(v, str)),
    st.text(max_size=80),
)


def _outcome(make: Callable[[], EntryPoint]) -> object:
    try:
        ep = make()
    except ValidationError as error:
        return [(p.code, p.path, p.message) for p in error.problems]
    written = Emitter(fixtures.video_only(), CALENDAR).entry_points([ep])[0]
    return ep, ep._found, written, repr(ep)


def _factory(
    kind: EntryPointType,
    uri: str,
    label: str | None,
    secrets: tuple[str | None, ...],
    region: str | None,
    features: Any,
) -> tuple[Callable[[], EntryPoint], Callable[[], EntryPoint]]:
    """The named constructor for ``kind`` with these members, and ``__init__`` with them."""
    pin, access_code, meeting_code, passcode, password = secrets
    if kind is EntryPointType.MORE:
        return (lambda: EntryPoint.more(uri, pin=pin)), (lambda: EntryPoint(kind, uri, None, pin))
    given_secrets = {
        "pin": pin,
        "access_code": access_code,
        "meeting_code": meeting_code,
        "passcode": passcode,
        "password": password,
    }
    if kind is EntryPointType.PHONE:
        return (
            lambda: EntryPoint.phone(
                uri, label=label, region_code=region, features=features, **given_secrets
            ),
            lambda: EntryPoint(
                kind,
                uri,
                label,
                pin,
                access_code,
                meeting_code,
                passcode,
                password,
                region,
                features,
            ),
        )
    named = EntryPoint.video if kind is EntryPointType.VIDEO else EntryPoint.sip
    return (
        lambda: named(uri, label=label, **given_secrets),
        lambda: EntryPoint(kind, uri, label, pin, access_code, meeting_code, passcode, password),
    )


_TOLL = EntryPointFeature.TOLL
_TOLL_FREE = EntryPointFeature.TOLL_FREE


@given(
    kind=st.sampled_from(list(EntryPointType)),
    uri=st.one_of(
        st.sampled_from([r for r in REPLACEMENTS if isinstance(r, str)]),
        st.text(max_size=40).map(lambda t: "https://a.example/" + t),
        st.text(max_size=40).map(lambda t: "HTTP://a.example/" + t),
        st.text(max_size=40).map(lambda t: "tel:+1" + t),
        st.text(max_size=40).map(lambda t: "tel:" + t),
        st.text(max_size=40).map(lambda t: "sip:" + t),
    ),
    label=_TEXTS,
    secrets=st.tuples(_TEXTS, _TEXTS, _TEXTS, _TEXTS, _TEXTS),
    region=st.one_of(st.none(), st.sampled_from(["US", "SE", "ZZ", "us", "USA", ""])),
    features=st.sampled_from(
        [
            (),
            [],
            ("toll",),
            (_TOLL,),
            [_TOLL_FREE],
            (_TOLL, _TOLL_FREE),
            [_TOLL, _TOLL],
            ("toll", "toll"),
            ("x",),
        ]
    ),
)
def test_factories_make_what_init_makes(
    kind: EntryPointType,
    uri: str,
    label: str | None,
    secrets: tuple[str | None, ...],
    region: str | None,
    features: Any,
) -> None:
    """Each named constructor makes what ``__init__`` makes from the same members: an equal
    value with the same problems found, written the same, or the same problems raised."""
    factory, init = _factory(kind, uri, label, secrets, region, features)
    assert _outcome(factory) == _outcome(init)


def test_factories_of_a_subclass_go_through_its_init() -> None:
    made: list[str] = []

    @attrs.frozen(repr=False, slots=False)
    class Traced(EntryPoint):
        def __attrs_post_init__(self) -> None:
            made.append(self.uri)
            super().__attrs_post_init__()

    ep = Traced.video("https://acme.example/j/1")
    assert type(ep) is Traced
    assert made == ["https://acme.example/j/1"]


@pytest.mark.parametrize("payload", CALENDAR_VALID)
def test_entry_point_acceptor_agrees_with_the_walker(payload: dict[str, Any]) -> None:
    """The engine skips the walker for entry points the entry point acceptor takes."""
    for mutant in mutants(payload):
        entry_points = mutant.get("entryPoints")
        if not isinstance(entry_points, list):
            continue
        kinds = entry_point_kinds(entry_points, CALENDAR)
        for ep, kind in zip(entry_points, kinds, strict=True):
            if kind is not None:
                out: list[Any] = []
                assert walk_entry_point(out, ep, "", CALENDAR) is kind
                assert out == [], ep


@pytest.mark.parametrize("payload", ADDON_VALID)
def test_fast_addon_reads_of_clean_mutants_equal_engine_reads(payload: dict[str, Any]) -> None:
    for mutant in [payload, *mutants(payload)]:
        if clean_addon_parts(mutant, None) is not None:
            _assert_same_read(mutant, "addon")


@given(addon_json())
def test_fast_addon_reads_of_generated_payloads_equal_engine_reads(
    payload: dict[str, Any],
) -> None:
    if clean_addon_parts(payload, None) is not None:
        _assert_same_read(payload, "addon")


def test_a_manifest_still_decides_on_the_fast_path() -> None:
    from confdata import Manifest

    manifest = Manifest.from_json(
        {
            "addOns": {
                "calendar": {
                    "conferenceSolution": [
                        {
                            "id": "other",
                            "name": "Other",
                            "onCreateFunction": "create",
                            "logoUrl": "https://acme.example/logo.png",
                        }
                    ]
                }
            }
        }
    )
    with pytest.raises(ValidationError) as raised:
        ConferenceData.from_addon_json(addon_payload(), manifest=manifest)
    assert "solution-id-unknown" in raised.value.codes


def test_secret_members_are_all_looked_up() -> None:
    from confdata._fast import _SECRETS
    from confdata._forms import SECRET_MEMBERS

    assert sorted(_SECRETS) == sorted(SECRET_MEMBERS)


@pytest.mark.parametrize(
    ("read", "accept", "payload"),
    [
        (ConferenceData.from_calendar_json, "_calendar", calendar_payload()),
        (ConferenceData.from_addon_json, "_addon", addon_payload()),
    ],
)
def test_a_read_the_acceptor_declines_runs_it_once(
    read: Callable[..., ConferenceData],
    accept: str,
    payload: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The slow path goes straight to the rule engine: the acceptor has had its say."""
    import confdata._fast

    original = getattr(confdata._fast, accept)
    calls: list[object] = []

    def counted(*args: Any) -> bool:
        calls.append(args[0])
        result: bool = original(*args)
        return result

    monkeypatch.setattr(confdata._fast, accept, counted)
    payload["futureMember"] = 1  # unknown: declined, kept by a lenient read
    data = read(payload, lenient=True)
    assert data.preserved == {"/futureMember": 1}
    assert len(calls) == 1
