"""The canary: a fake token and a fake accessToken planted everywhere never show up anywhere.

Every public path runs with logging at DEBUG; every repr, str, exception message, traceback and
log record it produces is searched for both canaries.
"""

from __future__ import annotations

import contextlib
import json
import logging
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from plex_resources import (
    ClientIdentity,
    Device,
    NoReachableConnectionError,
    PlexClient,
    PlexError,
)
from plex_resources._redact import body_excerpt, mask_secrets, safe_url
from plex_resources.testing import FakePlexServer, refused_port
from plex_resources_api.models import Connection

from .client_support import BASE_URL, IDENTITY, SOURCE, TOKEN, Fetch

ACCESS = "transient-canary-5be1d2"
CANARIES = (TOKEN, ACCESS)


def answer(access_token: object = ACCESS) -> dict[str, Any]:
    return {
        "MediaContainer": {
            "size": 1,
            "Device": {
                "name": "n",
                "clientIdentifier": "c",
                "accessToken": access_token,
                "Connection": [
                    {"protocol": "https", "address": "10.0.0.2", "port": 32400,
                     "uri": "https://10-0-0-2.x.plex.direct:32400", "local": True},
                ],
            },
        }
    }  # fmt: skip


XML_ANSWER = (
    f'<MediaContainer size="1"><Device name="n" clientIdentifier="c" accessToken="{ACCESS}">'
    '<Connection protocol="https" address="10.0.0.2" port="32400" '
    'uri="https://10-0-0-2.x.plex.direct:32400" local="1"/></Device></MediaContainer>'
)
# Error pages that echo what they were sent, the worst case for an excerpt.
ECHO_PAGE = f'<html>X-Plex-Token={TOKEN} token {TOKEN} accessToken="{ACCESS}"</html>'
ECHO_JSON = json.dumps({"error": "bad", "X-Plex-Token": TOKEN, "accessToken": ACCESS})


def assert_clean(text: str) -> None:
    for canary in CANARIES:
        assert canary not in text, f"secret leaked into: {text[:300]!r}"


def seen(error: BaseException) -> str:
    """Everything an error shows: str, repr, attributes, the whole chained traceback."""
    parts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    parts += [repr(value) for value in vars(error).values()]
    return "\n".join(parts)


Setup = Callable[[HTTPXMock], None]


def rate_limited_then_ok(mock: HTTPXMock) -> None:
    mock.add_response(status_code=429, text=ECHO_PAGE, headers={"Retry-After": "1"})
    mock.add_response(json=answer())


