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
