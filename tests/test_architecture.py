"""The layout the architecture promises: no import cycles, validation without the model, a
public face for every public module, no hidden state, modules a reader can hold in mind."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import confdata

SOURCE = Path(confdata.__file__).parent
MODULES = {
    ".".join(("confdata", *path.relative_to(SOURCE).with_suffix("").parts)).removesuffix(
        ".__init__"
    ): path
    for path in sorted(SOURCE.rglob("*.py"))
}
PUBLIC = sorted(
    name for name in MODULES if not any(part.startswith("_") for part in name.split("."))
)


def _imports(name: str) -> set[str]:
    """Every confdata module ``name`` imports anywhere: at the top, in functions, and in
    ``TYPE_CHECKING`` blocks alike."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            candidates = [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found.update(c for c in candidates if c in MODULES and c != name)
    return found


def test_no_module_imports_itself_through_others() -> None:
    """The import graph has no cycle, counting imports inside functions and for type
    checking: every module can be read, and changed, knowing only what it imports."""
    graph = {name: _imports(name) for name in MODULES}
    graph["confdata"] = set()  # the package imports its names lazily, on first use
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_validating_json_does_not_import_the_values() -> None:
    """The validators are the engine alone: checking JSON loads no value class."""
    code = (
        "import sys, confdata\n"
        "confdata.validate_calendar_json({'conferenceId': 'x'})\n"
        "confdata.validate_addon_json({'conferenceId': 'x'})\n"
        "print(sorted(m for m in sys.modules if m.startswith('confdata')))\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = ran.stdout
    for values in ("confdata.model", "confdata._parts", "confdata.builders"):
        assert f"'{values}'" not in loaded


@pytest.mark.parametrize("name", PUBLIC)
def test_public_modules_export_only_public_names(name: str) -> None:
    """Every public module says what it offers in __all__, each name exists, and none is an
    internal (a leading underscore)."""
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{name} has no __all__"
    for exported_name in exported:
        assert not exported_name.startswith("_") or exported_name == "__version__"
        assert getattr(module, exported_name) is not None


def _calls(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"global {', '.join(node.names)}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if (
                isinstance(owner, ast.Name)
                and owner.id == "object"
                and node.func.attr in ("__setattr__", "__new__", "__delattr__")
            ):
                found.append(f"object.{node.func.attr}")
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.value, ast.Attribute)
                    and target.value.attr == "__dict__"
                ):
                    found.append("a write to __dict__")
    return found


def test_no_hidden_state_and_no_writes_past_frozen() -> None:
    """No module rebinds a global after import, and nothing writes past attrs' frozen
    classes: no object.__setattr__ / __new__, no instance dict written into."""
    offences = {
        name: found
        for name, path in MODULES.items()
        if (found := _calls(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offences == {}


def test_modules_stay_readable() -> None:
    """No module grows past 800 lines. One concept may take more than 400 (the spec tables,
    the values, a generator), and is not split to fit; past 800, something else is in it."""
    long = {
        name: count
        for name, path in MODULES.items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 800
    }
    assert long == {}


CORE = sorted(name for name in MODULES if name.startswith("confdata._core"))


def test_the_core_imports_nothing_from_the_edges() -> None:
    """The core (spec, rules, sink, generation, values, forms) imports only the core: the
    command line, events and sync, providers, testing and its fake, ical and join are edges
    that import it, never the other way round."""
    edges = {
        name: sorted(target for target in _imports(name) if not target.startswith("confdata._core"))
        for name in CORE
    }
    assert {name: found for name, found in edges.items() if found} == {}


def test_only_the_generated_makers_create_values_without_init() -> None:
    """object.__new__ and slot setters are reached only by the generators of the values'
    and builders' methods, whose generated code sets each slot once when a value is made
    (as attrs' own generated __init__ does); no other module even names them."""
    naming = set()
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "object"
                and node.attr in ("__new__", "__setattr__")
            ):
                naming.add(name)
    assert naming == {"confdata._core.gen.values", "confdata._core.gen.steps"}
