"""Benchmark 7: choosing among one good local candidate and nine that never answer."""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable

from rows import IDENTITY, TOKEN, Row

from plex_resources import Device, PlexClient
from plex_resources.testing import FakePlexServer, SilentServer
from plex_resources_api.models import Connection

MACHINE = "243b471948ace337a8f92f129ec97d1902fcb1df"
PROBE_TIMEOUTS = (1.0, 5.0, 30.0)
RUNS = 15
MARGIN = 0.2


def selection() -> list[Row]:
    rows = []
    with contextlib.ExitStack() as stack:
        good = stack.enter_context(FakePlexServer(machine_identifier=MACHINE))
        silent = [stack.enter_context(SilentServer()) for _ in range(9)]
        # The server lists the silent ones first; ranking still tries the local one first.
        connections = [
            Connection(
                protocol="http", address="127.0.0.1", port=s.port, uri="", local=False
            )
            for s in silent
        ] + [
            Connection(
                protocol="http", address="127.0.0.1", port=good.port, uri="", local=True
            )
        ]
        device = Device(
            name="Bench",
            client_identifier=MACHINE,
            access_token="t",
            connection=connections,
        )
        plex = stack.enter_context(PlexClient(good.url, token=TOKEN, identity=IDENTITY))
        for timeout in PROBE_TIMEOUTS:
            excess, selections, latencies = [], [], []
            for _ in range(RUNS):
                started = time.perf_counter()
                chosen = plex.select_connection(device, timeout=timeout)
                elapsed = time.perf_counter() - started
                selections.append(elapsed)
                latencies.append(chosen.latency)
                excess.append(elapsed - chosen.latency)
            worst = max(excess)
            figure = (
                f"worst +{worst * 1e3:.1f} ms over the good candidate's latency "
                f"(medians: select {statistics.median(selections) * 1e3:.1f} ms, "
                f"latency {statistics.median(latencies) * 1e3:.1f} ms)"
            )
            rows.append(
                Row(
                    "7",
                    f"select 1 good local + 9 silent, probe timeout {timeout:g} s ({RUNS} runs)",
                    figure,
                    None,
                    f"< latency + {MARGIN * 1e3:.0f} ms",
                    worst < MARGIN,
                )
            )
    return rows


BENCHMARKS: list[Callable[[], list[Row]]] = [selection]
