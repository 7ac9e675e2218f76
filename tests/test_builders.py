"""Builders: immutable steps, field checks at once, whole-object checks at build()."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from confdata import (
    ConferenceDataBuilder,
    ConferenceError,
    ConferenceErrorBuilder,
    ConferenceErrorType,
    ConferenceParameter,
    ConferenceParameterBuilder,
    ConferenceSolution,
    ConferenceSolutionBuilder,
    CreateRequest,
    CreateRequestBuilder,
    EntryPoint,
    EntryPointBuilder,
    EntryPointFeature,
    EntryPointType,
    Severity,
    SolutionType,
    ValidationError,
)
from confdata.testing import conference_data

VIDEO = EntryPoint.video("https://acme.example/j/1")
PHONE = EntryPoint.phone("tel:+12025550123", region_code="US")


def _codes(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in error.value.problems]


def test_each_step_returns_a_new_builder() -> None:
    """A step leaves the builder it was called on unchanged."""
    empty = ConferenceDataBuilder()
    with_id = empty.conference_id("abc")
    assert with_id is not empty
    assert empty == ConferenceDataBuilder()
    assert with_id != empty


def test_builders_are_frozen_and_hashable() -> None:
    """Builders cannot be mutated and can be dict keys."""
    builder = ConferenceDataBuilder().conference_id("abc")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(builder, "_conference_id", "x")  # noqa: B010 - the frozen check is the point
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(builder, "_node", None)  # noqa: B010
    assert {builder: 1}[ConferenceDataBuilder().conference_id("abc")] == 1


def test_built_values_are_frozen_hashable_and_comparable() -> None:
    """Two builds of the same steps give equal, hashable values."""
    builder = ConferenceDataBuilder().conference_id("abc").entry_point(VIDEO)
    first, second = builder.build(), builder.build()
    assert first == second
    assert hash(first) == hash(second)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.conference_id = "x"  # type: ignore[misc]


def test_too_long_conference_id_fails_when_set() -> None:
    """Field-level limits are checked by the step, not postponed to build()."""
    with pytest.raises(ValidationError) as error:
        ConferenceDataBuilder().conference_id("x" * 513)
    assert _codes(error) == [("max-length", "/conferenceId")]


def test_wrong_scheme_fails_when_set_with_known_type() -> None:
    """An entry point builder checks the URI scheme against a type already set."""
    with pytest.raises(ValidationError) as error:
        EntryPointBuilder().type(EntryPointType.PHONE).uri("https://acme.example")
    assert _codes(error) == [("uri-scheme", "/uri")]


def test_wrong_scheme_fails_when_type_set_after_uri() -> None:
    """Setting the type re-checks the URI set before it."""
    builder = EntryPointBuilder().uri("https://acme.example")
    with pytest.raises(ValidationError) as error:
        builder.type(EntryPointType.SIP)
    assert _codes(error) == [("uri-scheme", "/uri")]


def test_bad_region_code_fails_when_set() -> None:
    """A malformed region code is rejected by the step."""
    with pytest.raises(ValidationError) as error:
        EntryPointBuilder().region_code("usa")
    assert _codes(error) == [("region-code", "/regionCode")]


def test_entry_point_builder_builds_like_the_named_constructor() -> None:
    """The step-by-step builder and EntryPoint.phone() give the same value."""
    built = (
        EntryPointBuilder()
        .type(EntryPointType.PHONE)
        .uri("tel:+12025550123")
        .pin("123")
        .access_code("a")
        .meeting_code("m")
        .passcode("p")
        .password("w")
        .label("+1 202-555-0123")
        .region_code("US")
        .feature(EntryPointFeature.TOLL_FREE)
        .build()
    )
    assert built == EntryPoint.phone(
        "tel:+12025550123",
        pin="123",
        access_code="a",
        meeting_code="m",
        passcode="p",
        password="w",
        label="+1 202-555-0123",
        region_code="US",
        features=[EntryPointFeature.TOLL_FREE],
    )


def test_entry_point_builder_needs_type_and_uri() -> None:
    """build() reports both missing members at once."""
    with pytest.raises(ValidationError) as error:
        EntryPointBuilder().build()
    assert _codes(error) == [("required", "/entryPointType"), ("required", "/uri")]


def test_build_reports_every_whole_object_problem() -> None:
    """build() raises once with every problem: duplicates, more-only, missing ID."""
    more = EntryPoint.more("https://acme.example/more")
    with pytest.raises(ValidationError) as error:
        ConferenceDataBuilder().entry_point(more).entry_point(more).build()
    assert _codes(error) == [
        ("duplicate-entry-point-type", "/entryPoints/1"),
        ("more-only", "/entryPoints"),
        ("required", "/conferenceId"),
    ]


def test_conference_without_entry_points_is_rejected() -> None:
    """Entry points are required unless the result is an error."""
    with pytest.raises(ValidationError) as error:
        ConferenceDataBuilder().conference_id("abc").build()
    assert _codes(error) == [("required", "/entryPoints")]


def test_duplicate_parameter_key_is_rejected() -> None:
    """The same parameter key twice is an error at the later occurrence."""
    builder = ConferenceDataBuilder().conference_id("a").entry_point(VIDEO)
    with pytest.raises(ValidationError) as error:
        builder.parameter("k", "1").parameter("k", "2").build()
    assert _codes(error) == [("duplicate-parameter-key", "/parameters/1")]


def test_three_hundred_and_one_parameters_are_rejected() -> None:
    """More than 300 parameters is a max-items error at build()."""
    builder = ConferenceDataBuilder().conference_id("a").entry_point(VIDEO)
    for index in range(300):
        builder = builder.parameter(f"k{index}", "v")
    assert len(builder.build().parameters) == 300
    with pytest.raises(ValidationError) as error:
        builder.parameter("k300", "v").build()
    assert _codes(error) == [("max-items", "/parameters")]


def test_warnings_fail_only_in_strict_mode() -> None:
    """A sips: URI is a warning: build() accepts it, build(strict=True) does not."""
    sips = EntryPoint.sip("sips:1@acme.example")
    builder = ConferenceDataBuilder().conference_id("a").entry_point(sips)
    assert builder.build().entry_points == (sips,)
    assert [(p.code, p.severity) for p in builder.problems] == [("sips-scheme", Severity.WARNING)]
    with pytest.raises(ValidationError) as error:
        builder.build(strict=True)
    assert _codes(error) == [("sips-scheme", "/entryPoints/0/uri")]


def test_error_result_needs_no_id_or_entry_points() -> None:
    """An error result builds without conference ID and entry points."""
    data = ConferenceDataBuilder().error(ConferenceErrorType.TEMPORARY).build()
    assert data.is_error
    assert data.error == ConferenceError(type=ConferenceErrorType.TEMPORARY)
    assert data.conference_solution is None


def test_authentication_error_needs_url() -> None:
    """AUTHENTICATION without authenticationUrl fails."""
    with pytest.raises(ValidationError) as error:
        ConferenceDataBuilder().error(ConferenceErrorType.AUTHENTICATION)
    assert _codes(error) == [("auth-url-required", "/authenticationUrl")]


def test_authentication_url_must_be_http() -> None:
    """A non-http(s) authentication URL fails."""
    with pytest.raises(ValidationError) as error:
        ConferenceError(
            type=ConferenceErrorType.AUTHENTICATION, authentication_url="javascript:alert(1)"
        )
    assert _codes(error) == [("auth-url-scheme", "/authenticationUrl")]


def test_authentication_url_limit_is_1800_in_the_model() -> None:
    """The model allows 1800 characters (Apps Script's limit), not one more."""
    base = "https://acme.example/"
    ConferenceError(
        type=ConferenceErrorType.AUTHENTICATION, authentication_url=base + "x" * (1800 - len(base))
    )
    with pytest.raises(ValidationError) as error:
        ConferenceError(
            type=ConferenceErrorType.AUTHENTICATION,
            authentication_url=base + "x" * (1801 - len(base)),
        )
    assert _codes(error) == [("max-length", "/authenticationUrl")]


def test_authentication_url_on_other_error_is_a_warning() -> None:
    """An authentication URL on a TEMPORARY error is reported but accepted."""
    builder = ConferenceErrorBuilder().type("TEMPORARY").authentication_url("https://a.example/")
    assert [p.code for p in builder.problems] == ["auth-url-ignored"]
    assert builder.build().authentication_url == "https://a.example/"
    with pytest.raises(ValidationError):
        builder.build(strict=True)


def test_error_with_data_is_a_warning() -> None:
    """An error together with entry points is accepted with an error-with-data warning."""
    builder = (
        ConferenceDataBuilder()
        .conference_id("abc")
        .entry_point(VIDEO)
        .error(ConferenceErrorType.PERMANENT)
    )
    assert [(p.code, p.path) for p in builder.problems] == [("error-with-data", "")]
    assert builder.build().is_error


def test_parameter_builder() -> None:
    """The parameter builder checks key and value and needs both."""
    assert ConferenceParameterBuilder().key("k").value("v").build() == ConferenceParameter(
        key="k", value="v"
    )
    with pytest.raises(ValidationError) as error:
        ConferenceParameterBuilder().key("k").build()
    assert _codes(error) == [("required", "/value")]
    with pytest.raises(ValidationError) as error:
        ConferenceParameterBuilder().key("")
    assert _codes(error) == [("empty", "/key")]


def test_solution_builder() -> None:
    """The solution builder sets key type, name and icon."""
    solution = (
        ConferenceSolutionBuilder()
        .key_type(SolutionType.ADD_ON)
        .name("Acme")
        .icon_uri("https://acme.example/i.png")
        .build()
    )
    assert solution == ConferenceSolution(
        key_type=SolutionType.ADD_ON, name="Acme", icon_uri="https://acme.example/i.png"
    )
    with pytest.raises(ValidationError) as error:
        ConferenceSolutionBuilder().key_type("zoom")
    assert _codes(error) == [("enum", "/key/type")]


def test_deprecated_solution_type_is_a_warning() -> None:
    """eventHangout builds, with a warning that fails strict mode."""
    builder = ConferenceSolutionBuilder().key_type(SolutionType.EVENT_HANGOUT)
    assert builder.build().key_type is SolutionType.EVENT_HANGOUT
    with pytest.raises(ValidationError) as error:
        builder.build(strict=True)
    assert _codes(error) == [("deprecated-solution-type", "/key/type")]


def test_create_request_has_a_fresh_id_per_build() -> None:
    """Each build of a create request gets a new request ID unless one is set."""
    builder = CreateRequestBuilder()
    assert builder.build().request_id != builder.build().request_id
    assert CreateRequest().request_id != CreateRequest().request_id
    assert builder.request_id("r1").build().request_id == "r1"


def test_pending_create_request_needs_no_entry_points() -> None:
    """Data holding only a create request (Calendar creates the conference) is valid."""
    data = ConferenceDataBuilder().create_request().build()
    assert data.create_request is not None
    assert data.to_calendar_json()["createRequest"]["conferenceSolutionKey"] == {"type": "addOn"}


def test_from_data_rebuilds_an_equal_value() -> None:
    """A builder made from a value builds that value again."""
    data = ConferenceDataBuilder().conference_id("a").entry_point(VIDEO).parameter("k", "v").build()
    assert ConferenceDataBuilder.from_data(data).build() == data
    changed = ConferenceDataBuilder.from_data(data).notes("hello").build()
    assert changed.notes == "hello"
    assert data.notes is None


def test_wrong_argument_types_raise_validation_error() -> None:
    """Passing the wrong kind of object gets a ValidationError, not a TypeError."""
    with pytest.raises(ValidationError) as error:
        ConferenceDataBuilder().entry_point("https://acme.example")  # type: ignore[arg-type]
    assert _codes(error) == [("type", "/entryPoints/0")]
    with pytest.raises(ValidationError) as error:
        ConferenceDataBuilder().notes(5)  # type: ignore[arg-type]
    assert _codes(error) == [("type", "/notes")]
    with pytest.raises(ValidationError) as error:
        EntryPointBuilder().feature("TOLL")
    assert _codes(error) == [("enum", "/entryPointFeatures")]


def test_builders_from_one_builder_are_independent() -> None:
    """Builders share their past steps and nothing else: a step on one never shows in another."""
    base = ConferenceDataBuilder().conference_id("abc").parameter("k", "v")
    with_video = base.entry_point(VIDEO).parameter("k2", "v2")
    with_phone = base.entry_point(PHONE)
    assert with_video.build().entry_points == (VIDEO,)
    assert [p.key for p in with_video.build().parameters] == ["k", "k2"]
    assert with_phone.build().entry_points == (PHONE,)
    assert [p.key for p in with_phone.build().parameters] == ["k"]
    assert [(p.code, p.path) for p in base.problems] == [("required", "/entryPoints")]


def test_builders_compare_by_what_they_would_build() -> None:
    """The latest value of a field wins; equal builders hash equal, whatever steps led there."""
    twice = ConferenceDataBuilder().notes("first").conference_id("abc").notes("second")
    once = ConferenceDataBuilder().conference_id("abc").notes("second")
    assert twice == once
    assert hash(twice) == hash(once)
    assert twice != once.notes("third")
    assert twice != "not a builder"  # type: ignore[comparison-overlap]
    assert twice.entry_point(VIDEO).build().notes == "second"


def test_builder_repr_shows_the_fields_set_with_secrets_masked() -> None:
    builder = (
        ConferenceDataBuilder()
        .conference_id("abc")
        .entry_point(EntryPoint.video("https://acme.example/j/1", pin="98765"))
        .parameter("k", "v")
    )
    shown = repr(builder)
    assert shown.startswith("ConferenceDataBuilder(conference_id='abc', entry_points=(EntryPoint(")
    assert "ConferenceParameter(key='k', value='v')" in shown
    assert "98765" not in shown
    assert "notes" not in shown
    assert repr(ConferenceDataBuilder()) == "ConferenceDataBuilder()"


def test_builders_pickle_and_copy() -> None:
    builder = ConferenceDataBuilder().conference_id("abc").entry_point(VIDEO).parameter("k", "v")
    for copied in (pickle.loads(pickle.dumps(builder)), copy.copy(builder), copy.deepcopy(builder)):
        assert copied == builder
        assert copied.build() == builder.build()


def test_builder_init_takes_every_field_and_checks_each() -> None:
    """The constructor takes the fields a builder holds, checked as the steps check them."""
    parameter = ConferenceParameter(key="k", value="v")
    made = ConferenceDataBuilder(
        conference_id="abc", entry_points=[VIDEO, PHONE], parameters=[parameter], notes="n"
    )
    stepped = (
        ConferenceDataBuilder()
        .conference_id("abc")
        .entry_points([VIDEO, PHONE])
        .parameters([parameter])
        .notes("n")
    )
    assert made == stepped
    assert made.build() == stepped.build()
    with pytest.raises(ValidationError) as error:
        ConferenceDataBuilder(conference_id="x" * 513)
    assert _codes(error) == [("max-length", "/conferenceId")]
    with pytest.raises(ValidationError) as error:
        ConferenceDataBuilder(parameters=["k"])  # type: ignore[list-item]
    assert _codes(error) == [("type", "/parameters/0")]


def test_parameters_given_as_values_and_as_pairs_build_alike() -> None:
    """A parameter given as a key and a value, or as a ConferenceParameter, builds the same
    conference; a repeated key is reported at the later one."""
    pairs = ConferenceDataBuilder().conference_id("abc").entry_point(VIDEO)
    values = pairs.parameter(ConferenceParameter(key="a", value="1")).parameter(
        ConferenceParameter(key="b", value="2")
    )
    pairs = pairs.parameter("a", "1").parameter("b", "2")
    mixed = pairs.parameter(ConferenceParameter(key="c", value="3"))
    assert pairs.build() == values.build()
    assert pairs.build().to_calendar_json() == values.build().to_calendar_json()
    assert pairs.build().to_addon_json() == values.build().to_addon_json()
    assert [p.key for p in mixed.build().parameters] == ["a", "b", "c"]
    with pytest.raises(ValidationError) as error:
        pairs.parameter("a", "again").build()
    assert _codes(error) == [("duplicate-parameter-key", "/parameters/2")]


def test_parameters_given_as_a_mapping_are_one_step_each() -> None:
    """``parameters({...})`` and the builder's ``parameters=`` take key to value, a step
    per pair; a bad pair raises at once, naming the member."""
    base = ConferenceDataBuilder().conference_id("abc").entry_point(VIDEO)
    stepped = base.parameter("a", "1").parameter("b", "2")
    assert base.parameters({"a": "1", "b": "2"}) == stepped
    assert base.parameters({}) == base
    made = ConferenceDataBuilder(
        conference_id="abc", entry_points=[VIDEO], parameters={"a": "1", "b": "2"}
    )
    assert made.build() == stepped.build()
    with pytest.raises(ValidationError) as error:
        base.parameters({"a": "1", "b": 2})  # type: ignore[arg-type]
    assert _codes(error) == [("type", "/value")]


def test_steps_of_a_subclass_return_the_subclass() -> None:
    class Templated(ConferenceDataBuilder):
        __slots__ = ()

        def acme(self) -> Templated:
            return self.conference_solution_id("acme-video")

    builder = Templated(conference_id="abc").acme().entry_point(VIDEO).parameter("k", "v")
    assert type(builder) is Templated
    assert builder.build().conference_solution_id == "acme-video"
    assert builder == Templated().conference_id("abc").acme().entry_point(VIDEO).parameter("k", "v")
    assert builder != ConferenceDataBuilder.from_data(builder.build())  # another class


_EXTRA_STEPS: list[tuple[str, Callable[[ConferenceDataBuilder], ConferenceDataBuilder]]] = [
    ("video", lambda b: b.entry_point(VIDEO)),
    ("phone", lambda b: b.entry_point(PHONE)),
    ("more", lambda b: b.entry_point(EntryPoint.more("https://acme.example/more"))),
    ("sip", lambda b: b.entry_point(EntryPoint.sip("sip:1@acme.example"))),
    ("parameter", lambda b: b.parameter("k", "v")),
    ("same key", lambda b: b.parameter("k", "other")),
    ("parameter value", lambda b: b.parameter(ConferenceParameter(key="k2", value="v"))),
    ("long parameter", lambda b: b.parameter("k3", "v" * 600)),
    ("conference id", lambda b: b.conference_id("abc")),
    ("notes", lambda b: b.notes("n")),
    ("error", lambda b: b.error(ConferenceErrorType.TEMPORARY)),
    (
        "deprecated solution",
        lambda b: b.conference_solution(ConferenceSolution(key_type="eventHangout")),
    ),
    ("create request", lambda b: b.create_request()),
]


_PLAIN = ConferenceDataBuilder().conference_id("abc").entry_point(VIDEO)


@pytest.mark.parametrize("start", ["empty", "plain", "from data"])
@given(data=st.data(), steps=st.lists(st.sampled_from(_EXTRA_STEPS), max_size=6))
def test_build_finds_what_the_rules_find(
    start: str,
    data: st.DataObject,
    steps: list[tuple[str, Callable[[ConferenceDataBuilder], ConferenceDataBuilder]]],
) -> None:
    """However a builder got where it is, build() raises exactly when the rules find an
    error, and build(strict=True) exactly when they find anything, with the problems the
    builder's ``problems`` lists."""
    if start == "from data":
        builder = ConferenceDataBuilder.from_data(data.draw(conference_data(errors=True)))
    else:
        builder = _PLAIN if start == "plain" else ConferenceDataBuilder()
    for _, step in steps:
        builder = step(builder)
    problems = builder.problems
    for strict in (False, True):
        failing = bool(problems) if strict else any(p.is_error for p in problems)
        try:
            built = builder.build(strict=strict)
        except ValidationError as error:
            assert failing
            assert error.problems == problems  # noqa: PT017 - both outcomes checked
        else:
            assert not failing
            assert built == builder.build(strict=strict)
