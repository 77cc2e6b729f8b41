"""What the command line prints: a table for people, JSON for scripts; never a token."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from plex_resources_api.models import Device

from .connections import Candidate, ProbeResult, SelectedConnection, connection_kind


def _latency(probe: ProbeResult | None) -> str:
    if probe is None or probe.latency is None:
        return "-"
    return f"{probe.latency * 1000:.0f} ms"


def _rows(
    candidates: Sequence[Candidate],
    probes: Sequence[ProbeResult] | None,
    selected: SelectedConnection | None,
) -> list[list[str]]:
    by_rank = {p.candidate.rank: p for p in probes or ()}
    rows = []
    for candidate in candidates:
        row = [
            str(candidate.rank),
            candidate.kind,
            candidate.connection.protocol,
            candidate.url,
        ]
        if probes is not None:
            probe = by_rank.get(candidate.rank)
            chosen = selected is not None and candidate.url == selected.url
            row += [
                probe.status if probe else "-",
                _latency(probe),
                "<- chosen" if chosen else "",
            ]
        rows.append(row)
    return rows


def table(
    device: Device,
    candidates: Sequence[Candidate],
    probes: Sequence[ProbeResult] | None = None,
    selected: SelectedConnection | None = None,
) -> str:
    """The candidates as an aligned table; after probing, each probe's outcome too."""
    header = ["rank", "kind", "protocol", "url"]
    if probes is not None:
        header += ["probe", "latency", ""]
    rows = [header, *_rows(candidates, probes, selected)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [f"{device.name} (server {device.client_identifier})"]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
              for row in rows]  # fmt: skip
    if not candidates:
        lines.append("(no usable connections)")
    if selected is not None:
        kind = connection_kind(selected.connection)
        lines.append(
            f"chosen: {selected.url} ({kind}, {selected.latency * 1000:.0f} ms)"
        )
    return "\n".join(lines)


def as_json(
    device: Device,
    candidates: Sequence[Candidate],
    probes: Sequence[ProbeResult] | None = None,
    selected: SelectedConnection | None = None,
) -> str:
    """The same facts as JSON for scripts; the device's accessToken is left out on purpose."""
    document: dict[str, Any] = {
        "device": {"name": device.name, "clientIdentifier": device.client_identifier},
        "connections": [
            {
                "rank": c.rank,
                "kind": c.kind,
                "protocol": c.connection.protocol,
                "url": c.url,
                "address": c.connection.address,
                "port": c.connection.port,
            }
            for c in candidates
        ],
    }
    if probes is not None:
        document["probes"] = [
            {"rank": p.candidate.rank, "url": p.candidate.url, "status": p.status,
             "detail": p.detail, "latencyMs": None if p.latency is None else p.latency * 1000}
            for p in probes
        ]  # fmt: skip
        document["best"] = (
            None
            if selected is None
            else {"url": selected.url, "latencyMs": selected.latency * 1000}
        )
    return json.dumps(document, indent=2)
