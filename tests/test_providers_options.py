"""ProviderOptions: their defaults, their checks, and what each one changes."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from confdata import EntryPointType, ValidationError
from confdata.providers import ProviderOptions, from_teams, from_zoom

from .provider_fixtures import load


def _phone_uris(options: ProviderOptions, fixture: str = "zoom_full") -> list[str]:
    data = from_zoom(load(fixture), options)
    return [ep.uri for ep in data.entry_points if ep.type is EntryPointType.PHONE]


def test_defaults_are_the_documented_ones() -> None:
    """No regions, toll-free first, two phones with a more link, the meeting ID dialled."""
    options = ProviderOptions()
    assert (options.regions, options.toll_free_first, options.max_phones) == ((), True, 2)
    assert (options.dial_codes, options.default_region, options.more_uri) == (
        "meeting-id",
        None,
        None,
    )


def test_preferred_regions_come_first_in_the_order_given() -> None:
    """regions=('GB', 'SE'): London first, then Sweden toll-free before toll, then the US."""
    uris = _phone_uris(ProviderOptions(regions=("GB", "SE"), dial_codes="none"))
    assert uris == [
        "tel:+442034815237",
        "tel:+46200880026",
        "tel:+46850163827",
        "tel:+18884754499",
        "tel:+16465588656",
        "tel:+16699006833",
    ]


def test_toll_first_keeps_zooms_order_among_toll_numbers() -> None:
    """toll_free_first=False: the meeting's US toll numbers first, then its toll-free one,
    then the other countries in Zoom's order."""
    uris = _phone_uris(ProviderOptions(toll_free_first=False, dial_codes="none"))
    assert uris == [
        "tel:+16465588656",
        "tel:+16699006833",
        "tel:+18884754499",
        "tel:+46850163827",
        "tel:+46200880026",
        "tel:+442034815237",
    ]


@pytest.mark.parametrize(("max_phones", "count"), [(0, 0), (1, 1), (2, 2), (None, 6)])
def test_max_phones_applies_when_a_more_link_lists_the_rest(
    max_phones: int | None, count: int
) -> None:
    """With more_uri, max_phones phones are kept (None keeps all six)."""
    options = ProviderOptions(max_phones=max_phones, more_uri="https://zoom.us/zoomconference")
    assert len(_phone_uris(options)) == count


def test_max_phones_does_not_drop_numbers_without_a_more_link() -> None:
    """Without a more link all six numbers stay, whatever max_phones says."""
    assert len(_phone_uris(ProviderOptions(max_phones=1))) == 6


def test_the_providers_dial_in_page_counts_as_the_more_link() -> None:
    """Teams' dialinUrl lists the numbers: two of its four phones are kept."""
    data = from_teams(load("teams_full"))
    phones = [ep for ep in data.entry_points if ep.type is EntryPointType.PHONE]
    assert len(phones) == 2


def test_solution_id_and_name_reach_their_forms() -> None:
    """solution_id is the add-on form's conferenceSolutionId; solution_name the Calendar name."""
    options = ProviderOptions(solution_id="acme-zoom", solution_name="Acme Zoom")
    data = from_zoom(load("zoom_no_dial_in"), options)
    assert data.to_addon_json()["conferenceSolutionId"] == "acme-zoom"
    assert data.to_calendar_json()["conferenceSolution"]["name"] == "Acme Zoom"


