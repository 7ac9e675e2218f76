"""Hypothesis strategies for provider responses in the shapes their API references document.

Zoom: "Get a meeting"; Microsoft Graph: onlineMeeting (with audioConferencing and
joinMeetingIdSettings) and onlineMeetingInfo; Webex: the meeting object. Optional members are
left out, null or empty as the providers do; numbers are written with spaces, dashes, dots and
parentheses.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from confdata.providers import ProviderOptions

_REGIONS = ("US", "SE", "GB", "DE", "JP", "BR", "IN")
_digits = st.text("0123456789", min_size=1, max_size=4)


def _flip(draw: st.DrawFn) -> bool:
    """A coin toss (a function, so that mypy types the expressions it ends)."""
    return draw(st.booleans())


@st.composite
def written_numbers(draw: st.DrawFn) -> str:
    """A phone number as providers write it: '+1 646 558 8656', '+1-866-432-9903' …"""
    groups = draw(st.lists(_digits, min_size=2, max_size=4))
    separator = draw(st.sampled_from([" ", "-", ".", "", " - "]))
    body = separator.join(groups)
    if _flip(draw):
        body = f"({groups[0]}) {separator.join(groups[1:])}"
    return draw(st.sampled_from(["+", "+", ""])) + draw(_digits) + " " + body


_codes = st.text("0123456789", min_size=4, max_size=12)
_passcodes = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@-_*!", min_size=1, max_size=10
)
_tokens = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=24)


def _optional(strategy: st.SearchStrategy[Any], *absent: object) -> st.SearchStrategy[Any]:
    """A value, or one of the ways a provider says there is none (left out by the caller)."""
    return st.one_of(strategy, st.sampled_from((None, *absent)))


def _drop_none(obj: dict[str, Any], keep_null: bool = False) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None or keep_null}


@st.composite
def zoom_meetings(draw: st.DrawFn) -> dict[str, Any]:
    """A Zoom meeting object."""
    meeting_id = draw(st.integers(10**8, 10**11))
    numbers = draw(
        st.lists(
            st.fixed_dictionaries(
                {"number": written_numbers()},
                optional={
                    "type": st.sampled_from(["toll", "tollfree", "premium"]),
                    "country": st.sampled_from([*_REGIONS, "se", "UK", "XYZ"]),
                    "country_name": st.sampled_from(["Sweden", "US"]),
                    "city": st.sampled_from(["Stockholm", "New York"]),
                },
            ),
            max_size=45,
        )
    )
    settings = _drop_none(
        {
            "audio": draw(_optional(st.sampled_from(["both", "telephony", "voip", "thirdParty"]))),
            "global_dial_in_numbers": numbers if numbers or _flip(draw) else None,
        }
    )
    pwd = draw(_optional(_tokens))
    return _drop_none(
        {
            "id": meeting_id if _flip(draw) else str(meeting_id),
            "uuid": draw(_optional(_tokens)),
            "join_url": f"https://zoom.us/j/{meeting_id}" + (f"?pwd={pwd}" if pwd else ""),
            "start_url": f"https://zoom.us/s/{meeting_id}?zak=host-secret",
            "password": draw(_optional(_passcodes, "")),
            "pstn_password": draw(_optional(_codes)),
            "h323_password": draw(_optional(_codes)),
            "settings": settings if settings or _flip(draw) else None,
        }
    )


@st.composite
def teams_meetings(draw: st.DrawFn) -> dict[str, Any]:
    """A Graph onlineMeeting, or (one time in four) an event's onlineMeetingInfo."""
    conference_id = draw(_codes)
    toll = draw(st.lists(written_numbers(), max_size=6))
    toll_free = draw(st.lists(written_numbers(), max_size=6))
    join_url = f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{draw(_tokens)}"
    if draw(st.integers(0, 3)) == 0:
        return _drop_none(
            {
                "conferenceId": conference_id,
                "joinUrl": join_url,
                "tollNumber": toll[0] if toll else None,
                "tollFreeNumbers": toll_free,
                "phones": [{"number": n, "type": "business"} for n in toll[1:]],
                "quickDial": f"{toll[0]},,{conference_id}#" if toll else None,
            }
        )
    audio = _drop_none(
        {
            draw(st.sampled_from(["conferenceId", "ConferenceId"])): conference_id,
            "dialinUrl": draw(_optional(_tokens.map(lambda t: f"https://dialin.example/{t}"))),
            "tollNumbers": toll,
            "tollFreeNumbers": toll_free,
            "tollNumber": toll[0] if toll and _flip(draw) else None,
            "tollFreeNumber": toll_free[0] if toll_free and _flip(draw) else None,
        }
    )
    settings = {
        "isPasscodeRequired": _flip(draw),
        "joinMeetingId": draw(_codes),
        "passcode": draw(_optional(_passcodes)),
    }
    return _drop_none(
        {
            "id": f"MSp{draw(_tokens)}",
            "joinWebUrl": join_url,
            "subject": "Planning",
            "joinMeetingIdSettings": settings if _flip(draw) else None,
            "audioConferencing": audio if toll or toll_free or _flip(draw) else None,
            "videoTeleconferenceId": draw(_optional(_codes)),
        }
    )


@st.composite
def webex_meetings(draw: st.DrawFn) -> dict[str, Any]:
    """A Webex meeting object."""
    number = draw(_codes)
    calls = draw(
        st.lists(
            st.fixed_dictionaries(
                {"callInNumber": written_numbers()},
                optional={
                    "label": st.sampled_from(["US Toll", "Call-in toll-free number (US/Canada)"]),
                    "tollType": st.sampled_from(["toll", "tollFree"]),
                },
            ),
            max_size=8,
        )
    )
    telephony = _drop_none(
        {
            "accessCode": draw(_optional(_codes)),
            "callInNumbers": calls,
            "links": [
                {"rel": "globalCallinNumbers", "href": "/v1/meetings/x/gcn", "method": "GET"}
            ],
        }
    )
    return _drop_none(
        {
            "id": draw(_tokens),
            "meetingNumber": draw(_optional(st.just(number))),
            "webLink": f"https://site.webex.com/site/j.php?MTID={draw(_tokens)}",
            "password": draw(_optional(_passcodes)),
            "phoneAndVideoSystemPassword": draw(_optional(_codes)),
            "sipAddress": draw(_optional(st.just(f"{number}@site.webex.com"))),
            "hostKey": "314159",
            "telephony": telephony if calls or _flip(draw) else None,
        }
    )


options = st.builds(
    ProviderOptions,
    regions=st.lists(st.sampled_from(_REGIONS), unique=True, max_size=3).map(tuple),
    toll_free_first=st.booleans(),
    max_phones=st.one_of(st.none(), st.integers(0, 3)),
    dial_codes=st.sampled_from(["none", "meeting-id", "all"]),
    default_region=st.one_of(st.none(), st.sampled_from(_REGIONS)),
    more_uri=st.one_of(st.none(), st.just("https://dial-in.example/numbers")),
    sip_template=st.one_of(st.none(), st.just("{id}@sip.example.com")),
    solution_id=st.one_of(st.none(), st.just("acme-video")),
)
"""Any combination of the converters' options."""
