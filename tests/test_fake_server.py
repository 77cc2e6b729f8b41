"""FakePlexServer answers as openapi.yaml says the real server does, and misbehaves on request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from plex_resources import (
    ClientIdentity,
    Device,
    PlexClient,
    PlexConnectionError,
    ServerError,
)
from plex_resources._decode import decode_document
from plex_resources.testing import FakePlexServer, Fault

from .spec_support import validator_for

TOKEN = "fake-server-canary-3e9"
SOURCE = "server://243b471948ace337a8f92f129ec97d1902fcb1df"


@pytest.fixture
def server(json_example: dict[str, Any]) -> Iterator[FakePlexServer]:
    device = Device.from_dict(json_example["MediaContainer"]["Device"])
    with FakePlexServer(token=TOKEN, devices={SOURCE: device}) as fake:
        yield fake


def get(server: FakePlexServer, path: str, **options: Any) -> httpx.Response:
    return httpx.get(server.url + path, timeout=5, **options)


def schema_of(
    spec: dict[str, Any], path: str, status: str, media: str
) -> dict[str, Any]:
    schema: dict[str, Any] = spec["paths"][path]["get"]["responses"][status]["content"][
        media
    ]["schema"]
    return schema


# What the spec requires of every /security/resources request.
REQUIRED = {"X-Plex-Token": TOKEN, "X-Plex-Client-Identifier": "fake-server-tests"}
RESOURCES = {"params": {"source": SOURCE}, "headers": REQUIRED}


@pytest.mark.parametrize("path", ["/security/resources", "/identity"])
def test_json_answers_fit_the_spec(
    server: FakePlexServer, spec: dict[str, Any], path: str
) -> None:
    options: dict[str, Any] = RESOURCES if path == "/security/resources" else {}
    response = get(server, path, params=options.get("params"),
                   headers={**options.get("headers", {}), "Accept": "application/json"})  # fmt: skip
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    errors = list(
        validator_for(
            spec, schema_of(spec, path, "200", "application/json")
        ).iter_errors(body)
    )
    assert errors == []


def test_resources_answer_is_the_configured_device(
    server: FakePlexServer, json_example: dict[str, Any]
) -> None:
    response = get(server, "/security/resources", params={"source": SOURCE},
                   headers={**REQUIRED, "Accept": "application/json"})  # fmt: skip
    assert response.json() == json_example


@pytest.mark.parametrize("path", ["/security/resources", "/identity"])
def test_xml_is_the_default_and_says_the_same(
    server: FakePlexServer, path: str
) -> None:
    options: dict[str, Any] = RESOURCES if path == "/security/resources" else {}
    as_xml = get(server, path, **options)
    as_json = get(server, path, params=options.get("params"),
                  headers={**options.get("headers", {}), "Accept": "application/json"})  # fmt: skip
    assert as_xml.headers["Content-Type"].startswith("application/xml")
    assert as_xml.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    envelope = (
        "SourceConnectionInformationResponse"
        if path != "/identity"
        else "ServerIdentityResponse"
    )
    from_xml = decode_document(
        as_xml.content, as_xml.headers["Content-Type"], envelope, ()
    )
    from_json = decode_document(
        as_json.content, as_json.headers["Content-Type"], envelope, ()
    )
    assert from_xml == from_json


def test_identity_needs_no_token(server: FakePlexServer, spec: dict[str, Any]) -> None:
    body = get(server, "/identity", headers={"Accept": "application/json"}).json()
    assert body["MediaContainer"]["machineIdentifier"] == server.machine_identifier
    assert body["MediaContainer"]["claimed"] is True


CLIENT = {"X-Plex-Client-Identifier": "fake-server-tests"}


@pytest.mark.parametrize(("params", "headers", "status"), [
    ({"source": SOURCE}, CLIENT, 403),
    ({"source": SOURCE}, {**CLIENT, "X-Plex-Token": "wrong"}, 403),
    ({"source": SOURCE, "X-Plex-Token": TOKEN}, CLIENT, 200),  # the server takes it from the query too
    ({"source": SOURCE}, {"X-Plex-Token": TOKEN}, 400),  # the spec requires a client identifier
    ({"source": SOURCE}, {**REQUIRED, "X-Plex-Client-Identifier": ""}, 400),
    ({"source": SOURCE}, {**REQUIRED, "accepts": "text/plain"}, 400),
    ({}, REQUIRED, 400),
    ({"source": "nonsense"}, REQUIRED, 400),
    ({"source": SOURCE, "refresh": "2"}, REQUIRED, 400),
    ({"source": "server://0000000000000000000000000000000000000000"}, REQUIRED, 404),
])  # fmt: skip
def test_resources_statuses(
    server: FakePlexServer,
    spec: dict[str, Any],
    params: dict[str, str],
    headers: dict[str, str],
    status: int,
) -> None:
    response = get(server, "/security/resources", params=params, headers=headers)
    assert response.status_code == status
    if status != 200:
        assert response.headers["Content-Type"] == "text/html"
        documented = spec["paths"]["/security/resources"]["get"]["responses"][
            str(status)
        ]
        assert response.text == documented["content"]["text/html"]["example"]


def test_unknown_path_is_404(server: FakePlexServer) -> None:
    assert get(server, "/library/sections").status_code == 404


def test_recorded_requests_mask_the_token(server: FakePlexServer) -> None:
    get(server, "/security/resources", params={"source": SOURCE, "X-Plex-Token": TOKEN},
        headers=REQUIRED)  # fmt: skip
    (recorded,) = server.requests
    assert recorded.headers["X-Plex-Token"] == "***"
    assert "X-Plex-Token" not in recorded.query
    assert TOKEN not in repr(server.requests)
    assert TOKEN not in repr(server)


def client(server: FakePlexServer, **options: Any) -> PlexClient:
    identity = ClientIdentity(client_identifier="fake-server-tests")
    return PlexClient(server.url, token=TOKEN, identity=identity, **options)


def test_faults_in_order_then_normal_answers(server: FakePlexServer) -> None:
    server.add_fault(Fault(status=503, retry_after="0"), Fault(status=502))
    with client(server) as plex:
        info = plex.get_source_connection_information(SOURCE)
    assert info.device.name == "PlexCorp (plex-corp)"
    assert len(server.requests) == 3


def test_fault_for_another_path_waits_its_turn(server: FakePlexServer) -> None:
    server.add_fault(Fault(status=500, path="/identity"))
    with client(server, retries=0) as plex:
        plex.get_source_connection_information(SOURCE)
    assert get(server, "/identity").status_code == 500


def test_dropped_connection(server: FakePlexServer) -> None:
    server.add_fault(Fault(drop=True))
    with (
        client(server, retries=0) as plex,
        pytest.raises(PlexConnectionError) as caught,
    ):
        plex.get_source_connection_information(SOURCE)
    assert "RemoteProtocolError" in str(caught.value)


def test_truncated_answer(server: FakePlexServer) -> None:
    server.add_fault(Fault(truncate=True))
    with (
        client(server, retries=0) as plex,
        pytest.raises(PlexConnectionError) as caught,
    ):
        plex.get_source_connection_information(SOURCE)
    assert "RemoteProtocolError" in str(caught.value)


def test_delay_meets_the_client_timeout(server: FakePlexServer) -> None:
    server.add_fault(Fault(delay=0.5))
    with (
        client(server, retries=0, timeout=0.1) as plex,
        pytest.raises(PlexConnectionError),
    ):
        plex.get_source_connection_information(SOURCE)


def test_server_errors_end_the_retry_budget(server: FakePlexServer) -> None:
    server.add_fault(*[Fault(status=503)] * 3)
    with client(server) as plex, pytest.raises(ServerError):
        plex.get_source_connection_information(SOURCE)
    assert len(server.requests) == 3


def test_end_to_end_json_and_xml_give_equal_models(server: FakePlexServer) -> None:
    with client(server) as as_json, client(server, response_format="xml") as as_xml:
        assert as_json.get_source_connection_information(SOURCE) == (
            as_xml.get_source_connection_information(SOURCE)
        )
    formats = [r.headers["Accept"] for r in server.requests]
    assert formats == ["application/json", "application/xml"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "HEAD", "TRACE", "QUERY"])
def test_undocumented_methods_are_405(server: FakePlexServer, method: str) -> None:
    response = httpx.request(method, server.url + "/identity", timeout=5)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET"
