"""No secret is ever shown: every public class's repr and str, every problem message, every
command-line output format (issue 20, SPEC §4.1).

The walk below finds every public class (the ``__all__`` of ``confdata`` and of each public
submodule); each must either have a maker here that builds instances carrying secrets, or be
listed as holding none. A class added later without either fails the first test.
"""

from __future__ import annotations

import importlib
import inspect
import io
import json
import pkgutil
import tempfile
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from typing_extensions import is_typeddict  # knows typing's TypedDicts and its own

import confdata
import confdata.lifecycle
import confdata.providers
import confdata.pydantic
import confdata.server
import confdata.sync
import confdata.testing
import confdata.writes
from confdata import (
    ConferenceData,
    ConferenceDataBuilder,
    ConferenceError,
    ConferenceErrorBuilder,
    ConferenceErrorType,
    ConferenceSolution,
    ConferenceSolutionBuilder,
    EntryPoint,
    EntryPointBuilder,
    EntryPointType,
    Manifest,
    ManifestSolution,
    Problem,
    SolutionType,
    ValidationError,
    cli,
    insert_arguments,
    patch_arguments,
    validate_calendar_json,
)
from confdata._events.sync import (
    ConferenceUpdated,
    PagingError,
    SyncResult,
    SyncRun,
    detect_changes,
    solution_named,
    sync_events,
)
from confdata.testing import InvalidExample

from .payloads import calendar_payload


def _public_classes() -> set[type]:
    names = ["confdata"] + [
        f"confdata.{module.name}"
        for module in pkgutil.iter_modules(confdata.__path__)
        if not module.name.startswith("_")
    ]
    found: set[type] = set()
    for name in names:
        module = importlib.import_module(name)
        for attribute in module.__all__:
            value = getattr(module, attribute)
            if inspect.isclass(value) and not is_typeddict(value):  # TypedDicts are JSON shapes
                found.add(value)
    return found


NO_SECRETS: dict[type, str] = {
    confdata.ConferenceParameter: "parameters are the provider's keys and values",
    confdata.CreateRequest: "a request ID and a solution type",
    confdata.ConferenceParameterBuilder: "builds a parameter",
    confdata.CreateRequestBuilder: "builds a create request",
    confdata.EntryPointType: "an enumeration",
    confdata.EntryPointFeature: "an enumeration",
    confdata.ConferenceErrorType: "an enumeration",
    confdata.SolutionType: "an enumeration",
    confdata.RequestStatus: "an enumeration",
    confdata.Severity: "an enumeration",
    confdata.Rule: "the rule catalog",
    confdata.sync.ConferenceDeleted: "event and conference IDs",
    confdata.sync.ConferenceReleased: "event and conference IDs, a solution type, an etag",
    confdata.sync.EventTime: "dates, times and a time zone",
    confdata.sync.OccurrenceCancelled: "event, series and conference IDs, a start time",
    confdata.sync.ConferenceUnlisted: "event and conference IDs",
    confdata.sync.SyncState: "a sync token and event and conference IDs",
    confdata.lifecycle.WaitOutcome: "an enumeration",
    confdata.lifecycle.CopyAction: "an enumeration",
    confdata.pydantic.AddonForm: "a marker",
    confdata.pydantic.CalendarForm: "a marker",
    confdata.server.OnCreateRequest: "a solution, calendar and event ID",
    confdata.server.Caller: "an account's ID, email and domain",
    confdata.server.IdentityVerifier: "a client ID and a transport",
    confdata.server.IdentityUnavailable: "why Google's certificates could not be fetched",
    confdata.testing.FakeGoogleIdentity: "a test tool: its generated key is never shown",
}

SOLUTION = {"key": {"type": "addOn"}, "name": "Acme Video"}
_EVENT = {
    "summary": "x",
    "start": {"dateTime": "2026-12-01T10:00:00Z"},
    "end": {"dateTime": "2026-12-01T11:00:00Z"},
}


def _uri(secret: str) -> str:
    """A URI carrying the secrets SPEC §4.1 names: a userinfo password and query values."""
    return f"https://host:{secret}@acme.example/j/1?pwd={secret}&pin={secret}&x=1"


def _entry_points(secret: str, kind: str) -> list[EntryPoint]:
    if kind == "uri":
        return [EntryPoint.video(_uri(secret))]
    return [
        EntryPoint.video("https://acme.example/j/1", passcode=secret, password=secret),
        EntryPoint.phone("tel:+12025550123", pin=secret, region_code="US"),
        EntryPoint.sip("sip:1@acme.example", access_code=secret, meeting_code=secret),
    ]


def _data(secret: str, kind: str) -> ConferenceData:
    return (
        ConferenceDataBuilder().conference_id("c").entry_points(_entry_points(secret, kind)).build()
    )


