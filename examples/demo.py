"""The confdata demo: build a conference, print its Calendar JSON, validate two payloads."""

from __future__ import annotations

import json
from typing import Any

from confdata import (
    ConferenceDataBuilder,
    EntryPoint,
    EntryPointFeature,
    validate_calendar_json,
)


def build_conference() -> dict[str, Any]:
    """Build a video + phone conference and return its Calendar API JSON."""
    data = (
        ConferenceDataBuilder()
        .conference_id("123-456-789")
        .entry_point(EntryPoint.video("https://acme.example/j/123", passcode="abc123"))
        .entry_point(
            EntryPoint.phone(
                "tel:+12025550123,,123#",
                pin="123",
                region_code="US",
                features=[EntryPointFeature.TOLL],
            )
        )
        .parameter("meetingKey", "k-123")
        .notes("Join with passcode abc123")
        .build()
    )
    print("Built:", data.entry_points[0])
    return dict(data.to_calendar_json())


BROKEN: dict[str, Any] = {
    "conferenceId": "",
    "conferenceSolution": {"key": {"type": "addOn"}},
    "entryPoints": [
        {"entryPointType": "video", "uri": "tel:+12025550123"},
        {"entryPointType": "video", "uri": "https://acme.example/j/1", "regionCode": "us"},
        {"entryPointType": "phone", "uri": "tel:2025550123", "pin": "0" * 200},
    ],
    "entrypoints": [],
}


def main() -> int:
    payload = build_conference()
    print(json.dumps(payload, indent=2))
    for name, candidate in (("built payload", payload), ("broken payload", BROKEN)):
        problems = validate_calendar_json(candidate)
        print(f"\n{name}: {len(problems)} problem(s)")
        for problem in problems:
            print(f"  {problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
