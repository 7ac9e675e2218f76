"""The proofs behind the generated passes' guards (issue 27): a guard may only skip a rule that
would stay silent.

For every guard: whenever it holds, the rule it guards reports nothing (and returns what the
generated code assumes). Proved exhaustively over the finite domains (entry point types,
features, solution types, result flags) and over boundary-rich candidate strings, then with
Hypothesis over arbitrary strings. The guards-off mode of the same generators is the
reference the guarded passes and value checks are compared with. A mutation test loosens each
guard by one step (a condition dropped, a bound moved by one) and expects its proof to fail,
so the proofs can tell a wrong guard from a right one.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confdata import (
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    SolutionType,
)
from confdata._core import spec
from confdata._core.gen import guards as g
from confdata._core.gen.passes import RULES, generate
from confdata._core.sink import Sink
from confdata._core.values import GENERATED, VALUE_CLASSES, ConferenceData, generated
from confdata.fixtures import FIXTURES
from confdata.testing import addon_json, calendar_json, conference_data

from .payloads import addon_payload, calendar_payload

V, P, S, M = (EntryPointType.VIDEO, EntryPointType.PHONE, EntryPointType.SIP, EntryPointType.MORE)
TOLL, FREE = EntryPointFeature.TOLL, EntryPointFeature.TOLL_FREE


def compiled(guard: g.Guard, template: str | None = None) -> Callable[..., bool]:
    """The guard as a function of its parameters (``template`` replaces its own)."""
    variant = g.Guard(guard.rule, guard.params, template or guard.template)
    body = variant.render(**{p: p for p in guard.params})
    function: Callable[..., bool] = eval(f"lambda {', '.join(guard.params)}: {body}", dict(g.ENV))
    return function


def silent(rule: str, *args: Any, **kwargs: Any) -> tuple[bool, object]:
    """Whether ``rule`` reports nothing into a fresh sink, and what it returned."""
    sink = Sink()
    returned = RULES[rule](sink, *args, **kwargs)
    return not sink.finish(), returned


# --- the candidate domains ---------------------------------------------------------------------


def _texts() -> list[spec.Text]:
    """Every string member of both forms and of the values, once."""
    shapes = [*spec.VALUES.values(), spec.ADDON_CONFERENCE, spec.CALENDAR_CONFERENCE]
    found: list[spec.Text] = []
    for shape in shapes:
        for _, member in spec.walk(shape):
            if isinstance(member, spec.Text) and member not in found:
                found.append(member)
    return found


TEXTS = _texts()


class _Sub(str):
    """A str subclass: the rule reads it as its text, so a guard must not pass it through."""


def text_candidates(limit: int | None) -> list[object]:
    """Strings at and around a limit, in one and two UTF-16 units a character, and values
    that are not exact strings."""
    out: list[object] = ["", "a", "é", "\U0001f600", _Sub("a"), b"ab", None, 5, ["a"]]
    if limit is not None:
        for char in ("a", "é", "\U0001f600"):
            for length in (limit // 2, limit // 2 + 1, limit - 1, limit, limit + 1):
                out.append(char * max(length, 0))
    return out


URIS = [
    "https://a.example/j/1",
    "http://a.example",
    "HTTPS://a.example/",
    "https://a.example:8443/x",
    "https://a.example:99999/x",
    "https://",
    "https:///x",
    "https://a b.example/",
    "https://a.example/\u200b",
    "ftp://a.example/",
    "a.example/j",
    "tel:+12025550123",
    "tel:12025550123",
    "tel:",
    "tel:+",
    "tel:abc",
    "TEL:+1",
    "sip:1@a.example",
    "sips:1@a.example",
    "sip:",
    "mailto:a@b",
]
KINDS: list[EntryPointType | None] = [V, P, S, M, None]
FEATURE_SETS: list[list[EntryPointFeature | None] | None] = [
    None,
    [],
    [TOLL],
    [FREE],
    [TOLL, TOLL],
    [TOLL, FREE],
    [None],
    [TOLL, None],
]


def kind_lists(longest: int) -> Iterator[list[EntryPointType | None]]:
    for length in range(longest + 1):
        for combination in itertools.product(KINDS, repeat=length):
            yield list(combination)
    for length in (spec.MAX_ITEMS, spec.MAX_ITEMS + 1):
        yield [None] * length


def key_lists() -> Iterator[list[str | None]]:
    for length in range(4):
        for combination in itertools.product(["a", "b", None], repeat=length):
            yield list(combination)
    for length in (spec.MAX_ITEMS, spec.MAX_ITEMS + 1):
        yield [f"k{i}" for i in range(length)]


FLAGS = (False, True)
COUNTS: tuple[int | None, ...] = (None, 0, 1, 2)
SOLUTION_KINDS: tuple[SolutionType | None, ...] = (None, *SolutionType)


# --- the proofs: one per guarded rule ------------------------------------------------------------

Proof = Callable[[Callable[..., bool]], None]


def prove_text(member: spec.Text) -> Proof:
    def proof(guard: Callable[..., bool]) -> None:
        for value in text_candidates(member.limit):
            if guard(value):
                quiet, returned = silent("text", value, member, ("",), "x")
                assert quiet, (member, value)
                # The pass keeps the value itself: the rule must return exactly it.
                assert returned is value, (member, value)

    return proof


def prove_entry_point(guard: Callable[..., bool]) -> None:
    for kind, uri, label, region, features in itertools.product(
        KINDS, [None, *URIS], [None, "l"], [None, "US", "ZZ", "usa"], FEATURE_SETS
    ):
        if guard(kind, uri, label, region, features):
            quiet, _ = silent(
                "entry_point", spec.CALENDAR, ("",), kind, uri, label, region, features
            )
            assert quiet, (kind, uri, label, region, features)


def prove_entry_point_set(guard: Callable[..., bool]) -> None:
    for kinds in kind_lists(4):
        if guard(kinds):
            quiet, _ = silent("entry_point_set", kinds, spec.CALENDAR, ("",))
            assert quiet, kinds


def prove_parameter_set(guard: Callable[..., bool]) -> None:
    for keys in key_lists():
        if guard(keys):
            quiet, _ = silent("parameter_set", keys, ("",), "parameters")
            assert quiet, keys


def prove_solution_type(guard: Callable[..., bool]) -> None:
    for kind in SOLUTION_KINDS:
        if guard(kind):
            quiet, _ = silent("solution_type", kind, ("",), "type")
            assert quiet, kind


def prove_solution_id(guard: Callable[..., bool]) -> None:
    for value, known in itertools.product(["a", "b", ""], [frozenset(), frozenset({"a"})]):
        if guard(value, known):
            quiet, _ = silent("solution_id_known", value, known, ("",))
            assert quiet, (value, known)


def prove_calendar_result(guard: Callable[..., bool]) -> None:
    for solution, request, count, kind, has_id in itertools.product(
        FLAGS, FLAGS, COUNTS, SOLUTION_KINDS, FLAGS
    ):
        if guard(solution, request, count, kind, has_id):
            quiet, missing = silent(
                "calendar_result",
                ("",),
                has_solution=solution,
                has_request=request,
                entry_points=count,
                solution_kind=kind,
                has_conference_id=has_id,
            )
            assert quiet, (solution, request, count, kind, has_id)
            assert missing == ()  # the pass takes nothing as missing when it skips


def prove_addon_result(guard: Callable[..., bool]) -> None:
    for error, ignored, has_id, count, solution_id in itertools.product(
        FLAGS, ([], ["conferenceId"]), FLAGS, COUNTS, FLAGS
    ):
        if guard(error, ignored, has_id, count, solution_id):
            quiet, missing = silent(
                "addon_result",
                ("",),
                has_error=error,
                ignored=ignored,
                has_conference_id=has_id,
                entry_points=count,
                has_solution_id=solution_id,
            )
            assert quiet, (error, ignored, has_id, count, solution_id)
            assert missing == ()


def prove_model_result(guard: Callable[..., bool]) -> None:
    for error, request, solution, kind, has_id, count, ignored in itertools.product(
        FLAGS, FLAGS, FLAGS, SOLUTION_KINDS, FLAGS, (0, 1, 2), ([], ["notes"])
    ):
        if guard(error, request, solution, kind, has_id, count, ignored):
            quiet, missing = silent(
                "model_result",
                ("",),
                has_error=error,
                has_request=request,
                has_solution=solution,
                solution_kind=kind,
                has_conference_id=has_id,
                entry_points=count,
                ignored=ignored,
            )
            assert quiet, (error, request, solution, kind, has_id, count, ignored)
            assert missing == ()


PROOFS: dict[str, Proof] = {
    "entry_point": prove_entry_point,
    "entry_point_set": prove_entry_point_set,
    "parameter_set": prove_parameter_set,
    "solution_type": prove_solution_type,
    "solution_id": prove_solution_id,
    "calendar_result": prove_calendar_result,
    "addon_result": prove_addon_result,
    "model_result": prove_model_result,
}


def test_every_guard_has_a_proof() -> None:
    """No guard goes unproved: a new guard needs a proof here before it can be used."""
    assert set(g.GUARDS) == set(PROOFS)


@pytest.mark.parametrize("rule", sorted(PROOFS))
def test_a_guard_that_holds_means_its_rule_is_silent(rule: str) -> None:
    """Exhaustively over the finite domains and the boundary candidates: guard ⇒ silence."""
    PROOFS[rule](compiled(g.GUARDS[rule]))


@pytest.mark.parametrize("member", TEXTS, ids=lambda m: f"{m.json}-{m.limit}")
def test_a_text_guard_that_holds_means_the_text_rule_is_silent(member: spec.Text) -> None:
    """Every string member's guard: at, below and past its limit, and for non-strings."""
    prove_text(member)(compiled(g.text_guard(member)))


