"""The fast acceptors accept only what the rule engine finds clean, and accept common valid data.

``validate_*_json`` return ``[]`` without running the engine when an acceptor says a value is
clean, so an acceptor that accepted something the engine would report would hide a problem.
These tests compare the acceptors with the engine alone (``walk_calendar``/``walk_addon``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from confdata import (
    ConferenceData,
    ConferenceError,
    ConferenceErrorType,
    ConferenceParameter,
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


# --- ConferenceData(...): the common call's straight pass makes what the general way makes ---


def _data_outcome(make: Callable[[], ConferenceData]) -> object:
    try:
        data = make()
    except ValidationError as error:
        return [(p.code, p.path, p.message) for p in error.problems]
    return data, data.problems(), data.to_calendar_json(), repr(data)


def _texts(limit: int, *, empty: bool = True) -> st.SearchStrategy[Any]:
    """Mostly a fine text; else one at, or past, a boundary of ``limit``, or not a str."""
    edges = ["x" * (limit // 2), "x" * (limit // 2 + 1), "x" * limit, "x" * (limit + 1), 5]
    edges += [Text("x"), "\U0001f600" * (limit // 2 + 1)]  # (a surrogate pair each in UTF-16)
    if empty:
        edges.append("")
    return st.one_of(st.sampled_from(["123-456-789", "n"]), st.none(), st.sampled_from(edges))


_PARAMETER_TEXT = st.one_of(st.sampled_from(["k", "meetingId", "v"]), _texts(50))
# Entry points the named constructors make clean (drawn together they may break the rules
# about the set: two videos, three phones shown, only more).
_MADE_CLEAN = [
    EntryPoint.video("https://acme.example/j/1", passcode="abc", label="acme.example/j/1"),
    EntryPoint.phone("tel:+12025550123", pin="1", region_code="US", features=[_TOLL]),
    EntryPoint.phone("tel:+18005550199,,1#", features=(_TOLL_FREE,)),
    EntryPoint.sip("sip:1@sip.acme.example", access_code="9"),
    EntryPoint.more("https://acme.example/more"),
]


@given(
    conference_id=_texts(512),
    solution_id=_texts(512),
    notes=_texts(2048),
    given_entry_points=st.one_of(
        st.lists(st.sampled_from(_MADE_CLEAN), min_size=1, max_size=5),  # mostly a clean set
        st.lists(entry_points(), max_size=5),
    ),
    as_tuple=st.booleans(),
    parameters=st.one_of(
        st.dictionaries(_PARAMETER_TEXT, _PARAMETER_TEXT, max_size=4),
        st.dictionaries(_PARAMETER_TEXT, _texts(1024), max_size=2),
        st.none(),  # none given
    ),
)
def test_the_common_call_makes_what_the_general_way_makes(
    conference_id: Any,
    solution_id: Any,
    notes: Any,
    given_entry_points: list[EntryPoint],
    as_tuple: bool,
    parameters: dict[Any, Any] | None,
) -> None:
    """``ConferenceData(...)`` with a list or tuple of entry points and a dict of parameters
    or none (its straight pass) gives what the same fields given another way give: an equal
    value, the same problems, the same JSON and repr, or the same problems raised."""
    fast_entry_points = tuple(given_entry_points) if as_tuple else given_entry_points
    # An iterator and a read-only mapping (or an empty list): not the common call.
    common: dict[str, Any] = {} if parameters is None else {"parameters": parameters}
    other = MappingProxyType(parameters) if parameters is not None else []

    def fast() -> ConferenceData:
        return ConferenceData(
            conference_id=conference_id,
            conference_solution_id=solution_id,
            notes=notes,
            entry_points=fast_entry_points,
            **common,
        )

    def general() -> ConferenceData:
        return ConferenceData(
            conference_id=conference_id,
            conference_solution_id=solution_id,
            notes=notes,
            entry_points=iter(given_entry_points),
            parameters=other,
        )

    assert _data_outcome(fast) == _data_outcome(general)


def test_the_common_call_is_taken_for_the_typical_conference() -> None:
    full = fixtures.full_conference()
    data = ConferenceData(
        conference_id=full.conference_id,
        conference_solution_id=full.conference_solution_id,
        notes=full.notes,
        entry_points=list(full.entry_points),
        parameters={p.key: p.value for p in full.parameters},
    )
    assert data == full
    assert "_parameter_map" in data.__dict__  # the straight pass keeps the map, made on use
    assert data.conference_solution is full.conference_solution  # the shared addOn solution


_VIDEO, _PHONE, _FREE_PHONE, _SIP, _MORE = _MADE_CLEAN
_EDGES: dict[str, list[Any]] = {
    "conference_id": [None, "", "x" * 256, "x" * 257, "x" * 512, "x" * 513, 5, Text("x")],
    "conference_solution_id": [None, "", "x" * 257, "x" * 512, "x" * 513, 5, Text("x")],
    "notes": [None, "", "n" * 1025, "n" * 2048, "n" * 2049, "\U0001f600" * 1025, 5, Text("n")],
    "entry_points": [
        [],
        [_MORE],
        [_VIDEO, _VIDEO],
        [_SIP, _SIP],
        [_MORE, _PHONE, _MORE],
        [_PHONE, _FREE_PHONE, _PHONE],
        [_VIDEO, EntryPoint.video("https://acme.example/j/1", pin="p" * 65)],  # long, not over
        [EntryPoint.phone("tel:12025550123")],  # no region nor country code: a warning
        [_VIDEO, "video"],
        [_VIDEO] * 301,
    ],
    "parameters": [
        (),  # the default: none given
        (ConferenceParameter("k", "v"),),
        {},
        {"": "v"},
        {"k" * 26: "v"},
        {"k" * 50: "v"},
        {"k" * 51: "v"},
        {"k": "v" * 1024},
        {"k": "v" * 1025},
        {5: "v"},
        {"k": 5},
        {"k": Text("v")},
        {f"k{i}": "v" for i in range(300)},
        {f"k{i}": "v" for i in range(301)},
    ],
}


@pytest.mark.parametrize(
    ("field", "value"),
    [(field, value) for field, values in _EDGES.items() for value in values],
    ids=lambda v: repr(v)[:30],
)
def test_the_common_call_at_each_edge_makes_what_the_general_way_makes(
    field: str, value: Any
) -> None:
    """One field at a time at, or past, its boundary; the others as in the common call."""
    fields: dict[str, Any] = {
        "conference_id": "123-456-789",
        "conference_solution_id": "acme-video",
        "notes": "notes",
        "entry_points": [_VIDEO, _PHONE, _FREE_PHONE, _SIP, _MORE],
        "parameters": {"meetingId": "1"},
        field: value,
    }
    given = fields.copy()
    given["entry_points"] = iter(fields["entry_points"])
    parameters = fields["parameters"]
    given["parameters"] = (
        MappingProxyType(parameters) if isinstance(parameters, dict) else list(parameters)
    )
    assert _data_outcome(lambda: ConferenceData(**fields)) == _data_outcome(
        lambda: ConferenceData(**given)
    )


def _factory_edges() -> Iterator[tuple[EntryPointType, str, dict[str, Any]]]:
    """Each named constructor with one argument at, or past, a boundary of its rule."""
    uris = {
        EntryPointType.VIDEO: "https://acme.example/j/1",
        EntryPointType.PHONE: "tel:+12025550123",
        EntryPointType.SIP: "sip:1@sip.acme.example",
        EntryPointType.MORE: "https://acme.example/more",
    }
    long_uris = ["x" * 620, "x" * 640, "x" * 1270, "x" * 1290]
    web: list[Any] = [
        "https://",
        "http://a",
        "HTTPS://a.example",
        "https://-a",
        "ftp://a.example",
        "https:/a",
    ]
    web += ["https://a.example/\u00e9", "https://a.example/\x7f", "https://a.example/ x", "http"]
    web += ["https://a.example:80/x?y#z", "https://a:x", "", Text("https://a.example"), 5]
    dialed: list[Any] = [
        "tel:",
        "tel:+",
        "tel:1",
        "tel:+1 2",
        "tel:+1\t2",
        "tel:+1\u00e9",
        "TEL:+1",
    ]
    dialed += ["sip:", "sip:a", "sip:a b", "SIP:a", "sips:a", "sipx:a", "tel:+1\u2028", 5]
    for kind, uri in uris.items():
        scheme = uri[: uri.index(":") + 1]
        for bad in [*(web if scheme == "https:" else dialed), *(uri + x for x in long_uris)]:
            yield kind, bad, {}
        for count in (323, 324, 650, 651):  # astral characters: two UTF-16 units each
            yield kind, uri + "\U0001f600" * count, {}
        codes = ["pin"] if kind is EntryPointType.MORE else list(_CODE_ARGUMENTS)
        for name in codes:
            limit = 512 if name == "label" else 128
            for value in ["", "x" * (limit // 2), "x" * (limit // 2 + 1), "x" * (limit + 1)]:
                yield kind, uri, {name: value}
            odd: list[object] = [5, Text("x"), "\U0001f600" * (limit // 2)]
            for other in odd:
                yield kind, uri, {name: other}
    phone = uris[EntryPointType.PHONE]
    for region in ["US", "SE", "ZZ", "us", "", "USA", Text("US"), 5]:
        yield EntryPointType.PHONE, phone, {"region_code": region}
    for uri in ["tel:12025550123", "tel:+12025550123", "tel:(202)"]:
        yield EntryPointType.PHONE, uri, {}
        yield EntryPointType.PHONE, uri, {"region_code": "US"}
    all_features: list[object] = [(), [], [_TOLL], (_TOLL_FREE,), [_TOLL, _TOLL]]
    all_features += [[_TOLL, _TOLL_FREE], ["toll"], "toll", None, 5, {_TOLL}, frozenset(), [5]]
    for features in all_features:
        yield EntryPointType.PHONE, phone, {"features": features}


_CODE_ARGUMENTS = ("label", "pin", "access_code", "meeting_code", "passcode", "password")


@pytest.mark.parametrize(("kind", "uri", "given"), list(_factory_edges()), ids=repr)
def test_factories_at_each_edge_make_what_init_makes(
    kind: EntryPointType, uri: Any, given: dict[str, Any]
) -> None:
    """The named constructors' straight pass against ``__init__``, one argument at a time at,
    or past, a boundary (the generated test above rarely draws these)."""
    named = {
        EntryPointType.VIDEO: EntryPoint.video,
        EntryPointType.PHONE: EntryPoint.phone,
        EntryPointType.SIP: EntryPoint.sip,
        EntryPointType.MORE: EntryPoint.more,
    }[kind]
    fields: dict[str, Any] = {"label": None, "region_code": None, "features": ()}
    fields.update(dict.fromkeys(_CODE_ARGUMENTS))
    fields.update(given)

    def init() -> EntryPoint:
        return EntryPoint(
            kind,
            uri,
            fields["label"],
            fields["pin"],
            fields["access_code"],
            fields["meeting_code"],
            fields["passcode"],
            fields["password"],
            fields["region_code"],
            fields["features"],
        )

    assert _outcome(lambda: named(uri, **given)) == _outcome(init)
