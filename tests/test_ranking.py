"""rank_connections: Plex's order (local > remote > relay, https > http), stable, filterable."""

from __future__ import annotations

import pytest

from plex_resources import Device, rank_connections
from plex_resources.connections import candidate_url, connection_kind
from plex_resources_api.models import Connection


def conn(
    name: str, *, protocol: str = "https", local: bool = False, relay: bool = False
) -> Connection:
    """A connection whose address is its name, so rankings read as lists of names."""
    connection = Connection(
        protocol=protocol, address=name, port=32400,
        uri=f"https://{name}.hash.plex.direct:32400", local=local,
    )  # fmt: skip
    if relay:
        connection.relay = True
    return connection


def device(*connections: Connection) -> Device:
    return Device(
        name="d", client_identifier="c", access_token="t", connection=list(connections)
    )


def names(dev: Device, **options: bool) -> list[str]:
    return [c.connection.address for c in rank_connections(dev, **options)]


RANKINGS = {
    "reference example order": (
        [conn("relay", relay=True), conn("remote"), conn("local", local=True)],
        ["local", "remote", "relay"],
    ),
    "https before http within a kind": (
        [conn("lan-http", protocol="http", local=True), conn("lan-https", local=True)],
        ["lan-https", "lan-http"],
    ),
    "kind outranks scheme": (
        [conn("wan-https"), conn("lan-http", protocol="http", local=True)],
        ["lan-http", "wan-https"],
    ),
    "ties keep the server's order": (
        [conn("b", local=True), conn("a", local=True), conn("c", local=True)],
        ["b", "a", "c"],
    ),
    "relay last even when local": (
        [conn("relay-local", local=True, relay=True), conn("remote")],
        ["remote", "relay-local"],
    ),
    "unknown protocols are skipped": (
        [conn("ws", protocol="ws", local=True), conn("ok")],
        ["ok"],
    ),
    "no connections": ([], []),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(RANKINGS))
def test_ranking(case: str) -> None:
    connections, expected = RANKINGS[case]
    assert names(device(*connections)) == expected


def test_ranks_and_kinds() -> None:
    ranked = rank_connections(
        device(conn("r", relay=True), conn("w"), conn("l", local=True))
    )
    assert [(c.rank, c.kind) for c in ranked] == [
        (1, "local"),
        (2, "remote"),
        (3, "relay"),
    ]


def test_forbid_relay_and_http() -> None:
    dev = device(
        conn("lan-http", protocol="http", local=True),
        conn("wan"),
        conn("relay", relay=True),
    )
    assert names(dev, allow_relay=False) == ["lan-http", "wan"]
    assert names(dev, allow_http=False) == ["wan", "relay"]
    assert names(dev, allow_relay=False, allow_http=False) == ["wan"]


def test_urls_https_uses_uri_http_uses_address_and_port() -> None:
    https = conn("10.0.0.2")
    assert candidate_url(https) == "https://10.0.0.2.hash.plex.direct:32400"
    http = Connection(
        protocol="http", address="10.0.0.2", port=32401, uri="ignored", local=True
    )
    assert candidate_url(http) == "http://10.0.0.2:32401"
    ipv6 = Connection(
        protocol="HTTP", address="fe80::1", port=32400, uri="x", local=True
    )
    assert candidate_url(ipv6) == "http://[fe80::1]:32400"


def test_duplicate_urls_are_kept_once_at_the_better_rank() -> None:
    first = conn("same", local=True)
    again = conn("same")
    assert [c.kind for c in rank_connections(device(again, first))] == ["local"]


def test_kinds() -> None:
    assert connection_kind(conn("x", local=True)) == "local"
    assert connection_kind(conn("x")) == "remote"
    assert connection_kind(conn("x", local=True, relay=True)) == "relay"


def test_ranking_is_pure() -> None:
    dev = device(conn("b"), conn("a", local=True))
    before = dev.to_dict()
    rank_connections(dev)
    assert dev.to_dict() == before