_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(max_codepoint=0x7F)),
    st.integers(0, 2000).flatmap(
        lambda n: st.sampled_from(["a", "é", "\U0001f600"]).map(lambda c: c * n)
    ),
)


@settings(max_examples=300)
@given(_TEXT, st.sampled_from(TEXTS))
def test_text_guards_hold_for_any_string(value: str, member: spec.Text) -> None:
    """Hypothesis over strings: a text guard that holds means the rule says nothing."""
    if compiled(g.text_guard(member))(value):
        quiet, returned = silent("text", value, member, ("",), "x")
        assert quiet
        assert returned is value


_URI = st.one_of(
    st.sampled_from(URIS),
    st.builds(
        "{}:{}".format,
        st.sampled_from(["http", "https", "tel", "sip", "sips", "HTTP", "ftp", ""]),
        st.text(max_size=30),
    ),
    st.text(max_size=30),
)


@settings(max_examples=400)
@given(
    st.sampled_from(KINDS),
    st.none() | _URI,
    st.none() | st.text(max_size=3),
    st.none() | st.text(max_size=3) | st.sampled_from(["US", "SE", "XK"]),
    st.none() | st.lists(st.sampled_from([TOLL, FREE, None]), max_size=3),
)
def test_the_entry_point_guard_holds_for_any_strings(
    kind: EntryPointType | None,
    uri: str | None,
    label: str | None,
    region: str | None,
    features: list[EntryPointFeature | None] | None,
) -> None:
    """Hypothesis over URIs and members: the entry point guard implies silence."""
    if compiled(g.GUARDS["entry_point"])(kind, uri, label, region, features):
        quiet, _ = silent("entry_point", spec.CALENDAR, ("",), kind, uri, label, region, features)
        assert quiet


