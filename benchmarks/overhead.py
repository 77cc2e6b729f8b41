"""Benchmarks 1-3: what the SDK adds to one call, on an httpx.MockTransport (no network)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import httpx
from measure import Comparison, compare, compare_async
from rows import (
    BASE_URL,
    IDENTITY,
    SOURCE,
    TOKEN,
    Row,
    as_json,
    as_xml,
    reference_answer,
)

from plex_resources import AsyncPlexClient, PlexClient

CALLS = 2000


def transport(body: bytes, content_type: str) -> httpx.MockTransport:
    headers = {"Content-Type": content_type}
    return httpx.MockTransport(
        lambda request: httpx.Response(200, content=body, headers=headers)
    )


def raw_headers() -> dict[str, str]:
    """What the SDK sends, so the raw baseline does the same work on the wire."""
    return {
        "X-Plex-Token": TOKEN,
        "X-Plex-Client-Identifier": IDENTITY.client_identifier,
        "X-Plex-Product": str(IDENTITY.product),
        "Accept": "application/json",
        "accepts": "application/json",
    }


def row(number: str, name: str, result: Comparison, target: float, what: str) -> Row:
    figure = (
        f"{result.candidate * 1e6:.0f} us vs {result.baseline * 1e6:.0f} us ({what})"
    )
    return Row(
        number, name, figure, result.ratio, f"<= {target}x", result.ratio <= target
    )


def sync_overhead() -> Row:
    body = as_json(reference_answer())
    url, params, headers = (
        f"{BASE_URL}/security/resources",
        {"source": SOURCE},
        raw_headers(),
    )
    with (
        httpx.Client(transport=transport(body, "application/json")) as raw,
        PlexClient(
            BASE_URL, token=TOKEN, identity=IDENTITY,
            http_client=httpx.Client(transport=transport(body, "application/json")),
        ) as plex,
    ):  # fmt: skip
        result = compare(
            lambda: json.loads(raw.get(url, params=params, headers=headers).content),
            lambda: plex.get_source_connection_information(SOURCE),
            calls=CALLS,
        )
    return row(
        "1",
        "per call, sync JSON: PlexClient vs httpx.Client.get + json.loads",
        result,
        1.25,
        "per call",
    )


def async_overhead() -> Row:
    body = as_json(reference_answer())
    url, params, headers = (
        f"{BASE_URL}/security/resources",
        {"source": SOURCE},
        raw_headers(),
    )
    raw = httpx.AsyncClient(transport=transport(body, "application/json"))
    plex = AsyncPlexClient(
        BASE_URL, token=TOKEN, identity=IDENTITY,
        http_client=httpx.AsyncClient(transport=transport(body, "application/json")),
    )  # fmt: skip

    async def raw_call() -> object:
        return json.loads((await raw.get(url, params=params, headers=headers)).content)

    result = compare_async(
        raw_call, lambda: plex.get_source_connection_information(SOURCE), calls=CALLS
    )

    async def close() -> None:
        await raw.aclose()
        await plex.aclose()

    asyncio.run(close())
    return row(
        "2",
        "per call, async JSON: AsyncPlexClient vs httpx.AsyncClient + json.loads",
        result,
        1.25,
        "per call",
    )


def xml_vs_json() -> Row:
    answer = reference_answer()

    def client(body: bytes, content_type: str) -> PlexClient:
        http = httpx.Client(transport=transport(body, content_type))
        return PlexClient(BASE_URL, token=TOKEN, identity=IDENTITY, http_client=http)

    with (
        client(as_json(answer), "application/json") as json_client,
        client(as_xml(answer), "application/xml") as xml_client,
    ):
        result = compare(
            lambda: json_client.get_source_connection_information(SOURCE),
            lambda: xml_client.get_source_connection_information(SOURCE),
            calls=CALLS,
        )
    return row(
        "3", "XML answer vs JSON answer through PlexClient", result, 1.5, "per call"
    )


BENCHMARKS: list[Callable[[], Row]] = [sync_overhead, async_overhead, xml_vs_json]
