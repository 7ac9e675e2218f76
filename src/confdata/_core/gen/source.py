"""Writing and compiling generated Python: an indented line buffer, the constants the code
refers to, and compilation under a readable file name registered with :mod:`linecache`, so a
traceback through generated code shows its lines (as attrs does for the ``__init__`` it
generates)."""

from __future__ import annotations

import linecache
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["Source"]

_NAME = re.compile(r"[^0-9A-Za-z_]")


class Source:
    """Lines of generated Python and the globals they use."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.lines: list[str] = []
        self.depth = 0
        self.env: dict[str, Any] = {}
        self._names: dict[int, str] = {}
        self._counter = 0

    def line(self, text: str = "") -> None:
        """Add one line at the current indentation."""
        self.lines.append(("    " * self.depth + text) if text else "")

    @contextmanager
    def block(self, header: str) -> Iterator[None]:
        """A compound statement: ``header`` (ending in ``:``), then the lines indented."""
        self.line(header)
        self.depth += 1
        start = len(self.lines)
        try:
            yield
        finally:
            if len(self.lines) == start:
                self.line("pass")
            self.depth -= 1

    def const(self, value: object, hint: str) -> str:
        """The global name under which the generated code reaches ``value``."""
        known = self._names.get(id(value))
        if known is not None:
            return known
        base = _NAME.sub("_", hint).upper().strip("_") or "CONST"
        name = base
        while name in self.env:
            self._counter += 1
            name = f"{base}_{self._counter}"
        self.env[name] = value
        self._names[id(value)] = name
        return name

    def use(self, name: str, value: object) -> str:
        """Make ``value`` a global of the generated code under exactly ``name``."""
        self.env[name] = value
        self._names.setdefault(id(value), name)
        return name

    def fresh(self, hint: str) -> str:
        """A local variable name not used before."""
        self._counter += 1
        return f"{_NAME.sub('_', hint)}_{self._counter}"

    @property
    def text(self) -> str:
        """The source, as compiled."""
        return "\n".join(self.lines) + "\n"

    def compile(self) -> dict[str, Any]:
        """Compile the source; returns its namespace (the functions it defines). The source
        is registered with :mod:`linecache` under ``<confdata generated: title>``."""
        filename = f"<confdata generated: {self.title}>"
        text = self.text
        code = compile(text, filename, "exec")
        namespace = dict(self.env)
        namespace["__name__"] = f"confdata._core.gen.{_NAME.sub('_', self.title)}"
        exec(code, namespace)  # the source is confdata's own, generated from the spec
        linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
        return namespace
