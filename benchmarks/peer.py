"""Benchmark 8: the peer SDK plex-api-client, where it installs, on the same mock transport.

It needs httpx 0.29, which this package's range excludes, so it gets its own virtual
environment (.venv-peer), built on first use from the pinned version below.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import venv
from collections.abc import Callable
from pathlib import Path

import httpx
from measure import best
from rows import BASE_URL, IDENTITY, ROOT, SOURCE, TOKEN, Row, as_json, reference_answer

from plex_resources import PlexClient

PEER = "plex-api-client==0.36.3"
PEER_VENV = ROOT / ".venv-peer"
CALLS = 2000


def _peer_python() -> Path | None:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        venv.create(PEER_VENV, with_pip=True)
        install = [str(python), "-m", "pip", "install", "--quiet", PEER]
        if subprocess.run(install, check=False).returncode != 0:  # noqa: S603
            return None
    return python


def peer() -> Row:
    body = as_json(reference_answer())
    python = _peer_python()
    name = f"per call vs the peer SDK {PEER} (reported only)"
    if python is None:
        return Row("8", name, f"{PEER} could not be installed here", None, "", None)
    with tempfile.NamedTemporaryFile(suffix=".json") as answer:
        Path(answer.name).write_bytes(body)
        script = Path(__file__).with_name("peer_call.py")
        out = subprocess.run(  # noqa: S603
            [str(python), str(script), answer.name, str(CALLS)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
    theirs = float(json.loads(out)["seconds_per_call"])
    headers = {"Content-Type": "application/json"}
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=body, headers=headers)
    )
    with PlexClient(
        BASE_URL,
        token=TOKEN,
        identity=IDENTITY,
        http_client=httpx.Client(transport=transport),
    ) as plex:
        ours = best(
            lambda: plex.get_source_connection_information(SOURCE),
            calls=CALLS,
            rounds=9,
        )
    return Row(
        "8",
        name,
        f"{theirs * 1e6:.0f} us vs ours {ours * 1e6:.0f} us",
        theirs / ours,
        "",
        None,
    )


BENCHMARKS: list[Callable[[], Row]] = [peer]
