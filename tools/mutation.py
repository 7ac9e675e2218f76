"""``make mutation``: mutation testing of the rule engine and its table.

Each mutant changes one point of a rule module (``src/confdata/_core/rules/*.py``) or of the
table (``src/confdata/_core/spec.py``): a comparison flipped, an integer one up or down, a
name or spelling changed, ``and`` swapped with ``or``, a condition negated, a statement
dropped, a returned value replaced, an element taken out of a collection. The mutants are
made from the syntax tree, so module-level tables are mutated as easily as functions (which
mutmut cannot do).

How a run goes:

1. The map: the whole suite runs once under coverage with one context per test, so the
   runner knows which tests execute each line, and how long each test takes.
2. Each mutant is written into a temporary copy of ``src/`` (never into the working tree) and
   the tests that execute its lines run on it (``-x``, likeliest killers first, with a
   timeout). A line that runs only at import, as the table's lines do, is run against every
   test. A test that fails kills the mutant; a mutant no test fails survives.
3. The score is killed / (mutants - the equivalent ones), where the equivalent ones are the
   reviewed list in docs/mutation.md.

Results go to ``.mutation/`` (the last killer of each mutant is tried first on the next run).
See docs/mutation.md.
"""

from __future__ import annotations

import argparse
import ast
import compileall
import concurrent.futures
import contextlib
import copy
import functools
import json
import os
import py_compile
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from select import select as wait_readable

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
CORE = SRC / "confdata" / "_core"
TARGETS = (
    CORE / "rules" / "conference.py",
    CORE / "rules" / "entry_points.py",
    CORE / "rules" / "members.py",
    CORE / "spec.py",
)
EQUIVALENT = ROOT / "docs" / "mutation.md"
STATE = ROOT / ".mutation"
PLUGIN = "mutation_plugin"  # tools/mutation_plugin.py
# A mutant's run: one process (xdist loaded, as the ini's options need it, but no worker),
# stop at the first failure, the fixed-seed dev profile.
# (Hypothesis is imported before pytest starts, in the fork server: pytest's warning that it
# cannot rewrite its asserts is expected.)
PYTEST = (
    "-x",
    "-q",
    "--no-header",
    "-n",
    "0",
    "-p",
    "no:randomly",
    "-W",
    "ignore::pytest.PytestAssertRewriteWarning",
)

# --- mutants -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutant:
    """One single-point change: bytes ``start:end`` of ``path`` replaced by ``replacement``."""

    key: str
    """Stable across runs and unrelated edits: file, scope, operator, the change itself."""
    path: str
    line: int
    end_line: int
    start: int
    end: int
    replacement: str
    readers: tuple[int, ...] = ()
    """For a private module-level name (``_SCHEME``), the lines of its module that read it:
    the tests that run them are the ones that can see the change."""


_FLIP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}

_TYPING_CALLS = frozenset({"TypeVar", "Literal"})


