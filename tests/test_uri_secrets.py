"""Secrets inside URIs: masked by the reading ``urllib.parse`` makes (issue 29, SPEC §4.1).

The password is what ``urlsplit(uri).password`` gives, and a query value is a secret when
``parse_qsl`` names it ``pwd``, ``passcode``, ``password`` or ``pin`` (ignoring case, after
percent-decoding). Each check goes through the public API: validator messages, a lenient
value's repr, ``ValidationError`` and the output of ``confdata validate``.
"""

from __future__ import annotations

import io
import json
import tempfile
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confdata import (
    ConferenceData,
    EntryPoint,
    EntryPointType,
    ValidationError,
    cli,
    validate_calendar_json,
)

from .payloads import calendar_payload

SECRET_NAMES = ("pwd", "passcode", "password", "pin")


def _extracted(uri: str) -> list[str]:
    """The secrets the standard library reads in ``uri``: the userinfo password and the
    values of the secret query parameters."""
    try:
        parts = urlsplit(uri)
        password = parts.password
    except ValueError:  # urlsplit refuses some netlocs; then it reads no secret
        return []
    found = [password] if password else []
    found += [value for name, value in parse_qsl(parts.query) if name.lower() in SECRET_NAMES]
    return found


def _payload(uri: str) -> dict[str, Any]:
    """Calendar JSON whose problems show ``uri``: as a video URI (uri-malformed when it holds
    a space), as a phone URI (uri-scheme) and as an over-long more URI (max-length)."""
    payload = calendar_payload()
    payload["entryPoints"][0]["uri"] = uri
    payload["entryPoints"][1]["uri"] = uri
    payload["entryPoints"][3]["uri"] = uri + "#" + "m" * 1300
    return payload


