"""Example payloads shared by the tests: one valid conference in each shape."""

from __future__ import annotations

from collections.abc import Callable
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


def addon_payload() -> dict[str, Any]:
    """A valid add-on form payload using every success member (a fresh copy each call)."""
    return {
        "conferenceId": "abc-123",
        "conferenceSolutionId": "acme-video",
        "entryPoints": [
            {
                "type": "VIDEO",
                "uri": "https://acme.example/j/123",
                "label": "acme.example/j/123",
                "passcode": "abc123",
            },
            {
                "type": "PHONE",
                "uri": "tel:+12025550123",
                "pin": "123456",
                "regionCode": "US",
                "features": ["TOLL"],
            },
            {"type": "SIP", "uri": "sip:123@acme.example", "meetingCode": "123"},
            {"type": "MORE", "uri": "https://acme.example/more/123"},
        ],
        "parameters": [{"key": "meetingKey", "value": "k-123"}],
        "note": "Dial in with <b>PIN</b> 123456",
    }


def manifest_payload() -> dict[str, Any]:
    """An appsscript.json with two conference solutions."""
    return {
        "timeZone": "Europe/Stockholm",
        "addOns": {
            "common": {"name": "Acme", "logoUrl": "https://acme.example/logo.png"},
            "calendar": {
                "conferenceSolution": [
                    {
                        "id": "acme-video",
                        "name": "Acme Video",
                        "onCreateFunction": "createVideo",
                        "logoUrl": "https://acme.example/video.png",
                    },
                    {
                        "id": "acme-phone",
                        "name": "Acme Phone",
                        "onCreateFunction": "createPhone",
                        "logoUrl": "https://acme.example/phone.png",
                    },
                ],
                "createSettingsUrlFunction": "settingsUrl",
            },
        },
    }


Payload = dict[str, Any]


def drop(*path: str | int) -> Callable[[Payload], None]:
    """A mutation deleting the member at ``path``."""

    def mutate(payload: Payload) -> None:
        target: Any = payload
        for token in path[:-1]:
            target = target[token]
        del target[path[-1]]

    return mutate


def put(*path: str | int, value: Any) -> Callable[[Payload], None]:
    """A mutation setting the member at ``path`` to ``value``."""

    def mutate(payload: Payload) -> None:
        target: Any = payload
        for token in path[:-1]:
            target = target[token]
        target[path[-1]] = value

    return mutate
