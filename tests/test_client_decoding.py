"""Answers decode by their Content-Type; the JSON and XML forms of one answer give equal models."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from pytest_httpx import HTTPXMock

from plex_resources import PlexResponseError
from plex_resources._decode import decode_source_connection_information
from plex_resources_api.types import UNSET

from .client_support import Fetch

JSON = "application/json"
XML = "application/xml"


def decode(body: str | bytes, content_type: str = JSON) -> Any:
    raw = body.encode() if isinstance(body, str) else body
    return decode_source_connection_information(raw, content_type)


def test_reference_examples_decode_to_equal_models(
    json_example: dict[str, Any], xml_example: str
) -> None:

    from_json = decode(json.dumps(json_example))
    from_xml = decode(xml_example, XML)
    assert from_json == from_xml
    assert from_json.to_dict() == json_example["MediaContainer"]
    assert [c.relay for c in from_xml.device.connection] == [UNSET, UNSET, True]
    assert [c.local for c in from_xml.device.connection] == [True, False, False]
    assert [c.port for c in from_xml.device.connection] == [32400, 32403, 8443]


def test_the_client_decodes_whatever_format_the_server_chose(
    fetch: Fetch, httpx_mock: HTTPXMock, json_example: dict[str, Any], xml_example: str
) -> None:
    """Asked for JSON, answered XML (an old server or a proxy): decoded by Content-Type."""
    httpx_mock.add_response(
        text=xml_example, headers={"Content-Type": "text/xml;charset=utf-8"}
    )
    info = fetch(response_format="json")
    assert info.to_dict() == json_example["MediaContainer"]


# Each variant: (JSON container, the same container as XML).
VARIANTS = {
    "no optional fields": (
        {"Device": {"name": "n", "clientIdentifier": "c", "accessToken": "t", "Connection": []}},
        '<MediaContainer><Device name="n" clientIdentifier="c" accessToken="t"/></MediaContainer>',
    ),
    "all container fields": (
        {"identifier": "com.plexapp.system", "offset": 0, "size": 1, "totalSize": 1,
         "Device": {"name": "n", "clientIdentifier": "c", "accessToken": "t", "Connection": []}},
        '<MediaContainer identifier="com.plexapp.system" offset="0" size="1" totalSize="1">'
        '<Device name="n" clientIdentifier="c" accessToken="t"></Device></MediaContainer>',
    ),
    "relay false and true, extra attributes": (
        {"Device": {"name": "n", "clientIdentifier": "c", "accessToken": "t", "product": "Plex Media Server",
         "Connection": [
             {"protocol": "http", "address": "10.0.0.2", "port": 32400, "uri": "http://10.0.0.2:32400",
              "local": True, "relay": False, "IPv6": "0"},
             {"protocol": "https", "address": "fe80::1", "port": 8443, "uri": "https://x.plex.direct:8443",
              "local": False, "relay": True, "IPv6": "1"}]}},
        '<MediaContainer><Device name="n" clientIdentifier="c" accessToken="t" product="Plex Media Server">'
        '<Connection protocol="http" address="10.0.0.2" port="32400" uri="http://10.0.0.2:32400" local="1" relay="0" IPv6="0"/>'
        '<Connection protocol="https" address="fe80::1" port="8443" uri="https://x.plex.direct:8443" local="0" relay="1" IPv6="1"/>'
        "</Device></MediaContainer>",
    ),
    "unknown child elements": (
        {"Device": {"name": "n", "clientIdentifier": "c", "accessToken": "t", "Connection": [],
                    "Feature": [{"key": "sync"}, {"key": "webhooks"}]}},
        '<MediaContainer><Device name="n" clientIdentifier="c" accessToken="t">'
        '<Feature key="sync"/><Feature key="webhooks"/></Device></MediaContainer>',
    ),
}  # fmt: skip


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variants_decode_alike_from_json_and_xml(variant: str) -> None:

    container, xml = VARIANTS[variant]
    from_json = decode(json.dumps({"MediaContainer": container}))
    from_xml = decode(xml, XML)
    assert from_json == from_xml
    assert from_json.to_dict() == container


def test_unknown_fields_are_kept(json_example: dict[str, Any]) -> None:

    body = copy.deepcopy(json_example)
    body["MediaContainer"]["Device"]["Connection"][0]["IPv6"] = False
    body["MediaContainer"]["allowSync"] = "1"
    info = decode(json.dumps(body))
    assert info.device.connection[0]["IPv6"] is False
    assert info["allowSync"] == "1"


@pytest.mark.parametrize(("wire", "expected"), [
    (True, True), (False, False), (1, True), (0, False), ("1", True), ("0", False),
    ("true", True), ("false", False), ("True", True), ("FALSE", False),
])  # fmt: skip
def test_lenient_booleans(
    json_example: dict[str, Any], wire: object, expected: bool
) -> None:

    body = copy.deepcopy(json_example)
    body["MediaContainer"]["Device"]["Connection"][0]["local"] = wire
    assert decode(json.dumps(body)).device.connection[0].local is expected


def test_integers_as_digit_strings_and_numbers_as_strings(
    json_example: dict[str, Any],
) -> None:

    body = copy.deepcopy(json_example)
    body["MediaContainer"]["Device"]["Connection"][0]["port"] = "32400"
    body["MediaContainer"]["Device"]["name"] = 42
    info = decode(json.dumps(body))
    assert info.device.connection[0].port == 32400
    assert info.device.name == "42"


def test_null_optional_field_is_absent(json_example: dict[str, Any]) -> None:

    body = copy.deepcopy(json_example)
    body["MediaContainer"]["Device"]["Connection"][0]["relay"] = None
    assert decode(json.dumps(body)).device.connection[0].relay is UNSET


def test_a_later_item_is_still_checked_and_converted(
    json_example: dict[str, Any],
) -> None:
    """Items after well-formed ones get the same checks (the list fast path hands over)."""
    body = copy.deepcopy(json_example)
    connections = body["MediaContainer"]["Device"]["Connection"]
    connections[1]["port"] = "32403"
    connections[2]["local"] = "0"
    info = decode(json.dumps(body))
    assert [c.port for c in info.device.connection] == [32400, 32403, 8443]
    assert info.device.connection[2].local is False
    connections[2]["port"] = "x"
    with pytest.raises(
        PlexResponseError,
        match=r"Device\.Connection\[2\]\.port: expected an integer, got 'x'",
    ):
        decode(json.dumps(body))
