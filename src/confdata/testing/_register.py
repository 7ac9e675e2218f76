"""Registration with Hypothesis (entry point ``hypothesis``): ``st.from_type`` just works.

Hypothesis runs this hook while it is itself being imported, perhaps by confdata's own
strategies module: the strategies are therefore looked up when first drawn from.
"""

from __future__ import annotations

from typing import Any


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from .._core.values import ConferenceData, ConferenceError, EntryPoint

    def strategy(name: str, **arguments: Any) -> st.SearchStrategy[Any]:
        def make() -> st.SearchStrategy[Any]:
            from . import _strategies

            made: st.SearchStrategy[Any] = getattr(_strategies, name)(**arguments)
            return made

        return st.deferred(make)

    st.register_type_strategy(ConferenceData, strategy("conference_data", errors=True))
    st.register_type_strategy(EntryPoint, strategy("entry_points"))
    st.register_type_strategy(ConferenceError, strategy("conference_errors"))
