"""SPEC §4.1, how problems combine: one example per decision, and the extended URI rules."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confdata import (
    ConferenceData,
    ConferenceDataBuilder,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
    EntryPointType,
    Severity,
    ValidationError,
    validate_addon_json,
    validate_calendar_json,
)
from confdata._cli.main import main

from .payloads import Payload, addon_payload, calendar_payload


def _found(payload: object) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in validate_calendar_json(payload)]


def _with(**members: Any) -> Payload:
    payload = calendar_payload()
    payload.update(members)
    return payload


# --- One root cause, one problem ---------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (_with(conferenceSolution="addOn"), [("type", "/conferenceSolution")]),
        (_with(entryPoints={"0": {}}), [("type", "/entryPoints")]),
        (
            {
                "createRequest": [],
                "entryPoints": [{"entryPointType": "video", "uri": "https://a.example"}],
            },
            [("type", "/createRequest")],
        ),
        (
            {
                "conferenceSolution": {"key": {"type": "addOn"}},
                "conferenceId": "x",
                "entryPoints": "video",
            },
            [("type", "/entryPoints")],
        ),
    ],
    ids=["solution", "entry points", "create request", "entry points a string"],
)
def test_a_member_of_the_wrong_type_counts_as_present(
    payload: object, expected: list[tuple[str, str]]
) -> None:
    """A present member of the wrong JSON type gets one type problem: no required,
    solution-required or solution-or-request on top of it."""
    assert _found(payload) == expected


def test_an_error_of_the_wrong_type_still_makes_an_error_result() -> None:
    """In the add-on form an error of the wrong type is still an error: no required
    conferenceId or entryPoints, no solution-id-missing."""
    assert [(p.code, p.path) for p in validate_addon_json({"error": "TEMPORARY"})] == [
        ("type", "/error")
    ]


@pytest.mark.parametrize(
    ("member", "value"),
    [("entryPointFeatures", "toll"), ("regionCode", 44)],
)
def test_no_phone_only_rule_on_top_of_a_type_problem(member: str, value: object) -> None:
    """features or regionCode of the wrong type on a video entry point: the type problem
    alone, not feature-not-phone or region-not-phone as well."""
    payload = calendar_payload()
    payload["entryPoints"][0][member] = value
    assert _found(payload) == [("type", f"/entryPoints/0/{member}")]


# --- more-only ---------------------------------------------------------------------------

_MORE = {"entryPointType": "more", "uri": "https://acme.example/more"}


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("not an object", [("type", "/entryPoints/1")]),
        ({"uri": "https://acme.example/x"}, [("required", "/entryPoints/1/entryPointType")]),
        (
            {"entryPointType": "vidoe", "uri": "https://acme.example/x"},
            [("enum", "/entryPoints/1/entryPointType")],
        ),
    ],
    ids=["not an object", "type missing", "type unknown"],
)
def test_more_only_waits_for_every_type_to_be_known(
    other: object, expected: list[tuple[str, str]]
) -> None:
    """A more entry point beside one that is not an object, or whose type is missing or
    unknown, is not more-only: fixing the typo must not reveal a contradiction."""
    assert _found(_with(entryPoints=[_MORE, other])) == expected


def test_only_more_entry_points_of_known_type_is_more_only() -> None:
    """Every entry point recognised, all of them more: more-only at the array."""
    assert _found(_with(entryPoints=[_MORE])) == [("more-only", "/entryPoints")]


# --- Paths of repeated things ------------------------------------------------------------


def test_each_repeated_thing_is_reported_at_its_later_occurrence() -> None:
    """Each later video, each phone past the second, the repeated feature and the repeated
    parameter key: each at its own path."""
    video = {"entryPointType": "video", "uri": "https://acme.example/v"}
    phone = {"entryPointType": "phone", "uri": "tel:+4686000000"}
    payload = _with(entryPoints=[video, phone, video, phone, phone, video])
    payload["entryPoints"][1] = phone | {"entryPointFeatures": ["toll", "toll"]}
    assert _found(payload) == [
        ("duplicate-feature", "/entryPoints/1/entryPointFeatures/1"),
        ("duplicate-entry-point-type", "/entryPoints/2"),
        ("phone-not-shown", "/entryPoints/4"),
        ("duplicate-entry-point-type", "/entryPoints/5"),
    ]
    addon = addon_payload()
    addon["parameters"] = [{"key": "k", "value": "1"}, {"key": "j", "value": "2"}] * 2
    assert [(p.code, p.path) for p in validate_addon_json(addon)] == [
        ("duplicate-parameter-key", "/parameters/2"),
        ("duplicate-parameter-key", "/parameters/3"),
    ]


# --- Bounded reports, everywhere ----------------------------------------------------------


def _ftp(count: int) -> list[dict[str, str]]:
    return [{"entryPointType": "video", "uri": "ftp://acme.example/"}] * count


def _summaries(problems: object) -> dict[str, tuple[int, str | None]]:
    """For each code: how many problems it has, and the message of the last one when it
    counts the rest."""
    counted: dict[str, tuple[int, str | None]] = {}
    for problem in problems:  # type: ignore[attr-defined]
        count = counted.get(problem.code, (0, None))[0] + 1
        counted[problem.code] = (count, problem.message if count > 100 else None)
    return counted


def _strict_read(count: int, _: Path) -> object:
    with pytest.raises(ValidationError) as error:
        ConferenceData.from_calendar_json(_with(entryPoints=_ftp(count)))
    return error.value.problems


def _values(count: int, _: Path) -> object:
    lenient = [
        EntryPoint(type=EntryPointType.VIDEO, uri="ftp://acme.example/", lenient=True)
        for _ in range(count)
    ]
    with pytest.raises(ValidationError) as error:
        ConferenceData(conference_id="c", entry_points=lenient)
    return error.value.problems


def _builder(count: int, _: Path) -> object:
    lenient = EntryPoint(type=EntryPointType.VIDEO, uri="ftp://acme.example/", lenient=True)
    builder = ConferenceDataBuilder(conference_id="c", entry_points=[lenient] * count)
    with pytest.raises(ValidationError) as error:
        builder.build()
    assert builder.problems == error.value.problems
    return error.value.problems


class _Reported:
    def __init__(self, code: str, message: str) -> None:
        self.code, self.message = code, message


def _command_line(count: int, tmp_path: Path, fmt: str = "json") -> object:
    path = tmp_path / "many.json"
    path.write_text(json.dumps(_with(entryPoints=_ftp(count))), encoding="utf-8")
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdout", out)
        assert main(["validate", "--format", fmt, str(path)]) == 1
    if fmt == "text":  # FILE:LINE:COLUMN: SEVERITY CODE PATH: MESSAGE
        rows = [line.split(" ", 3) for line in out.getvalue().splitlines()[:-1]]
        return [_Reported(code, rest.split(": ", 1)[1]) for _, code, rest in (r[1:] for r in rows)]
    report = json.loads(out.getvalue())
    return [_Reported(p["code"], p["message"]) for p in report["files"][0]["problems"]]


_REPORTERS: list[tuple[str, Callable[[int, Path], object]]] = [
    ("validate_calendar_json", lambda n, _: validate_calendar_json(_with(entryPoints=_ftp(n)))),
    ("strict read", _strict_read),
    ("values", _values),
    ("build()", _builder),
    ("command line, json", _command_line),
    ("command line, text", lambda n, path: _command_line(n, path, "text")),
]


def _left_out(more: int, code: str) -> str:
    return (
        f"…and {more:,} more {code} problem{'s' if more != 1 else ''} like those above (only "
        f"the first 100 of each code are listed; this path is the first left out)"
    )


@pytest.mark.parametrize("report", [r for _, r in _REPORTERS], ids=[n for n, _ in _REPORTERS])
@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (250, {"uri-scheme": (101, _left_out(150, "uri-scheme")), "duplicate-entry-point-type": (
            101, _left_out(149, "duplicate-entry-point-type"))}),
        (101, {"uri-scheme": (101, _left_out(1, "uri-scheme")), "duplicate-entry-point-type": (
            100, None)}),
        (100, {"uri-scheme": (100, None), "duplicate-entry-point-type": (99, None)}),
    ],
    ids=["250", "101", "100"],
)  # fmt: skip
def test_every_reporter_lists_at_most_a_hundred_problems_of_a_code_and_counts_the_rest(
    report: Callable[[int, Path], object],
    count: int,
    expected: dict[str, tuple[int, str | None]],
    tmp_path: Path,
) -> None:
    """N video entry points with ftp: URIs (N uri-scheme problems, N - 1 duplicates): the
    validators, the strict reader, the values, build() and the command line all list the
    same 100 of a code, then one problem that counts exactly the rest (250: 150 and 149
    more; 101: one more; 100: none)."""
    assert _summaries(report(count, tmp_path)) == expected


# --- Secrets in URIs ---------------------------------------------------------------------


def test_secrets_inside_uris_are_masked_in_messages() -> None:
    """The userinfo password and the pwd/passcode/password/pin query values never show."""
    uri = "https://ann:hunter2@acme.example/j/1?pwd=Zm9vYmFy&pin=4242&x=1"
    payload = calendar_payload()
    payload["entryPoints"][1]["uri"] = uri  # a phone: uri-scheme shows the URI
    (problem,) = validate_calendar_json(payload)
    assert problem.code == "uri-scheme"
    for secret in ("hunter2", "Zm9vYmFy", "4242"):
        assert secret not in problem.message
    assert "ann:<masked>@acme.example" in problem.message


# --- conferenceId of an addOn conference --------------------------------------------------


def test_an_add_on_conference_needs_its_id_but_googles_own_types_do_not() -> None:
    """Stricter than the discovery document, as strict as an add-on's data can be."""
    missing = calendar_payload()
    del missing["conferenceId"]
    assert _found(missing) == [("required", "/conferenceId")]
    missing["conferenceSolution"]["key"]["type"] = "hangoutsMeet"
    assert _found(missing) == []