def _short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class _Finder(ast.NodeVisitor):
    """Every mutation site of one module."""

    def __init__(self, source: str, path: str) -> None:
        self.source = source
        self.raw = source.encode()
        self.path = path
        self.starts = [0]
        for line in self.raw.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.scope: list[str] = []
        self.found: list[tuple[str, ast.AST, str, str]] = []  # (operator, node, after, label)

    # -- helpers ---------------------------------------------------------------------------

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.starts[node.lineno - 1] + node.col_offset  # type: ignore[attr-defined]
        end = self.starts[node.end_lineno - 1] + node.end_col_offset  # type: ignore[attr-defined]
        return start, end

    def text(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.raw[start:end].decode()

    def add(self, operator: str, node: ast.AST, after: str, label: str | None = None) -> None:
        """A mutant replacing ``node`` with the source ``after`` (``label``: how the key shows
        the change, when not ``after`` itself)."""
        self.found.append((operator, node, after, label or after))

    def mutants(self) -> list[Mutant]:
        out: list[Mutant] = []
        seen: Counter[str] = Counter()
        for operator, node, after, label in self.found:
            start, end = self.span(node)
            scope = ".".join(self.scope_of(node)) or "<module>"
            change = (
                label if operator == "remove" else f"{_short(self.text(node))} -> {_short(label)}"
            )
            key = f"{self.path}:{scope}:{operator}: {change}"
            seen[key] += 1
            if seen[key] > 1:
                key += f" #{seen[key]}"
            scope_path = self.scope_of(node)
            mutant = Mutant(
                key=key,
                path=self.path,
                line=node.lineno,  # type: ignore[attr-defined]
                end_line=node.end_lineno,  # type: ignore[attr-defined]
                start=start,
                end=end,
                replacement=after,
                readers=self.readers.get(scope_path[0], ()) if len(scope_path) == 1 else (),
            )
            out.append(mutant)
        return out

    def scope_of(self, node: ast.AST) -> list[str]:
        return self.scopes.get(id(node), [])

    # -- the walk --------------------------------------------------------------------------

    def run(self) -> list[Mutant]:
        tree = ast.parse(self.source)
        self.scopes: dict[int, list[str]] = {}
        self.readers = _private_readers(tree, self.path)
        self.walk_body(tree.body, function=False)
        return self.mutants()

    def walk_body(self, body: Sequence[ast.stmt], *, function: bool, tail: bool = False) -> None:
        """``tail``: running off the end of ``body`` ends the function."""
        for index, statement in enumerate(body):
            if index == 0 and _is_docstring(statement):
                continue
            last = tail and index == len(body) - 1
            self.statement(statement, function=function, tail=last)

    def statement(self, node: ast.stmt, *, function: bool, tail: bool = False) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom | ast.Assert | ast.Pass):
            return  # imports and type-narrowing asserts
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self.scope.append(node.name)
            # Not decorators, defaults, annotations.
            self.walk_body(node.body, function=True, tail=True)
            self.scope.pop()
            return
        if isinstance(node, ast.ClassDef):
            self.scope.append(node.name)
            for index, item in enumerate(node.body):
                if index == 0 and _is_docstring(item):
                    continue
                # Methods count, and class attributes that hold table data; attrs fields
                # declared with ``attrs.field(...)`` are machinery, not rules.
                if isinstance(item, ast.FunctionDef):
                    self.statement(item, function=True)
                elif isinstance(item, ast.AnnAssign | ast.Assign) and not _is_field(item):
                    self.statement(item, function=False)
            self.scope.pop()
            return
        if not function:
            if _is_typing(node):
                return
            name = _target_name(node)
            if name == "__all__":
                return
            self.scope.append(name or "<module>")
            self.expressions(node)
            self.scope.pop()
            return
        # Inside a function: the statement can be dropped, its parts mutated.
        if isinstance(node, ast.Return):
            if node.value is None or (
                isinstance(node.value, ast.Constant) and node.value.value is None
            ):
                if not tail:  # dropping the last thing a function does changes nothing
                    self.record(node, "drop", "pass", "(dropped)")
            elif isinstance(node.value, ast.Tuple) and node.value.elts:
                self.record(node.value, "return", "()")
            elif not isinstance(node.value, ast.Constant):
                self.record(node.value, "return", "None")
        elif not isinstance(node, ast.Expr | ast.If) or _droppable_if(node):
            self.record(node, "drop", "pass", "(dropped)")
        if isinstance(node, ast.If | ast.While):
            self.record(node.test, "negate", f"not ({self.text(node.test)})")
        self.expressions(node)
        for name in ("body", "orelse", "finalbody"):
            block = getattr(node, name, None)
            if block:
                # An if's blocks end where the if does; a loop's go round again.
                self.walk_body(block, function=True, tail=tail and isinstance(node, ast.If))
        for handler in getattr(node, "handlers", ()):
            self.walk_body(handler.body, function=True)

    def record(self, node: ast.AST, operator: str, after: str, label: str | None = None) -> None:
        self.scopes[id(node)] = list(self.scope)
        self.add(operator, node, after, label)

    def expressions(self, statement: ast.stmt) -> None:
        """The expressions of ``statement`` itself (not of the statements it holds)."""
        for name, value in ast.iter_fields(statement):
            if name in ("body", "orelse", "finalbody", "handlers", "annotation", "returns"):
                continue
            if name == "decorator_list":
                continue
            values = value if isinstance(value, list) else [value]
            for item in values:
                if isinstance(item, ast.expr):
                    self.expression(item, parent=None)

    def expression(self, node: ast.expr, parent: ast.expr | None) -> None:
        if isinstance(node, ast.JoinedStr):
            return  # message wording (see docs/mutation.md)
        if isinstance(node, ast.Lambda):
            self.expression(node.body, parent=node)
            return
        self.mutate(node, parent)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.expression(child, parent=node)
            elif isinstance(child, ast.comprehension):
                for part in (child.iter, *child.ifs):
                    self.expression(part, parent=node)
                for test in child.ifs:
                    self.record(test, "negate", f"not ({self.text(test)})")
            elif isinstance(child, ast.keyword):
                self.expression(child.value, parent=node)

    def mutate(self, node: ast.expr, parent: ast.expr | None) -> None:
        if isinstance(node, ast.Compare):
            for index, op in enumerate(node.ops):
                flipped = _FLIP.get(type(op))
                if flipped is not None:
                    ops = [*node.ops]
                    ops[index] = flipped()
                    changed = ast.Compare(node.left, ops, node.comparators)
                    self.record(node, "compare", f"({ast.unparse(changed)})")
        elif isinstance(node, ast.BoolOp):
            other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            self.record(node, "boolop", f"({ast.unparse(ast.BoolOp(other, node.values))})")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self.record(node, "not", f"({self.text(node.operand)})")
        elif isinstance(node, ast.IfExp):
            self.record(node.test, "negate", f"not ({self.text(node.test)})")
        elif isinstance(node, ast.Constant):
            self.constant(node, parent)
        elif isinstance(node, ast.Set) or (
            isinstance(node, ast.Tuple | ast.List) and isinstance(node.ctx, ast.Load)
        ):
            if (
                isinstance(node, ast.Tuple)
                and len(node.elts) == 2
                and isinstance(parent, ast.Tuple | ast.List)
            ):
                return  # a pair inside a table: taking half of it only breaks the shape
            for index, element in enumerate(node.elts):
                if isinstance(element, ast.Starred):
                    continue
                rest = [*node.elts[:index], *node.elts[index + 1 :]]
                if isinstance(node, ast.Set) and not rest:
                    after = "set()"
                else:
                    shorter = copy.copy(node)
                    shorter.elts = rest
                    after = f"({ast.unparse(shorter)})"
                self.record(node, "remove", after, f"without {_short(self.text(element), 40)}")
        elif isinstance(node, ast.Dict):
            for index, key in enumerate(node.keys):
                if key is None:
                    continue
                smaller = ast.Dict(
                    keys=[*node.keys[:index], *node.keys[index + 1 :]],
                    values=[*node.values[:index], *node.values[index + 1 :]],
                )
                self.record(node, "remove", ast.unparse(smaller), f"without {self.text(key)}")

    def constant(self, node: ast.Constant, parent: ast.expr | None) -> None:
        value = node.value
        if isinstance(value, bool):
            self.record(node, "bool", repr(not value))
        elif isinstance(value, int):
            self.record(node, "int", repr(value + 1))
            self.record(node, "int", repr(value - 1) if value else "(-1)")
        elif isinstance(value, str) and not any(char.isspace() for char in value):
            # Names, codes, spellings, schemes (prose, with spaces, is message wording).
            self.record(node, "string", repr(value + "X") if value else "'X'")


