"""The Apps Script half of a conferencing add-on: the file confdata ships, and its manifest.

:func:`apps_script_source` is ``confdata.gs``, one self-contained Apps Script file defining
``buildConferenceData(markup)`` (the add-on form, as :meth:`ConferenceData.to_addon_json`
writes it, to the ``ConferenceData`` an ``onCreateFunction`` returns) and
``requestConferenceData(url, request)`` (the same, asked of a backend with ``UrlFetchApp``).
:func:`apps_script_manifest` is the ``appsscript.json`` fragment those calls need.
``confdata apps-script [--manifest ...]`` prints them.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import TypedDict
from urllib.parse import urlsplit

from ._core.arguments import Arguments
from ._core.spec import SOLUTION_ID
from ._core.text import show, show_uri, utf16_len

__all__ = [
    "OAUTH_SCOPES",
    "AppsScriptManifest",
    "ManifestAddOns",
    "ManifestCalendar",
    "ManifestConferenceSolution",
    "apps_script_manifest",
    "apps_script_source",
]

OAUTH_SCOPES = (
    "https://www.googleapis.com/auth/calendar.addons.execute",
    "https://www.googleapis.com/auth/script.external_request",
    "openid",
)
"""The scopes ``confdata.gs`` needs: running as a Calendar add-on, ``UrlFetchApp.fetch``, and
``ScriptApp.getIdentityToken()`` (which returns null without ``openid``)."""

# The functions confdata.gs defines: an onCreateFunction of the same name would replace one.
_SHIM_FUNCTIONS = ("buildConferenceData", "requestConferenceData")
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_WORDS = re.compile(r"[A-Za-z0-9]+")


class ManifestConferenceSolution(TypedDict):
    """One entry of ``addOns.calendar.conferenceSolution[]``."""

    id: str
    name: str
    logoUrl: str
    onCreateFunction: str


class ManifestCalendar(TypedDict):
    """``addOns.calendar``: the conference solutions."""

    conferenceSolution: list[ManifestConferenceSolution]


class ManifestAddOns(TypedDict):
    """``addOns``: the Calendar part."""

    calendar: ManifestCalendar


class AppsScriptManifest(TypedDict):
    runtimeVersion: str
    oauthScopes: list[str]
    urlFetchWhitelist: list[str]
    addOns: ManifestAddOns


"""The ``appsscript.json`` fragment :func:`apps_script_manifest` returns."""


def apps_script_source() -> str:
    """The text of ``confdata.gs``, the Apps Script file that builds conference data."""
    return resources.files("confdata").joinpath("_addon", "confdata.gs").read_text("utf-8")


def _function_name(solution_id: str) -> str:
    """``onCreate`` and the solution ID's ASCII words, capitalised: ``onCreateAcmeVideo``."""
    words = _WORDS.findall(solution_id)
    return "onCreate" + "".join(word[:1].upper() + word[1:] for word in words)


def _url(check: Arguments, name: str, value: object, *, https_only: bool) -> str:
    """``value`` if it is an absolute URL with a host: http or https; or, ``https_only``, an
    https URL with a path and no user info, query or fragment, which is what an allowlist
    prefix must be (apps-script/manifest/allowlist-url) and keeps secrets out of the manifest.
    """
    value = check.text(name, value)
    if not value:
        return value
    try:
        parts = urlsplit(value)
        usable = bool(parts.hostname) and parts.scheme in ("http", "https")
    except ValueError:  # an unbalanced [ in the host
        usable = False
    usable = usable and not any(char.isspace() or ord(char) < 0x20 for char in value)
    if https_only:  # the allowlist page writes the scheme as https://, in lower case
        usable = usable and value.startswith("https://") and bool(parts.path)
        usable = usable and parts.username is None and not ("?" in value or "#" in value)
    if not usable:
        what = (
            "an https URL with a host and a path (https://backend.example/ rather than "
            "https://backend.example), without user info, query or fragment"
            if https_only
            else "an http or https URL with a host"
        )
        check.fail(name, f"{name} must be {what} (got {show_uri(value)})")
    return value


def apps_script_manifest(
    *,
    solution_id: str,
    name: str,
    logo_url: str,
    backend_url: str,
    on_create_function: str | None = None,
) -> AppsScriptManifest:
    """The ``appsscript.json`` fragment for one conference solution served by ``confdata.gs``.

    It declares the solution (``addOns.calendar.conferenceSolution[]``: ``id``, ``name``,
    ``logoUrl``, ``onCreateFunction``), lets ``UrlFetchApp`` reach ``backend_url``
    (``urlFetchWhitelist``), asks for the V8 runtime and the scopes in :data:`OAUTH_SCOPES`.
    ``on_create_function`` defaults to ``onCreate`` and the solution ID's ASCII words,
    capitalised (``acme-video``: ``onCreateAcmeVideo``).
    Raises :class:`~confdata.ValidationError` naming every argument it cannot use.
    """
    check = Arguments()
    solution_id = check.text("solution_id", solution_id)
    limit = SOLUTION_ID.limit
    if limit is not None and utf16_len(solution_id) > limit:
        check.fail(
            "solution_id",
            f"solution_id must be at most {limit} characters, as {SOLUTION_ID.json} is "
            f"(got {show(solution_id)})",
        )
    name = check.text("name", name)
    logo_url = _url(check, "logo_url", logo_url, https_only=False)
    backend_url = _url(check, "backend_url", backend_url, https_only=True)
    function = check.optional_text("on_create_function", on_create_function)
    if function is None:
        function = _function_name(solution_id)
    elif function and not _IDENTIFIER.fullmatch(function):
        check.fail(
            "on_create_function",
            f"on_create_function must be a JavaScript function name (got {show(function)})",
        )
    if function in _SHIM_FUNCTIONS:
        check.fail(
            "on_create_function",
            f"on_create_function must not be {function}, which confdata.gs defines",
        )
    check.done()
    solution: ManifestConferenceSolution = {
        "id": solution_id,
        "name": name,
        "logoUrl": logo_url,
        "onCreateFunction": function,
    }
    return {
        "runtimeVersion": "V8",
        "oauthScopes": list(OAUTH_SCOPES),
        "urlFetchWhitelist": [backend_url],
        "addOns": {"calendar": {"conferenceSolution": [solution]}},
    }