# --- The extended uri-malformed row, and empty conferenceSolutionId --------------------------


@pytest.mark.parametrize(
    ("index", "uri"),
    [
        (0, "https://acme.example/\u200bj/1"),  # zero-width space (Cf)
        (0, "https://acme.example/\u202ej/1"),  # right-to-left override (Cf)
        (0, "https://acme.example/j/1\u0085"),  # next line (Cc)
        (0, "https://acme.example:99999/j/1"),  # port past 65535
        (0, "https://acme.example:80a/j/1"),  # a port that is no number
        (1, "tel:+"),  # nothing to dial
        (1, "tel:;phone-context=example.com"),
        (2, "sip:"),  # nothing after the scheme
    ],
)
def test_uri_malformed_covers_invisible_characters_ports_and_dialless_tel(
    index: int, uri: str
) -> None:
    """Each of these is one uri-malformed problem, and nothing else."""
    payload = calendar_payload()
    payload["entryPoints"][index]["uri"] = uri
    assert _found(payload) == [("uri-malformed", f"/entryPoints/{index}/uri")]


def test_a_uri_gets_at_most_one_uri_malformed() -> None:
    """A space and a port out of range: one uri-malformed, for the first reason."""
    payload = calendar_payload()
    payload["entryPoints"][0]["uri"] = "https://acme.example:99999/a b"
    problems = validate_calendar_json(payload)
    assert [(p.code, p.path) for p in problems] == [("uri-malformed", "/entryPoints/0/uri")]
    assert "U+0020" in problems[0].message