def _is_field(node: ast.AnnAssign | ast.Assign) -> bool:
    """An attrs field declaration: no value, or ``attrs.field(...)``."""
    value = node.value
    if value is None:
        return True
    return isinstance(value, ast.Call) and ast.unparse(value.func) in _FIELD_CALLS


_FIELD_CALLS = frozenset({"attrs.field", "attr.ib", "field", "attrs.Factory"})


def _droppable_if(node: ast.stmt) -> bool:
    """Whether dropping ``node`` differs from dropping what it holds: not an expression
    statement that is a constant (a docstring), not ``if <pure test>: return`` (dropping its
    one ``return``, ``continue`` or ``break`` is the same mutant)."""
    if isinstance(node, ast.Expr):
        return not isinstance(node.value, ast.Constant)
    assert isinstance(node, ast.If)
    jump = (
        len(node.body) == 1
        and isinstance(node.body[0], ast.Return | ast.Continue | ast.Break)
        and (not isinstance(node.body[0], ast.Return) or node.body[0].value is None)
    )
    pure = not any(isinstance(part, ast.Call) for part in ast.walk(node.test))
    return not (jump and not node.orelse and pure)


def _private_readers(tree: ast.Module, path: str) -> dict[str, tuple[int, ...]]:
    """The lines that read each private module-level name that no other module of confdata
    mentions, by name."""
    assigned = {
        name
        for statement in tree.body
        if (name := _target_name(statement)) is not None and name.startswith("_")
    }
    here = CORE / path
    elsewhere = "\n".join(
        p.read_text(encoding="utf-8") for p in (SRC / "confdata").rglob("*.py") if p != here
    )
    readers: dict[str, set[int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in assigned:
            readers.setdefault(node.id, set()).add(node.lineno)
    return {
        name: tuple(sorted(lines))
        for name, lines in readers.items()
        if re.search(rf"\b{re.escape(name)}\b", elsewhere) is None
    }


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _target_name(node: ast.stmt) -> str | None:
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id
    return None


def _is_typing(node: ast.stmt) -> bool:
    """A type alias or a type variable: nothing at run time reads it."""
    if isinstance(node, ast.AnnAssign):
        return ast.unparse(node.annotation) == "TypeAlias"
    if isinstance(node, ast.Assign):
        value = node.value
        if isinstance(value, ast.Subscript):
            return True
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            return value.func.id in _TYPING_CALLS
    return False


def find_mutants(paths: Sequence[Path] = TARGETS) -> list[Mutant]:
    """Every mutant of ``paths`` that compiles."""
    out: list[Mutant] = []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        relative = str(path.relative_to(CORE))
        for mutant in _Finder(source, relative).run():
            try:
                compile(apply(source, mutant), str(path), "exec")
            except SyntaxError:
                continue
            out.append(mutant)
    return out


def apply(source: str, mutant: Mutant) -> str:
    raw = source.encode()
    return (raw[: mutant.start] + mutant.replacement.encode() + raw[mutant.end :]).decode()


# --- the map -------------------------------------------------------------------------------


@dataclass
class TestMap:
    """Which tests execute each line of the targets, and how long each test takes."""

    seconds: dict[str, float]
    lines: dict[str, dict[int, list[str]]]
    """Per target (relative path), per line, the tests that execute it."""
    imported: dict[str, list[int]] = field(default_factory=dict)
    """Per target, the lines importing confdata runs (what they make every test may see)."""
    failing: list[str] = field(default_factory=list)
    modules: dict[str, float] = field(default_factory=dict)
    """Seconds each test module took to collect (mostly its imports)."""

    @functools.cached_property
    def costs(self) -> dict[str, float]:
        """Each test's seconds with its module's collection."""
        return {
            test: seconds + self.modules.get(test.partition("::")[0], 0.0)
            for test, seconds in self.seconds.items()
        }

    @functools.cached_property
    def weights(self) -> dict[str, float]:
        """How soon to run each test against a change that every test may see: its cost per
        target line it executes, so the tests that look at the most rules soonest come
        first."""
        covered: Counter[str] = Counter()
        for per_line in self.lines.values():
            for contexts in per_line.values():
                covered.update(contexts)
        return {test: cost / (1 + covered[test]) for test, cost in self.costs.items()}


def build_map(jobs: int) -> TestMap:
    """Run the whole suite once under coverage, one context per test."""
    import coverage  # the dev dependency group; only the map needs it

    timings = STATE / "timings"
    shutil.rmtree(timings, ignore_errors=True)
    timings.mkdir(parents=True)
    data_file = STATE / "coverage"
    for stale in STATE.glob("coverage*"):
        stale.unlink()
    env = _env(SRC) | {"COVERAGE_FILE": str(data_file), "CONFDATA_MUTATION_MAP": str(timings)}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "--no-header",
        "-p",
        PLUGIN,
        "-p",
        "no:randomly",
        "--cov=confdata",
        "--cov-context=test",
        "--cov-report=",
        *(["-n", str(jobs), "--dist", "loadfile"] if jobs > 1 else ["-n", "0"]),
    ]
    print(f"map: the whole suite under coverage ({' '.join(command[1:])})", flush=True)
    subprocess.run(command, cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL)
    tests = json.loads((timings / "tests.json").read_text(encoding="utf-8"))
    seconds = {nodeid: info["seconds"] for nodeid, info in tests.items()}
    failing = sorted(nodeid for nodeid, info in tests.items() if info["failed"])
    modules: dict[str, float] = {}
    for part in timings.glob("modules-*.json"):
        modules |= json.loads(part.read_text(encoding="utf-8"))
    data = coverage.CoverageData(basename=str(data_file))
    data.read()
    measured = {str(Path(name).resolve()): name for name in data.measured_files()}
    lines: dict[str, dict[int, list[str]]] = {}
    for target in TARGETS:
        name = measured.get(str(target.resolve()))
        by_line = data.contexts_by_lineno(name) if name else {}
        lines[str(target.relative_to(CORE))] = {
            line: sorted({context.partition("|")[0] for context in contexts})
            for line, contexts in by_line.items()
        }
    result = TestMap(
        seconds=seconds,
        lines=lines,
        imported=_imported_lines(),
        failing=failing,
        modules=modules,
    )
    (STATE / "map.json").write_text(json.dumps(asdict(result)), encoding="utf-8")
    return result


# Every module of confdata imported under coverage: the lines of the targets that run at
# import (the map's contexts start after confdata's pytest plugin has imported it).
_IMPORT_ALL = """
import importlib, json, pkgutil, sys
import coverage
cov = coverage.Coverage(data_file=None, include=sys.argv[1:], branch=False)
cov.start()
import confdata
for module in pkgutil.walk_packages(confdata.__path__, "confdata."):
    if module.name.endswith(".__main__"):
        continue  # a program, not a module: it would run
    try:
        importlib.import_module(module.name)
    except Exception:  # an extra that is not installed
        pass
cov.stop()
data = cov.get_data()
print(json.dumps({name: sorted(data.lines(name) or ()) for name in data.measured_files()}))
"""


def _imported_lines() -> dict[str, list[int]]:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, *map(str, TARGETS)],
        cwd=ROOT,
        env=_env(SRC),
        check=True,
        capture_output=True,
        text=True,
    )
    measured = json.loads(done.stdout)
    by_target = {str(Path(name).resolve()): lines for name, lines in measured.items()}
    return {
        str(target.relative_to(CORE)): by_target.get(str(target.resolve()), [])
        for target in TARGETS
    }


