"""``events.watch`` and ``channels.stop``: notification channels, as the Calendar API's push
notifications guide (developers.google.com/workspace/calendar/api/guides/push) documents them.

A watch request needs an ``id`` ("a UUID or similar unique string", at most 64 characters), the
``type`` ``web_hook`` (or ``webhook``) and an HTTPS ``address``; ``token``, ``expiration`` (Unix
milliseconds) and ``params.ttl`` (seconds, 604800 by default) are optional. The answer is the
Channel: ``kind`` ``api#channel``, the ``id``, an opaque ``resourceId``, the ``resourceUri``
watched, the ``token`` if one was given and the ``expiration``.

The fake sends no HTTP request anywhere: the messages Google would POST to the address (a
``sync`` message when the channel opens, an ``exists`` message after each change of the
calendar's events) are recorded, and ``FakeCalendar.notifications()`` returns them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlsplit

from ..._core.foreign import exact_str
from .conference import MISSING
from .errors import bad_request, not_found
from .events import Answer, EventsService, Request
from .schema import Schemas
from .store import Channel, Store

__all__ = ["Watching"]

DEFAULT_TTL = 604_800  # seconds: "The default is 604800 seconds" (calendarList.watch, params.ttl)
MAX_ID = 64  # the channel id: "Maximum length: 64 characters"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_DIGITS = re.compile(r"[0-9]{1,20}")


def _https(address: str) -> bool:
    """An https:// URL with a host."""
    try:
        parts = urlsplit(address)
    except ValueError:  # an unbalanced IPv6 bracket, say
        return False
    return parts.scheme == "https" and bool(parts.netloc)


class Watching:
    """The watch and stop methods over one :class:`Store`."""

    def __init__(self, events: EventsService, schemas: Schemas, base: str) -> None:
        self.events = events
        self.store: Store = events.store
        self.schemas = schemas
        self.base = base

    @property
    def handlers(self) -> dict[str, Callable[[Request], Answer]]:
        """The methods answered here, by their discovery-document IDs."""
        return {"calendar.events.watch": self.watch, "calendar.channels.stop": self.stop}

    def _channel(self, request: Request) -> dict[str, Any]:
        if request.body is MISSING:
            raise bad_request("The request body must be a Channel object.", reason="parseError")
        return self.schemas.read("Channel", request.body)

    def watch(self, request: Request) -> Answer:
        """``events.watch``: open a channel on the calendar's events."""
        calendar_id = request.path["calendarId"]
        self.events.calendar(calendar_id)
        body = self._channel(request)
        channel_id = exact_str(body.get("id"))
        if not channel_id or len(channel_id) > MAX_ID:
            raise bad_request(
                "Invalid channel id.", detail=f"id is required, at most {MAX_ID} characters"
            )
        if channel_id in self.store.channels:
            raise bad_request("Channel id not unique.", reason="channelIdNotUnique")
        if body.get("type") not in ("web_hook", "webhook"):
            raise bad_request(
                "Invalid channel type.", detail="type must be 'web_hook' (or 'webhook')"
            )
        address = exact_str(body.get("address")) or ""
        if not _https(address):
            # "an HTTPS server that handles the API notification messages"
            raise bad_request("Invalid channel address.", detail="address must be an https:// URL")
        now = self.store.clock()
        ttl = exact_str((body.get("params") or {}).get("ttl")) or str(DEFAULT_TTL)
        if not _DIGITS.fullmatch(ttl) or int(ttl) > 10**9:
            raise bad_request("Invalid ttl value.", detail="params.ttl is a number of seconds")
        expiration = int((now - EPOCH).total_seconds() + int(ttl)) * 1000
        asked = exact_str(body.get("expiration"))
        if asked is not None:
            if not _DIGITS.fullmatch(asked) or int(asked) > 253_402_300_799_000:
                raise bad_request("Invalid expiration value.")
            expiration = min(expiration, int(asked))
        resource: dict[str, Any] = {
            "kind": "api#channel",
            "id": channel_id,
            "resourceId": self.store.issue_resource_id(),
            "resourceUri": f"{self.base}calendars/{quote(calendar_id, safe='@')}/events",
            "expiration": str(expiration),
            "address": address,
        }
        if body.get("token") is not None:
            resource["token"] = body["token"]
        self.store.channels[channel_id] = Channel(resource, calendar_id)
        self.store.notify_channel(channel_id, "sync")
        answer = {k: v for k, v in resource.items() if k != "address"}
        return 200, answer

    def stop(self, request: Request) -> Answer:
        """``channels.stop``: "Stop watching resources through this channel"; the channel is
        named by its ``id`` and ``resourceId``; an unknown one answers 404."""
        body = self._channel(request)
        channel = self.store.channels.get(exact_str(body.get("id")) or "")
        if channel is None or channel.resource["resourceId"] != body.get("resourceId"):
            raise not_found()
        del self.store.channels[channel.resource["id"]]
        return 204, None
