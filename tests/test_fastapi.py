"""A FastAPI app that takes and returns conference data in every way confdata offers, driven by
FastAPI's TestClient, and its OpenAPI document checked by openapi-spec-validator."""

from __future__ import annotations

import copy
from typing import Annotated, Any

import pydantic
import pytest
from fastapi import Body, FastAPI, Request
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from confdata import AddonConferenceData, CalendarConferenceData, ConferenceData
from confdata.pydantic import AddonForm
from confdata.schema import json_schema
from confdata.server import OnCreateRequest

from .payloads import addon_payload, calendar_payload

COMPONENTS = "#/components/schemas/{model}"


class Booking(pydantic.BaseModel):
    """A user's own model with a conference in it."""

    title: str
    conference: ConferenceData


def _app() -> FastAPI:
    app = FastAPI(title="conferences")

    @app.post("/calendar-to-addon")
    def calendar_to_addon(
        data: Annotated[ConferenceData, Body()],
    ) -> Annotated[ConferenceData, AddonForm]:
        return data

    @app.post("/addon-to-calendar")
    def addon_to_calendar(data: Annotated[ConferenceData, AddonForm, Body()]) -> ConferenceData:
        return data

    @app.post("/typed", response_model=AddonConferenceData)
    def typed(data: CalendarConferenceData) -> AddonConferenceData:
        return ConferenceData.from_calendar_json(data).to_addon_json()

    @app.post("/bookings")
    def bookings(booking: Booking) -> Booking:
        return booking

    @app.post("/requests")
    def requests(request: Annotated[OnCreateRequest, Body()]) -> OnCreateRequest:
        return request

    # Without pydantic: the body read by confdata itself, its schema placed in the document
    # with json_schema(ref_template=...).
    @app.post(
        "/raw",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/RawConference"}}
                },
            }
        },
    )
    async def raw(request: Request) -> dict[str, Any]:
        data = ConferenceData.from_calendar_json(await request.json())
        return {"conferenceId": data.conference_id}

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = FastAPI.openapi(app)
            schema = json_schema("calendar", ref_template=COMPONENTS)
            schemas = document["components"]["schemas"]
            schemas.update(schema.pop("$defs"))
            schemas["RawConference"] = schema
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


APP = _app()
CLIENT = TestClient(APP)


def test_calendar_json_in_addon_json_out() -> None:
    """A ConferenceData body reads Calendar JSON; the AddonForm return type writes the
    add-on form."""
    payload = calendar_payload()
    answer = CLIENT.post("/calendar-to-addon", json=payload)
    assert answer.status_code == 200
    assert answer.json() == ConferenceData.from_calendar_json(payload).to_addon_json()


def test_addon_json_in_calendar_json_out() -> None:
    """The AddonForm body reads the add-on form; a ConferenceData return writes Calendar's."""
    payload = addon_payload()
    answer = CLIENT.post("/addon-to-calendar", json=payload)
    assert answer.status_code == 200
    assert answer.json() == ConferenceData.from_addon_json(payload).to_calendar_json()


def test_a_bad_body_is_a_422_listing_confdatas_problems() -> None:
    """Every problem confdata finds is in FastAPI's 422: the code as type, the pointer's
    tokens after "body" as loc."""
    payload = calendar_payload()
    del payload["conferenceId"]
    payload["entryPoints"][0]["uri"] = "ftp://acme.example/j/1"
    answer = CLIENT.post("/calendar-to-addon", json=payload)
    assert answer.status_code == 422
    details = answer.json()["detail"]
    assert [(d["type"], d["loc"], d["ctx"]["pointer"]) for d in details] == [
        ("uri-scheme", ["body", "entryPoints", 0, "uri"], "/entryPoints/0/uri"),
        ("required", ["body", "conferenceId"], "/conferenceId"),
    ]


def test_the_typed_dicts_serve_as_body_and_response_model() -> None:
    """CalendarConferenceData as the body and AddonConferenceData as response_model."""
    payload = calendar_payload()
    answer = CLIENT.post("/typed", json=payload)
    assert answer.status_code == 200
    assert answer.json() == ConferenceData.from_calendar_json(payload).to_addon_json()