def load_map() -> TestMap:
    raw = json.loads((STATE / "map.json").read_text(encoding="utf-8"))
    lines = {path: {int(k): v for k, v in per.items()} for path, per in raw["lines"].items()}
    return TestMap(
        seconds=raw["seconds"],
        lines=lines,
        imported=raw.get("imported", {}),
        failing=raw["failing"],
        modules=raw.get("modules", {}),
    )


def select(mutant: Mutant, tests: TestMap, killers: dict[str, str]) -> list[str]:
    """The tests that execute the mutant's lines (every test for a line run only at import),
    the last killer first; a document by its file name."""
    per_line = tests.lines.get(mutant.path, {})
    own = range(mutant.line, mutant.end_line + 1)
    contexts: set[str] = set()
    for line in (*own, *mutant.readers):
        contexts.update(per_line.get(line, ()))
    # A line that runs at import (every line of the table, a function the table calls, a
    # private constant without readers) makes what every test may see: every test. So does
    # a line no test ran, which no test would then kill.
    imported = set(tests.imported.get(mutant.path, ()))
    if (not mutant.readers and imported.intersection(own)) or not contexts - {""}:
        contexts = set()
    chosen = contexts - {""}
    # The tests that ran the line, cheapest first: most are examples aimed at one rule. For
    # a change every test may see, those that look at the most rules soonest.
    order = tests.costs if chosen else tests.weights
    chosen = (chosen or set(tests.seconds)) - set(tests.failing)
    # A document's examples share one namespace: run its whole file, after the tests.
    documents = sorted({c.partition("::")[0] for c in chosen if _is_document(c)})
    units = sorted((c for c in chosen if not _is_document(c)), key=order.__getitem__)
    killer = killers.get(mutant.key)
    if killer in units:
        units.remove(killer)
        units.insert(0, killer)
    elif killer in documents:
        documents.remove(killer)
        documents.insert(0, killer)
    return [*units, *documents]


