"""Join information read out of conference data: the link, the numbers, the SIP address.

:func:`join_info` takes a :class:`~confdata.ConferenceData`, either JSON form (the Calendar
form, ``Event.conferenceData``, or the add-on form an ``onCreateFunction`` returns) or a whole
Event resource, and returns a :class:`JoinInfo`. It reads the JSON leniently, so data read
leniently (unknown entry point types, missing URIs) works too: what it cannot use is left out,
never guessed at. What it cannot read at all raises :class:`~confdata.ValidationError`.
(Implemented in :mod:`confdata._join`.)
"""

from __future__ import annotations

from ._join.reading import join_info
from ._join.values import JoinInfo, JoinPoint

__all__ = ["JoinInfo", "JoinPoint", "join_info"]
