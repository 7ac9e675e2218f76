"""The security page names the tests that check its promises: each one must exist."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

PAGE = Path(__file__).parent.parent / "docs" / "security.md"


def test_every_test_the_security_page_names_exists() -> None:
    """Each `module.py::test_name` on docs/security.md is a test function of that module,
    and each test module the page names in parentheses holds the tests listed there."""
    text = PAGE.read_text(encoding="utf-8")
    named = re.findall(r"`(test_\w+)\.py::(test_\w+)`", text)
    assert len(named) >= 40
    for module, function in named:
        tests = importlib.import_module(f"tests.{module}")
        assert callable(getattr(tests, function, None)), f"{module}.py::{function}"
    for module, listed in re.findall(r"`(test_\w+)\.py` \(([^)]*)\)", text):
        tests = importlib.import_module(f"tests.{module}")
        for function in re.findall(r"`(test_\w+)`", listed):
            assert callable(getattr(tests, function, None)), f"{module}.py::{function}"


def _guarantees(text: str) -> list[str]:
    """Each guarantee of the page: a bullet or paragraph of "What confdata guarantees"."""
    section = text.split("## What confdata guarantees", 1)[1].split("\n## ", 1)[0]
    return re.split(r"\n(?=- \*\*|\*\*Not kept yet)", section)


def test_every_guarantee_names_a_test() -> None:
    """Each bullet of the guarantees (and each section's closing paragraph) names the tests
    that hold it."""
    text = PAGE.read_text(encoding="utf-8")
    bullets = [part for part in _guarantees(text) if part.startswith("- **")]
    assert len(bullets) >= 15
    for bullet in bullets:
        assert "*Test" in bullet, bullet.splitlines()[0]


def test_what_is_not_kept_yet_is_held_by_a_strict_expected_failure() -> None:
    """A "Not kept yet" entry names tests marked xfail(strict=True), so the day the gap
    closes its test fails until the entry is removed: no stale entry can stay."""
    text = PAGE.read_text(encoding="utf-8")
    for part in _guarantees(text):
        if not part.startswith("**Not kept yet"):
            continue
        named = re.findall(r"`(test_\w+)\.py::(test_\w+)`", part)
        assert named, part.splitlines()[0]
        for module, function in named:
            test = getattr(importlib.import_module(f"tests.{module}"), function)
            marks = [m for m in getattr(test, "pytestmark", []) if m.name == "xfail"]
            assert any(m.kwargs.get("strict") for m in marks), f"{module}.py::{function}"