def test_a_model_with_a_conference_field() -> None:
    """A model's ConferenceData field is read and written as Calendar JSON; its problems sit
    below the field's name."""
    payload = calendar_payload()
    answer = CLIENT.post("/bookings", json={"title": "Review", "conference": payload})
    assert answer.status_code == 200
    expected = ConferenceData.from_calendar_json(payload).to_calendar_json()
    assert answer.json() == {"title": "Review", "conference": expected}
    payload["entryPoints"][0]["uri"] = "ftp://acme.example/j/1"
    refused = CLIENT.post("/bookings", json={"title": "Review", "conference": payload})
    assert refused.status_code == 422
    assert [d["loc"] for d in refused.json()["detail"]] == [
        ["body", "conference", "entryPoints", 0, "uri"]
    ]


def test_the_oncreate_request_as_a_body() -> None:
    """OnCreateRequest is read by its own reader as a FastAPI body."""
    body = {"solutionId": "acme", "calendarId": "primary", "eventId": "e1"}
    assert CLIENT.post("/requests", json=body).json() == body
    refused = CLIENT.post("/requests", json={**body, "topic": "x"})
    assert refused.status_code == 422
    assert [(d["type"], d["loc"]) for d in refused.json()["detail"]] == [
        ("unknown-field", ["body", "topic"])
    ]


def test_the_raw_endpoint_reads_with_confdata() -> None:
    """The endpoint documented with the relocated schema reads the body itself."""
    answer = CLIENT.post("/raw", json=calendar_payload())
    assert answer.json() == {"conferenceId": calendar_payload()["conferenceId"]}


def _refs(node: object, found: list[str]) -> list[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            found.append(node["$ref"])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for item in node:
            _refs(item, found)
    return found


def _resolve(document: dict[str, Any], ref: str) -> object:
    """The node a local reference points at (RFC 6901), or KeyError/IndexError."""
    assert ref.startswith("#/"), ref
    node: Any = document
    for token in ref[2:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def test_the_openapi_document_is_valid_and_every_ref_resolves() -> None:
    """openapi-spec-validator accepts the app's OpenAPI 3.1 document, and each of its $refs
    (pydantic's, FastAPI's and the relocated confdata schema's) points at a schema in it."""
    document = copy.deepcopy(APP.openapi())
    validate(document)  # raises on an invalid document
    refs = _refs(document, [])
    for ref in refs:
        target = _resolve(document, ref)
        assert isinstance(target, dict), ref
    schemas = document["components"]["schemas"]
    assert {"ConferenceData", "RawConference", "confdata.calendar.entryPoint"} <= set(schemas)
    assert {"AddonConferenceData", "CalendarConferenceData", "OnCreateRequest"} <= set(schemas)
    assert "#/components/schemas/confdata.calendar.entryPoint" in refs
    print(f"OpenAPI document valid; {len(refs)} $refs, every one resolved")


@pytest.mark.parametrize(
    ("path", "adapter"),
    [
        ("/calendar-to-addon", pydantic.TypeAdapter(ConferenceData)),
        ("/addon-to-calendar", pydantic.TypeAdapter(Annotated[ConferenceData, AddonForm])),
    ],
)
def test_the_documented_bodies_are_confdatas_schemas(
    path: str, adapter: pydantic.TypeAdapter[Any]
) -> None:
    """The request body of each conference endpoint is confdata's schema of its form (the
    Calendar form as the definition ConferenceData; FastAPI titles an inline body itself)."""
    document = APP.openapi()
    body = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    schema = body["schema"]
    if "$ref" in schema:
        assert schema == {"$ref": "#/components/schemas/ConferenceData"}
        schema = _resolve(document, schema["$ref"])
    without_title = {key: value for key, value in schema.items() if key != "title"}
    expected = {key: value for key, value in adapter.json_schema().items() if key != "title"}
    assert without_title == expected


@pytest.mark.parametrize(
    "broken",
    [{"$ref": "#/components/schemas/Nowhere"}, {"type": "strin"}],
    ids=["dangling-ref", "bad-schema"],
)
def test_the_check_would_catch_a_broken_document(broken: dict[str, Any]) -> None:
    """The same check refuses the document with a dangling $ref or a schema that is no
    JSON Schema in it: it is no formality."""
    document = copy.deepcopy(APP.openapi())
    document["components"]["schemas"]["Booking"]["properties"]["title"] = broken
    with pytest.raises(Exception, match=r"Nowhere|strin"):
        validate(document)
