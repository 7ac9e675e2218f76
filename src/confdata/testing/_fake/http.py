"""The fake's HTTP face: requests routed by the discovery document's method paths, answered
with httplib2-style responses, so google-api-python-client can use a fake as its ``http``.

google-api-python-client calls ``http.request(uri, method, body=..., headers=...)`` and reads
``resp.status``, ``resp.reason`` and the response's headers as a dict (``googleapiclient.http``;
``HttpMock`` shows the interface). Neither the client nor httplib2 is imported here.

Whatever arrives, the answer is an HTTP response: a body that is not JSON (``NaN`` included,
which Python's ``json`` would take) answers 400 "Invalid JSON payload received.", as Google's
front end does.
"""

from __future__ import annotations

import http
import importlib.util
import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import attrs

from ..._core.foreign import array, exact_str, items, member, members
from ..._core.sink import single
from .conference import MISSING
from .errors import ApiError, bad_request, invalid_json, not_found, not_implemented
from .events import Answer, Request
from .fields import Selection, apply, check, parse
from .schema import MAX_DEPTH, Schemas, depth

__all__ = ["FakeCall", "FakeResponse", "Router", "load_discovery", "serve"]

Handler = Callable[[Request], Answer]


def load_discovery() -> dict[str, Any]:
    """The Calendar API v3 discovery document google-api-python-client ships, read as a file
    (the package is found, not imported)."""
    spec = importlib.util.find_spec("googleapiclient")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    for location in locations:
        path = Path(location, "discovery_cache", "documents", "calendar.v3.json")
        if path.is_file():
            document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return document
    raise ModuleNotFoundError(
        "FakeCalendar routes requests with the Calendar API v3 discovery document that ships "
        "with google-api-python-client: install it (pip install google-api-python-client) or "
        "pass FakeCalendar(discovery=<the parsed calendar.v3.json>)"
    )


class FakeResponse(dict[str, str]):
    """An HTTP response as httplib2 makes them: the headers as a dict, plus ``status`` and
    ``reason``."""

    def __init__(self, status: int, headers: Mapping[str, str]) -> None:
        super().__init__({"status": str(status), **headers})
        self.status = status
        self.reason = http.HTTPStatus(status).phrase

    def __repr__(self) -> str:
        return f"FakeResponse(status={self.status}, reason={self.reason!r})"


@attrs.frozen(kw_only=True)
class FakeCall:
    """One request a :class:`FakeCalendar` answered, for tests that assert on the traffic."""

    method: str | None
    """The discovery document's ID of the method called (``calendar.events.patch``), None
    when the request matched no method."""
    http_method: str
    """``GET``, ``POST``, ``PUT``, ``PATCH`` or ``DELETE``."""
    parameters: Mapping[str, str]
    """The path and query parameters as sent (``calendarId``, ``conferenceDataVersion``…)."""
    if_match: str | None
    """The ``If-Match`` header, if any."""
    status: int
    """The HTTP status of the answer."""


@attrs.frozen
class Route:
    """One method of the discovery document: its ID, HTTP method, path, parameters and the
    schemas of its request and response bodies."""

    method_id: str
    http_method: str
    pattern: re.Pattern[str]
    parameters: Mapping[str, object]
    request: str | None
    response: str | None


_FORM = "application/x-www-form-urlencoded"
_PLACEHOLDER = re.compile(r"\{(\+?)([A-Za-z0-9_]+)\}")


def _pattern(path: str) -> re.Pattern[str]:
    """A regular expression for a URI template of the document (``{+name}`` may hold ``/``)."""
    out, position = [], 0
    for match in _PLACEHOLDER.finditer(path):
        out.append(re.escape(path[position : match.start()]))
        out.append(f"(?P<{match[2]}>{'.+' if match[1] else '[^/]+'})")
        position = match.end()
    out.append(re.escape(path[position:]))
    return re.compile("".join(out))


def _objects(value: object) -> list[object]:
    """The object values of a JSON object (none for anything else)."""
    return [item for _, item in items(value) or () if members(item) is not None]


def _methods(resources: object) -> Iterator[object]:
    """Every method of the document's resources, nested ones included; only well-formed
    methods (string ``id``, ``httpMethod`` and ``path``)."""
    for resource in _objects(resources):
        for method in _objects(member(resource, "methods")):
            if all(exact_str(member(method, key)) for key in ("id", "httpMethod", "path")):
                yield method
        yield from _methods(member(resource, "resources"))


def _typed(name: str, text: str, spec: object) -> object:
    kind = member(spec, "type")
    invalid = bad_request(f"Invalid value for {name}: {text[:40]!r}", location=name)
    if kind == "boolean":
        if text not in ("true", "false"):
            raise invalid
        return text == "true"
    if kind == "integer":
        try:
            number = int(text)
        except ValueError:
            raise invalid from None
        if member(spec, "format") == "int32" and not -(2**31) <= number < 2**31:
            raise invalid
        for bound, outside in (("minimum", number.__lt__), ("maximum", number.__gt__)):
            limit = exact_str(member(spec, bound))
            if limit is not None and limit.lstrip("-").isdigit() and outside(int(limit)):
                raise invalid
        return number
    allowed = array(member(spec, "enum"))
    if allowed is not None and text not in allowed:
        raise invalid
    return text


