"""`make bench`: every benchmark, printed as a table and written to reports/benchmarks.md.

Each figure is a ratio against a baseline measured in the same run; targets are checked and
reported, never enforced (machines are noisy). Exit status is 0 either way.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import decoding
import imports
import overhead
import peer
import selection
import throughput
from rows import ROOT, Row

REPORT = ROOT / "reports" / "benchmarks.md"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def table(rows: Iterable[Row]) -> str:
    lines = [
        "| # | benchmark | measured | ratio | target | verdict |",
        "| --- | --- | --- | ---: | --- | --- |",
    ]
    for row in rows:
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}x"
        lines.append(
            f"| {row.number} | {row.name} | {row.figure} | {ratio} | {row.target} | {row.verdict} |"
        )
    return "\n".join(lines)


def main() -> int:
    suites: list[Callable[[], Row | list[Row]]] = [
        *overhead.BENCHMARKS, *decoding.BENCHMARKS, *imports.BENCHMARKS,
        *throughput.BENCHMARKS, *selection.BENCHMARKS, *peer.BENCHMARKS,
    ]  # fmt: skip
    rows: list[Row] = []
    for suite in suites:
        print(
            f"running {suite.__module__}.{suite.__name__} ...",
            file=sys.stderr,
            flush=True,
        )
        result = suite()
        rows.extend(result if isinstance(result, list) else [result])
    report = f"Machine: {machine()}\n\n{table(rows)}\n"
    missed = [row for row in rows if row.met is False]
    report += (
        f"\n{len([r for r in rows if r.met])} targets met, {len(missed)} missed.\n"
    )
    print(report)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(report, encoding="utf-8")
    REPORT.with_suffix(".json").write_text(
        json.dumps([row.__dict__ for row in rows], indent=2), encoding="utf-8"
    )
    print(f"(written to {REPORT.relative_to(ROOT)} and .json)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
