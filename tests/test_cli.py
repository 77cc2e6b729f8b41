"""The plex-resources command, run as a user runs it: a subprocess against loopback servers."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from plex_resources import ClientIdentity, Device, PlexClient
from plex_resources.testing import FakePlexServer, Fault, refused_port
from plex_resources_api.models import Connection

MID = "243b471948ace337a8f92f129ec97d1902fcb1df"
SOURCE = f"server://{MID}"
TOKEN = "cli-canary-token-90ab"
ACCESS = "transient-cli-canary-77"


def run(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PLEX_")}
    return subprocess.run(
        [sys.executable, "-m", "plex_resources", *args],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def assert_no_secret(result: subprocess.CompletedProcess[str]) -> None:
    for secret in (TOKEN, ACCESS):
        assert secret not in result.stdout
        assert secret not in result.stderr


@pytest.fixture
def world() -> Iterator[tuple[FakePlexServer, FakePlexServer]]:
    """The main server (which knows the source) and the source's right server."""
    with FakePlexServer(machine_identifier=MID) as right:
        device = Device(
            name="Den Server", client_identifier=MID, access_token=ACCESS,
            connection=[
                Connection(protocol="http", address="127.0.0.1", port=refused_port(),
                           uri="http://127.0.0.1", local=True),
                Connection(protocol="http", address="127.0.0.1", port=right.port,
                           uri=right.url, local=False),
            ],
        )  # fmt: skip
        with FakePlexServer(token=TOKEN, devices={SOURCE: device}) as main:
            yield main, right


def env_for(main: FakePlexServer) -> dict[str, str]:
    return {
        "PLEX_URL": main.url,
        "PLEX_TOKEN": TOKEN,
        "PLEX_CLIENT_IDENTIFIER": "cli-tests",
    }


def test_table(world: tuple[FakePlexServer, FakePlexServer]) -> None:
    main, right = world
    result = run("connections", SOURCE, env=env_for(main))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Den Server (server {MID})"
    assert lines[1].split() == ["rank", "kind", "protocol", "url"]
    assert lines[2].split()[:3] == ["1", "local", "http"]
    assert lines[3].split() == ["2", "remote", "http", right.url]
    assert result.stderr == ""
    assert_no_secret(result)
    assert main.requests[0].headers["X-Plex-Client-Identifier"] == "cli-tests"


def test_best_with_json(world: tuple[FakePlexServer, FakePlexServer]) -> None:
    main, right = world
    result = run("connections", SOURCE, "--best", "--json", "--xml", env=env_for(main))
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    assert document["device"] == {"name": "Den Server", "clientIdentifier": MID}
    assert [p["status"] for p in document["probes"]] == ["refused", "ok"]
    assert document["best"]["url"] == right.url
    assert document["best"]["latencyMs"] > 0
    assert main.requests[0].headers["Accept"] == "application/xml"
    assert_no_secret(result)


def test_best_table_marks_the_choice(
    world: tuple[FakePlexServer, FakePlexServer],
) -> None:
    main, right = world
    result = run("connections", SOURCE, "--best", "--refresh", env=env_for(main))
    assert result.returncode == 0, result.stderr
    assert "<- chosen" in result.stdout.splitlines()[3]
    assert result.stdout.splitlines()[-1].startswith(f"chosen: {right.url} (remote, ")
    assert main.requests[0].query["refresh"] == ["1"]


def test_flags_override_environment(
    world: tuple[FakePlexServer, FakePlexServer],
) -> None:
    main, _ = world
    env = {"PLEX_URL": "http://127.0.0.1:9", "PLEX_TOKEN": "wrong"}
    result = run("connections", SOURCE, "--url", main.url, "--token", TOKEN, "--client-id", "x",
                 env=env)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert main.requests[0].headers["X-Plex-Client-Identifier"] == "x"


@pytest.mark.parametrize(("args", "env_token", "code", "message"), [
    ([SOURCE], "wrong-token", 3, "answered 403 Forbidden"),
    (["server://0000000000000000000000000000000000000000"], TOKEN, 4, "answered 404 Not Found"),
    (["not-a-source"], TOKEN, 4, "is not of the form 'server://<machineIdentifier>'"),
    ([SOURCE], "", 2, "no token: pass --token or set PLEX_TOKEN"),
])  # fmt: skip
def test_failures_exit_with_their_code(
    world: tuple[FakePlexServer, FakePlexServer],
    args: list[str],
    env_token: str,
    code: int,
    message: str,
) -> None:
    main, _ = world
    env = {**env_for(main), "PLEX_TOKEN": env_token}
    result = run("connections", *args, env=env)
    assert result.returncode == code
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()  # one line, no traceback
    assert line.startswith("plex-resources: error: ")
    assert message in line
    assert_no_secret(result)


def test_unreachable_server_exits_5() -> None:
    env = {"PLEX_URL": f"http://127.0.0.1:{refused_port()}", "PLEX_TOKEN": TOKEN}
    result = run("connections", SOURCE, "--timeout", "0.5", env=env)
    assert result.returncode == 5
    assert "ConnectError" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_no_reachable_connection_exits_5(
    world: tuple[FakePlexServer, FakePlexServer],
) -> None:
    main, right = world
    right.add_fault(Fault(status=503, path="/identity"))
    result = run("connections", SOURCE, "--best", env=env_for(main))
    assert result.returncode == 5
    assert "(1 refused, 1 http status)" in result.stderr
    assert "http status" in result.stdout  # the probe table still shows what happened


def test_bad_response_exits_6(world: tuple[FakePlexServer, FakePlexServer]) -> None:
    main, _ = world
    main.add_fault(*[Fault(status=500)])
    result = run("connections", SOURCE, env=env_for(main))
    assert result.returncode == 6
    assert "answered 500 Internal Server Error" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("connections").returncode == 2
    assert run("connections", SOURCE, "--timeout", "-1").returncode == 2


def test_help_documents_exit_codes() -> None:
    result = run("connections", "--help")
    assert result.returncode == 0
    for code in (
        "3  auth refused",
        "4  not found",
        "5  unreachable",
        "6  bad response",
    ):
        assert code in result.stdout


def test_demo() -> None:
    result = run("demo")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "wrong server" in out
    assert "refused" in out
    assert "<- chosen" in out
    assert "not needed" in out
    assert "demo-token" not in out
    assert "transient-demo" not in out


def test_fake_server_command_serves_until_interrupted() -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PLEX_")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "plex_resources",
            "fake-server",
            "--port",
            "0",
            "--token",
            TOKEN,
        ],
        env=clean,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.match(
            r"fake Plex Media Server at (\S+)  \(source: (\S+)\)$", first.strip()
        )
        assert found is not None, first
        url, source = found.groups()
        with PlexClient(
            url, token=TOKEN, identity=ClientIdentity(client_identifier="t")
        ) as plex:
            chosen = plex.connect(source)
        assert chosen.url == url
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert TOKEN not in first + out + err