class Router:
    """Finds the method a request calls, from the paths of the discovery document."""

    def __init__(self, discovery: Mapping[str, Any]) -> None:
        root = exact_str(discovery.get("rootUrl"))
        service = exact_str(discovery.get("servicePath"))
        if root is None or service is None:
            raise single(
                "type",
                "/discovery",
                "discovery must be a discovery document: rootUrl and servicePath are missing",
            )
        self.base = urlsplit(f"{root}{service}")
        batch = exact_str(discovery.get("batchPath"))
        self.batch = None if batch is None else urlsplit(f"{root}{batch}").path
        self.common = members(discovery.get("parameters")) or {}
        self.routes = tuple(
            Route(
                str(member(method, "id")),
                str(member(method, "httpMethod")),
                _pattern(str(member(method, "path"))),
                members(member(method, "parameters")) or {},
                exact_str(member(method, "request", "$ref")),
                exact_str(member(method, "response", "$ref")),
            )
            for method in _methods(discovery.get("resources"))
        )

    def route(self, method: str, uri: str) -> tuple[Route, dict[str, str], dict[str, list[str]]]:
        """The method, its path parameters and its raw query; 404 for any other URI."""
        try:
            parts = urlsplit(uri)
        except ValueError:  # an unbalanced IPv6 bracket, say: no URI of the API
            raise not_found() from None
        base = self.base
        if self.batch is not None and parts.path == self.batch:
            raise not_implemented("batch requests")
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not (
            parts.path.startswith(base.path)
        ):
            raise not_found()
        relative = parts.path[len(base.path) :]
        for route in self.routes:
            if route.http_method != method:
                continue
            match = route.pattern.fullmatch(relative)
            if match is not None:
                path = {name: unquote(value) for name, value in match.groupdict().items()}
                return route, path, parse_qs(parts.query, keep_blank_values=True)
        raise not_found()

    def query(self, route: Route, raw: Mapping[str, list[str]]) -> dict[str, Any]:
        """The query parameters typed as the document declares them (unknown ones as text)."""
        out: dict[str, Any] = {}
        for name, values in raw.items():
            spec = route.parameters.get(name) or self.common.get(name)
            if member(spec, "location") != "query":
                out[name] = values[-1]
            elif member(spec, "repeated") is True:
                out[name] = [_typed(name, value, spec) for value in values]
            else:
                out[name] = _typed(name, values[-1], spec)
        return out


def _not_json(constant: str) -> object:
    raise ValueError(f"{constant} is not JSON")


def read_body(body: object) -> object:
    """A request body as plain JSON (MISSING when there is none); 400 for anything that is
    not JSON text: RFC 8259 has no ``NaN`` or ``Infinity``, and a nesting deeper than
    MAX_DEPTH is refused."""
    if body is None:
        return MISSING
    raw = bytes(body) if type(body) is bytes else exact_str(body)
    if raw is None:
        raise invalid_json("the request body must be JSON text")
    if not raw:
        return MISSING
    try:
        text = raw.decode("utf-8") if type(raw) is bytes else raw
        value = json.loads(text, parse_constant=_not_json)
    except ValueError as error:
        raise invalid_json(str(error)[:200]) from None
    except RecursionError:
        raise invalid_json(f"the body nests deeper than {MAX_DEPTH} levels") from None
    if depth(value) > MAX_DEPTH:
        raise invalid_json(f"the body nests deeper than {MAX_DEPTH} levels")
    return value


def _headers(headers: object) -> dict[str, str]:
    out = {}
    for name, value in (members(headers) or {}).items():
        text = exact_str(value)
        if text is not None:
            out[name.lower()] = text
    return out


def _selection(schemas: Schemas, route: Route, raw: Mapping[str, list[str]]) -> Selection | None:
    """The partial response the ``fields`` parameter asks for (None: the whole answer)."""
    texts = raw.get("fields")
    if not texts:
        return None
    text = texts[-1]
    if not text.strip():
        return None
    selection = parse(text)
    if route.response is not None:
        check(schemas, route.response, selection, text)
    return selection


def serve(
    router: Router,
    schemas: Schemas,
    handlers: Mapping[str, Handler],
    log: list[FakeCall],
    request: tuple[object, object, object, object],
) -> tuple[FakeResponse, bytes]:
    """Answer one request ``(uri, method, body, headers)``: route it, call its handler, and
    turn the result into a response."""
    uri_given, method_given, body, headers_given = request
    lowered = _headers(headers_given)
    uri = exact_str(uri_given) or ""
    verb = lowered.get("x-http-method-override", exact_str(method_given) or "GET").upper()
    if verb == "GET" and lowered.get("content-type", "").startswith(_FORM):
        # A GET too long for a URI: google-api-python-client posts its query as a form.
        raw_form = body if type(body) is bytes else (exact_str(body) or "").encode()
        uri = f"{uri}{'&' if '?' in uri else '?'}{raw_form.decode('utf-8', 'replace')}"
        body = None
    route: Route | None = None
    parameters: dict[str, str] = {}
    try:
        route, path, raw = router.route(verb, uri)
        parameters = {**path, **{name: values[-1] for name, values in raw.items()}}
        handler = handlers.get(route.method_id)
        if handler is None:
            raise not_implemented(f"the method {route.method_id}")
        selection = _selection(schemas, route, raw)
        query = router.query(route, raw)
        status, answer = handler(Request(route.method_id, path, query, read_body(body), lowered))
        if answer is not None and selection is not None:
            answer = apply(answer, selection)
    except ApiError as error:
        status, answer = error.status, error.body
    log.append(
        FakeCall(
            method=None if route is None else route.method_id,
            http_method=verb,
            parameters=MappingProxyType(parameters),
            if_match=lowered.get("if-match"),
            status=status,
        )
    )
    response_headers = {} if answer is None else {"content-type": "application/json; charset=UTF-8"}
    content = b"" if answer is None else json.dumps(answer, allow_nan=False).encode("utf-8")
    return FakeResponse(status, response_headers), content
