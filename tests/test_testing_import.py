"""confdata.testing without Hypothesis: the fixtures, the assertion and the fake Calendar work,
the strategies say what to install."""

from __future__ import annotations

import subprocess
import sys

_WITHOUT_HYPOTHESIS = """
import sys
sys.modules["hypothesis"] = None  # as if it were not installed
import confdata.testing as testing
testing.assert_valid_conference_data(testing.full_conference(), form="addon")
print(type(testing.FakeCalendar).__name__)
try:
    testing.conference_data
except ModuleNotFoundError as error:
    print(error)
"""


def test_the_testing_tools_import_without_hypothesis() -> None:
    """Only the strategies need Hypothesis; asking for one names the extra to install."""
    ran = subprocess.run(
        [sys.executable, "-c", _WITHOUT_HYPOTHESIS], capture_output=True, text=True, check=True
    )
    lines = ran.stdout.splitlines()
    assert lines[0] == "type"
    assert "confdata's testing extra (confdata[testing])" in lines[1]
