"""The rule catalog: every stable problem code with its severity, meaning and Google source
(implemented in :mod:`confdata._core.catalog`)."""

from __future__ import annotations

from ._core.catalog import (
    DOCS_URL,
    RULES,
    SOURCES,
    Rule,
    rules_markdown,
)

__all__ = [
    "DOCS_URL",
    "RULES",
    "SOURCES",
    "Rule",
    "rules_markdown",
]
