"""Choosing a connection: rank a device's candidates, and what probing them found.

Ranking follows Plex's guidance: local connections before remote ones, relay only as a last
resort (its bandwidth is limited); within each, https (the connection's `uri`, a `*.plex.direct`
name with a valid certificate) before plain http (`http://{address}:{port}`). Ties keep the
server's order.
"""

from __future__ import annotations

from typing import Literal

import attrs

from plex_resources_api.models import Connection, Device

__all__ = [
    "Candidate",
    "ConnectionKind",
    "ProbeResult",
    "ProbeStatus",
    "SelectedConnection",
    "candidate_url",
    "connection_kind",
    "rank_connections",
]

ConnectionKind = Literal["local", "remote", "relay"]
ProbeStatus = Literal[
    "ok", "refused", "timed out", "tls", "wrong server", "http status", "unreachable",
    "bad answer", "not needed",
]  # fmt: skip

_KIND_ORDER: dict[ConnectionKind, int] = {"local": 0, "remote": 1, "relay": 2}
_SCHEME_ORDER = {"https": 0, "http": 1}


@attrs.frozen
class Candidate:
    """One connection to try, with its place in the ranking (1 is best) and the URL to use."""

    rank: int
    kind: ConnectionKind
    url: str
    connection: Connection = attrs.field(eq=False)


@attrs.frozen
class ProbeResult:
    """What probing one candidate found: `status` "ok" when it answered as the right server."""

    candidate: Candidate
    status: ProbeStatus
    detail: str
    #: Seconds from sending the probe to its answer; None when there was no answer.
    latency: float | None = None

    @property
    def reachable(self) -> bool:
        return self.status == "ok"


@attrs.frozen
class SelectedConnection:
    """The chosen connection: the best-ranked candidate that answered as the right server."""

    url: str
    connection: Connection
    #: Seconds the chosen candidate took to answer its probe.
    latency: float
    device: Device
    #: Every candidate's outcome, in rank order, as known when the choice was made.
    probes: tuple[ProbeResult, ...]


def connection_kind(connection: Connection) -> ConnectionKind:
    """local, remote or relay; a relay connection is a relay even when marked local."""
    if connection.relay is True:
        return "relay"
    return "local" if connection.local else "remote"


def candidate_url(connection: Connection) -> str | None:
    """The URL to reach a connection by, or None for a protocol the SDK cannot speak."""
    protocol = connection.protocol.lower()
    if protocol == "https":
        # The plex.direct name in `uri` is what the server's certificate is valid for.
        return connection.uri.rstrip("/")
    if protocol == "http":
        address = connection.address
        host = (
            f"[{address}]"
            if ":" in address and not address.startswith("[")
            else address
        )
        return f"http://{host}:{connection.port}"
    return None


def rank_connections(
    device: Device, *, allow_relay: bool = True, allow_http: bool = True
) -> list[Candidate]:
    """The device's connections as candidates, best first. Pure: no I/O.

    `allow_relay=False` drops relay connections; `allow_http=False` drops plain http ones.
    A URL listed twice is kept once, at its better rank.
    """
    keyed: list[tuple[int, int, int, ConnectionKind, str, Connection]] = []
    for position, connection in enumerate(device.connection):
        url = candidate_url(connection)
        kind = connection_kind(connection)
        if url is None or (kind == "relay" and not allow_relay):
            continue
        scheme = connection.protocol.lower()
        if scheme == "http" and not allow_http:
            continue
        keyed.append(
            (_KIND_ORDER[kind], _SCHEME_ORDER[scheme], position, kind, url, connection)
        )
    keyed.sort(key=lambda item: item[:3])
    ranked: list[Candidate] = []
    seen: set[str] = set()
    for *_, kind, url, connection in keyed:
        if url not in seen:
            seen.add(url)
            ranked.append(Candidate(len(ranked) + 1, kind, url, connection))
    return ranked
