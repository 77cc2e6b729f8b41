"""What PlexClient and AsyncPlexClient put on the wire: method, path, query and every header."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from plex_resources import DEFAULT_TIMEOUT, ClientIdentity, PlexClient

from .client_support import BASE_URL, IDENTITY, SOURCE, TOKEN, Fetch

# What httpx itself adds to every request; everything else on the wire is ours.
HTTPX_OWN = {"host", "accept-encoding", "connection", "user-agent"}

FULL_IDENTITY = ClientIdentity(
    client_identifier="abc123",
    product="Plex for Roku",
    version="2.4.1",
    platform="Roku",
    platform_version="4.3 build 1057",
    device="Roku 3",
    model="4200X",
    device_vendor="Roku",
    device_name="Living Room TV",
    marketplace="googlePlay",
)


def only_request(httpx_mock: HTTPXMock) -> httpx.Request:
    requests = httpx_mock.get_requests()
    assert len(requests) == 1
    return requests[0]


def test_json_request_exactly(
    fetch: Fetch, httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    fetch(identity=FULL_IDENTITY)
    request = only_request(httpx_mock)
    assert request.method == "GET"
    assert (
        str(request.url)
        == f"{BASE_URL}/security/resources?source=server%3A%2F%2F243b471948ace337a8f92f129ec97d1902fcb1df"
    )
    assert list(request.url.params.multi_items()) == [("source", SOURCE)]
    ours = {k: v for k, v in request.headers.items() if k not in HTTPX_OWN}
    assert ours == {
        "accept": "application/json",
        "accepts": "application/json",
        "x-plex-token": TOKEN,
        "x-plex-client-identifier": "abc123",
        "x-plex-product": "Plex for Roku",
        "x-plex-version": "2.4.1",
        "x-plex-platform": "Roku",
        "x-plex-platform-version": "4.3 build 1057",
        "x-plex-device": "Roku 3",
        "x-plex-model": "4200X",
        "x-plex-device-vendor": "Roku",
        "x-plex-device-name": "Living Room TV",
        "x-plex-marketplace": "googlePlay",
    }
    assert TOKEN not in str(request.url)


def test_xml_format_asks_for_xml(
    fetch: Fetch, httpx_mock: HTTPXMock, xml_example: str
) -> None:
    httpx_mock.add_response(
        text=xml_example, headers={"Content-Type": "application/xml"}
    )
    fetch(response_format="xml")
    request = only_request(httpx_mock)
    assert request.headers["Accept"] == "application/xml"
    assert request.headers["accepts"] == "application/xml"


def test_refresh_sends_refresh_1(
    fetch: Fetch, httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    fetch(refresh=True)
    request = only_request(httpx_mock)
    assert list(request.url.params.multi_items()) == [
        ("source", SOURCE),
        ("refresh", "1"),
    ]


def test_minimal_identity_sends_only_the_client_identifier(
    fetch: Fetch, httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    fetch(identity=ClientIdentity(client_identifier="only-this"))
    request = only_request(httpx_mock)
    plex = {k: v for k, v in request.headers.items() if k.startswith("x-plex-")}
    assert plex == {"x-plex-client-identifier": "only-this", "x-plex-token": TOKEN}


def test_utf8_identity_values_go_out_as_utf8(
    fetch: Fetch, httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    fetch(identity=ClientIdentity(client_identifier="ид-1", device_name="Küche TV 📺"))
    request = only_request(httpx_mock)
    raw = dict(request.headers.raw)
    assert raw[b"X-Plex-Device-Name"] == "Küche TV 📺".encode()
    assert raw[b"X-Plex-Client-Identifier"] == "ид-1".encode()


def test_base_url_with_a_path_prefix(
    fetch: Fetch, httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    fetch(base_url="https://plex.example.test:443/pms/")
    assert only_request(httpx_mock).url.path == "/pms/security/resources"


@pytest.mark.parametrize("source", [
    "server://243b471948ace337a8f92f129ec97d1902fcb1df",
    "server://546684a3d18ac5c39037360ec9ce900b7af9cc36/com.plexapp.plugins.library",
    "provider://tv.plex.provider.podcasts",
])  # fmt: skip
def test_documented_sources_are_sent_verbatim(
    fetch: Fetch, httpx_mock: HTTPXMock, json_example: dict[str, Any], source: str
) -> None:
    httpx_mock.add_response(json=json_example)
    fetch(source)
    assert only_request(httpx_mock).url.params["source"] == source


def test_caller_http_client_is_used_and_left_open(
    httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    mine = httpx.Client(headers={"X-Trace": "t-1"}, timeout=30)
    with PlexClient(BASE_URL, token=TOKEN, identity=IDENTITY, http_client=mine) as plex:
        plex.get_source_connection_information(SOURCE)
    assert not mine.is_closed
    mine.close()
    assert only_request(httpx_mock).headers["X-Trace"] == "t-1"


def test_timeout_is_sent_with_every_request(
    httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    # A caller's client without any timeout: the SDK's own still applies to its requests.
    no_timeout = httpx.Client(timeout=None)  # noqa: S113 - the case under test
    with PlexClient(
        BASE_URL, token=TOKEN, identity=IDENTITY, http_client=no_timeout
    ) as plex:
        plex.get_source_connection_information(SOURCE)
    no_timeout.close()
    timeouts = only_request(httpx_mock).extensions["timeout"]
    assert timeouts == DEFAULT_TIMEOUT.as_dict()
    assert DEFAULT_TIMEOUT.as_dict() == {
        "connect": 5.0,
        "read": 10.0,
        "write": 10.0,
        "pool": 10.0,
    }
