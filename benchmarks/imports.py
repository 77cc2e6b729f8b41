"""Benchmark 5: import time of plex_resources against httpx, in fresh interpreters."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from rows import Row

RUNS = 21


def _wall(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - our interpreter
    return time.perf_counter() - started


def import_time() -> Row:
    timings: dict[str, list[float]] = {
        "pass": [],
        "import httpx": [],
        "import plex_resources": [],
    }
    for _ in range(RUNS):  # interleaved, so that machine noise hits all three alike
        for code, samples in timings.items():
            samples.append(_wall(code))
    empty = statistics.median(timings["pass"])
    httpx_ms = (statistics.median(timings["import httpx"]) - empty) * 1e3
    ours_ms = (statistics.median(timings["import plex_resources"]) - empty) * 1e3
    ratio = ours_ms / httpx_ms
    return Row(
        "5",
        "import time: plex_resources vs httpx (fresh interpreter, startup subtracted)",
        f"{ours_ms:.0f} ms vs {httpx_ms:.0f} ms",
        ratio,
        "<= 1.3x",
        ratio <= 1.3,
    )


BENCHMARKS: list[Callable[[], Row]] = [import_time]