FIRST_STAGE = 2.0
"""Seconds (as the map measured them) of the tests a mutant's first run may take: most
mutants fail one of the first few tests, and a run of all the tests collects every module."""


def stages(selected: list[str], tests: TestMap) -> list[list[str]]:
    """``selected`` in two runs: the first tests up to :data:`FIRST_STAGE` (their modules'
    collection counted), then the rest if they all pass."""
    spent = 0.0
    modules: set[str] = set()
    for index, test in enumerate(selected):
        module = test.partition("::")[0]
        if module not in modules:
            modules.add(module)
            spent += tests.modules.get(module, 0.0)
        spent += tests.seconds.get(test, 0.0)
        if spent > FIRST_STAGE and index:
            return [selected[:index], selected[index:]]
    return [selected]


def _is_document(nodeid: str) -> bool:
    return nodeid.partition("::")[0].endswith(".md")


def _budget(arguments: Sequence[str], tests: TestMap) -> float:
    """Seconds a mutant's run may take: ten times what its tests took under coverage, plus
    two minutes: generous, as a machine shared with other work may be slow."""
    total = 0.0
    for argument in arguments:
        if _is_document(argument) and "::" not in argument:
            total += sum(s for t, s in tests.seconds.items() if t.startswith(argument + "::"))
        else:
            total += tests.seconds.get(argument, 0.0)
    return 120.0 + 10.0 * total


