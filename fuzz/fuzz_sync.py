"""Coverage-guided fuzzing (atheris) of change detection, paging and the sync state.

``detect_changes`` gets batches of events drawn from the input: JSON when the input decodes
as JSON, otherwise structured events whose ids, statuses, series, original start times and
conference data are arbitrary and sometimes hostile (str and dict subclasses whose methods
raise, non-string keys, sets, events inside themselves). ``sync_events`` and
``SyncState.sync`` get pages whose tokens come from a small set, so loops are common;
``SyncState.from_json`` gets the decoded input and generated values. A crash is an exception
other than a ValidationError (a PagingError for paging), more than 101 problems of one code, a
code outside the catalog, a record whose IDs are not plain strs, a state that does not survive
its own JSON, or a run that makes more calls than its bound.
Run by ``make fuzz``; ``python fuzz/fuzz_sync.py -max_total_time=60``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

import atheris

with atheris.instrument_imports():
    from confdata import RULES, ValidationError
    from confdata.sync import (
        PagingError,
        SyncRun,
        SyncState,
        detect_changes,
        solution_named,
        sync_events,
    )

IS_OURS = solution_named("Acme")
ACME: dict[str, Any] = {
    "conferenceId": "acme-1",
    "conferenceSolution": {"key": {"type": "addOn"}, "name": "Acme"},
    "entryPoints": [{"entryPointType": "video", "uri": "https://acme.example/j/1"}],
}


class Raising(Exception):
    """What the hostile objects raise."""


class HostileStr(str):
    def __hash__(self) -> int:
        raise Raising

    def __eq__(self, other: object) -> bool:
        raise Raising


class EqRaises(str):
    """A key a dict accepts (it hashes as its text) whose comparisons raise."""

    __hash__ = str.__hash__

    def __eq__(self, other: object) -> bool:
        raise Raising


class HostileDict(dict[Any, Any]):
    def get(self, *args: Any, **kwargs: Any) -> Any:
        raise Raising

    def __getitem__(self, key: object) -> Any:
        raise Raising

    def items(self) -> Any:
        raise Raising


def _value(provider: atheris.FuzzedDataProvider, depth: int = 0) -> Any:
    kind = provider.ConsumeIntInRange(0, 9 if depth < 5 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return provider.ConsumeInt(2)
    if kind == 2:
        return provider.ConsumeUnicode(10)
    if kind == 3:
        return HostileStr(provider.ConsumeUnicode(5))
    if kind == 4:
        return provider.PickValueInList([set(), b"x", 1.5, True, object()])
    if kind == 5:
        return json.loads(json.dumps(ACME))
    if kind == 6:
        return [_value(provider, depth + 1) for _ in range(provider.ConsumeIntInRange(0, 3))]
    names: list[Any] = ["id", "status", "conferenceData", "start", "attendees", "x"]
    odd_keys: list[Any] = [1, frozenset(), (1, 2), EqRaises("id"), EqRaises("uri"), None]
    members: dict[Any, Any] = {}
    for _ in range(provider.ConsumeIntInRange(0, 4)):
        key = provider.PickValueInList(names if provider.ConsumeProbability() < 0.8 else odd_keys)
        try:  # an EqRaises key meeting an equal one raises here, in the harness
            members[key] = _value(provider, depth + 1)
        except Raising:
            continue
    return HostileDict(members) if kind == 8 else members


def _event(provider: atheris.FuzzedDataProvider) -> Any:
    event: dict[Any, Any] = {}
    if provider.ConsumeProbability() < 0.9:
        event["id"] = provider.PickValueInList(["e1", "e2", HostileStr("e3"), 4])
    if provider.ConsumeBool():
        event["status"] = provider.PickValueInList(["confirmed", "cancelled", 7])
    if provider.ConsumeProbability() < 0.3:
        event["recurringEventId"] = provider.PickValueInList(["e1", "s1", EqRaises("s1"), 4])
        event["originalStartTime"] = _value(provider)
        event["start"] = provider.PickValueInList(
            [{"dateTime": "2026-01-01T10:00:00Z"}, {"dateTime": "2026-01-01T11:00:00+01:00"}]
        )
    if provider.ConsumeProbability() < 0.7:
        event["conferenceData"] = _value(provider)
    if provider.ConsumeProbability() < 0.1:
        event["self"] = event
    if provider.ConsumeProbability() < 0.1:
        return HostileDict(event)
    return event


def _detect(provider: atheris.FuzzedDataProvider, data: bytes) -> None:
    try:
        decoded = json.loads(data.decode("utf-8"))
        events: Any = decoded if isinstance(decoded, list) else [decoded]
    except (UnicodeDecodeError, ValueError, RecursionError):
        events = [_event(provider) for _ in range(provider.ConsumeIntInRange(0, 6))]
        events *= provider.ConsumeIntInRange(1, 40)  # enough to pass the cap sometimes
    known = {"e1": "acme-1", "e2": "acme-2", "e3": "acme-3"}
    result = detect_changes(events, is_ours=IS_OURS, known=known)
    counts = Counter(problem.code for problem in result.problems)
    for code, count in counts.items():
        if code not in RULES or count > 101:
            raise AssertionError(f"{count} problems of code {code!r}")
    for problem in result.problems:
        str(problem)
    for change in result.changes:
        if type(change.event_id) is not str or type(change.conference_id) is not str:
            raise AssertionError(f"an ID that is not a plain str: {change!r}")
        repr(change)


def _page(provider: atheris.FuzzedDataProvider) -> Any:
    items = [_event(provider) for _ in range(provider.ConsumeIntInRange(0, 2))]
    page: dict[str, Any] = {"items": items}
    token = provider.ConsumeIntInRange(0, 5)
    if token:
        page["nextPageToken"] = f"p{token}" if token < 5 else 5
    if provider.ConsumeBool():
        page["nextSyncToken"] = provider.PickValueInList(["s", "", None, ["s"]])
    if provider.ConsumeProbability() < 0.05:
        page["items"] = "not a list"
    return page


def _paging(provider: atheris.FuzzedDataProvider) -> None:
    pages = [_page(provider) for _ in range(provider.ConsumeIntInRange(1, 8))]
    bound = provider.ConsumeIntInRange(1, 10)
    calls: list[dict[str, str]] = []

    def list_page(arguments: dict[str, str]) -> Any:
        calls.append(arguments)
        if len(calls) > bound:
            raise AssertionError("more calls than max_pages")
        return pages[(len(calls) - 1) % len(pages)]

    try:
        run = sync_events(list_page, max_pages=bound)
    except PagingError as error:
        if len(error.calls) != len(calls) or not error.problems:
            raise AssertionError("a PagingError that does not hold the calls made") from None
        str(error)
        return
    if not isinstance(run, SyncRun):
        raise AssertionError("sync_events returned something else than a SyncRun")
    repr(run)


def _state(provider: atheris.FuzzedDataProvider, data: bytes) -> None:
    try:
        stored: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        stored = {"version": 1, "syncToken": _value(provider), "known": _value(provider)}
    try:
        state = SyncState.from_json(stored)
    except ValidationError as error:
        str(error)
        state = SyncState(known={"e1": "acme-1", "s1": "acme-2"})
    if SyncState.from_json(json.loads(json.dumps(state.to_json()))) != state:
        raise AssertionError("a state that does not survive its own JSON")
    pages = [_page(provider) for _ in range(provider.ConsumeIntInRange(1, 4))]
    calls: list[dict[str, str]] = []

    def list_page(arguments: dict[str, str]) -> Any:
        calls.append(arguments)
        if len(calls) > 20:
            raise AssertionError("more calls than two runs of max_pages")
        return pages[(len(calls) - 1) % len(pages)]

    try:
        outcome = state.sync(list_page, is_ours=IS_OURS, max_pages=10)
    except PagingError as error:
        str(error)
        return
    for change in outcome.changes:
        if type(change.event_id) is not str or type(change.conference_id) is not str:
            raise AssertionError(f"an ID that is not a plain str: {change!r}")
    repr(outcome)


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    _detect(provider, data)
    _paging(provider)
    _state(provider, data)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