def test_a_uri_without_a_scheme_depends_on_whether_the_type_is_known() -> None:
    """No scheme: uri-scheme with a known type (it says which scheme), uri-malformed with
    an unknown one (there is no scheme to expect)."""
    payload = calendar_payload()
    payload["entryPoints"][0]["uri"] = "acme.example/j/1"
    assert _found(payload) == [("uri-scheme", "/entryPoints/0/uri")]
    payload["entryPoints"][0]["entryPointType"] = "hologram"
    assert _found(payload) == [
        ("enum", "/entryPoints/0/entryPointType"),
        ("uri-malformed", "/entryPoints/0/uri"),
    ]


def test_an_empty_solution_id_is_the_empty_rule() -> None:
    """conferenceSolutionId is one of the members that must not be empty."""
    payload = addon_payload()
    payload["conferenceSolutionId"] = ""
    assert [(p.code, p.path) for p in validate_addon_json(payload)] == [
        ("empty", "/conferenceSolutionId")
    ]


# --- Hints for the wrong thing passed -----------------------------------------------------


@pytest.mark.parametrize(
    ("document", "shape"),
    [
        ({"kind": "calendar#event", "id": "e1", "conferenceData": calendar_payload()}, "Event"),
        ({"id": "e1", "summary": "Standup", "conferenceData": calendar_payload()}, "Event"),
        ({"kind": "calendar#events", "items": [], "nextSyncToken": "t"}, "events.list"),
    ],
    ids=["event", "event without kind", "events list page"],
)
def test_an_event_or_a_page_gets_one_problem_saying_what_to_pass(
    document: Payload, shape: str
) -> None:
    """A whole Event resource, or an events.list page, is one type problem at the root that
    says to pass event["conferenceData"]; the lenient reader raises it too."""
    for validate in (validate_calendar_json, validate_addon_json):
        (problem,) = validate(document)
        assert (problem.code, problem.path) == ("type", "")
        assert shape in problem.message
        assert "event['conferenceData']" in problem.message
    with pytest.raises(ValidationError, match="conferenceData"):
        ConferenceData.from_calendar_json(document, lenient=True)


