"""The JSON text reader of the command line: plain values, duplicate keys, positions."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from confdata._cli.jsontext import Positions, parse_json_text
from confdata._core.problems import Problem
from confdata._core.sink import Sink, pointer


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


_KEYS = st.text(st.sampled_from('ab/~"\\ é\n{}[],:'), max_size=4)
_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.sampled_from('ab/~"\\ é\n{}[],:'), max_size=4),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=4),
    max_leaves=20,
)


def _paths(value: object, path: str = "") -> list[tuple[str, str | None, object]]:
    """Every path in ``value``: (pointer, member name or None for an item or the root, value)."""
    found: list[tuple[str, str | None, object]] = []
    stack: list[tuple[object, str, str | None]] = [(value, path, None)]
    while stack:
        node, at, name = stack.pop()
        found.append((at, name, node))
        if isinstance(node, dict):
            stack.extend((v, pointer(at, k), k) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, pointer(at, i), None) for i, v in enumerate(node))
    return found


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    return starts[line - 1] + column - 1


@settings(max_examples=150, deadline=None)
@given(
    _JSON,
    st.sampled_from([None, 0, 2, "\t"]),
    st.sampled_from([(", ", ": "), (",", ":"), (" ,\n", " :\r\n ")]),
    st.booleans(),
)
def test_each_path_is_located_where_its_name_or_value_is_written(
    value: object, indent: int | str | None, separators: tuple[str, str], ascii_only: bool
) -> None:
    """Every member is located at its name, every item and the root at its value, and a path
    below one that does not exist at that one, whatever the layout and escaping of the text."""
    text = " \n" + json.dumps(value, indent=indent, separators=separators, ensure_ascii=ascii_only)
    read = json.JSONDecoder().raw_decode
    paths = _paths(value)
    asked = [path for path, _, _ in paths] + [f"{path}/missing~1" for path, _, _ in paths]
    places = Positions(text).locate_all(asked)
    for (path, name, node), place, below in zip(paths, places, places[len(paths) :], strict=False):
        at = _offset(text, *place)
        if name is None:
            assert read(text, at)[0] == node, path
        else:
            assert text[at] == '"', path
            assert read(text, at)[0] == name, path
        assert below == place, path
        assert Positions(text).locate(path) == place


def test_a_repeated_member_is_located_at_its_last_occurrence() -> None:
    """As parsing keeps the last occurrence of a repeated member, so does locating: the
    member itself and what is inside it."""
    text = '{"a": {"b": 1},\n "a": {"c": [0, 1]}}'
    positions = Positions(text)
    assert positions.locate("/a") == (2, 2)
    assert positions.locate("/a/c/1") == (2, 17)
    assert positions.locate("/a/b") == (2, 2)


def test_every_item_of_a_large_array_is_located_on_its_line() -> None:
    """30,000 paths asked at once, in any order, each get their own line (the lines are
    counted once for all of them, from one to the next)."""
    text = "[\n" + ",\n".join(["1"] * 30_000) + "\n]"
    paths = [f"/{i}" for i in reversed(range(30_000))]
    places = Positions(text).locate_all(paths)
    assert places == [(i + 2, 1) for i in reversed(range(30_000))]
