"""Hostile input: no unexpected exceptions, bounded cost, and no secret ever shown."""

from __future__ import annotations

import contextlib
import copy
import json
import math
import os
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import confdata
import confdata.schema
import confdata.sync
from confdata import (
    ConferenceData,
    ConferenceDataBuilder,
    ConferenceErrorBuilder,
    ConferenceParameterBuilder,
    ConferenceSolutionBuilder,
    CreateRequestBuilder,
    EntryPoint,
    EntryPointBuilder,
    Problem,
    ValidationError,
    cli,
    validate_addon_json,
    validate_calendar_json,
    validate_manifest_json,
)
from confdata.testing import addon_json, calendar_json

from .payloads import addon_payload, calendar_payload

with warnings.catch_warnings():  # the parser behind re; its public name is deprecated
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_parse

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=25,
)


class Boom(Exception):
    """Raised by the hostile objects below."""


class RaisingRepr:
    def __repr__(self) -> str:
        raise Boom

    __str__ = __repr__


class EvilStr(str):
    def __repr__(self) -> str:
        raise Boom

    def __len__(self) -> int:
        raise Boom

    def __hash__(self) -> int:
        raise Boom

    def lower(self) -> str:
        raise Boom


class EvilDict(dict[Any, Any]):
    def get(self, *args: Any, **kwargs: Any) -> Any:
        raise Boom

    def items(self) -> Any:
        raise Boom


class EvilList(list[Any]):
    def __iter__(self) -> Any:
        raise Boom

    def __len__(self) -> int:
        raise Boom


python_values = st.one_of(
    json_values,
    st.binary(max_size=10),
    st.sets(st.integers(), max_size=3),
    st.tuples(st.integers(), st.text()),
    st.builds(RaisingRepr),
    st.builds(EvilStr, st.text(max_size=10)),
    st.builds(EvilDict, st.dictionaries(st.text(max_size=5), st.integers(), max_size=2)),
    st.builds(EvilList, st.lists(st.integers(), max_size=2)),
    st.sampled_from([math.nan, math.inf, -math.inf, "\ud800", "a\udfffb", object(), type, ...]),
)

GUARD = "could not be read"


