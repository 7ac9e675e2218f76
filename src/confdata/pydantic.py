"""pydantic support (implemented in :mod:`confdata._core.pydantic`; pydantic stays optional).

A :class:`~confdata.ConferenceData` is a pydantic type as it is: pydantic reads and writes it in
the Calendar API form. ``Annotated[ConferenceData, AddonForm]`` reads and writes the add-on
form instead.
"""

from __future__ import annotations

from ._core.pydantic import AddonForm, CalendarForm

__all__ = [
    "AddonForm",
    "CalendarForm",
]