SCENARIOS: dict[str, tuple[Setup, dict[str, Any]]] = {
    "json 200": (lambda m: m.add_response(json=answer()), {}),
    "xml 200": (
        lambda m: m.add_response(
            text=XML_ANSWER, headers={"Content-Type": "application/xml"}
        ),
        {"response_format": "xml"},
    ),
    "403 echoing the token": (
        lambda m: m.add_response(status_code=403, text=ECHO_PAGE),
        {"retries": 0},
    ),
    "500 echoing json": (
        lambda m: m.add_response(status_code=500, text=ECHO_JSON),
        {"retries": 0},
    ),
    "200 html login page": (
        lambda m: m.add_response(text=ECHO_PAGE, headers={"Content-Type": "text/html"}),
        {},
    ),
    "200 accessToken of the wrong type": (
        lambda m: m.add_response(json=answer(access_token=[ACCESS])),
        {},
    ),
    "429 then 200": (rate_limited_then_ok, {}),
    "connection refused": (
        lambda m: m.add_exception(httpx.ConnectError("refused"), is_reusable=True),
        {"retries": 1},
    ),
    "timeout": (
        lambda m: m.add_exception(httpx.ReadTimeout("slow"), is_reusable=True),
        {"retries": 1},
    ),
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_no_secret_anywhere(
    fetch: Fetch,
    httpx_mock: HTTPXMock,
    caplog: pytest.LogCaptureFixture,
    scenario: str,
) -> None:
    setup, settings = SCENARIOS[scenario]
    setup(httpx_mock)
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx's, httpcore's
    shown: list[str] = []
    try:
        info = fetch(**settings)
    except PlexError as error:
        shown.append(seen(error))
    else:
        assert info.device.access_token == ACCESS  # readable where asked for...
        shown += [repr(info), str(info), repr(info.device), str(info.device)]
        shown += [repr(c) for c in info.device.connection]
    for record in caplog.records:
        shown += [record.getMessage(), repr(record.args), record.exc_text or ""]
    # Each scenario logs through the SDK's logger (an answer or a retry), so logs were searched.
    assert any(r.name == "plex_resources" for r in caplog.records)
    for text in shown:
        assert_clean(text)


def test_client_and_identity_reprs() -> None:
    identity = ClientIdentity(client_identifier="abc", device_name="Küche TV")
    with PlexClient(BASE_URL, token=TOKEN, identity=identity) as plex:
        assert_clean(repr(plex))
        assert_clean(str(plex))
        assert "token='***'" in repr(plex)
        assert_clean(repr(vars(plex).get("identity")))


def test_secrets_are_masked_in_excerpts_and_urls() -> None:
    assert body_excerpt(ECHO_PAGE.encode(), (TOKEN,)).count("***") == 3
    assert_clean(body_excerpt(ECHO_JSON.encode()))
    assert_clean(mask_secrets(f"accessToken='{ACCESS}', X-PLEX-TOKEN: {TOKEN}"))
    url = httpx.URL(f"{BASE_URL}/x?X-Plex-Token={TOKEN}&a=1")
    assert safe_url(url) == f"{BASE_URL}/x?X-Plex-Token=%2A%2A%2A&a=1"


def test_invalid_source_message_holds_no_secret(fetch: Fetch) -> None:
    with pytest.raises(PlexError) as caught:
        fetch(f"token={TOKEN}")
    assert TOKEN in str(caught.value)  # the caller's own bad input is shown back...
    with pytest.raises(PlexError) as caught:
        fetch(SOURCE + " " + TOKEN)
    # ...but the client's token itself is never added to a message.
    assert str(caught.value).count(TOKEN) == 1


def test_probing_and_the_fake_server_leak_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The canary through connect(): the fake's request log, every probe, the selection."""
    caplog.set_level(logging.DEBUG)
    machine = "243b471948ace337a8f92f129ec97d1902fcb1df"
    shown: list[str] = []
    with contextlib.ExitStack() as stack:
        right = stack.enter_context(FakePlexServer(machine_identifier=machine))
        wrong = stack.enter_context(FakePlexServer(machine_identifier="f" * 40))
        device = Device(
            name="Canary", client_identifier=machine, access_token=ACCESS,
            connection=[
                Connection(protocol="http", address="127.0.0.1", port=p, uri="x", local=True)
                for p in (wrong.port, refused_port(), right.port)
            ],
        )  # fmt: skip
        main = stack.enter_context(
            FakePlexServer(token=TOKEN, devices={f"server://{machine}": device})
        )
        with PlexClient(main.url, token=TOKEN, identity=IDENTITY) as plex:
            chosen = plex.connect(f"server://{machine}")
            shown += [repr(chosen), str(chosen), repr(plex), repr(main)]
            assert chosen.device.access_token == ACCESS
            right.stop()
            with pytest.raises(NoReachableConnectionError) as caught:
                plex.select_connection(device, timeout=1)
            shown.append(seen(caught.value))
        # The token also arrives in the query string, as some clients send it.
        httpx.get(f"{main.url}/security/resources?X-Plex-Token={TOKEN}", timeout=5)
        shown += [repr(main.requests)]
    # httpx's own log line of that last, hand-made request holds the token in its URL; the
    # canary is about the SDK's loggers, which saw it too.
    shown += [
        r.getMessage() for r in caplog.records if r.name.startswith("plex_resources")
    ]
    assert any(r.name == "plex_resources.testing" for r in caplog.records)
    assert any("probe" in r.getMessage() for r in caplog.records)
    for text in shown:
        assert_clean(text)
