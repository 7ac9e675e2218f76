"""The fake's HTTP face: requests routed by the discovery document's method paths, answered
with httplib2-style responses, so google-api-python-client can use a fake as its ``http``.

google-api-python-client calls ``http.request(uri, method, body=..., headers=...)`` and reads
``resp.status``, ``resp.reason`` and the response's headers as a dict (``googleapiclient.http``;
``HttpMock`` shows the interface). Neither the client nor httplib2 is imported here.
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

from ..._core.sink import single
from ..._core.text import show
from .conference import MISSING
from .errors import ApiError, bad_request, not_found, not_implemented
from .events import Answer, Request

__all__ = ["FakeCall", "FakeResponse", "Router", "load_discovery"]

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
    """One method of the discovery document: its ID, HTTP method, path and parameters."""

    method_id: str
    http_method: str
    pattern: re.Pattern[str]
    parameters: Mapping[str, Mapping[str, Any]]


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


def _objects(value: object) -> list[Mapping[str, Any]]:
    """The object values of a JSON object (none for anything else)."""
    if not isinstance(value, Mapping):
        return []
    return [item for item in value.values() if isinstance(item, Mapping)]


def _methods(resources: object) -> Iterator[Mapping[str, Any]]:
    """Every method of the document's resources, nested ones included; only well-formed
    methods (string ``id``, ``httpMethod`` and ``path``)."""
    for resource in _objects(resources):
        for method in _objects(resource.get("methods")):
            if all(isinstance(method.get(key), str) for key in ("id", "httpMethod", "path")):
                yield method
        yield from _methods(resource.get("resources"))


def _typed(name: str, text: str, spec: Mapping[str, Any]) -> object:
    kind = spec.get("type")
    invalid = bad_request(f"Invalid value for {name}: {show(text)}", location=name)
    if kind == "boolean":
        if text not in ("true", "false"):
            raise invalid
        return text == "true"
    if kind == "integer":
        try:
            number = int(text)
        except ValueError:
            raise invalid from None
        for bound, outside in (("minimum", number.__lt__), ("maximum", number.__gt__)):
            try:
                limit = int(spec[bound])
            except (KeyError, TypeError, ValueError):  # no bound, or none the fake can read
                continue
            if outside(limit):
                raise invalid
        return number
    if "enum" in spec and text not in spec["enum"]:
        raise invalid
    return text


class Router:
    """Finds the method a request calls, from the paths of the discovery document."""

    def __init__(self, discovery: Mapping[str, Any]) -> None:
        root, service = discovery.get("rootUrl"), discovery.get("servicePath")
        if not isinstance(root, str) or not isinstance(service, str):
            raise single(
                "type",
                "/discovery",
                "discovery must be a discovery document: rootUrl and servicePath are missing",
            )
        self.base = urlsplit(f"{root}{service}")
        common = discovery.get("parameters")
        self.common: Mapping[str, Mapping[str, Any]] = common if isinstance(common, Mapping) else {}
        self.routes = tuple(
            Route(
                method["id"],
                method["httpMethod"],
                _pattern(method["path"]),
                parameters if isinstance(parameters := method.get("parameters"), Mapping) else {},
            )
            for method in _methods(discovery.get("resources"))
        )

    def route(self, method: str, uri: str) -> tuple[Route, dict[str, str], dict[str, list[str]]]:
        """The method, its path parameters and its raw query; 404 for any other URI."""
        parts = urlsplit(uri)
        base = self.base
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
            if not isinstance(spec, Mapping) or spec.get("location") != "query":
                out[name] = values[-1]
            elif spec.get("repeated"):
                out[name] = [_typed(name, value, spec) for value in values]
            else:
                out[name] = _typed(name, values[-1], spec)
        return out


def _body(body: object) -> object:
    if body is None or body in ("", b""):
        return MISSING
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else str(body)
        return json.loads(text)
    except (UnicodeDecodeError, ValueError):
        raise bad_request("Parse Error", reason="parseError") from None


def serve(
    router: Router,
    handlers: Mapping[str, Handler],
    log: list[FakeCall],
    uri: str,
    method: str,
    body: object,
    headers: Mapping[str, str],
) -> tuple[FakeResponse, bytes]:
    """Answer one request: route it, call its handler, and turn the result into a response."""
    lowered = {str(name).lower(): str(value) for name, value in headers.items()}
    verb = lowered.get("x-http-method-override", method).upper()
    if verb == "GET" and lowered.get("content-type", "").startswith(_FORM):
        # A GET too long for a URI: google-api-python-client posts its query as a form.
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body or "")
        uri, body = f"{uri}{'&' if '?' in uri else '?'}{text}", None
    route: Route | None = None
    parameters: dict[str, str] = {}
    try:
        route, path, raw = router.route(verb, uri)
        parameters = {**path, **{name: values[-1] for name, values in raw.items()}}
        handler = handlers.get(route.method_id)
        if handler is None:
            raise not_implemented(f"the method {route.method_id}")
        if "fields" in raw:
            raise not_implemented("partial responses (the fields parameter)")
        request = Request(route.method_id, path, router.query(route, raw), _body(body), lowered)
        status, answer = handler(request)
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
    content = b"" if answer is None else json.dumps(answer).encode("utf-8")
    return FakeResponse(status, response_headers), content