def test_the_other_forms_members_get_a_hint() -> None:
    """Calendar-form members checked as the add-on form (and the reverse) say which form
    they belong to."""
    problems = validate_addon_json(calendar_payload())
    hinted = [p for p in problems if p.code == "unknown-field" and p.path == "/notes"]
    assert hinted
    assert "calendar form" in hinted[0].message
    reverse = validate_calendar_json(addon_payload())
    assert any("add-on" in p.message or "addon" in p.message for p in reverse)


# --- Only confdata's own mistakes raise; what is checked is what is read ------------------


class _Shifty(dict[str, Any]):
    """A mapping that answers every read differently from what it holds."""

    def __getitem__(self, key: str) -> Any:
        return "ftp://elsewhere.example/"

    def get(self, key: str, default: Any = None) -> Any:
        return 5

    def items(self) -> Any:
        return iter([("uri", "not what is held")])

    def keys(self) -> Any:
        return iter(["surprise"])


def test_a_strict_read_stores_exactly_what_it_checked() -> None:
    """A dict subclass is read through dict's own methods, once: its overrides never run, so
    the value holds what was checked, not what a later read would have answered."""
    payload = calendar_payload()
    payload["entryPoints"][0] = _Shifty(payload["entryPoints"][0])
    data = ConferenceData.from_calendar_json(payload)
    assert data.entry_points[0].uri == calendar_payload()["entryPoints"][0]["uri"]
    assert validate_calendar_json(payload) == []


def test_a_bug_inside_confdata_surfaces_instead_of_becoming_a_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An exception raised by confdata's own code is not turned into a problem that blames
    the input: it reaches the caller, so a test sees it."""
    import confdata._core.rules.entry_points

    def broken(*arguments: object) -> None:
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(confdata._core.rules.entry_points, "region", broken)
    payload = calendar_payload()
    payload["entryPoints"][1]["regionCode"] = "ZZ"  # unassigned: the region rule is called
    with pytest.raises(RuntimeError, match="a bug in a rule"):
        validate_calendar_json(payload)


class _Raising:
    """A member name whose comparison raises, hashing like everything else."""

    def __hash__(self) -> int:
        return 1

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("compared")

    def __ne__(self, other: object) -> bool:
        raise RuntimeError("compared")


class _Name(str):
    """A str subclass member name, with a comparison that must never run."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("compared")

    __hash__ = str.__hash__


@pytest.mark.parametrize(
    ("validate", "payload"),
    [
        (validate_calendar_json, {"conferenceSolution": {"key": {_Raising(): 1}}}),
        (validate_calendar_json, {"createRequest": {"status": {_Raising(): 1}}}),
        (validate_calendar_json, {"parameters": {_Raising(): 1}}),
        (validate_calendar_json, {"parameters": {"addOnParameters": {_Raising(): 1}}}),
        (validate_addon_json, {"error": {_Raising(): 1}}),
        (validate_addon_json, {"parameters": [{_Raising(): 1}]}),
    ],
)
def test_no_member_name_is_compared_with_its_own_code(
    validate: Callable[[object], object], payload: object
) -> None:
    """Nested objects too read member names without running their __eq__: a name that is no
    string is a type problem, never an exception."""
    assert "type" in {p.code for p in validate(payload)}  # type: ignore[attr-defined]


def test_str_subclass_member_names_are_read_as_their_text() -> None:
    """A str subclass name is its text everywhere, nested objects included."""
    payload = calendar_payload()
    payload["conferenceSolution"] = {_Name("key"): {_Name("type"): "addOn"}}
    payload["createRequest"] = {_Name("requestId"): "r"}
    assert validate_calendar_json(payload) == []
    addon = addon_payload()
    addon["parameters"] = [{_Name("key"): "k", _Name("value"): "v"}]
    assert validate_addon_json(addon) == []


@pytest.mark.parametrize(
    "uri",
    [
        "https://ann:Zq7secret@acme.example/" + "a" * 1300,  # too long: max-length shows it
        " https://ann:Zq7secret@acme.example/",  # a leading space: uri-malformed shows it
        "\u200bhttps://ann:Zq7secret@acme.example/",
        "//ann:Zq7secret@acme.example/",  # no scheme: uri-scheme shows it
        "https://acme.example/j?pwd=Zq7secret" + "a" * 1300,
    ],
)
def test_uri_secrets_are_masked_whatever_else_is_wrong(uri: str) -> None:
    """Whichever rule shows a URI, and wherever in it the userinfo starts, the password and
    the secret query values are masked (and in the value's repr too)."""
    payload = calendar_payload()
    payload["entryPoints"][0]["uri"] = uri
    problems = validate_calendar_json(payload)
    assert problems
    assert all("Zq7secret" not in p.message for p in problems)
    lenient = EntryPoint(type=EntryPointType.VIDEO, uri=uri, lenient=True)
    assert "Zq7secret" not in repr(lenient)


