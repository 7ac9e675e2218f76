"""A fixture that turns a hang into a failure, for tests of code that must never block."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from types import FrameType

import pytest


@pytest.fixture
def no_blocking() -> Iterator[None]:
    """Fail, instead of hanging the suite, if the code under test blocks for 10 s."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("blocked for 10 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
