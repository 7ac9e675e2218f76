"""tools/mutation.py (``make mutation``): the mutants it makes, the tests it picks for each,
and the reviewed list of equivalent mutants it reads from docs/mutation.md."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_tool", ROOT / "tools" / "mutation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


mutation = _tool()

SOURCE = '''"""A module."""

LIMIT = 128
NAMES = frozenset({"pin", "passcode"})
__all__ = ["check"]


def check(sink, value: str) -> tuple[str, ...]:
    """A rule."""
    if len(value) > LIMIT and sink.take("max-length"):
        sink.put("max-length", "/pin", f"at most {LIMIT}")
    if not value:
        return
    for name in NAMES:
        if name == value:
            continue
    return ("pin",)
'''


def _mutants(source: str = SOURCE) -> list[object]:
    found: list[object] = mutation._Finder(source, "rules/example.py").run()
    return found


def test_each_operator_makes_its_mutants() -> None:
    """The example gets each kind of single-point change, named by scope and change."""
    keys = {m.key for m in _mutants()}  # type: ignore[attr-defined]
    expected = {
        "rules/example.py:LIMIT:int: 128 -> 129",
        "rules/example.py:LIMIT:int: 128 -> 127",
        'rules/example.py:NAMES:remove: without "pin"',
        "rules/example.py:NAMES:string: \"passcode\" -> 'passcodeX'",
        "rules/example.py:check:compare: len(value) > LIMIT -> (len(value) >= LIMIT)",
        'rules/example.py:check:boolop: len(value) > LIMIT and sink.take("max-length") -> '
        "(len(value) > LIMIT or sink.take('max-length'))",
        "rules/example.py:check:string: \"max-length\" -> 'max-lengthX'",
        'rules/example.py:check:drop: sink.put("max-length", "/pin", f"at most {LIMIT}") '
        "-> (dropped)",
        "rules/example.py:check:not: not value -> (value)",
        "rules/example.py:check:drop: continue -> (dropped)",
        'rules/example.py:check:return: ("pin",) -> ()',
    }
    assert expected <= keys


def test_what_is_left_alone() -> None:
    """No mutant touches a docstring, an annotation, __all__, message wording or the last
    return of a function, and `if <pure test>: return` is dropped through its return only."""
    keys = [m.key for m in _mutants()]  # type: ignore[attr-defined]
    assert not any("A rule." in key or "A module." in key for key in keys)
    assert not any(
        "__all__" in key or "tuple[str" in key or "at most" in key.split("->")[1]
        for key in keys
        if "->" in key
    )
    assert "rules/example.py:check:drop: if not value: return -> (dropped)" not in keys
    assert "rules/example.py:check:drop: return -> (dropped)" in keys


def test_every_mutant_compiles_and_changes_one_point() -> None:
    """Each mutant's source parses, differs from the original, and keys are unique."""
    mutants = _mutants()
    for mutant in mutants:
        changed = mutation.apply(SOURCE, mutant)
        assert changed != SOURCE
        ast.parse(changed)
    assert len({m.key for m in mutants}) == len(mutants)  # type: ignore[attr-defined]


def test_keys_do_not_depend_on_line_numbers() -> None:
    """An unrelated line added above leaves every key as it was (the docs list keys)."""
    moved = SOURCE.replace('"""A module."""\n', '"""A module."""\n\n# A comment.\n')
    assert [m.key for m in _mutants(moved)] == [m.key for m in _mutants()]  # type: ignore[attr-defined]


def _map() -> object:
    return mutation.TestMap(
        seconds={
            "tests/a.py::t1": 0.5,
            "tests/a.py::t2": 0.1,
            "tests/b.py::t3": 3.0,
            "docs/x.md::line:1,column:1": 0.0,
        },
        lines={
            "rules/example.py": {
                10: ["tests/a.py::t1", "tests/b.py::t3", "docs/x.md::line:1,column:1"],
                3: [""],
            }
        },
        imported={"rules/example.py": [3, 4, 5, 8]},
        modules={"tests/a.py": 0.2, "tests/b.py": 1.0},
    )


def test_a_mutant_gets_the_tests_that_run_its_lines() -> None:
    """A function's line gets the tests that executed it (a document whole, last; the last
    killer first); a line run only at import gets every test."""
    finder = mutation._Finder(SOURCE, "rules/example.py")
    by_line = {m.line: m for m in finder.run()}
    tests = _map()
    assert mutation.select(by_line[10], tests, {}) == [
        "tests/a.py::t1",
        "tests/b.py::t3",
        "docs/x.md",
    ]
    killers = {by_line[10].key: "tests/b.py::t3"}
    assert mutation.select(by_line[10], tests, killers)[0] == "tests/b.py::t3"
    assert set(mutation.select(by_line[3], tests, {})) == {
        "tests/a.py::t1",
        "tests/a.py::t2",
        "tests/b.py::t3",
        "docs/x.md",
    }


def test_the_equivalent_mutants_are_listed_with_a_reason() -> None:
    """docs/mutation.md lists equivalent mutants by key, each with its reason."""
    listed = mutation.equivalent_mutants()
    assert listed
    for key, why in listed.items():
        assert key.startswith(("rules/", "spec.py:")), key
        assert len(why) > 20, key
