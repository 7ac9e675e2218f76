"""Join details as event text: :func:`join_text`, for backends that are not the add-on.

A client that is not the add-on cannot write ``addOn`` conference data (users report 400
"Invalid conference data"; see the decisions page). What it can write is the event's text:
``description`` ("Description of the event. Can contain HTML.") and ``location`` ("Geographic
location of the event as free-form text.", Calendar API v3 ``Event`` [S3]). The text is made
from :func:`confdata.join_info`: the link, the phones Calendar would show with their codes, and
the page with more ways to join.
"""

from __future__ import annotations

from html import escape
from typing import cast

import attrs

from .._core import spec
from .._core.sink import single
from ..join import JoinInfo, JoinPoint, join_info

__all__ = ["JoinText", "join_text"]

# How each code is named in the text, in the order shown (a join point holds each code in
# the field the entry point value does).
_CODES = (
    (spec.MEETING_CODE, "Meeting code"),
    (spec.ACCESS_CODE, "Access code"),
    (spec.PASSCODE, "Passcode"),
    (spec.PASSWORD, "Password"),
    (spec.PIN, "PIN"),
)


@attrs.frozen(repr=False)
class JoinText:
    """The join details of a conference as text for an event. They hold the codes people
    need to join, so the repr shows only their sizes."""

    plain: str
    """Plain text, one line per way to join: for ``description`` in clients that show text."""
    html: str
    """The same as HTML (links, ``<br>`` between lines): for ``description``, which "Can
    contain HTML"."""
    location: str | None
    """The link alone (the video link, else the first phone's, else the SIP address): for
    ``location``."""

    def __repr__(self) -> str:
        return (
            f"JoinText(plain=<{len(self.plain):,} characters>, "
            f"html=<{len(self.html):,} characters>, "
            f"location={'None' if self.location is None else '<the join link>'})"
        )


def _codes(point: JoinPoint) -> list[str]:
    return [
        f"{label}: {value}"
        for code, label in _CODES
        if (value := cast("str | None", getattr(point, code.attr))) is not None
    ]


def _phone(point: JoinPoint) -> tuple[str, str]:
    """How a phone is shown (its label, else its number) and what qualifies it."""
    shown = point.label or point.number or point.uri
    notes = [note for note in (point.region_code, "toll-free" if point.toll_free else None) if note]
    return shown, f" ({', '.join(notes)})" if notes else ""


class _Lines:
    """The text built twice at once: plain, and HTML."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []

    def link(self, before: str, uri: str, shown: str | None = None, after: str = "") -> None:
        """A line: ``before``, then the URI (or ``shown``, linked to it), then ``after``."""
        self.plain.append(f"{before}{uri if shown is None else shown}{after}")
        text = escape(uri if shown is None else shown)
        self.html.append(f'{escape(before)}<a href="{escape(uri)}">{text}</a>{escape(after)}')

    def codes(self, point: JoinPoint) -> None:
        for line in _codes(point):
            self.plain.append(line)
            self.html.append(escape(line))


def join_text(source: object) -> JoinText:
    """The join details of ``source`` as text for an event's ``description`` and
    ``location``: anything :func:`~confdata.join_info` reads (a ConferenceData, Calendar JSON,
    an Event), or a :class:`~confdata.JoinInfo`.

    Lines, in order: the video link with its codes, the two phones Calendar would show (each
    with its region, toll-free, and its codes), the page with more ways to join, the SIP
    address. The text is English; build your own from ``join_info()`` for other words.
    Conference data with no way to join raises :class:`~confdata.ValidationError`.
    """
    info = cast(JoinInfo, source) if issubclass(type(source), JoinInfo) else join_info(source)
    if info.join_uri is None and info.more_uri is None:
        raise single(
            "required",
            "",
            "the conference has no way to join (no video, phone, SIP or more entry point)",
        )
    lines = _Lines()
    name = info.solution_name or "the meeting"
    if info.video is not None:
        lines.link(f"Join {name}: ", info.video.uri)
        lines.codes(info.video)
    for phone in info.shown_phones:
        shown, notes = _phone(phone)
        codes = "".join(f" {code}" for code in _codes(phone))
        lines.link("Join by phone: ", phone.uri, shown, notes + codes)
    if info.more_uri is not None:
        lines.link("More ways to join: ", info.more_uri)
    if info.sip is not None:
        lines.link("Join by SIP: ", info.sip.uri)
        lines.codes(info.sip)
    return JoinText(
        plain="\n".join(lines.plain),
        html="<br>".join(lines.html),
        location=info.join_uri,
    )
