"""The conference lifecycle around a write: wait for a create request, check what the API kept,
copy an event without reusing its conference, and ask a calendar what it can create.

- :func:`wait_for_conference` polls an event until its create request is ``success`` or
  ``failure`` ("The data is generated asynchronously. To see whether the data is present check
  the status field" [S3]), with exponential backoff, and says "still pending" at the timeout.
- :func:`check_write` compares what a write sent with the event the API returned: dropped
  conference data (most often a write without ``conferenceDataVersion=1``, which the API
  ignores silently [S3]), lost entry points, parameters or notes, a failed create request,
  a replaced add-on solution.
- :func:`plan_copy` says what a duplicated or moved event needs: "Reusing Google Meet
  conference data across different events can cause access issues and expose meeting details
  to unintended users ... always generate a unique conference for each event by using the
  createRequest field" (``Event.conferenceData`` [S3], since revision 20260225).
- :func:`can_create` checks a calendar's ``conferenceProperties.allowedConferenceSolutionTypes``
  before a create request is sent.

Everything works on plain dicts, as google-api-python-client returns them.
"""

from __future__ import annotations

from ._events.copying import CopyAction, CopyPlan, can_create, plan_copy
from ._events.waiting import ConferenceWait, WaitOutcome, wait_for_conference
from ._events.write_check import check_write

__all__ = [
    "ConferenceWait",
    "CopyAction",
    "CopyPlan",
    "WaitOutcome",
    "can_create",
    "check_write",
    "plan_copy",
    "wait_for_conference",
]