def _payload(secret: str, kind: str, *, broken: bool) -> dict[str, Any]:
    """Calendar JSON holding ``secret``; ``broken`` makes the secret the offending value of
    a problem (too long, or a URI of the wrong scheme)."""
    payload = calendar_payload()
    if kind == "uri":
        payload["entryPoints"][1 if broken else 0]["uri"] = _uri(secret)
    else:
        value = secret * 20 if broken else secret
        for index, member in enumerate(("passcode", "pin", "accessCode")):
            payload["entryPoints"][index][member] = value
    return payload


def _raised(call: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value


def _events(secret: str, kind: str) -> list[dict[str, Any]]:
    data = _payload(secret, kind, broken=False)
    data["conferenceSolution"] = SOLUTION
    return [{"id": "e1", "status": "confirmed", "conferenceData": data}]


def _sync_result(secret: str, kind: str) -> SyncResult:
    return detect_changes(_events(secret, kind), is_ours=solution_named("Acme Video"))


def _paging_error(secret: str, kind: str) -> PagingError:
    page = {"items": _events(secret, kind), "nextPageToken": "again"}
    error = _raised(lambda: sync_events(lambda arguments: page))
    assert isinstance(error, PagingError)
    return error


def _kept(secret: str, kind: str) -> list[object]:
    """What a lenient read kept of an entry point whose unknown member holds the secret."""
    member = {"pinCode": secret} if kind == "field" else {"joinUrl": _uri(secret)}
    data = ConferenceData.from_calendar_json(
        {"createRequest": {"requestId": "r"}, "extra": member, **member}, lenient=True
    )
    return [data.kept]


_VERIFY = confdata.testing.FakeGoogleIdentity().verifier()

MAKERS: dict[type, Callable[[str, str], list[object]]] = {
    confdata.Kept: _kept,
    EntryPoint: lambda s, k: list(_entry_points(s, k)),
    ConferenceData: lambda s, k: [_data(s, k)],
    EntryPointBuilder: lambda s, k: [
        EntryPointBuilder().type(EntryPointType.VIDEO).uri(_uri(s))
        if k == "uri"
        else EntryPointBuilder().uri("tel:+1").pin(s).passcode(s).password(s).access_code(s)
    ],
    ConferenceDataBuilder: lambda s, k: [
        ConferenceDataBuilder().conference_id("c").entry_points(_entry_points(s, k))
    ],
    ConferenceError: lambda s, k: [
        ConferenceError(type=ConferenceErrorType.AUTHENTICATION, authentication_url=_uri(s))
    ],
    ConferenceErrorBuilder: lambda s, k: [
        ConferenceErrorBuilder()
        .type(ConferenceErrorType.AUTHENTICATION)
        .authentication_url(_uri(s))
    ],
    ConferenceSolution: lambda s, k: [
        ConferenceSolution(key_type=SolutionType.ADD_ON, name="Acme", icon_uri=_uri(s))
    ],
    ConferenceSolutionBuilder: lambda s, k: [ConferenceSolutionBuilder().icon_uri(_uri(s))],
    ManifestSolution: lambda s, k: [
        ManifestSolution(id="a", name="Acme", on_create_function="create", logo_url=_uri(s))
    ],
    Manifest: lambda s, k: [
        Manifest(
            solutions=(
                ManifestSolution(id="a", name="b", on_create_function="c", logo_url=_uri(s)),
            )
        )
    ],
    Problem: lambda s, k: list(validate_calendar_json(_payload(s, k, broken=True))),
    ValidationError: lambda s, k: [
        _raised(lambda: ConferenceData.from_calendar_json(_payload(s, k, broken=True)))
    ],
    confdata.EventWrite: lambda s, k: [
        patch_arguments(_data(s, k), calendar_id="primary", event_id="e1"),
        insert_arguments(_data(s, k), calendar_id="primary", event={"summary": "x"}),
    ],
    SyncRun: lambda s, k: [sync_events(lambda arguments: {"items": _events(s, k)})],
    SyncResult: lambda s, k: [_sync_result(s, k)],
    ConferenceUpdated: lambda s, k: list(_sync_result(s, k).changes),
    PagingError: lambda s, k: [_paging_error(s, k)],
    confdata.sync.SyncOutcome: lambda s, k: [
        confdata.sync.SyncState().sync(
            lambda arguments: {"items": _events(s, k)}, is_ours=solution_named("Acme Video")
        )
    ],
    confdata.writes.JoinText: lambda s, k: [confdata.writes.join_text(_data(s, k))],
    InvalidExample: lambda s, k: [InvalidExample(_payload(s, k, broken=False), ())],
    confdata.JoinInfo: lambda s, k: [confdata.join_info(_data(s, k))],
    confdata.JoinPoint: lambda s, k: _join_points(confdata.join_info(_data(s, k))),
    confdata.lifecycle.ConferenceWait: lambda s, k: [_waited(s, k)],
    confdata.lifecycle.CopyPlan: lambda s, k: [confdata.lifecycle.plan_copy(_events(s, k)[0])],
    confdata.providers.ProviderOptions: lambda s, k: [
        confdata.providers.ProviderOptions(more_uri=_uri(s), sip_template="sip:{id}@acme.example")
    ],
    # The identity token is a credential: a refused one is never quoted.
    confdata.server.IdentityError: lambda s, k: [
        _raised(lambda: _VERIFY(f"Bearer {s}.{s}.{s}")),
        _raised(lambda: _VERIFY(f"Bearer {s}")),
    ],
    confdata.testing.FakeCalendar: lambda s, k: [_fake(s, k)[0]],
    confdata.testing.FakeCall: lambda s, k: list(_fake(s, k)[1]),
}


def _waited(secret: str, kind: str) -> object:
    event = _events(secret, kind)[0]
    return confdata.lifecycle.wait_for_conference(
        lambda: event, timeout=1, sleep=lambda _: None, clock=lambda: 0.0
    )


def _join_points(info: confdata.JoinInfo) -> list[object]:
    return [p for p in (info.video, *info.phones, info.sip, *info.others) if p is not None]


def _fake(secret: str, kind: str) -> tuple[object, list[object]]:
    """A fake Calendar holding an event with secrets, and the call that wrote it."""
    fake = confdata.testing.FakeCalendar(calendars=["primary"], add_on_data="accept")
    write = insert_arguments(_data(secret, kind), calendar_id="primary", event=_EVENT)
    body = json.dumps(write.arguments["body"])
    uri = "https://www.googleapis.com/calendar/v3/calendars/primary/events?conferenceDataVersion=1"
    response, _ = fake.http().request(uri, "POST", body, {"content-type": "application/json"})
    assert response.status == 200, response
    return fake, list(fake.calls)


# Where a secret lives in a class, "field" for the secret members (pin, passcode, ...) and
# "uri" for the secrets inside URIs.
KINDS: dict[type, tuple[str, ...]] = dict.fromkeys(
    (
        ConferenceError,
        ConferenceErrorBuilder,
        ConferenceSolution,
        ConferenceSolutionBuilder,
        ManifestSolution,
        Manifest,
    ),
    ("uri",),
)

CASES = [
    pytest.param(cls, kind, id=f"{cls.__name__}-{kind}")
    for cls in MAKERS
    for kind in KINDS.get(cls, ("field", "uri"))
]

secrets = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=8, max_size=16
).map(lambda text: f"Zq{text}")


