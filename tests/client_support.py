"""Helpers for the client tests: one way to drive PlexClient and AsyncPlexClient alike."""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from plex_resources import (
    AsyncPlexClient,
    ClientIdentity,
    PlexClient,
    SourceConnectionInformation,
)

BASE_URL = "http://127.0.0.1:32400"
TOKEN = "canary-token-7f3a9c"
SOURCE = "server://243b471948ace337a8f92f129ec97d1902fcb1df"
RESOURCES_URL = f"{BASE_URL}/security/resources?source=server%3A%2F%2F243b471948ace337a8f92f129ec97d1902fcb1df"
IDENTITY = ClientIdentity(
    client_identifier="abc123", product="Plex for Roku", version="2.4.1"
)


class Fetch(Protocol):
    """Call get_source_connection_information through a freshly built client."""

    def __call__(
        self, source: str = SOURCE, *, refresh: bool = False, **settings: Any
    ) -> SourceConnectionInformation: ...


def make_fetch(kind: str) -> Fetch:
    """A Fetch that uses PlexClient ('sync') or AsyncPlexClient ('async')."""

    def fetch(
        source: str = SOURCE, *, refresh: bool = False, **settings: Any
    ) -> SourceConnectionInformation:
        options: dict[str, Any] = {"token": TOKEN, "identity": IDENTITY, **settings}
        base_url = options.pop("base_url", BASE_URL)
        if kind == "sync":
            with PlexClient(base_url, **options) as client:
                return client.get_source_connection_information(source, refresh=refresh)

        async def run() -> SourceConnectionInformation:
            async with AsyncPlexClient(base_url, **options) as client:
                return await client.get_source_connection_information(
                    source, refresh=refresh
                )

        return asyncio.run(run())

    return fetch


class SleepRecorder:
    """Stands in for the clients' sleeps: records each wait instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
