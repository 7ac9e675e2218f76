"""The JSON text reader of the command line: plain values, duplicate keys, positions."""

from __future__ import annotations

import json

from confdata._cli.jsontext import Positions, parse_json_text
from confdata._core.problems import Problem
from confdata._core.sink import Sink


def _parsed(text: str) -> tuple[object, list[Problem]]:
    sink = Sink()
    value = parse_json_text(text, sink)
    return value, sink.finish()


def test_objects_without_duplicate_keys_are_plain_dicts() -> None:
    """Every object of a text without repeated member names is a plain dict, so the checks'
    fast paths for plain values apply (a dict subclass for every object defeated them)."""
    value, problems = _parsed('{"a": {"b": [{"c": 1}]}, "d": {}}')
    assert problems == []
    assert isinstance(value, dict)
    assert type(value) is dict
    assert type(value["a"]) is dict
    assert type(value["a"]["b"][0]) is dict
    assert type(value["d"]) is dict


def test_only_the_objects_with_duplicates_are_marked() -> None:
    """In a text with a repeated member, the other objects are still plain dicts, and the
    repeat is one duplicate-key problem at its path."""
    value, problems = _parsed('{"a": {"b": 1, "b": 2}, "c": {"d": 1}}')
    assert value == {"a": {"b": 2}, "c": {"d": 1}}
    assert isinstance(value, dict)
    assert type(value) is dict
    assert type(value["c"]) is dict
    assert [(p.code, p.path) for p in problems] == [("duplicate-key", "/a/b")]


def test_duplicate_keys_follow_the_100_per_code_cap() -> None:
    """1,000 repeated members give 100 problems and one that counts the rest."""
    text = "{" + ", ".join(f'"k{i}": 1, "k{i}": 2' for i in range(1000)) + "}"
    _, problems = _parsed(text)
    assert len(problems) == 101
    assert "…and 900 more duplicate-key problems" in problems[-1].message


def test_positions_of_members_and_items() -> None:
    """Line and column of a member, an array item, and the nearest ancestor of a path that
    is not in the text."""
    text = json.dumps({"a": [1, {"b": 2}]}, indent=2)
    positions = Positions(text)
    assert positions.locate("/a") == (2, 3)
    assert positions.locate("/a/1/b") == (5, 7)
    assert positions.locate("/a/1/missing") == (4, 5)
    assert positions.locate("") == (1, 1)


def test_without_a_sink_duplicates_are_not_looked_for() -> None:
    """A reader that does not report duplicate keys (convert) gets plain dicts, the last
    occurrence of a repeated member kept, as json.loads keeps it."""
    value = parse_json_text('{"a": {"b": 1, "b": 2}}')
    assert value == {"a": {"b": 2}}
    assert type(value["a"]) is dict
