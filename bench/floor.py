"""The floor of build + emit: a stripped prototype of confdata's build path, six ways.

Plain slotted classes, no public model around them (no equality, repr, evolve, error
results, lenient reads or add-on form), the typical conference's exact JSON out. Two
switches: builders that change in place, return a new builder per step (as confdata's), or
no builder at all (as confdata's value constructors); entry points taken as given or, as
confdata's, checked by the named constructors with confdata's own checks.
``python bench/floor.py`` prints each variant's median against gcsa's build + serialize,
with confdata's builders and value constructors, measured in the same run. Nothing here is
part of the library or of ``make test``; it backs the performance page's "Where the build
time goes".
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from confdata._fast import dialable_uri, web_uri
from confdata._regions import ASSIGNED_REGION_CODES
from confdata.model import _LABEL, _SECRET

sys.path.insert(0, str(Path(__file__).parent))
from run import (
    NOTES,
    confdata_build,
    confdata_values,
    dict_literal,
    gcsa_build,
    interleaved_medians,
)

_new = object.__new__


def _code(value: object, limit: int) -> None:
    """A checked code must be a short enough string."""
    if type(value) is not str or len(value) > limit:
        raise ValueError(value)


class Point:
    """An entry point holding its JSON, made by named constructors like confdata's;
    ``checked`` runs confdata's own checks on the arguments first. Written as tight as the
    prototype allows (no helper per member, no call to make the object)."""

    __slots__ = ("json", "kind")
    json: dict[str, Any]
    kind: str
    checked = False

    @classmethod
    def video(cls, uri: str, *, label: str | None = None, passcode: str | None = None) -> Point:
        checked = cls.checked
        if checked and not web_uri(uri):
            raise ValueError(uri)
        held: dict[str, Any] = {"entryPointType": "video", "uri": uri}
        if label is not None:
            if checked:
                _code(label, _LABEL)
            held["label"] = label
        if passcode is not None:
            if checked:
                _code(passcode, _SECRET)
            held["passcode"] = passcode
        point = _new(cls)
        point.kind = "video"
        point.json = held
        return point

    @classmethod
    def phone(
        cls,
        uri: str,
        *,
        label: str | None = None,
        pin: str | None = None,
        region: str,
        feature: str,
    ) -> Point:
        checked = cls.checked
        if checked and not (dialable_uri(uri, "tel:") and region in ASSIGNED_REGION_CODES):
            raise ValueError(uri)
        held: dict[str, Any] = {"entryPointType": "phone", "uri": uri}
        if label is not None:
            if checked:
                _code(label, _LABEL)
            held["label"] = label
        if pin is not None:
            if checked:
                _code(pin, _SECRET)
            held["pin"] = pin
        held["regionCode"] = region
        held["entryPointFeatures"] = [feature]
        point = _new(cls)
        point.kind = "phone"
        point.json = held
        return point

    @classmethod
    def sip(cls, uri: str, *, access_code: str | None = None) -> Point:
        checked = cls.checked
        if checked and not dialable_uri(uri, "sip:"):
            raise ValueError(uri)
        held: dict[str, Any] = {"entryPointType": "sip", "uri": uri}
        if access_code is not None:
            if checked:
                _code(access_code, _SECRET)
            held["accessCode"] = access_code
        point = _new(cls)
        point.kind = "sip"
        point.json = held
        return point

    @classmethod
    def more(cls, uri: str) -> Point:
        if cls.checked and not web_uri(uri):
            raise ValueError(uri)
        point = _new(cls)
        point.kind = "more"
        point.json = {"entryPointType": "more", "uri": uri}
        return point


class CheckedPoint(Point):
    __slots__ = ()
    checked = True


class Data:
    __slots__ = ("conference_id", "entry_points", "notes", "parameters")
    conference_id: str
    entry_points: tuple[Point, ...]
    notes: str | None
    parameters: list[tuple[str, str]]

    def to_calendar_json(self) -> dict[str, Any]:
        written = []
        for point in self.entry_points:
            copy = point.json.copy()
            features = copy.get("entryPointFeatures")
            if features is not None:
                copy["entryPointFeatures"] = features.copy()
            written.append(copy)
        return {
            "conferenceId": self.conference_id,
            "conferenceSolution": {"key": {"type": "addOn"}},
            "entryPoints": written,
            "notes": self.notes,
            "parameters": {"addOnParameters": {"parameters": dict(self.parameters)}},
        }


def _data(state: dict[str, Any], points: list[Point], parameters: list[tuple[str, str]]) -> Data:
    seen: set[str] = set()
    for point in points:  # the rules about the set: one video, SIP and more each
        if point.kind != "phone" and point.kind in seen:
            raise ValueError(point.kind)
        seen.add(point.kind)
    data = _new(Data)
    data.conference_id = state["conference_id"]
    data.entry_points = tuple(points)
    data.notes = state.get("notes")
    data.parameters = parameters
    return data


class Mutable:
    """Each step changes the builder and returns it."""

    __slots__ = ("parameters", "points", "state")

    def __init__(self) -> None:
        self.state: dict[str, Any] = {}
        self.points: list[Point] = []
        self.parameters: list[tuple[str, str]] = []

    def set(self, name: str, value: str) -> Mutable:
        self.state[name] = value
        return self

    def point(self, point: Point) -> Mutable:
        self.points.append(point)
        return self

    def parameter(self, key: str, value: str) -> Mutable:
        self.parameters.append((key, value))
        return self

    def build(self) -> Data:
        return _data(self.state, self.points, self.parameters)


class Chain:
    """Each step returns a new builder: one slot holding (previous, what, value)."""

    __slots__ = ("node",)

    def __init__(self) -> None:
        self.node: tuple[Any, str, Any] | None = None

    def _step(self, what: str, value: object) -> Chain:
        chain = _new(Chain)
        chain.node = (self.node, what, value)
        return chain

    def set(self, name: str, value: str) -> Chain:
        return self._step(name, value)

    def point(self, point: Point) -> Chain:
        return self._step(" point", point)

    def parameter(self, key: str, value: str) -> Chain:
        return self._step(" parameter", (key, value))

    def build(self) -> Data:
        state: dict[str, Any] = {}
        points: list[Point] = []
        parameters: list[tuple[str, str]] = []
        node = self.node
        while node is not None:
            node, what, value = node
            if what == " point":
                points.append(value)
            elif what == " parameter":
                parameters.append(value)
            else:
                state.setdefault(what, value)
        points.reverse()
        parameters.reverse()
        return _data(state, points, parameters)


URL = "https://acme.example/j/123456789"
TOLL = "tel:+12025550123,,123456789#"
TOLL_FREE = "tel:+18005550199,,123456789#"


def typical(builder: Callable[[], Mutable | Chain], kind: type[Point]) -> dict[str, Any]:
    """The typical conference of the benchmark, built one step at a time like the fixture."""
    made: Any = builder()
    written: dict[str, Any] = (
        made.set("conference_id", "123-456-789")
        .set("conference_solution_id", "acme-video")
        .point(kind.video(URL, label="acme.example/j/123456789", passcode="abc123"))
        .point(kind.phone(TOLL, label="+1 202-555-0123", pin="4321", region="US", feature="toll"))
        .point(kind.phone(TOLL_FREE, pin="4321", region="US", feature="toll_free"))
        .point(kind.sip("sip:123456789@sip.acme.example", access_code="9"))
        .point(kind.more("https://acme.example/dial-in/123456789"))
        .parameter("meetingId", "123456789")
        .parameter("hostKey", "h-42")
        .parameter("region", "us-east")
        .set("notes", NOTES)
        .build()
        .to_calendar_json()
    )
    return written


def typical_values(kind: type[Point]) -> dict[str, Any]:
    """The typical conference from its values, without a builder (confdata's value
    constructors: ``ConferenceData(...)`` given the entry points and parameters)."""
    points = [
        kind.video(URL, label="acme.example/j/123456789", passcode="abc123"),
        kind.phone(TOLL, label="+1 202-555-0123", pin="4321", region="US", feature="toll"),
        kind.phone(TOLL_FREE, pin="4321", region="US", feature="toll_free"),
        kind.sip("sip:123456789@sip.acme.example", access_code="9"),
        kind.more("https://acme.example/dial-in/123456789"),
    ]
    parameters = [("meetingId", "123456789"), ("hostKey", "h-42"), ("region", "us-east")]
    state = {"conference_id": "123-456-789", "conference_solution_id": "acme-video"}
    state["notes"] = NOTES
    return _data(state, points, parameters).to_calendar_json()


def main() -> None:
    variants: list[tuple[str, Callable[[], object]]] = [
        ("in place, entry points as given", lambda: typical(Mutable, Point)),
        ("in place, entry points checked", lambda: typical(Mutable, CheckedPoint)),
        ("new builder per step, entry points as given", lambda: typical(Chain, Point)),
        ("new builder per step, entry points checked", lambda: typical(Chain, CheckedPoint)),
        ("no builder, entry points as given", lambda: typical_values(Point)),
        ("no builder, entry points checked", lambda: typical_values(CheckedPoint)),
        ("gcsa build + serialize", gcsa_build),
        ("confdata builders + to_calendar_json", confdata_build),
        ("confdata value constructors + to_calendar_json", confdata_values),
    ]
    for name, function in variants[:6]:
        if function() != dict_literal():
            raise SystemExit(f"{name}: not the typical conference's JSON")
    functions = [function for _, function in variants]
    medians = interleaved_medians(functions)
    gcsa = medians[functions.index(gcsa_build)]
    print(f"{'build + emit, typical':52s} {'median':>9s}  vs gcsa")
    for (name, _), seconds in zip(variants, medians, strict=True):
        print(f"{name:52s} {seconds * 1e6:7.1f}µs  {seconds / gcsa:5.2f}x")


if __name__ == "__main__":
    main()
