"""Argument checks: any value in, a usable value or a ValidationError out, never an overflow."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confdata import ValidationError
from confdata._core.arguments import MAX_SECONDS, Arguments


def _fails(check: Arguments) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check.done()
    return caught.value


def test_every_problem_is_raised_at_once_with_its_argument_path() -> None:
    """Two bad arguments are two problems, each at /name, naming the value."""
    check = Arguments()
    check.number("timeout", -1, low=0)
    check.count("max_pages", "3", low=1)
    error = _fails(check)
    assert [(p.code, p.path) for p in error.problems] == [
        ("type", "/timeout"),
        ("type", "/max_pages"),
    ]
    assert "timeout must be a finite number ≥ 0" in str(error)
    assert "(got -1)" in str(error)


@pytest.mark.parametrize(
    "value", [10**400, -(10**400), float("inf"), float("nan"), True, "1", None, MAX_SECONDS + 1]
)
def test_unusable_numbers_are_validation_errors(value: object) -> None:
    """Huge integers, infinities, NaN, booleans and strings are refused without overflowing."""
    check = Arguments()
    check.number("delay", value, low=0)
    assert _fails(check).problems[0].path == "/delay"


@given(st.integers(min_value=0, max_value=MAX_SECONDS) | st.floats(0, MAX_SECONDS))
def test_usable_numbers_come_back_as_floats(value: float) -> None:
    """A number within the bounds is returned as a float and nothing is reported."""
    check = Arguments()
    assert check.number("delay", value, low=0) == float(value)
    check.done()


def test_an_exclusive_bound_refuses_the_bound_itself() -> None:
    """inclusive=False makes low itself unusable."""
    check = Arguments()
    check.number("delay", 0, low=0, inclusive=False)
    assert "> 0" in str(_fails(check))


def test_counts_take_integers_only() -> None:
    """A count is an int within bounds; a float or a huge int is refused."""
    check = Arguments()
    assert check.count("n", 3, low=1, high=5) == 3
    check.done()
    for value in (3.0, 10**5000, 0, True):
        check = Arguments()
        check.count("n", value, low=1, high=5)
        assert _fails(check).problems[0].path == "/n"


def test_text_flag_choice_and_function() -> None:
    """The other kinds: a non-empty string, a bool, one of a set, a callable."""
    check = Arguments()
    assert check.text("name", "x") == "x"
    assert check.flag("strict", True) is True
    assert check.choice("mode", "all", ("none", "all")) == "all"
    assert check.function("f", len) is len
    check.done()
    check = Arguments()
    check.text("name", "")
    check.flag("strict", 1)
    check.choice("mode", "some", ("none", "all"))
    check.function("f", 3)
    assert [p.path for p in _fails(check).problems] == ["/name", "/strict", "/mode", "/f"]
