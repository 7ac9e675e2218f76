"""Tools for users' test suites: Hypothesis strategies for valid conference data.

Needs Hypothesis (``pip install confdata[testing]``).
"""

from __future__ import annotations

from ._strategies import calendar_json, conference_data, conference_errors, entry_points

__all__ = ["calendar_json", "conference_data", "conference_errors", "entry_points"]
