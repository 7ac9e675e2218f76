"""Problem formatting, JSON helpers and the region table."""

from __future__ import annotations

import pycountry
from hypothesis import given
from hypothesis import strategies as st

from confdata import RULES, Problem, Severity
from confdata._core.regions import ASSIGNED_REGION_CODES
from confdata._core.sink import pointer
from confdata._core.text import describe_type, escape_token, mask, show, utf16_len


def test_region_table_matches_iso_3166_plus_kosovo() -> None:
    """The assigned codes are pycountry's alpha-2 codes plus CLDR's XK."""
    assert {c.alpha_2 for c in pycountry.countries} | {"XK"} == ASSIGNED_REGION_CODES


def test_utf16_length_counts_astral_characters_twice() -> None:
    """Google's limits count UTF-16 code units."""
    assert utf16_len("abc") == 3
    assert utf16_len("é") == 1
    assert utf16_len("\U0001f600") == 2
    assert utf16_len("\ud800") == 1


def test_show_shortens_long_strings_and_names_containers() -> None:
    """Long strings are cut with their length; containers are described, not dumped."""
    assert show("x" * 100) == repr("x" * 40) + "… (100 characters)"
    assert show({"a": 1}) == "an object with 1 members"
    assert show([1, 2]) == "an array of 2 items"
    assert show(None) == "null"
    assert show(True) == "true"
    assert show(10**100) == "an integer of 101 digits"
    assert show(10**5000) == "an integer of 5,001 digits"  # past int_max_str_digits
    assert show(-(10**38)) == "-1" + "0" * 38  # forty characters are shown


def test_formatting_never_calls_a_broken_repr() -> None:
    """Objects whose repr raises are described by type."""

    class Broken:
        def __repr__(self) -> str:
            raise RuntimeError

    class BrokenStr(str):
        def __repr__(self) -> str:
            raise RuntimeError

    assert show(Broken()) == "a Python Broken"
    assert show(BrokenStr("ab")) == "'ab'"
    assert mask(BrokenStr("ab")) == "<masked, 2 characters>"
    assert describe_type(b"x") == "a Python bytes"


def test_problem_str_names_severity_code_and_path() -> None:
    """str(Problem) reads like a compiler message."""
    problem = Problem(
        code="empty", severity=Severity.ERROR, path="", message="conferenceId must not be empty"
    )
    assert str(problem) == "error empty at <root>: conferenceId must not be empty"
    assert problem.is_error


def test_catalog_codes_are_unique_and_sourced() -> None:
    """Every rule has a code, a severity and a summary."""
    for code, rule in RULES.items():
        assert rule.code == code
        assert rule.summary
        assert isinstance(rule.severity, Severity)


@given(st.text())
def test_pointer_tokens_round_trip(token: str) -> None:
    """Escaping then unescaping a reference token gives it back (RFC 6901)."""
    assert escape_token(token).replace("~1", "/").replace("~0", "~") == token
    assert pointer("", token, 0) == f"/{escape_token(token)}/0"