def _outputs(uri: str) -> list[str]:
    """Everything the public API shows of ``uri``."""
    payload = _payload(uri)
    problems = validate_calendar_json(payload)
    assert any(p.code == "uri-scheme" for p in problems)  # the phone shows the URI
    texts = [p.message for p in problems]
    with pytest.raises(ValidationError) as raised:
        ConferenceData.from_calendar_json(payload)
    texts.append(str(raised.value))
    for kind in (EntryPointType.VIDEO, EntryPointType.PHONE):
        value = EntryPoint(type=kind, uri=uri, lenient=True)
        texts += [repr(value), str(value), *(repr(p) for p in value.problems)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "secrets.json"
        path.write_text(json.dumps(payload), encoding="utf-8")
        for fmt in ("text", "json", "github"):
            out = io.StringIO()
            with redirect_stdout(out):
                assert cli.main(["validate", "--format", fmt, str(path)]) == 1
            texts.append(out.getvalue())
            if fmt == "json":  # its strings as written, not as JSON escapes them
                report = json.loads(out.getvalue())
                texts += [p["message"] for p in report["files"][0]["problems"]]
    return texts


def _assert_hidden(uri: str, markers: tuple[str, ...]) -> int:
    """No output holds a secret the standard library reads in ``uri``, nor the marker it
    starts with; returns how many secrets were read."""
    secrets = _extracted(uri)
    if not secrets:
        return 0
    texts = _outputs(uri)
    for secret in secrets:
        # Every secret starts with its marker (the test's own check that it reads what it
        # meant to): a leak of the secret, raw, escaped or percent-encoded, shows it.
        marker = secret[:8]
        assert marker in markers, (uri, secret)
        for text in texts:
            assert marker not in text, (uri, secret, text)
            assert secret not in text, (uri, secret, text)
    return len(secrets)


# What a secret may hold: the characters that ended a secret early before (space, tab, '@',
# '?', '#'), other delimiters, percent-escapes (good and broken) and non-ASCII text. No ASCII
# letter: only the parameter names the test writes can be a secret's name.
_HOSTILE = st.sampled_from(
    [" ", "\t", "\r", "\n", "@", "?", "#", ":", "/", "=", "&", ";", "+", "%41", "%", "%7", "%2F"]
)
_WORDS = st.text("0123456789éßЖ中€\u00a0\U0001d11e", min_size=1, max_size=3)
_TAILS = st.lists(st.one_of(_HOSTILE, _WORDS), max_size=6).map("".join)
_MARKERS = st.text(
    "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnopqrstuvwxyz23456789", min_size=6, max_size=6
)
_NAMES = st.sampled_from(
    ["pwd", "PWD", "p%77d", "pw%64", "%70in", "Pin", "passcode", "PassCode", "password", "p\twd"]
)
_STARTS = st.sampled_from(["https://", "HTTPS://", " https://", "ht\ttps:/\t/", "//"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=_STARTS,
    user_marker=_MARKERS,
    user_tail=_TAILS,
    query_marker=_MARKERS,
    query_tail=_TAILS,
    name=_NAMES,
    shape=st.sampled_from(["userinfo", "query", "fragment-after"]),
)
def test_no_output_shows_a_secret_the_standard_library_reads(
    start: str,
    user_marker: str,
    user_tail: str,
    query_marker: str,
    query_tail: str,
    name: str,
    shape: str,
) -> None:
    """For URIs whose userinfo password and secret query values hold spaces, tabs, '@',
    '?', '#', percent-escapes and Unicode, no validator message, lenient repr,
    ValidationError or command-line output shows what urlsplit and parse_qsl read as a
    secret (messages shorten a URI to 40 characters, so each secret comes early in its own
    URI)."""
    password = f"Zu{user_marker}{user_tail}"
    value = f"Zv{query_marker}{query_tail}"
    markers = (f"Zu{user_marker}", f"Zv{query_marker}")
    if shape == "userinfo":
        uri = f"{start}al:{password}@acme.example/j"
    elif shape == "query":
        uri = f"{start}a.example/?{name}={value}&x=1"
    else:
        uri = f"{start}a.example?{name}={value}#f"
    read = _assert_hidden(uri, markers)
    # The URI's structure holds unless the tail broke it: a '/', '?' or '#' in the password
    # ends the authority, and a '#' before the query ends it.
    if shape == "userinfo":
        assert read == 1 or any(char in user_tail for char in "/?#")
    else:
        assert read >= 1


@pytest.mark.parametrize(
    ("uri", "secret"),
    [
        ("https://alice:Op3n Ses4me99@example.com/", "Op3n Ses4me99"),
        ("https://alice:Op3n\tSes4me99@example.com/", "Op3n\tSes4me99"),
        ("https://alice:Op3n@Ses4me99@example.com/", "Op3n@Ses4me99"),
        ("https://example.com/j?pwd=Op3n?Ses4me99&x=1", "Op3n?Ses4me99"),
        ("https://example.com/j?p%77d=Op3nSes4me99", "Op3nSes4me99"),
        ("https://example.com/j?PASS%63ode=Op3nSes4me99", "Op3nSes4me99"),
        ("https://example.com/j?pwd=Op3n+Ses4me99", "Op3n+Ses4me99"),
    ],
)
def test_the_issues_examples_are_masked_everywhere(uri: str, secret: str) -> None:
    """The URIs the tester found leaking: a space, a tab or an '@' in the password, a '?'
    in a pwd value, a percent-encoded parameter name."""
    (read,) = _extracted(uri)
    # What the library reads: tabs deleted, a '+' in a query value read as a space.
    assert read in (secret, secret.replace("\t", ""), secret.replace("+", " "))
    for text in _outputs(uri):
        for part in ("Op3n", "Ses4me99"):
            assert part not in text, text


@pytest.mark.parametrize(
    ("uri", "hidden", "shown"),
    [
        ("sip:alice:Op3n Ses4me99@acme.example;pin=4321;transport=tcp", "Ses4me99", "tcp"),
        ("sip:123@acme.example;PIN=43&21;transport=tcp", "21", "transport=tcp"),
        ("https://acme.example/#/join?pwd=Op3nSes4me99", "Op3nSes4me99", "join"),
        ("https://acme.example/r?next=https://bob:Op3nSes4me99@b.example/", "Op3n", "bob"),
    ],
)
def test_what_lenient_readers_take_for_a_secret_is_masked_too(
    uri: str, hidden: str, shown: str
) -> None:
    """Beyond what urlsplit reads: a SIP URI's password and its pin parameter (to the next
    ';' or '?', as RFC 3261 reads it), a query inside the fragment, a URI inside a query."""
    value = EntryPoint(type=EntryPointType.VIDEO, uri=uri, lenient=True)
    assert hidden not in repr(value)
    assert shown in repr(value)  # the rest of the URI still shows


def test_a_uri_without_secrets_shows_as_it_is() -> None:
    """Nothing is masked where the standard library reads no secret: a user without a
    password, an empty pwd, a name that only contains a secret's name."""
    uri = "https://alice@acme.example:8443/j/1?pwd=&pinned=1&x=pin#pwd"
    value = EntryPoint(type=EntryPointType.VIDEO, uri=uri, lenient=True)
    assert repr(uri) in repr(value)
