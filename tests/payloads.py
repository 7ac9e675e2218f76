"""Example payloads shared by the tests: one valid conference in each shape."""

from __future__ import annotations

from typing import Any


def calendar_payload() -> dict[str, Any]:
    """A valid Calendar form payload using every member (a fresh copy each call)."""
    return {
        "conferenceId": "abc-123",
        "conferenceSolution": {
            "key": {"type": "addOn"},
            "name": "Acme Meetings",
            "iconUri": "https://acme.example/icon.png",
        },
        "entryPoints": [
            {
                "entryPointType": "video",
                "uri": "https://acme.example/j/123",
                "label": "acme.example/j/123",
                "passcode": "abc123",
            },
            {
                "entryPointType": "phone",
                "uri": "tel:+12025550123",
                "pin": "123456",
                "regionCode": "US",
                "entryPointFeatures": ["toll"],
            },
            {"entryPointType": "sip", "uri": "sip:123@acme.example", "accessCode": "9"},
            {"entryPointType": "more", "uri": "https://acme.example/more/123"},
        ],
        "notes": "Dial in with <b>PIN</b> 123456",
        "parameters": {"addOnParameters": {"parameters": {"meetingKey": "k-123"}}},
        "signature": "AGirE/abc",
    }
