"""Faults on a real loopback wire, and load: 1,000 concurrent calls through one AsyncPlexClient."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from plex_resources import (
    AsyncPlexClient,
    ClientIdentity,
    Device,
    PlexClient,
    PlexConnectionError,
    PlexError,
    PlexTimeoutError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    SourceConnectionInformation,
)
from plex_resources.testing import FakePlexServer, Fault, SilentServer, refused_port
from plex_resources_api.models import Connection

from .client_support import SleepRecorder

TOKEN = "load-canary-token-2f1"
MID = "243b471948ace337a8f92f129ec97d1902fcb1df"
SOURCE = f"server://{MID}"
IDENTITY = ClientIdentity(client_identifier="load-tests")


@pytest.fixture
def server() -> Iterator[FakePlexServer]:
    device = Device(name="Loaded", client_identifier=MID, access_token="transient-load",
                    connection=[Connection(protocol="http", address="127.0.0.1", port=32400,
                                           uri="http://127.0.0.1:32400", local=True)])  # fmt: skip
    with FakePlexServer(
        token=TOKEN, machine_identifier=MID, devices={SOURCE: device}
    ) as fake:
        yield fake


def client(url: str, **settings: object) -> PlexClient:
    return PlexClient(url, token=TOKEN, identity=IDENTITY, **settings)  # type: ignore[arg-type]


def test_connection_closed_mid_body_is_retried(server: FakePlexServer) -> None:
    server.add_fault(Fault(truncate=True))
    with client(server.url) as plex:
        assert plex.get_source_connection_information(SOURCE).device.name == "Loaded"
    assert len(server.requests) == 2


def test_connection_closed_mid_body_every_time(server: FakePlexServer) -> None:
    server.add_fault(*[Fault(truncate=True)] * 3)
    with client(server.url) as plex, pytest.raises(PlexConnectionError) as caught:
        plex.get_source_connection_information(SOURCE)
    assert "RemoteProtocolError" in str(caught.value)
    assert len(server.requests) == 3


@pytest.mark.parametrize("timeout", [0.2, 0.5])
def test_silent_server_timeout_is_honoured(timeout: float) -> None:
    with (
        SilentServer() as silent,
        client(silent.url, timeout=timeout, retries=0) as plex,
    ):
        started = time.perf_counter()
        with pytest.raises(PlexTimeoutError):
            plex.get_source_connection_information(SOURCE)
        elapsed = time.perf_counter() - started
    assert timeout <= elapsed < timeout + 0.4


def test_refused_connection_fails_fast() -> None:
    with client(f"http://127.0.0.1:{refused_port()}", retries=0) as plex:
        started = time.perf_counter()
        with pytest.raises(PlexConnectionError, match="ConnectError"):
            plex.get_source_connection_information(SOURCE)
    assert time.perf_counter() - started < 0.5


def test_429_storm_is_bounded_by_the_retry_budget(
    server: FakePlexServer, sleeps: SleepRecorder
) -> None:
    server.add_fault(*[Fault(status=429, retry_after="120")] * 50)
    policy = RetryPolicy(max_retries=4, max_retry_after=3)
    with (
        client(server.url, retries=policy) as plex,
        pytest.raises(RateLimitError) as caught,
    ):
        plex.get_source_connection_information(SOURCE)
    assert caught.value.retry_after == 120.0
    assert len(server.requests) == 5
    assert sleeps.waits == [3.0] * 4  # 12 s at most, however long the storm


def test_5xx_burst_then_recovery(server: FakePlexServer, sleeps: SleepRecorder) -> None:
    server.add_fault(Fault(status=502), Fault(status=504))
    with client(server.url) as plex:
        assert plex.get_source_connection_information(SOURCE).device.name == "Loaded"
    assert len(sleeps.waits) == 2


def test_5xx_burst_longer_than_the_budget(server: FakePlexServer) -> None:
    server.add_fault(*[Fault(status=503)] * 5)
    with client(server.url) as plex, pytest.raises(ServerError):
        plex.get_source_connection_information(SOURCE)
    assert len(server.requests) == 3


async def settle(server: FakePlexServer, seconds: float = 5.0) -> None:
    """Wait until the fake has seen every client connection close."""
    deadline = time.monotonic() + seconds
    while server.open_connections and time.monotonic() < deadline:
        await asyncio.sleep(0.01)


def run_load(server: FakePlexServer, calls: int, **settings: object) -> list[object]:
    async def go() -> list[object]:
        results: list[object]
        async with AsyncPlexClient(
            server.url,
            token=TOKEN,
            identity=IDENTITY,
            **settings,  # type: ignore[arg-type]
        ) as plex:
            jobs = [
                plex.get_source_connection_information(SOURCE) for _ in range(calls)
            ]
            # No call may hang: the whole batch has a hard ceiling.
            results = await asyncio.wait_for(
                asyncio.gather(*jobs, return_exceptions=True), timeout=60
            )
        await settle(server)
        assert asyncio.all_tasks() == {asyncio.current_task()}
        return results

    return asyncio.run(go())


def test_1000_concurrent_calls_all_succeed_on_bounded_connections(
    server: FakePlexServer,
) -> None:
    results = run_load(server, 1000)
    assert all(isinstance(r, SourceConnectionInformation) for r in results)
    assert len(server.requests) == 1000
    # The client lets max_concurrency (10) requests out at once, on as many connections.
    assert 1 < server.peak_connections <= 10
    assert server.open_connections == 0


def test_1000_concurrent_calls_with_10_percent_faults(server: FakePlexServer) -> None:
    faults = [Fault(status=503), Fault(status=500), Fault(drop=True), Fault(truncate=True),
              Fault(status=429, retry_after="1"), Fault(delay=1.0)] * 17  # fmt: skip
    server.add_fault(*faults[:100])
    results = run_load(server, 1000, timeout=0.5)
    failures = [r for r in results if not isinstance(r, SourceConnectionInformation)]
    assert all(isinstance(f, PlexError) for f in failures), {type(f) for f in failures}
    assert len(failures) < 100  # retries absorb most faults; 500s are not retried
    assert any(isinstance(f, ServerError) for f in failures)
    assert server.open_connections == 0
