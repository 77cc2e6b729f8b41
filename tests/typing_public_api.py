"""Checked by mypy --strict only (never run): how the public API types for a user."""

from __future__ import annotations

from typing import assert_type

from plex_resources import (
    AsyncPlexClient,
    ClientIdentity,
    Connection,
    Device,
    PlexClient,
    SourceConnectionInformation,
)
from plex_resources_api.types import Unset


def sync_use(token: str) -> None:
    identity = ClientIdentity(
        client_identifier="abc123", product="My App", version="1.0"
    )
    with PlexClient("http://127.0.0.1:32400", token=token, identity=identity) as plex:
        info = plex.get_source_connection_information("server://243b4719", refresh=True)
        assert_type(info, SourceConnectionInformation)
        assert_type(info.device, Device)
        assert_type(info.device.name, str)
        assert_type(info.device.connection[0], Connection)
        assert_type(info.device.connection[0].uri, str)
        assert_type(info.device.connection[0].port, int)
        assert_type(info.device.connection[0].local, bool)
        assert_type(info.device.connection[0].relay, bool | Unset)
        assert_type(info.device.access_token, str)


async def async_use(token: str) -> None:
    identity = ClientIdentity(client_identifier="abc123")
    async with AsyncPlexClient(
        "http://127.0.0.1:32400", token=token, identity=identity
    ) as plex:
        info = await plex.get_source_connection_information("server://243b4719")
        assert_type(info, SourceConnectionInformation)
