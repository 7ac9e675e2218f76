"""Recorded provider responses in the shapes their API references document (tests/providers/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from confdata import ConferenceData, validate_addon_json, validate_calendar_json

DIRECTORY = Path(__file__).parent / "providers"


def load(name: str) -> dict[str, Any]:
    """The response stored as ``tests/providers/{name}.json``."""
    value: dict[str, Any] = json.loads((DIRECTORY / f"{name}.json").read_text(encoding="utf-8"))
    return value


def error_codes(data: ConferenceData) -> list[str]:
    """The error codes of both forms of ``data`` (warnings left out)."""
    found = validate_calendar_json(data.to_calendar_json()) + validate_addon_json(
        data.to_addon_json()
    )
    return [problem.code for problem in found if problem.is_error]