def _texts(value: object) -> list[str]:
    """Everything a person may be shown of ``value``."""
    texts = [repr(value), str(value)]
    if isinstance(value, ValidationError):
        texts += [str(problem) for problem in value.problems]
    if isinstance(value, Problem):
        texts.append(value.message)
    problems = getattr(value, "problems", ())
    if isinstance(problems, tuple):
        texts += [repr(problem) for problem in problems]
    return texts


def _assert_hidden(secret: str, texts: list[str]) -> None:
    for text in texts:
        assert secret[:8] not in text, text  # not the secret, nor its first characters


def test_every_public_class_is_covered() -> None:
    """Every public class has a maker of instances carrying secrets, or is listed as
    holding none; no entry of either list is stale."""
    found = _public_classes()
    assert found == set(MAKERS) | set(NO_SECRETS)
    assert not set(MAKERS) & set(NO_SECRETS)


@pytest.mark.parametrize(("cls", "kind"), CASES)
def test_no_secret_in_any_repr_str_or_message(cls: type, kind: str) -> None:
    """Instances of each public class built with secrets (the secret members, or the
    secrets of URIs) show none of them in repr, str, problems or messages."""

    @settings(max_examples=10, deadline=None, phases=[Phase.generate])
    @given(secrets)
    def check(secret: str) -> None:
        made = MAKERS[cls](secret, kind)
        assert made
        for value in made:
            assert isinstance(value, cls)
            _assert_hidden(secret, _texts(value))

    check()


@pytest.mark.parametrize(
    "kind",
    ["field", "uri"],
)
def test_no_secret_in_any_command_line_output(kind: str) -> None:
    """confdata validate prints no secret in any format, for a file whose secrets are the
    offending values of its problems."""

    @settings(max_examples=10, deadline=None, phases=[Phase.generate])
    @given(secrets)
    def check(secret: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "leak.json"
            path.write_text(json.dumps(_payload(secret, kind, broken=True)), encoding="utf-8")
            for fmt in ("text", "json", "github"):
                out = io.StringIO()
                with redirect_stdout(out):
                    assert cli.main(["validate", "--format", fmt, str(path)]) == 1
                _assert_hidden(secret, [out.getvalue()])

    check()
