"""The generated client on the wire: method, path, query, headers, bodies and statuses."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from plex_resources_api import AuthenticatedClient, Client, errors
from plex_resources_api.api.security import (
    get_source_connection_information as endpoint,
)
from plex_resources_api.api.server import get_server_identity
from plex_resources_api.models import (
    Connection,
    GetSourceConnectionInformationAccepts,
    GetSourceConnectionInformationRefresh,
    ServerIdentityResponse,
    SourceConnectionInformationResponse,
)
from plex_resources_api.types import UNSET

BASE_URL = "http://127.0.0.1:32400"
TOKEN = "fake-token-3b1f"
SOURCE = "server://243b471948ace337a8f92f129ec97d1902fcb1df"

# Every identity keyword argument and the header it must become, with the seed's examples.
IDENTITY = {
    "x_plex_client_identifier": ("X-Plex-Client-Identifier", "abc123"),
    "x_plex_product": ("X-Plex-Product", "Plex for Roku"),
    "x_plex_version": ("X-Plex-Version", "2.4.1"),
    "x_plex_platform": ("X-Plex-Platform", "Roku"),
    "x_plex_platform_version": ("X-Plex-Platform-Version", "4.3 build 1057"),
    "x_plex_device": ("X-Plex-Device", "Roku 3"),
    "x_plex_model": ("X-Plex-Model", "4200X"),
    "x_plex_device_vendor": ("X-Plex-Device-Vendor", "Roku"),
    "x_plex_device_name": ("X-Plex-Device-Name", "Living Room TV"),
    "x_plex_marketplace": ("X-Plex-Marketplace", "googlePlay"),
}


def make_client(*, raise_on_unexpected_status: bool = False) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=BASE_URL,
        token=TOKEN,
        prefix="",
        auth_header_name="X-Plex-Token",
        raise_on_unexpected_status=raise_on_unexpected_status,
    )


def test_request_on_the_wire(
    httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    kwargs = {name: value for name, (_, value) in IDENTITY.items()}
    with make_client() as client:
        endpoint.sync(
            client=client,
            source=SOURCE,
            refresh=GetSourceConnectionInformationRefresh.VALUE_1,
            accepts=GetSourceConnectionInformationAccepts.APPLICATIONJSON,
            **kwargs,
        )
    request = httpx_mock.get_request()
    assert request is not None
    assert request.method == "GET"
    assert request.url.path == "/security/resources"
    assert list(request.url.params.multi_items()) == [
        ("source", SOURCE),
        ("refresh", "1"),
    ]
    for header, value in IDENTITY.values():
        assert request.headers[header] == value
    assert request.headers["X-Plex-Token"] == TOKEN
    assert request.headers["accepts"] == "application/json"
    assert TOKEN not in str(request.url)
    sent = {name.lower() for name in request.headers}
    expected = {header.lower() for header, _ in IDENTITY.values()} | {
        "x-plex-token",
        "accepts",
    }
    # Beyond ours, only what httpx itself always sends.
    assert sent - expected == {
        "host",
        "accept",
        "accept-encoding",
        "connection",
        "user-agent",
    }


def test_refresh_absent_unless_given_and_accepts_defaults_to_xml(
    httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    with make_client() as client:
        endpoint.sync(client=client, source=SOURCE, x_plex_client_identifier="abc123")
    request = httpx_mock.get_request()
    assert request is not None
    assert list(request.url.params.multi_items()) == [("source", SOURCE)]
    # The spec's default; the handwritten client always overrides it along with Accept.
    assert request.headers["accepts"] == "application/xml"
    assert "X-Plex-Product" not in request.headers


def test_reference_json_example_parses_with_every_value(
    httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    with make_client() as client:
        parsed = endpoint.sync(
            client=client, source=SOURCE, x_plex_client_identifier="abc"
        )
    assert isinstance(parsed, SourceConnectionInformationResponse)
    container = parsed.media_container
    assert container.size == 1
    assert (container.identifier, container.offset, container.total_size) == (
        UNSET,
    ) * 3
    device = container.device
    assert device.name == "PlexCorp (plex-corp)"
    assert device.client_identifier == "243b471948ace337a8f92f129ec97d1902fcb1df"
    assert device.access_token == "transient-fa75f159-b9d2-42b6-8fbd-1761c7a4195a"
    host = "93b10b279ff8456686414add109854cd.plex.direct"
    rows = [
        (c.protocol, c.address, c.uri, c.port, c.local, c.relay)
        for c in device.connection
    ]
    assert rows == [
        ("https", "10.0.2.123", f"https://10-0-2-123.{host}:32400", 32400, True, UNSET),
        (
            "https",
            "64.71.188.222",
            f"https://64-71-188-222.{host}:32403",
            32403,
            False,
            UNSET,
        ),
        (
            "https",
            "139.162.158.105",
            f"https://139-162-158-105.{host}:8443",
            8443,
            False,
            True,
        ),
    ]
    assert parsed.to_dict() == json_example
    assert device.access_token not in repr(parsed)


def test_unknown_fields_survive_a_round_trip(json_example: dict[str, Any]) -> None:
    body = {
        "MediaContainer": {
            **json_example["MediaContainer"],
            "allowSync": True,
            "Device": {
                **json_example["MediaContainer"]["Device"],
                "product": "Plex Media Server",
                "Connection": [
                    {**c, "IPv6": False, "x-new": {"nested": [1]}}
                    for c in json_example["MediaContainer"]["Device"]["Connection"]
                ],
            },
        },
        "topLevelExtra": "kept",
    }
    parsed = SourceConnectionInformationResponse.from_dict(body)
    assert parsed.media_container["allowSync"] is True
    assert parsed.media_container.device["product"] == "Plex Media Server"
    assert parsed.media_container.device.connection[0]["IPv6"] is False
    assert parsed.to_dict() == body


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_documented_error_statuses_return_their_html(
    httpx_mock: HTTPXMock, status: int, operation: dict[str, Any]
) -> None:
    html = operation["responses"][str(status)]["content"]["text/html"]["example"]
    httpx_mock.add_response(
        status_code=status, text=html, headers={"Content-Type": "text/html"}
    )
    with make_client(raise_on_unexpected_status=True) as client:
        response = endpoint.sync_detailed(
            client=client, source=SOURCE, x_plex_client_identifier="a"
        )
    assert response.status_code == status
    assert response.parsed == html


@pytest.mark.parametrize("status", [429, 500, 503])
def test_undocumented_status_raises_when_asked(
    httpx_mock: HTTPXMock, status: int
) -> None:
    httpx_mock.add_response(status_code=status, text="busy")
    with (
        make_client(raise_on_unexpected_status=True) as client,
        pytest.raises(errors.UnexpectedStatus) as caught,
    ):
        endpoint.sync(client=client, source=SOURCE, x_plex_client_identifier="a")
    assert caught.value.status_code == status
    assert caught.value.content == b"busy"


def test_undocumented_status_is_none_by_default(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(status_code=500, text="oops")
    with make_client() as client:
        assert (
            endpoint.sync(client=client, source=SOURCE, x_plex_client_identifier="a")
            is None
        )


@pytest.mark.anyio
async def test_async_request_on_the_wire(
    httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    async with make_client() as client:
        parsed = await endpoint.asyncio(
            client=client, source=SOURCE, x_plex_client_identifier="abc123"
        )
    assert isinstance(parsed, SourceConnectionInformationResponse)
    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["X-Plex-Token"] == TOKEN
    assert request.url.params["source"] == SOURCE


def test_generated_xml_trap_is_real(httpx_mock: HTTPXMock, xml_example: str) -> None:
    """Why the handwritten layer decodes bodies itself: the generated parser assumes JSON."""
    httpx_mock.add_response(
        text=xml_example, headers={"Content-Type": "application/xml"}
    )
    with (
        make_client() as client,
        pytest.raises(ValueError, match="Expecting value"),
    ):
        endpoint.sync(client=client, source=SOURCE, x_plex_client_identifier="a")


def test_generated_client_has_no_timeout_by_default() -> None:
    """Why the handwritten layer always passes an explicit timeout."""
    client = make_client()
    assert client.get_httpx_client().timeout == httpx.Timeout(None)


def test_unset_fields_print_readably() -> None:
    connection = Connection(protocol="http", address="a", port=1, uri="u", local=True)
    assert "relay=UNSET" in repr(connection)


def test_identity_endpoint_on_the_wire(
    httpx_mock: HTTPXMock, spec: dict[str, Any]
) -> None:
    example = spec["paths"]["/identity"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["example"]
    httpx_mock.add_response(json=example)
    # The generator reads the operation's `security: [{}]` (no auth) as "needs auth" and types
    # `client` as AuthenticatedClient; a plain Client is what an unauthenticated call wants.
    with Client(base_url=BASE_URL) as client:
        parsed = get_server_identity.sync(
            client=client,  # type: ignore[arg-type]
            x_plex_client_identifier="abc123",
        )
    assert isinstance(parsed, ServerIdentityResponse)
    assert (
        parsed.media_container.machine_identifier == "0123456789abcdef0123456789abcdef"
    )
    assert parsed.media_container.claimed is True
    request = httpx_mock.get_request()
    assert request is not None
    assert request.url.path == "/identity"
    assert "X-Plex-Token" not in request.headers
    assert request.headers["X-Plex-Client-Identifier"] == "abc123"