def _no_internal_failure(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.code in confdata.RULES
        assert GUARD not in problem.message, problem


@given(json_values)
def test_plain_json_never_needs_the_guard(value: object) -> None:
    """Plain JSON values are checked by the walkers themselves, never by the safety net."""
    _no_internal_failure(validate_calendar_json(value))
    _no_internal_failure(validate_addon_json(value))
    _no_internal_failure(validate_manifest_json(value))


def _mutations(payload: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Drop, duplicate, retype, lengthen or swap members of a valid payload."""

    @st.composite
    def mutate(draw: st.DrawFn) -> dict[str, Any]:
        doc = copy.deepcopy(payload)
        for _ in range(draw(st.integers(1, 4))):
            containers: list[Any] = [doc]
            stack: list[Any] = [doc]
            while stack:
                node = stack.pop()
                children = node.values() if type(node) is dict else node
                for child in children:
                    if type(child) in (dict, list):  # not the hostile subclasses
                        containers.append(child)
                        stack.append(child)
            target = draw(st.sampled_from(containers))
            keys = list(target) if isinstance(target, dict) else list(range(len(target)))
            if not keys:
                continue
            key = draw(st.sampled_from(keys))
            action = draw(st.sampled_from(["drop", "duplicate", "retype", "lengthen", "swap"]))
            if action == "drop":
                del target[key]
            elif action == "duplicate" and isinstance(target, list):
                target.append(target[key])
            elif action == "duplicate":
                target[f"{key}_copy"] = target[key]
            elif action == "retype":
                target[key] = draw(python_values)
            elif action == "lengthen":
                # Past every limit, but bounded: mutations repeat, and a string or a list
                # of lists multiplied each time would grow without end (a string lengthened
                # twice ran out of memory; the huge-input tests are separate, below).
                value = target[key]
                if type(value) is str:
                    target[key] = value[:40] * 3000
                elif type(value) is list:
                    target[key] = value[:1] * 400
                else:
                    target[key] = [value] * 400
            else:
                other = draw(st.sampled_from(keys))
                target[key], target[other] = target[other], target[key]
        return doc

    return mutate()


@settings(max_examples=60)
@given(st.data())
def test_mutated_payloads_never_raise(data: st.DataObject) -> None:
    """Mutations of valid payloads in either form get problems, never exceptions."""
    payload = data.draw(calendar_json(errors=True) | addon_json(errors=True))
    doc = data.draw(_mutations(payload))
    for validate in (validate_calendar_json, validate_addon_json):
        for problem in validate(doc):
            assert problem.code in confdata.RULES
            assert str(problem)
    for read in (ConferenceData.from_calendar_json, ConferenceData.from_addon_json):
        for lenient in (False, True):
            try:
                value = read(doc, lenient=lenient)
            except ValidationError as error:
                assert error.problems  # noqa: PT017 - either outcome is allowed here
            else:
                assert isinstance(value, ConferenceData)


@given(python_values)
def test_arbitrary_python_objects_never_escape(value: object) -> None:
    """Any Python object, hostile ones included, in any member: problems, never exceptions."""
    for place in ("root", "conferenceId", "entryPoints", "entry", "uri", "key"):
        calendar = calendar_payload()
        addon = addon_payload()
        if place == "root":
            calendar = addon = value  # type: ignore[assignment]
        elif place == "entry":
            calendar["entryPoints"][0] = addon["entryPoints"][0] = value
        elif place == "uri":
            calendar["entryPoints"][0]["uri"] = addon["entryPoints"][0]["uri"] = value
        elif place == "key":
            try:
                calendar[value] = addon[value] = 1  # type: ignore[index]
            except Exception:
                continue
        else:
            calendar[place] = addon[place] = value
        assert isinstance(validate_calendar_json(calendar), list)
        assert isinstance(validate_addon_json(addon), list)
        for read, doc in (
            (ConferenceData.from_calendar_json, calendar),
            (ConferenceData.from_addon_json, addon),
        ):
            with contextlib.suppress(ValidationError):
                read(doc, lenient=True)


BUILDER_STEPS: list[tuple[Any, str]] = [
    (ConferenceDataBuilder, "conference_id"),
    (ConferenceDataBuilder, "entry_point"),
    (ConferenceDataBuilder, "entry_points"),
    (ConferenceDataBuilder, "parameter"),
    (ConferenceDataBuilder, "notes"),
    (ConferenceDataBuilder, "error"),
    (ConferenceDataBuilder, "conference_solution_id"),
    (ConferenceDataBuilder, "conference_solution"),
    (ConferenceDataBuilder, "create_request"),
    (ConferenceDataBuilder, "signature"),
    (ConferenceDataBuilder, "from_data"),
    (EntryPointBuilder, "type"),
    (EntryPointBuilder, "uri"),
    (EntryPointBuilder, "label"),
    (EntryPointBuilder, "pin"),
    (EntryPointBuilder, "access_code"),
    (EntryPointBuilder, "meeting_code"),
    (EntryPointBuilder, "passcode"),
    (EntryPointBuilder, "password"),
    (EntryPointBuilder, "region_code"),
    (EntryPointBuilder, "feature"),
    (ConferenceParameterBuilder, "key"),
    (ConferenceParameterBuilder, "value"),
    (ConferenceErrorBuilder, "type"),
    (ConferenceErrorBuilder, "authentication_url"),
    (ConferenceSolutionBuilder, "key_type"),
    (ConferenceSolutionBuilder, "name"),
    (ConferenceSolutionBuilder, "icon_uri"),
    (CreateRequestBuilder, "request_id"),
    (CreateRequestBuilder, "solution_type"),
    (EntryPoint, "video"),
    (EntryPoint, "phone"),
    (EntryPoint, "sip"),
    (EntryPoint, "more"),
]


@pytest.mark.parametrize(
    ("make", "step"), BUILDER_STEPS, ids=[f"{m.__name__}.{s}" for m, s in BUILDER_STEPS]
)
def test_builder_steps_with_arbitrary_arguments(make: Any, step: str) -> None:
    """Every builder step and named constructor takes any argument: a result or a
    ValidationError naming the problem. The one exception is the argument's own: when
    iterating or hashing a hostile object raises, that exception (Boom) passes through as it
    would from ``list(obj)``; confdata adds none of its own."""

    @settings(max_examples=40)
    @given(python_values)
    def check(value: object) -> None:
        target = (
            make()
            if isinstance(make, type) and step not in ("video", "phone", "sip", "more", "from_data")
            else make
        )
        try:
            getattr(target, step)(value)
        except ValidationError as error:
            assert error.problems  # noqa: PT017 - either outcome is allowed here
        except Boom:
            assert isinstance(value, (EvilList, EvilStr, EvilDict))

    check()


@given(python_values, python_values)
def test_value_classes_with_arbitrary_arguments(first: object, second: object) -> None:
    """The value classes' own __init__ turns any argument into a ValidationError."""
    for make in (
        lambda: confdata.EntryPoint(type=first, uri=second),  # type: ignore[arg-type]
        lambda: confdata.EntryPoint(type="phone", uri="tel:+1", features=first),  # type: ignore[arg-type]
        lambda: confdata.ConferenceParameter(key=first, value=second),  # type: ignore[arg-type]
        lambda: confdata.ConferenceError(type=first, authentication_url=second),  # type: ignore[arg-type]
        lambda: confdata.ConferenceSolution(key_type=first, name=second),  # type: ignore[arg-type]
        lambda: confdata.CreateRequest(request_id=first, solution_type=second),  # type: ignore[arg-type]
        lambda: confdata.ConferenceData(conference_id=first, entry_points=second),  # type: ignore[arg-type]
        lambda: confdata.ConferenceData(conference_id="c", entry_points=(), parameters=first),  # type: ignore[arg-type]
        lambda: confdata.ConferenceDataBuilder(conference_id=first, entry_points=second),  # type: ignore[arg-type]
        lambda: confdata.ConferenceDataBuilder(conference_id="c", parameters=first),  # type: ignore[arg-type]
        lambda: confdata.ConferenceDataBuilder(notes=first, signature=second),  # type: ignore[arg-type]
        lambda: confdata.EntryPoint.phone("tel:+1", features=first, region_code=second),  # type: ignore[arg-type]
        lambda: confdata.Manifest(solutions=first),  # type: ignore[arg-type]
        lambda: confdata.ManifestSolution(
            id=first,  # type: ignore[arg-type]
            name=second,  # type: ignore[arg-type]
            on_create_function="f",
            logo_url="l",
        ),
        lambda: confdata.Manifest.from_json(first),
        lambda: confdata.Manifest.load(first),  # type: ignore[arg-type]
    ):
        try:
            make()
        except ValidationError as error:
            assert error.problems  # noqa: PT017 - either outcome is allowed here
        except Boom:  # the argument's own exception, as in the builder test above
            assert isinstance(first, (EvilList, EvilStr, EvilDict)) or isinstance(
                second, (EvilList, EvilStr, EvilDict)
            )


def test_deep_nesting_everywhere() -> None:
    """100,000 levels of nesting anywhere are reported, read and written back without
    recursion."""
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    payload = calendar_payload()
    payload["future"] = deep
    assert [p.code for p in validate_calendar_json(payload)] == ["unknown-field"]
    data = ConferenceData.from_calendar_json(payload, lenient=True)
    assert data.to_calendar_json()["future"] is not deep  # type: ignore[typeddict-item]
    for place in ("notes", "entryPoints", "parameters", "conferenceSolution"):
        broken = calendar_payload()
        broken[place] = deep
        assert "type" in {p.code for p in validate_calendar_json(broken)}


def test_a_million_entry_points_get_a_summarised_answer() -> None:
    """A million entry points: linear work, and at most 100 problems of a code plus a count."""
    payload = calendar_payload()
    payload["entryPoints"] = [{"entryPointType": "video", "uri": "ftp://x"}] * 1_000_000
    problems = validate_calendar_json(payload)
    by_code: dict[str, int] = {}
    for problem in problems:
        by_code[problem.code] = by_code.get(problem.code, 0) + 1
    assert by_code == {"max-items": 1, "uri-scheme": 101, "duplicate-entry-point-type": 101}
    summaries = {p.message for p in problems[-2:]}
    # Counted past the first 100 without being built: the counts are still exact.
    assert any("999,900 more uri-scheme problems" in m for m in summaries)
    assert any("999,899 more duplicate-entry-point-type problems" in m for m in summaries)


def test_many_keys_are_summarised() -> None:
    """100,000 unknown members give 100 problems and one that counts the rest."""
    payload = calendar_payload()
    payload.update({f"x{i}": i for i in range(100_000)})
    problems = validate_calendar_json(payload)
    assert len(problems) == 101
    assert "99,900 more unknown-field problems" in problems[-1].message


def test_ten_megabyte_strings() -> None:
    """10 MB strings in every string member are one short problem each."""
    big = "x" * 10_000_000
    payload = calendar_payload()
    payload["notes"] = big
    payload["conferenceId"] = big
    payload["entryPoints"][0]["uri"] = "https://a.example/" + big
    payload["entryPoints"][1]["pin"] = big
    problems = validate_calendar_json(payload)
    assert sorted(p.path for p in problems) == [
        "/conferenceId",
        "/entryPoints/0/uri",
        "/entryPoints/1/pin",
        "/notes",
    ]
    assert all(len(p.message) < 300 for p in problems)


def _repeats(pattern: str) -> list[Any]:
    """Every loop (a repeat that may run more than once) of a regular expression, with
    whether it stands inside another loop; an optional group is not a loop."""
    found: list[Any] = []

    def walk(items: Any, inside: bool) -> None:
        for op, av in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                loops = av[1] > 1
                if loops:
                    found.append((inside, av))
                walk(av[2], inside or loops)
            elif name == "SUBPATTERN":
                walk(av[-1], inside)
            elif name == "BRANCH":
                for branch in av[1]:
                    walk(branch, inside)

    walk(sre_parse.parse(pattern), False)
    return found


def test_no_regular_expression_can_backtrack_catastrophically() -> None:
    """No regex of confdata nests one repeat inside another (the shape of catastrophic
    backtracking); each is also run on adversarial inputs in `make fuzz`."""
    import confdata._cli.jsontext
    import confdata._core.gen.guards
    import confdata._core.rules.entry_points
    import confdata._core.text

    patterns = [
        value.pattern
        for module in (
            confdata._core.rules.entry_points,
            confdata._core.text,
            confdata._core.gen.guards,
            confdata._cli.jsontext,
        )
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    ]
    assert len(patterns) >= 6
    assert [inside for inside, _ in _repeats("(a+)+")] == [False, True]  # the check can fail
    for pattern in patterns:
        nested = [av for inside, av in _repeats(pattern) if inside]
        assert nested == [], pattern


secrets = st.text(
    st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=8, max_size=20
).map(lambda s: f"S3cr3t{s}")


@given(
    secrets,
    st.sampled_from(["pin", "accessCode", "meetingCode", "passcode", "password"]),
    st.booleans(),
)
def test_secrets_never_leak(secret: str, member: str, too_long: bool) -> None:
    """A secret appears in no repr, str, problem, exception or CLI output."""
    value = secret * 10 if too_long else secret
    attribute = re.sub(r"[A-Z]", lambda m: "_" + m.group().lower(), member)
    payload = calendar_payload()
    payload["entryPoints"][0][member] = value
    payload["entryPoints"][0]["uri"] = "tel:1"  # one more problem, so errors are raised
    texts: list[str] = [str(p) for p in validate_calendar_json(payload)]
    texts += [repr(p) for p in validate_calendar_json(payload)]
    for read in (
        lambda: ConferenceData.from_calendar_json(payload),
        lambda: EntryPoint.video("ftp://x", **{attribute: value}),
        lambda: getattr(EntryPointBuilder(), attribute)(value),
    ):
        try:
            result = read()
            texts += [repr(result), str(result)]
        except ValidationError as error:
            texts += [str(error), repr(error), repr(error.problems)]
    if not too_long:
        ep = EntryPoint.video("https://a.example/", **{attribute: value})
        builder = getattr(EntryPointBuilder(), attribute)(value)
        data = ConferenceDataBuilder().conference_id("c").entry_point(ep).build()
        texts += [repr(ep), str(ep), repr(builder), repr(data), str(data)]
    for text in texts:
        assert secret not in text


def test_secrets_never_leak_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command's outputs in every format mask secrets too."""
    payload = calendar_payload()
    payload["entryPoints"][1]["pin"] = "TopSecretPin" * 20
    path = tmp_path / "leak.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    for fmt in ("text", "json", "github"):
        assert cli.main(["validate", "--format", fmt, str(path)]) == 1
        assert "TopSecretPin" not in capsys.readouterr().out


@settings(max_examples=100)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_cli_on_arbitrary_bytes(content: bytes) -> None:
    """Any bytes in a file: exit 0, 1 or 2 with a message, never an exception."""
    import io
    import tempfile
    from contextlib import redirect_stdout

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_bytes(content)
        out = io.StringIO()
        with redirect_stdout(out):
            status = cli.main(["validate", str(path)])
        assert status in (0, 1, 2)
        assert "checked" in out.getvalue()


def test_cli_symlink_loop_and_undecodable_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A symlink loop is one input error; the other files are still checked."""
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    (tmp_path / "good.json").write_text(json.dumps(calendar_payload()), encoding="utf-8")
    os.close(os.open(os.fsencode(tmp_path) + b"/\xff-name.json", os.O_CREAT | os.O_WRONLY))
    assert cli.main(["validate", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "a.json: input-error" in out
    assert "-name.json: input-error empty file" in out
    assert "checked 1 file(s)" in out


HUGE: Any = 10**5000  # past int_max_str_digits: str(HUGE) raises ValueError


@pytest.mark.parametrize(
    "call",
    [
        lambda: confdata.sync.if_match_headers(HUGE),
        lambda: confdata.sync.sync_events(lambda arguments: {}, HUGE),
        lambda: confdata.patch_arguments(
            confdata.fixtures.video_only(), calendar_id="p", event_id="e", send_updates=HUGE
        ),
        lambda: confdata.patch_arguments(
            confdata.fixtures.video_only(), calendar_id=HUGE, event_id="e"
        ),
        lambda: confdata.schema.json_schema(HUGE),
        lambda: confdata.testing.assert_valid_conference_data({}, form=HUGE),
        lambda: confdata.Manifest.load("appsscript.json", max_bytes=-HUGE),
    ],
    ids=[
        "if_match_headers",
        "sync_token",
        "send_updates",
        "calendar_id",
        "json_schema",
        "assert_form",
        "manifest_max_bytes",
    ],
)
def test_a_huge_int_argument_gets_a_clean_message(call: Any) -> None:
    """An int too long for str() given to an edge function is a ValidationError describing
    it by its digits, never the interpreter's ValueError."""

    with pytest.raises(ValidationError) as raised:
        call()
    assert "an integer of 5,001 digits" in str(raised.value)


def _raising_generator() -> Any:
    yield confdata.EntryPoint.video("https://acme.example/")
    raise RuntimeError("the caller's iterable")


class _RaisingItems(dict[str, str]):
    def items(self) -> Any:
        raise RuntimeError("the caller's mapping")


class _RaisingMapping(Mapping[str, Any]):
    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("the caller's mapping")

    def __iter__(self) -> Any:
        raise RuntimeError("the caller's mapping")

    def __len__(self) -> int:
        return 1


class _RaisingBool:
    def __bool__(self) -> bool:
        raise RuntimeError("the caller's object")


@pytest.mark.parametrize(
    "make",
    [
        lambda: confdata.ConferenceDataBuilder().entry_points(_raising_generator()),
        lambda: confdata.ConferenceDataBuilder(entry_points=_raising_generator()),
        lambda: confdata.ConferenceData(entry_points=_raising_generator()),
        lambda: confdata.ConferenceDataBuilder().parameters(_RaisingMapping()),
        lambda: confdata.ConferenceData(parameters=_RaisingMapping()),
        lambda: confdata.ConferenceData(kept=_RaisingMapping()),  # type: ignore[arg-type]
        lambda: confdata.ConferenceData(conference_id=_RaisingBool()),  # type: ignore[arg-type]
        lambda: confdata.ConferenceData(read_problems=5),  # type: ignore[arg-type]
    ],
)
def test_the_callers_objects_that_raise_give_a_validation_error(make: Any) -> None:
    """An iterable, a mapping or a value of the caller's that raises while it is read is a
    ValidationError naming what could not be read, from the values and builders alike."""
    with pytest.raises(ValidationError):
        make()
    assert isinstance(_RaisingItems(a="b"), dict)  # dict's own items are read, not these
    confdata.ConferenceDataBuilder().parameters(_RaisingItems(a="b"))
