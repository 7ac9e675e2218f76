"""The rule catalog: every stable problem code with its severity, meaning and Google source.

Codes are public API (users filter and suppress by code). The source keys refer to the
Google pages listed in :data:`SOURCES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from .problems import Severity

__all__ = ["DOCS_URL", "RULES", "SOURCES", "Rule", "rules_markdown"]

E = Severity.ERROR
W = Severity.WARNING

DOCS_URL = "https://confdata.readthedocs.io/en/latest/"
"""Where confdata's documentation is published; every rule has an anchor on its rules page."""


@attrs.frozen
class Rule:
    """A rule of the catalog: ``code`` is stable, ``source`` names the Google page it comes from."""

    code: str
    """The stable code problems of this rule carry."""
    severity: Severity
    """The severity of every problem of this rule."""
    summary: str
    """What the rule says, in one line."""
    source: str = ""
    """Keys of :data:`SOURCES` (comma-separated), or a short note where Google is silent."""

    @property
    def url(self) -> str:
        """The rule's entry in the published rule catalog (``…/rules.html#uri-scheme``)."""
        return f"{DOCS_URL}rules.html#{self.code}"


SOURCES: Mapping[str, str] = MappingProxyType(
    {
        "S1": "https://developers.google.com/apps-script/reference/conference-data",
        "S1-builder": "https://developers.google.com/apps-script/reference/conference-data/conference-data-builder",
        "S1-entrypoint": "https://developers.google.com/apps-script/reference/conference-data/entry-point",
        "S1-ept": "https://developers.google.com/apps-script/reference/conference-data/entry-point-type",
        "S1-epf": "https://developers.google.com/apps-script/reference/conference-data/entry-point-feature",
        "S1-error": "https://developers.google.com/apps-script/reference/conference-data/conference-error",
        "S1-parameter": "https://developers.google.com/apps-script/reference/conference-data/conference-parameter",
        "S3": "https://www.googleapis.com/discovery/v1/apis/calendar/v3/rest",
        "S5": "https://developers.google.com/workspace/add-ons/concepts/event-objects",
        "S6": "https://developers.google.com/apps-script/manifest/calendar-addons",
        "S9": "https://developers.google.com/workspace/add-ons/calendar/conferencing/overview",
        "S10": "https://developers.google.com/workspace/add-ons/calendar/conferencing/create-conference",
        "S11": "https://developers.google.com/workspace/add-ons/calendar/conferencing/sync-calendar-changes",
        "S12": "https://developers.google.com/workspace/calendar/api/guides/create-events#conferencing",
        "S16": "https://developers.google.com/workspace/add-ons/reference/rpc/apps.extensions.markup",
        # Google's JSON mapping: "null is an accepted value for all field types and treated
        # as the default value of the corresponding field type".
        "S17": "https://protobuf.dev/programming-guides/json/",
        # The caller's identity (confdata.server): the token Apps Script makes, and how a
        # backend verifies a Google ID token.
        "Script-identity": "https://developers.google.com/apps-script/reference/script/script-app#getidentitytoken",
        "ID-token": "https://developers.google.com/identity/gsi/web/guides/verify-google-id-token",
        # The provider API references the converters of confdata.providers read.
        "Zoom-meeting": "https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId}",
        "Graph-onlineMeeting": "https://learn.microsoft.com/en-us/graph/api/resources/onlinemeeting",
        "Graph-onlineMeetingInfo": "https://learn.microsoft.com/en-us/graph/api/resources/onlinemeetinginfo",
        "Webex-meeting": "https://developer.webex.com/docs/api/v1/meetings/get-a-meeting",
    }
)