_PARTS = {
    "video": EntryPoint.video("https://acme.example/v"),
    "phone": EntryPoint.phone("tel:2025550123"),
    "more": EntryPoint.more("https://acme.example/m"),
    "sip": EntryPoint.sip("sip:1@acme.example"),
}


@given(
    conference_id=st.sampled_from([None, "c1"]),
    kinds=st.lists(st.sampled_from(sorted(_PARTS)), max_size=4),
    solution=st.sampled_from(["default", "none", "hangoutsMeet", "addOn"]),
    request=st.sampled_from([None, "addOn", "hangoutsMeet"]),
    notes=st.sampled_from([None, "n", "n" * 2049]),
)
def test_a_value_and_its_calendar_json_break_the_same_rules(
    conference_id: str | None,
    kinds: list[str],
    solution: str,
    request: str | None,
    notes: str | None,
) -> None:
    """A value's problems are what the validator finds in the Calendar JSON it writes (code,
    severity, path): the value and the JSON are checked by the same rules. The value also
    holds the add-on builder's requirements (an ID and an entry point for third-party data),
    so it may add required problems, and says required /entryPoints where the JSON, with
    nothing to show, says solution-or-request."""
    fields: dict[str, Any] = {
        "conference_id": conference_id,
        "entry_points": [_PARTS[kind] for kind in kinds],
        "notes": notes,
        "lenient": True,
    }
    if solution != "default":
        fields["conference_solution"] = (
            None if solution == "none" else ConferenceSolution(key_type=solution)
        )
    if request is not None:
        fields["create_request"] = CreateRequest(request_id="r", solution_type=request)
    data = ConferenceData(**fields)
    found = {(p.code, p.severity, p.path) for p in data.problems}
    emitted = {
        (p.code, p.severity, p.path) for p in validate_calendar_json(data.to_calendar_json())
    }
    nothing_to_show = ("solution-or-request", Severity.ERROR, "")
    assert emitted - found <= {nothing_to_show}
    if nothing_to_show in emitted:
        assert ("required", Severity.ERROR, "/entryPoints") in found
    assert {code for code, _, _ in found - emitted} <= {"required"}


# --- null members -------------------------------------------------------------------------


def test_null_for_an_optional_member_is_one_warning_and_reads_as_absent() -> None:
    """Serialisers that write every unset member as null: each optional null is one
    null-member warning, never an error, and the data reads as if it were left out."""
    payload = calendar_payload()
    payload["notes"] = None
    payload["signature"] = None
    payload["entryPoints"][0]["label"] = None
    payload["entryPoints"][1]["entryPointFeatures"] = None
    found = [(p.code, p.path) for p in validate_calendar_json(payload)]
    assert sorted(found) == [
        ("null-member", "/entryPoints/0/label"),
        ("null-member", "/entryPoints/1/entryPointFeatures"),
        ("null-member", "/notes"),
        ("null-member", "/signature"),
    ]
    strict = ConferenceData.from_calendar_json(payload)
    assert strict.notes is None
    assert "notes" not in strict.to_calendar_json()  # a strict read drops it
    lenient = ConferenceData.from_calendar_json(payload, lenient=True)
    assert lenient.to_calendar_json() == payload  # a lenient read writes it back


def test_null_for_a_required_member_is_required() -> None:
    """A null entry point type or URI, parameter value or add-on conference ID is the
    required rule at that member, with no null-member warning beside it."""
    payload = calendar_payload()
    payload["conferenceId"] = None
    payload["entryPoints"][0]["uri"] = None
    found = [(p.code, p.path) for p in validate_calendar_json(payload)]
    assert sorted(found) == [("required", "/conferenceId"), ("required", "/entryPoints/0/uri")]
    addon = addon_payload()
    addon["conferenceId"] = None
    assert [(p.code, p.path) for p in validate_addon_json(addon)] == [("required", "/conferenceId")]
    addon["error"] = {"type": "TEMPORARY"}
    addon["entryPoints"] = []
    addon["parameters"] = []
    del addon["note"]
    assert [(p.code, p.path) for p in validate_addon_json(addon)] == [
        ("null-member", "/conferenceId")
    ]