def test_an_enum_lookup_gives_what_the_enum_rule_gives() -> None:
    """The passes' inline guard for an enum member (an exact str found in its table) gives
    the member the enum rule returns, and the rule says nothing for it."""
    for _, member in itertools.chain(
        spec.walk(spec.CALENDAR_CONFERENCE), spec.walk(spec.ADDON_CONFERENCE)
    ):
        choice = member.item if isinstance(member, spec.Many) else member
        if not isinstance(choice, spec.Choice):
            continue
        for spelling, found in choice.table.items():
            quiet, returned = silent("enum_value", spelling, choice.table, choice.name, ("",), "x")
            assert quiet
            assert returned is found


# --- loosening a guard must break its proof ----------------------------------------------------


def _conjuncts(template: str) -> list[str]:
    """The template's top-level ``and`` conditions (outside any parentheses)."""
    parts, depth, start = [], 0, 0
    index = 0
    while index < len(template):
        char = template[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and template.startswith(" and ", index):
            parts.append(template[start:index])
            start = index + len(" and ")
            index = start
            continue
        index += 1
    parts.append(template[start:])
    return parts


_BOUND = re.compile(r"(<=|<|==|!=) (\d+|MAX_ITEMS|SHOWN_PHONES)")


def loosened(template: str) -> Iterable[str]:
    """Each one-step loosening: one top-level condition dropped, or one bound moved by one
    the way that admits more."""
    conjuncts = _conjuncts(template)
    if len(conjuncts) > 1:
        for index in range(len(conjuncts)):
            yield " and ".join(c for i, c in enumerate(conjuncts) if i != index)
    else:
        yield "True"
    for match in _BOUND.finditer(template):
        operator, bound = match.groups()
        moved = {"<=": f"<= {bound} + 1", "<": f"<= {bound}", "==": f"<= {bound} + 1"}.get(
            operator, f"!= {bound} + 1"
        )
        yield template[: match.start()] + moved + template[match.end() :]


def _loosenings() -> list[tuple[str, str, Proof, g.Guard]]:
    cases = [
        (rule, variant, PROOFS[rule], guard)
        for rule, guard in g.GUARDS.items()
        for variant in loosened(guard.template)
    ]
    for member in TEXTS:
        guard = g.text_guard(member)
        cases += [
            (f"text {member.json} {member.limit}", variant, prove_text(member), guard)
            for variant in loosened(guard.template)
        ]
    return cases


@pytest.mark.parametrize(
    ("name", "variant", "proof", "guard"),
    _loosenings(),
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_loosened_guard_fails_its_proof(
    name: str, variant: str, proof: Proof, guard: g.Guard
) -> None:
    """Loosened by one step, every guard fails its proof: the proofs can tell a wrong guard
    from a right one, and no guard holds a condition it does not need."""
    with pytest.raises(AssertionError):
        proof(compiled(guard, variant))


# --- guards off: the reference -----------------------------------------------------------------

_UNGUARDED = {
    form.name: generate(form, "check", guards=False)[0] for form in (spec.CALENDAR, spec.ADDON)
}
_GUARDED = {form.name: generate(form, "check")[0] for form in (spec.CALENDAR, spec.ADDON)}


def _problems(run: Callable[..., None], value: object) -> list[tuple[str, str, str]]:
    sink = Sink()
    run(sink, value, "", None)
    return [(p.code, p.path, p.message) for p in sink.finish()]


_JUNK = st.sampled_from([None, 5, "x", [], {}, [None], {"a": 1}, "ftp://x", "", "tel:", "UNKNOWN"])


def _mutated(draw: Callable[..., Any], value: Any) -> Any:
    """``value`` with one member, or one member of its first entry point, replaced."""
    changed = copy.deepcopy(value)
    if isinstance(changed, dict) and changed:
        key = draw(st.sampled_from(sorted(changed)))
        changed[key] = draw(_JUNK)
        points = changed.get("entryPoints")
        if isinstance(points, list) and points and isinstance(points[0], dict) and points[0]:
            member = draw(st.sampled_from(sorted(points[0])))
            points[0][member] = draw(_JUNK)
    return changed


@settings(max_examples=150)
@given(st.data())
def test_guarded_passes_report_what_unguarded_ones_report(data: st.DataObject) -> None:
    """Over generated and mutated payloads of both forms, the guarded pass gives exactly the
    problems of the same pass with every guard off (codes, paths, messages, order)."""
    form: Literal["calendar", "addon"] = data.draw(st.sampled_from(["calendar", "addon"]))
    strategy = calendar_json() if form == "calendar" else addon_json(errors=True)
    value = data.draw(strategy)
    for payload in (value, _mutated(data.draw, value)):
        assert _problems(_GUARDED[form], payload) == _problems(_UNGUARDED[form], payload)


@pytest.mark.parametrize("make", list(FIXTURES.values()), ids=list(FIXTURES))
def test_guarded_and_unguarded_passes_agree_on_every_fixture(
    make: Callable[[], ConferenceData],
) -> None:
    """Each fixture, in both forms and with each entry point broken: the same problems."""
    data = attrs.evolve(make(), lenient=True)  # written as it is, in either form
    forms: list[tuple[Literal["calendar", "addon"], Any]] = [
        ("calendar", data.to_calendar_json()),
        ("addon", data.to_addon_json()),
    ]
    for form, payload in forms:
        for broken in (payload, {**payload, "entryPoints": [{"uri": 5}, "x", None]}):
            assert _problems(_GUARDED[form], broken) == _problems(_UNGUARDED[form], broken)


def test_guarded_and_unguarded_passes_agree_on_the_test_payloads() -> None:
    """The hand-written payloads of the suite, valid and each rule broken, agree too."""
    payloads: list[tuple[Literal["calendar", "addon"], Any]] = [
        ("calendar", calendar_payload()),
        ("addon", addon_payload()),
    ]
    for form, payload in payloads:
        assert _problems(_GUARDED[form], payload) == _problems(_UNGUARDED[form], payload)


_VALUE_CHECKS = {cls.__name__: generated(cls, guards=False).check for cls in VALUE_CLASSES}


@settings(max_examples=100)
@given(conference_data(errors=True))
def test_guarded_and_unguarded_value_checks_agree(data: ConferenceData) -> None:
    """A value's problems are what the same check with every guard off finds, for the
    conference and each of its parts."""
    values: list[Any] = [data, *data.entry_points, *data.parameters]
    for value in values:
        made = GENERATED[type(value).__name__]
        fields = [getattr(value, name) for name in made.fields]
        assert made.check(*fields, value.kept) == _VALUE_CHECKS[type(value).__name__](
            *fields, value.kept
        )


def test_the_unknown_members_are_kept_in_mind() -> None:
    """Sanity of the domains above: they include every entry point type and error type the
    forms know, so exhaustive means exhaustive."""
    assert set(KINDS) - {None} == set(spec.ENTRY_POINT_TYPES)
    assert set(SOLUTION_KINDS) - {None} == set(SolutionType)
    assert {ConferenceErrorType(t) for t in spec.ERROR_TYPES} == set(ConferenceErrorType)
