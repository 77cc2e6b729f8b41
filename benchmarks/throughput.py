"""Benchmark 6: 1,000 concurrent calls against a fake Plex server on loopback.

The server runs in its own process (`plex-resources fake-server`), so that the client's time
is the client's. Throughput ratio = baseline time / SDK time (higher is better).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import httpx
from rows import IDENTITY, Row

from plex_resources import AsyncPlexClient

CALLS = 1000
TOKEN = "throughput-token"


@contextlib.contextmanager
def fake_server_process() -> Iterator[tuple[str, str]]:
    command = [
        sys.executable,
        "-m",
        "plex_resources",
        "fake-server",
        "--port",
        "0",
        "--token",
        TOKEN,
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603
    try:
        first = process.stdout.readline() if process.stdout else ""
        found = re.match(r"fake Plex Media Server at (\S+)  \(source: (\S+)\)", first)
        if found is None:
            raise RuntimeError("the fake server did not start")
        yield found.group(1), found.group(2)
    finally:
        process.terminate()
        process.wait(timeout=10)


async def _sdk(url: str, source: str) -> float:
    async with AsyncPlexClient(url, token=TOKEN, identity=IDENTITY) as plex:
        started = time.perf_counter()
        await asyncio.gather(
            *[plex.get_source_connection_information(source) for _ in range(CALLS)]
        )
        return time.perf_counter() - started


async def _raw(url: str, source: str, gate: int | None) -> float:
    headers = {
        "X-Plex-Token": TOKEN,
        "X-Plex-Client-Identifier": "bench",
        "Accept": "application/json",
    }
    limits = httpx.Limits(
        max_connections=gate or 100, max_keepalive_connections=gate or 20
    )
    semaphore = asyncio.Semaphore(gate or CALLS)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:

        async def one() -> object:
            async with semaphore:
                response = await client.get(
                    f"{url}/security/resources",
                    params={"source": source},
                    headers=headers,
                )
                return json.loads(response.content)

        started = time.perf_counter()
        await asyncio.gather(*[one() for _ in range(CALLS)])
        return time.perf_counter() - started


def throughput() -> list[Row]:
    with fake_server_process() as (url, source):
        asyncio.run(_sdk(url, source))  # warm up the server
        sdk = asyncio.run(_sdk(url, source))
        naive = asyncio.run(_raw(url, source, None))
        gated = asyncio.run(_raw(url, source, 10))
    rows = []
    for number, label, base in (
        ("6", "1,000 concurrent calls: AsyncPlexClient vs httpx.AsyncClient gathering them all", naive),
        ("6b", "the same vs httpx.AsyncClient let through 10 at a time, as the SDK does", gated),
    ):  # fmt: skip
        ratio = base / sdk
        rows.append(
            Row(
                number,
                label,
                f"{CALLS / sdk:.0f}/s vs {CALLS / base:.0f}/s",
                ratio,
                ">= 0.8x",
                ratio >= 0.8,
            )
        )
    return rows


BENCHMARKS: list[Callable[[], list[Row]]] = [throughput]