_CATALOG = (
    # Generic rules: the path says which field.
    Rule("type", E, "wrong JSON type (string expected, array expected, ...)", "S3, S16"),
    Rule("required", E, "a required member is missing", "S1-builder, S3, S16"),
    Rule("empty", E, "empty string where a value is required", "S1-builder, S1-parameter"),
    Rule("unknown-field", E, "a member the form does not define", "S3, S16"),
    Rule("max-length", E, "string longer than its documented limit", "S1, S3, S16"),
    Rule("max-items", E, "more than 300 entry points or parameters", "S1-builder, S16"),
    Rule("enum", E, "value outside the allowed set", "S1, S3, S16"),
    Rule("duplicate-key", E, "the same JSON object key twice in one object", "RFC 8259"),
    Rule(
        "null-member",
        W,
        "an optional member is null: read as unset (leave the member out)",
        "S17",
    ),
    # Conference rules.
    Rule(
        "uri-scheme",
        E,
        "video and more need http:/https:, phone needs tel:, sip needs sip:",
        "S1-entrypoint, S3",
    ),
    Rule(
        "uri-malformed",
        E,
        "not a usable absolute URI: whitespace, control or invisible format characters, "
        "http(s) without a host or with a port outside 0-65535, nothing after the scheme, "
        "tel: without a digit, no scheme on an entry point of unknown type",
        "S1-entrypoint",
    ),
    Rule(
        "sips-scheme",
        W,
        "sips: on a sip entry point is allowed by one Google page only",
        "S5 vs S3",
    ),
    Rule(
        "duplicate-entry-point-type",
        E,
        "more than one video, sip or more entry point",
        "S1-ept, S3",
    ),
    Rule("more-only", E, "the only entry points are of type more", "S1-ept, S3"),
    Rule("feature-not-phone", E, "features on a non-phone entry point", "S1-epf"),
    Rule("toll-and-toll-free", E, "both toll and toll-free on one entry point", "S1-epf, S3"),
    Rule("duplicate-feature", W, "the same feature listed twice", ""),
    Rule("region-not-phone", E, "regionCode on a non-phone entry point", "S1-entrypoint"),
    Rule("region-code", E, "regionCode is not two ASCII capital letters", "S3"),
    Rule(
        "region-code-unassigned",
        W,
        "regionCode is not an assigned ISO 3166-1 alpha-2 code (or XK)",
        "S3",
    ),
    Rule("phone-no-country", W, "phone URI without +country code and no regionCode", "S5"),
    Rule("phone-not-shown", W, "Calendar shows only the first two phone entry points", "S5"),
    Rule("label-on-more", W, "a label on a more entry point should not be filled", "S3"),
    Rule("duplicate-parameter-key", E, "the same parameter key twice", "S3"),
    Rule("auth-url-required", E, "AUTHENTICATION error without authenticationUrl", "S1-error"),
    Rule("auth-url-scheme", E, "authenticationUrl is not an http(s) URL", "S1-error"),
    Rule(
        "auth-url-ignored",
        W,
        "authenticationUrl on an error that is not AUTHENTICATION",
        "S1-error",
    ),
    Rule(
        "error-with-data", W, "an error together with conference data (the data is ignored)", "S9"
    ),
    Rule(
        "solution-required",
        E,
        "calendar form: entry points without conferenceSolution and no createRequest",
        "S3",
    ),
    Rule(
        "solution-or-request",
        E,
        "calendar form: neither conferenceSolution with entry points nor createRequest",
        "S3",
    ),
    Rule(
        "deprecated-solution-type",
        W,
        "eventHangout / eventNamedHangout: new conferences cannot be created",
        "S3",
    ),
    Rule(
        "status-read-only",
        W,
        "write helper: createRequest.status is read-only and is dropped before writing",
        "S3",
    ),
    Rule(
        "conference-reused",
        W,
        "write helper: a new event is inserted with conference data read from another event; "
        "reusing conference data across events can cause access issues: make a new conference",
        "S3",
    ),
    Rule(
        "error-not-writable",
        E,
        "write helper: an error result has nothing to write to an event (answer the add-on "
        "call with to_addon_json() instead); confdata's addition",
        "S9",
    ),
    Rule(
        "add-on-data-write",
        W,
        "write helper: conference data of an addOn solution is about to be written through the "
        "Calendar API; Calendar makes add-on conferences through the add-on, and users report "
        "400 'Invalid conference data' for such writes from other clients (confdata's addition)",
        "S9, S10",
    ),
    Rule(
        "page-token-repeated",
        E,
        "sync: events.list gave a nextPageToken it gave before, so paging would never end "
        "(confdata's addition)",
        "S11",
    ),
    Rule(
        "too-many-pages",
        E,
        "sync: more events.list pages than the bound sync_events() was given (max_pages)",
        "S11",
    ),
    Rule(
        "full-sync-gone",
        E,
        "sync: events.list answered 410 Gone to a full sync, which has no sync token to expire "
        "(confdata's addition)",
        "S3",
    ),
    Rule(
        "solution-id-missing",
        W,
        "add-on form success without conferenceSolutionId (required for Workspace add-ons)",
        "S1-builder",
    ),
    Rule(
        "duplicate-solution-id",
        E,
        "manifest: two conference solutions share an id (confdata's addition: ids are unique)",
        "S6",
    ),
    Rule(
        "solution-id-unknown",
        E,
        "conferenceSolutionId is not among the manifest's conference solution ids",
        "S16",
    ),
    # Provider converters (confdata.providers): paths point into the provider's response.
    Rule(
        "provider-required",
        E,
        "provider response: a member the conference needs is missing or null",
        "Zoom-meeting, Graph-onlineMeeting, Graph-onlineMeetingInfo, Webex-meeting",
    ),
    Rule(
        "provider-type",
        E,
        "provider response: a member is not of the JSON type the provider documents",
        "Zoom-meeting, Graph-onlineMeeting, Graph-onlineMeetingInfo, Webex-meeting",
    ),
    Rule(
        "provider-empty",
        E,
        "provider response: an empty string where the conference needs a value",
        "Zoom-meeting, Graph-onlineMeeting, Graph-onlineMeetingInfo, Webex-meeting",
    ),
    Rule(
        "provider-number",
        E,
        "provider response: a dial-in number that is not a phone number (digits, an optional "
        "leading +, and spaces, dashes, dots or parentheses between them)",
        "Zoom-meeting, Graph-onlineMeeting, Webex-meeting",
    ),
    Rule(
        "provider-value",
        E,
        "provider response: a value that breaks a Calendar rule once converted (the message "
        "names the rule)",
        "S1-entrypoint, S1-builder, S3",
    ),
    # The backend of an onCreateFunction (confdata.server).
    Rule(
        "identity-token",
        E,
        "server: the caller's Google identity token is missing, malformed, not signed by "
        "Google, expired, or issued by another issuer or for another audience",
        "Script-identity, ID-token",
    ),
    # Conference lifecycle (confdata.lifecycle)
    Rule(
        "conference-data-dropped",
        E,
        "a write sent conferenceData and the event came back without any: the request lacked "
        "conferenceDataVersion=1 (the API then ignores it) or the data was stripped",
        "S3, S12",
    ),
    Rule(
        "entry-point-lost",
        E,
        "an entry point the write sent is missing from the event the API returned",
        "S3",
    ),
    Rule(
        "parameter-lost",
        E,
        "a conference parameter the write sent is missing or changed in the event returned",
        "S3",
    ),
    Rule("notes-lost", E, "notes the write sent are missing from the event returned", "S3"),
    Rule(
        "create-request-failed",
        E,
        "the create request came back with status failure: there are no entry points",
        "S3, S12",
    ),
    Rule(
        "solution-replaced",
        E,
        "the write sent an addOn conference and the event returned carries another solution",
        "S3, S9",
    ),
)

