"""Timing helpers: every figure is a ratio against a baseline timed in the same run.

Baseline and candidate are timed in alternating rounds, and the reported ratio is the median
of the per-round ratios, so that a noisy moment on the machine hits both sides alike.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Comparison:
    baseline: float  # seconds per unit of work, median over rounds
    candidate: float
    ratio: float  # candidate / baseline, median of the per-round ratios


def _per_call(fn: Callable[[], object], calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - started) / calls


def compare(
    baseline: Callable[[], object],
    candidate: Callable[[], object],
    *,
    calls: int,
    rounds: int = 9,
) -> Comparison:
    """Time both, `calls` calls a round, alternating which goes first."""
    for fn in (baseline, candidate):  # warm caches, pools and the allocator
        _per_call(fn, max(1, calls // 10))
    base, cand, ratios = [], [], []
    for round_ in range(rounds):
        pair = (baseline, candidate) if round_ % 2 == 0 else (candidate, baseline)
        first, second = (_per_call(fn, calls) for fn in pair)
        b, c = (first, second) if round_ % 2 == 0 else (second, first)
        base.append(b)
        cand.append(c)
        ratios.append(c / b)
    return Comparison(
        statistics.median(base), statistics.median(cand), statistics.median(ratios)
    )


def compare_async(
    baseline: Callable[[], Awaitable[object]],
    candidate: Callable[[], Awaitable[object]],
    *,
    calls: int,
    rounds: int = 9,
) -> Comparison:
    """compare() for coroutines, awaited one after another on one event loop."""

    async def run() -> Comparison:
        async def per_call(fn: Callable[[], Awaitable[object]], n: int) -> float:
            started = time.perf_counter()
            for _ in range(n):
                await fn()
            return (time.perf_counter() - started) / n

        for fn in (baseline, candidate):
            await per_call(fn, max(1, calls // 10))
        base, cand, ratios = [], [], []
        for round_ in range(rounds):
            if round_ % 2 == 0:
                b = await per_call(baseline, calls)
                c = await per_call(candidate, calls)
            else:
                c = await per_call(candidate, calls)
                b = await per_call(baseline, calls)
            base.append(b)
            cand.append(c)
            ratios.append(c / b)
        return Comparison(
            statistics.median(base), statistics.median(cand), statistics.median(ratios)
        )

    return asyncio.run(run())


def best(fn: Callable[[], object], *, calls: int, rounds: int = 5) -> float:
    """Fastest seconds per call over rounds: for one-off figures (scaling tables)."""
    fn()
    return min(_per_call(fn, calls) for _ in range(rounds))
