"""ProviderOptions: their defaults, their checks, and what each one changes."""

from __future__ import annotations

from typing import Any

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
    """toll_free_first=False: toll numbers first, each group in Zoom's order."""
    uris = _phone_uris(ProviderOptions(toll_free_first=False, dial_codes="none"))
    assert uris[:2] == ["tel:+16465588656", "tel:+16699006833"]
    assert uris[-2:] == ["tel:+18884754499", "tel:+46200880026"]


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


def test_a_solution_id_calendar_refuses_is_reported_at_its_calendar_path() -> None:
    """A 600-character solution_id: max-length at /conferenceSolutionId (it is no provider
    member)."""
    with pytest.raises(ValidationError) as caught:
        from_zoom(load("zoom_no_dial_in"), ProviderOptions(solution_id="s" * 600))
    assert [(p.code, p.path) for p in caught.value.problems] == [
        ("max-length", "/conferenceSolutionId")
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("regions", ("se",)),
        ("regions", ("SWE",)),
        ("default_region", "Sweden"),
        ("max_phones", -1),
        ("max_phones", 1.5),
        ("dial_codes", "everything"),
        ("sip_template", "zoomcrc.com"),
    ],
)
def test_options_out_of_range_raise_value_error(field: str, value: Any) -> None:
    """A bad option value raises ValueError naming the option."""
    with pytest.raises(ValueError, match=field):
        ProviderOptions(**{field: value})


def test_regions_as_a_bare_string_is_a_type_error() -> None:
    """regions='SE' (a string, not a tuple) is refused rather than read as 'S', 'E'."""
    with pytest.raises(TypeError, match="regions"):
        ProviderOptions(regions="SE")


def test_more_uri_and_solution_name_are_checked_by_calendars_rules() -> None:
    """An ftp: more_uri breaks uri-scheme, a name that is no string type, at once."""
    with pytest.raises(ValidationError, match="uri-scheme"):
        ProviderOptions(more_uri="ftp://numbers.example")
    with pytest.raises(ValidationError, match="type"):
        ProviderOptions(solution_name=5)  # type: ignore[arg-type]


def test_options_are_frozen() -> None:
    """Options are values: changed only by making new ones."""
    options = ProviderOptions()
    with pytest.raises(AttributeError):
        options.max_phones = 3  # type: ignore[misc]