RULES: Mapping[str, Rule] = MappingProxyType({rule.code: rule for rule in _CATALOG})
"""Every rule by code, in catalog order."""


def rules_markdown(*, myst: bool = False) -> str:
    """The catalog as a Markdown table, each code linked to its :attr:`Rule.url` and each
    source key to its page in :data:`SOURCES`.

    With ``myst=True`` each code is its own anchor instead (a MyST ``{#code}`` target that
    links to itself): ``docs/rules.md`` holds this table, so that every ``Rule.url`` works.
    """
    import re  # only the CLI and the docs tool render the table

    keys = "|".join(re.escape(key) for key in sorted(SOURCES, key=len, reverse=True))
    source_token = re.compile(rf"(?<![\w-])(?:(?P<key>{keys})|RFC (?P<rfc>\d+))(?![\w-])")

    def source_link(match: re.Match[str]) -> str:
        key = match["key"]
        if key is not None:
            return f"[{key}]({SOURCES[key]})"
        return f"[RFC {match['rfc']}](https://www.rfc-editor.org/rfc/rfc{match['rfc']})"

    lines = ["| code | severity | rule | source |", "|---|---|---|---|"]
    for rule in _CATALOG:
        code = (
            f"[[`{rule.code}`](#{rule.code})]{{#{rule.code}}}"
            if myst
            else f"[`{rule.code}`]({rule.url})"
        )
        summary = rule.summary.replace("|", "\\|")
        source = source_token.sub(source_link, rule.source) or "—"
        lines.append(f"| {code} | {rule.severity.value} | {summary} | {source} |")
    return "\n".join(lines) + "\n"
