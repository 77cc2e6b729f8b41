"""select_connection and connect against real loopback servers: the network is the subject here."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import trustme

from plex_resources import (
    AsyncPlexClient,
    ClientIdentity,
    Device,
    InvalidConfigError,
    NoReachableConnectionError,
    PlexClient,
    SelectedConnection,
)
from plex_resources._probe import judge_answer
from plex_resources.connections import Candidate
from plex_resources.testing import FakePlexServer, Fault, SilentServer, refused_port
from plex_resources_api.models import Connection

MID = "243b471948ace337a8f92f129ec97d1902fcb1df"
TOKEN = "probe-canary-token-51c"
IDENTITY = ClientIdentity(client_identifier="probe-tests", product="tests")

Select = Callable[..., SelectedConnection]


def http(port: int, *, local: bool = True, relay: bool = False) -> Connection:
    connection = Connection(
        protocol="http", address="127.0.0.1", port=port, uri=f"http://127.0.0.1:{port}",
        local=local,
    )  # fmt: skip
    if relay:
        connection.relay = True
    return connection


def device(*connections: Connection) -> Device:
    return Device(name="Server", client_identifier=MID, access_token="transient-x",
                  connection=list(connections))  # fmt: skip


@pytest.fixture(params=["sync", "async"])
def select(request: pytest.FixtureRequest) -> Select:
    """select_connection through PlexClient, then (second param) AsyncPlexClient."""

    def run(dev: Device, **options: Any) -> SelectedConnection:
        settings = {"token": TOKEN, "identity": IDENTITY, **options.pop("client", {})}
        if request.param == "sync":
            with PlexClient("http://127.0.0.1:9", **settings) as plex:
                return plex.select_connection(dev, **options)

        async def go() -> SelectedConnection:
            async with AsyncPlexClient("http://127.0.0.1:9", **settings) as plex:
                result = await plex.select_connection(dev, **options)
            # Nothing outlives the selection: no probe task is left running.
            assert asyncio.all_tasks() == {asyncio.current_task()}
            return result

        return asyncio.run(go())

    return run


@pytest.fixture
def servers() -> Iterator[Callable[..., FakePlexServer]]:
    """Start FakePlexServers on free loopback ports; all are stopped after the test."""
    with contextlib.ExitStack() as stack:

        def start(**options: Any) -> FakePlexServer:
            options.setdefault("machine_identifier", MID)
            return stack.enter_context(FakePlexServer(**options))

        yield start


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    with SilentServer() as server:
        yield server


def statuses(result: SelectedConnection | NoReachableConnectionError) -> list[str]:
    return [p.status for p in result.probes]


def test_best_ranked_passing_candidate_wins(
    select: Select, servers: Callable[..., FakePlexServer], silent: SilentServer
) -> None:
    right, wrong = servers(), servers(machine_identifier="f" * 40)
    dev = device(
        http(right.port, local=False), http(wrong.port), http(silent.port, local=False),
        http(refused_port()),
    )  # fmt: skip
    started = time.perf_counter()
    chosen = select(dev, timeout=5)
    assert (
        time.perf_counter() - started < 1.0
    )  # the silent one is ranked lower: not awaited
    assert chosen.url == right.url
    assert chosen.connection is dev.connection[0]
    assert chosen.device is dev
    assert 0 < chosen.latency < 1.0
    assert statuses(chosen) == ["wrong server", "refused", "ok", "not needed"]
    assert "answered as server 'ffff" in chosen.probes[0].detail


def test_one_good_local_and_nine_silent_does_not_wait(
    select: Select, servers: Callable[..., FakePlexServer]
) -> None:
    right = servers()
    with contextlib.ExitStack() as stack:
        silent = [stack.enter_context(SilentServer()) for _ in range(9)]
        # The server lists the silent ones first; the ranking still tries the local one first.
        dev = device(*[http(s.port, local=False) for s in silent], http(right.port))
        started = time.perf_counter()
        chosen = select(dev, timeout=30)
        elapsed = time.perf_counter() - started
    assert elapsed < 1.0
    assert chosen.url == right.url
    assert statuses(chosen) == ["ok"] + ["not needed"] * 9


def test_silent_candidate_ranked_first_costs_the_timeout_and_no_more(
    select: Select, servers: Callable[..., FakePlexServer], silent: SilentServer
) -> None:
    right = servers()
    dev = device(http(silent.port), http(right.port, local=False))
    started = time.perf_counter()
    chosen = select(dev, timeout=0.5)
    elapsed = time.perf_counter() - started
    assert 0.45 < elapsed < 1.2
    assert chosen.url == right.url
    assert statuses(chosen) == ["timed out", "ok"]


def test_slow_better_ranked_candidate_is_waited_for(
    select: Select, servers: Callable[..., FakePlexServer]
) -> None:
    slow, fast = servers(), servers()
    slow.add_fault(Fault(delay=0.3, path="/identity"))
    chosen = select(device(http(slow.port), http(fast.port, local=False)), timeout=5)
    assert chosen.url == slow.url
    assert chosen.latency >= 0.3


def test_nothing_reachable_lists_every_failure(
    select: Select, servers: Callable[..., FakePlexServer], silent: SilentServer
) -> None:
    wrong, failing = servers(machine_identifier="f" * 40), servers()
    failing.add_fault(Fault(status=503, path="/identity"))
    dev = device(
        http(wrong.port), http(refused_port()), http(failing.port), http(silent.port)
    )
    with pytest.raises(NoReachableConnectionError) as caught:
        select(dev, timeout=0.5)
    assert statuses(caught.value) == [
        "wrong server",
        "refused",
        "http status",
        "timed out",
    ]
    message = str(caught.value)
    assert message.startswith(f"no connection reached 'Server' as server '{MID}':")
    assert "answered HTTP 503 Service Unavailable" in message
    assert "no answer within the 0.5 s selection timeout" in message
    assert len(message.splitlines()) == 5


def test_probes_send_identity_headers_and_never_the_token(
    select: Select, servers: Callable[..., FakePlexServer]
) -> None:
    right = servers()
    select(device(http(right.port)), timeout=5)
    (probe,) = right.requests
    assert probe.path == "/identity"
    assert probe.headers["X-Plex-Client-Identifier"] == "probe-tests"
    assert probe.headers["X-Plex-Product"] == "tests"
    assert probe.headers["Accept"] == "application/json"
    assert "X-Plex-Token" not in probe.headers
    assert "X-Plex-Token" not in probe.query


@pytest.fixture(scope="module")
def tls_ca() -> trustme.CA:
    return trustme.CA()


def https_server(
    servers: Callable[..., FakePlexServer], ca: trustme.CA
) -> tuple[FakePlexServer, Connection]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = servers(ssl_context=context)
    connection = Connection(protocol="https", address="127.0.0.1", port=server.port,
                            uri=server.url, local=True)  # fmt: skip
    return server, connection


def test_untrusted_certificate_is_a_tls_failure(
    select: Select, servers: Callable[..., FakePlexServer], tls_ca: trustme.CA
) -> None:
    _, connection = https_server(servers, tls_ca)
    with pytest.raises(NoReachableConnectionError) as caught:
        select(device(connection), timeout=5)
    assert statuses(caught.value) == ["tls"]
    assert "CERTIFICATE_VERIFY_FAILED" in caught.value.probes[0].detail


def test_trusted_certificate_passes_with_verification_on(
    select: Select, servers: Callable[..., FakePlexServer], tls_ca: trustme.CA
) -> None:
    server, connection = https_server(servers, tls_ca)
    trusting = ssl.create_default_context()
    tls_ca.configure_trust(trusting)
    chosen = select(device(connection), timeout=5, client={"verify": trusting})
    assert chosen.url == server.url.rstrip("/")


def test_connect_resolves_then_selects(servers: Callable[..., FakePlexServer]) -> None:
    right = servers()
    dev = device(http(right.port))
    main = servers(token=TOKEN, devices={f"server://{MID}": dev})
    with PlexClient(
        main.url, token=TOKEN, identity=IDENTITY, response_format="xml"
    ) as plex:
        chosen = plex.connect(f"server://{MID}")
    assert chosen.url == right.url
    assert chosen.device.access_token == "transient-x"

    async def go() -> SelectedConnection:
        async with AsyncPlexClient(main.url, token=TOKEN, identity=IDENTITY) as plex:
            return await plex.connect(f"server://{MID}", refresh=True)

    assert asyncio.run(go()).url == right.url
    assert main.requests[-1].query["refresh"] == ["1"]


def test_no_usable_candidates(select: Select) -> None:
    relay_only = device(http(9, relay=True))
    with pytest.raises(NoReachableConnectionError, match="lists no connection"):
        select(relay_only, allow_relay=False)


@pytest.mark.parametrize("timeout", [0, -1, None, "5"])
def test_bad_selection_timeout(select: Select, timeout: object) -> None:
    with pytest.raises(InvalidConfigError, match="selection timeout"):
        select(device(http(9)), timeout=timeout)


@pytest.mark.parametrize(("status", "body", "content_type", "expected"), [
    (200, b"<html>router login</html>", "text/html", "bad answer"),
    (200, b'{"MediaContainer": {}}', "application/json", "bad answer"),
    (401, b"", "text/html", "http status"),
    (200, b'<MediaContainer machineIdentifier="' + MID.encode() + b'"/>', "application/xml", "ok"),
])  # fmt: skip
def test_judging_answers(
    status: int, body: bytes, content_type: str, expected: str
) -> None:
    candidate = Candidate(1, "local", "http://127.0.0.1:1", http(1))
    response = httpx.Response(status, headers={"Content-Type": content_type})
    assert judge_answer(candidate, response, body, 0.01, MID).status == expected


def test_abandoned_probes_do_not_starve_later_selections(
    servers: Callable[..., FakePlexServer],
) -> None:
    """15 selections on one client leave 135 probes hung on silent servers; none slows the next.

    (They once shared the client's pool of 100 connections, and the 12th selection waited
    for its whole timeout.)
    """
    right = servers()
    with contextlib.ExitStack() as stack:
        silent = [stack.enter_context(SilentServer()) for _ in range(9)]
        dev = device(http(right.port), *[http(s.port, local=False) for s in silent])
        plex = stack.enter_context(
            PlexClient(right.url, token=TOKEN, identity=IDENTITY)
        )
        durations = []
        for _ in range(15):
            started = time.perf_counter()
            assert plex.select_connection(dev, timeout=30).url == right.url
            durations.append(time.perf_counter() - started)

        async def async_durations() -> list[float]:
            measured = []
            async with AsyncPlexClient(
                right.url, token=TOKEN, identity=IDENTITY
            ) as aplex:
                for _ in range(15):
                    started = time.perf_counter()
                    assert (
                        await aplex.select_connection(dev, timeout=30)
                    ).url == right.url
                    measured.append(time.perf_counter() - started)
            return measured

        durations += asyncio.run(async_durations())
    assert max(durations) < 1.0
