"""Foreign values whose own methods raise, shared by the tests that hand them to confdata."""

from __future__ import annotations


class EqRaises(str):
    """A string whose comparisons raise; dicts accept it as a key (it hashes as its text)."""

    __hash__ = str.__hash__

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    def __ne__(self, other: object) -> bool:
        raise RuntimeError("ne")