# --- running mutants -----------------------------------------------------------------------


@dataclass
class Outcome:
    key: str
    status: str  # killed, survived, timeout, uncovered
    seconds: float
    tests: int
    killer: str = ""
    detail: str = ""
    """For an error, the end of pytest's output."""


def _env(src: Path) -> dict[str, str]:
    """The environment of a test run that imports confdata from ``src`` (ahead of the
    editable install), the plugin from tools/, and leaves Hypothesis' ci profile out."""
    env = dict(os.environ)
    paths = [str(src), str(ROOT / "tools"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(paths).rstrip(os.pathsep)
    env["HYPOTHESIS_PROFILE"] = "mutation"
    # Cached bytecode is safe: the copy's is hash-checked, and each mutant gets an mtime of
    # its own, which pytest's cache of rewritten modules compares (with the size).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTEST_ADDOPTS", None)
    env.pop("CI", None)  # Hypothesis would load its ci profile under the mutation one
    return env


class Worker:
    """A private copy of ``src/`` that mutants are written into, one at a time, and the fork
    server (tools/mutation_server.py) that runs pytest on it."""

    def __init__(self, root: Path, known: Sequence[str], *, verbose: bool = False) -> None:
        self.root = root
        self.src = root / "src"
        self.known = root / "known.json"
        root.mkdir(parents=True)
        self.known.write_text(json.dumps(list(known)), encoding="utf-8")
        shutil.copytree(SRC, self.src, ignore=shutil.ignore_patterns("__pycache__"))
        # Hash-checked bytecode: a mutated module is never taken for its original.
        compileall.compile_dir(
            self.src, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH
        )
        self.runs = 0
        self.verbose = verbose
        env = _env(self.src) | {
            "HYPOTHESIS_STORAGE_DIRECTORY": str(root / "hypothesis"),
            "HYPOTHESIS_NO_PLUGINS": "1",  # the server must not import confdata
        }
        self.server = subprocess.Popen(
            [sys.executable, str(ROOT / "tools" / "mutation_server.py")],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.child: int | None = None

    def run(self, mutant: Mutant, stages: list[list[str]], tests: TestMap) -> Outcome:
        """Run the tests of each stage in turn on the copy with ``mutant`` applied, until
        one fails."""
        target = self.src / "confdata" / "_core" / mutant.path
        original = target.read_text(encoding="utf-8")
        stat = target.stat()
        self.runs += 1
        failure = self.root / "failure.txt"
        failure.unlink(missing_ok=True)
        start = time.monotonic()
        try:
            target.write_text(apply(original, mutant), encoding="utf-8")
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + self.runs * 10**9))
            for stage in stages:
                status = self.pytest(stage, _budget(stage, tests), failure)
                if status != "survived":
                    break
        finally:
            target.write_text(original, encoding="utf-8")
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        killer = failure.read_text(encoding="utf-8") if failure.exists() else ""
        detail = ""
        if status.startswith("error") or (self.verbose and status == "survived"):
            log = (self.root / "pytest.log").read_text(encoding="utf-8", errors="replace")
            detail = "\n".join(log.strip().splitlines()[-5:])
        seconds = time.monotonic() - start
        count = sum(map(len, stages))
        return Outcome(mutant.key, status, seconds, count, killer, detail)

    def pytest(self, tests: list[str], budget: float, failure: Path) -> str:
        """Run ``tests`` (node IDs and whole documents, in order) through the plugin, which
        picks them out of their files' collection."""
        selection = self.root / "selection.json"
        selection.write_text(json.dumps(tests), encoding="utf-8")
        files = list(dict.fromkeys(test.partition("::")[0] for test in tests))
        request = {
            "args": [*PYTEST, "-p", PLUGIN, *files],
            "env": {
                "CONFDATA_MUTATION_FAILURE": str(failure),
                "CONFDATA_MUTATION_SELECTION": str(selection),
                "CONFDATA_MUTATION_KNOWN": str(self.known),
            },
            "log": str(self.root / "pytest.log"),
        }
        self.child = int(self.ask(request, 60.0)["pid"])
        try:
            code = int(self.ask(None, budget)["code"])
        except TimeoutError:
            self.kill()
            self.ask(None, 60.0)  # the server's report of the end
            return "timeout"
        finally:
            self.child = None
        if code == 0:
            return "survived"
        # 1: a test failed; 2: an import failed in collection; 3: confdata's own pytest
        # plugin failed to import.
        if code in (1, 2, 3) or failure.exists():
            return "killed"
        return f"error (pytest exit {code})"

    def ask(self, request: object, timeout: float) -> dict[str, int]:
        """Send ``request`` (if any) to the server, then read its next answer."""
        assert self.server.stdin is not None
        assert self.server.stdout is not None
        if request is not None:
            self.server.stdin.write(json.dumps(request) + "\n")
            self.server.stdin.flush()
        ready, _, _ = wait_readable([self.server.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError
        line = self.server.stdout.readline()
        if not line:
            raise RuntimeError("the mutation server ended")
        answer: dict[str, int] = json.loads(line)
        return answer

    def kill(self) -> None:
        """End the run under way (its whole process group)."""
        if self.child is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.child, signal.SIGKILL)

    def close(self) -> None:
        self.kill()
        if self.server.poll() is None:
            self.server.kill()
            self.server.wait()


def run_all(
    mutants: list[Mutant],
    tests: TestMap,
    jobs: int,
    killers: dict[str, str],
    *,
    verbose: bool = False,
) -> list[Outcome]:
    """Run every mutant, ``jobs`` at a time, printing a line for each."""
    lock = threading.Lock()
    stop = threading.Event()
    outcomes: list[Outcome] = []
    queue = iter(mutants)
    with tempfile.TemporaryDirectory(prefix="confdata-mutation-") as scratch:
        workers = [
            Worker(Path(scratch) / f"w{n}", list(tests.seconds), verbose=verbose)
            for n in range(jobs)
        ]

        def work(worker: Worker) -> None:
            while not stop.is_set():
                with lock:
                    mutant = next(queue, None)
                if mutant is None:
                    return
                outcome = worker.run(mutant, stages(select(mutant, tests, killers), tests), tests)
                if stop.is_set():
                    return
                with lock:
                    outcomes.append(outcome)
                    mark = "" if outcome.status in ("killed", "timeout") else "   <--"
                    print(
                        f"[{len(outcomes):4}/{len(mutants)}] {outcome.status:9} "
                        f"{outcome.seconds:6.1f}s {outcome.tests:5} tests  {mutant.key} "
                        f"(line {mutant.line}){mark}",
                        flush=True,
                    )
                    if outcome.detail:
                        print("    " + outcome.detail.replace("\n", "\n    "), flush=True)

        try:
            with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
                futures = [pool.submit(work, worker) for worker in workers]
                try:
                    for future in futures:
                        future.result()
                except BaseException:  # Ctrl-C or SIGTERM: end the runs under way
                    stop.set()
                    for worker in workers:
                        worker.kill()
                    raise
        finally:
            for worker in workers:
                worker.close()
    order = {m.key: n for n, m in enumerate(mutants)}
    return sorted(outcomes, key=lambda o: order[o.key])


# --- the reviewed list of equivalent mutants ---------------------------------------------

_ROW = re.compile(r"^\|\s*`(?P<key>(?:[^`]|``)+)`\s*\|\s*(?P<why>.*?)\s*\|\s*$")


def equivalent_mutants(path: Path = EQUIVALENT) -> dict[str, str]:
    """The keys the table of docs/mutation.md's "Equivalent mutants" section lists, with
    the reason given for each."""
    found: dict[str, str] = {}
    if not path.exists():
        return found
    text = path.read_text(encoding="utf-8")
    _, _, section = text.partition("\n## Equivalent mutants\n")
    for line in section.partition("\n## ")[0].splitlines():
        match = _ROW.match(line)
        if match:
            found[match["key"].replace("\\|", "|")] = match["why"]
    return found


# --- the command ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants at once")
    parser.add_argument("--only", default="", help="only mutants whose key contains this")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument(
        "--verbose", action="store_true", help="show the end of pytest's output for survivors"
    )
    parser.add_argument(
        "--reuse-map", action="store_true", help="use the map of the last run (.mutation/)"
    )
    parser.add_argument(
        "--fail-under", type=float, default=0.0, help="exit 1 when the score is lower (percent)"
    )
    options = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    started = time.monotonic()
    mutants = [m for m in find_mutants() if options.only in m.key]
    if options.list:
        for mutant in mutants:
            print(f"{mutant.key} (line {mutant.line}) => {mutant.replacement[:80]}")
        print(f"{len(mutants)} mutants")
        return 0
    tests = load_map() if options.reuse_map else build_map(options.jobs)
    if tests.failing:
        print(f"the unmutated suite fails {len(tests.failing)} tests; they are left out:")
        for nodeid in tests.failing:
            print(f"  {nodeid}")
    killers = _last_killers()
    outcomes = run_all(mutants, tests, options.jobs, killers, verbose=options.verbose)
    wall = time.monotonic() - started
    _save(outcomes, killers)
    return _report(outcomes, wall, options.fail_under, everything=not options.only)


def _last_killers() -> dict[str, str]:
    path = STATE / "killers.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _save(outcomes: list[Outcome], killers: dict[str, str]) -> None:
    STATE.mkdir(exist_ok=True)
    for outcome in outcomes:
        if outcome.killer and not outcome.killer.startswith("collecting"):
            killers[outcome.key] = (
                outcome.killer.partition("::")[0]
                if _is_document(outcome.killer)
                else outcome.killer
            )
    (STATE / "killers.json").write_text(json.dumps(killers, indent=1), encoding="utf-8")
    (STATE / "results.json").write_text(
        json.dumps([asdict(o) for o in outcomes], indent=1), encoding="utf-8"
    )


def _report(outcomes: list[Outcome], wall: float, fail_under: float, *, everything: bool) -> int:
    listed = equivalent_mutants()
    by_status = Counter(
        "killed" if o.status == "timeout" else o.status.partition(" ")[0] for o in outcomes
    )
    keys = {o.key for o in outcomes}
    equivalent = [o for o in outcomes if o.key in listed and o.status in ("survived", "uncovered")]
    wrongly = [o for o in outcomes if o.key in listed and o.status in ("killed", "timeout")]
    alive = [o for o in outcomes if o.status not in ("killed", "timeout") and o.key not in listed]
    killed = by_status["killed"]
    judged = len(outcomes) - len(equivalent)
    score = 100.0 * killed / judged if judged else 100.0
    print()
    for outcome in alive:
        print(f"SURVIVED ({outcome.status}): {outcome.key}")
    for outcome in wrongly:
        print(f"listed as equivalent but killed by {outcome.killer}: {outcome.key}")
    if everything:
        for key in sorted(set(listed) - keys):
            print(f"listed as equivalent but no longer a mutant: {key}")
    timeouts = sum(o.status == "timeout" for o in outcomes)
    print(
        f"\n{len(outcomes)} mutants: {killed} killed ({timeouts} by the timeout), "
        f"{len(outcomes) - killed} not killed, of which {len(equivalent)} judged equivalent "
        f"(docs/mutation.md) and {len(alive)} survived\n"
        f"score: {score:.1f}% of {judged} non-equivalent mutants; wall time {wall / 60:.1f} min"
    )
    return 1 if score < fail_under else 0


if __name__ == "__main__":
    sys.exit(main())