def test_a_solution_id_calendar_refuses_is_reported_at_the_argument() -> None:
    """A 600-character solution_id: refused by ProviderOptions itself, at /solution_id, with
    the Calendar rule it breaks."""
    with pytest.raises(ValidationError) as caught:
        ProviderOptions(solution_id="s" * 600)
    (problem,) = caught.value.problems
    assert (problem.code, problem.path) == ("type", "/solution_id")
    assert "max-length" in problem.message


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("regions", ("se",), "/regions/0"),
        ("regions", ("SE", "SWE"), "/regions/1"),
        ("regions", ("UK",), "/regions/0"),  # not assigned: GB is the United Kingdom
        ("regions", "SE", "/regions"),  # a string, not a tuple: never read as 'S', 'E'
        ("regions", {"SE"}, "/regions"),  # a set has no order
        ("regions", (5,), "/regions/0"),
        ("toll_free_first", 1, "/toll_free_first"),
        ("max_phones", -1, "/max_phones"),
        ("max_phones", 1.5, "/max_phones"),
        pytest.param("max_phones", 10**5000, "/max_phones", id="max_phones-huge"),
        ("dial_codes", "everything", "/dial_codes"),
        pytest.param("dial_codes", 10**5000, "/dial_codes", id="dial_codes-huge"),
        ("default_region", "Sweden", "/default_region"),
        ("default_region", 46, "/default_region"),
        ("more_uri", "ftp://numbers.example", "/more_uri"),
        ("more_uri", "", "/more_uri"),
        ("sip_template", "zoomcrc.com", "/sip_template"),
        ("sip_template", b"{id}@zoomcrc.com", "/sip_template"),
        ("solution_id", 5, "/solution_id"),
        ("solution_name", 5, "/solution_name"),
    ],
)
def test_an_option_it_cannot_use_is_a_validation_error_naming_it(
    field: str, value: Any, path: str
) -> None:
    """A bad option value: one `type` problem at /option, its message naming the option."""
    with pytest.raises(ValidationError) as caught:
        ProviderOptions(**{field: value})
    assert [(p.code, p.path) for p in caught.value.problems] == [("type", path)]
    assert field in caught.value.problems[0].message


def test_every_bad_option_is_reported_at_once() -> None:
    """Three bad options: three problems in one ValidationError."""
    with pytest.raises(ValidationError) as caught:
        ProviderOptions(max_phones=-1, dial_codes="x", default_region="x")  # type: ignore[arg-type]
    paths = [p.path for p in caught.value.problems]
    assert paths == ["/max_phones", "/dial_codes", "/default_region"]


class Hostile(str):
    """A str subclass whose own methods raise: read as the string it holds."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("boom")

    def __hash__(self) -> int:
        raise RuntimeError("boom")

    def __repr__(self) -> str:
        raise RuntimeError("boom")

    def __contains__(self, item: object) -> bool:
        raise RuntimeError("boom")


class Unprintable:
    """An object whose repr, str and __class__ raise: never looked at but by its type."""

    def __repr__(self) -> str:
        raise RuntimeError("boom")

    __str__ = __repr__

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise RuntimeError("boom")


@pytest.mark.parametrize(
    "field",
    [
        "regions",
        "toll_free_first",
        "max_phones",
        "dial_codes",
        "default_region",
        "more_uri",
        "sip_template",
        "solution_id",
        "solution_name",
    ],
)
def test_an_object_whose_methods_raise_is_a_type_problem(field: str) -> None:
    """Its repr, str and __class__ never run: a `type` problem at /field."""
    with pytest.raises(ValidationError) as caught:
        ProviderOptions(**{field: Unprintable()})  # type: ignore[arg-type]
    assert [(p.code, p.path) for p in caught.value.problems] == [("type", f"/{field}")]


def test_str_subclasses_whose_methods_raise_are_read_as_their_text() -> None:
    """Every text option as a str subclass with raising methods: the same options as plain
    strings, holding plain strings."""
    plain = ProviderOptions(
        regions=("SE",),
        dial_codes="all",
        default_region="SE",
        more_uri="https://dial.example/",
        sip_template="{id}@zoomcrc.com",
        solution_id="acme",
        solution_name="Acme",
    )
    hostile = ProviderOptions(
        regions=[Hostile("SE")],
        dial_codes=Hostile("all"),  # type: ignore[arg-type]
        default_region=Hostile("SE"),
        more_uri=Hostile("https://dial.example/"),
        sip_template=Hostile("{id}@zoomcrc.com"),
        solution_id=Hostile("acme"),
        solution_name=Hostile("Acme"),
    )
    assert hostile == plain
    assert {type(value) for value in attrs.astuple(hostile, recurse=False)[3:]} <= {str, int}
    assert type(hostile.regions[0]) is str


def test_more_uri_and_solution_name_are_checked_by_calendars_rules() -> None:
    """An ftp: more_uri breaks uri-scheme, named in the message at /more_uri."""
    with pytest.raises(ValidationError) as caught:
        ProviderOptions(more_uri="ftp://numbers.example")
    assert "uri-scheme" in caught.value.problems[0].message


def test_options_are_frozen() -> None:
    """Options are values: changed only by making new ones."""
    options = ProviderOptions()
    with pytest.raises(AttributeError):
        options.max_phones = 3  # type: ignore[misc]
