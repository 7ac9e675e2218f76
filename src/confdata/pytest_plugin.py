"""confdata's pytest plugin (entry point ``pytest11``): a fixture, no autouse side effects.

Needs no Hypothesis::

    def test_my_add_on(assert_valid_conference_data):
        assert_valid_conference_data(my_add_on.create(), form="addon")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from .testing._assertions import assert_valid_conference_data as _assert_valid

__all__ = ["assert_valid_conference_data"]


@pytest.fixture
def assert_valid_conference_data() -> Callable[..., None]:
    """The :func:`confdata.testing.assert_valid_conference_data` assertion."""
    return _assert_valid


def pytest_report_header(config: Any) -> str:
    """Name the plugin in pytest's header, so its presence is never a surprise."""
    from . import __version__

    return f"confdata plugin {__version__}"
