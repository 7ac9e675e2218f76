"""Registration with Hypothesis (entry point ``hypothesis``): ``st.from_type`` just works."""

from __future__ import annotations

from hypothesis import strategies as st

from ..model import ConferenceData, ConferenceError, EntryPoint
from ._strategies import conference_data, conference_errors, entry_points


def _hypothesis_setup_hook() -> None:
    st.register_type_strategy(ConferenceData, conference_data(errors=True))
    st.register_type_strategy(EntryPoint, entry_points())
    st.register_type_strategy(ConferenceError, conference_errors())
