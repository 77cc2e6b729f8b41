"""Probes ranked candidates concurrently with GET /identity and picks the best that answers.

A candidate passes only if it answers 200 and its `machineIdentifier` equals the device's
`clientIdentifier`: another server on that address is rejected. Probes carry the identity
headers but never the token, which must not reach an address before it has proved to be the
right server. The best-ranked passing candidate is returned as soon as every better-ranked one
has failed, without waiting for worse-ranked ones; the whole selection is bounded by `timeout`.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import httpx

from plex_resources_api.api.server import get_server_identity
from plex_resources_api.models import Device, GetServerIdentityAccepts

from ._body import ACCEPT_ENCODING, MAX_PROBE_ANSWER_BYTES, aread_limited, read_limited
from ._decode import decode_server_identity
from .connections import Candidate, ProbeResult, ProbeStatus, SelectedConnection
from .errors import NoReachableConnectionError, PlexResponseError

logger = logging.getLogger("plex_resources")

# More concurrent probes than this wait for a free thread (sync client only).
_MAX_PROBE_THREADS = 32


@dataclass(frozen=True, slots=True)
class _Probe:
    """The /identity request, built by the generated endpoint: identity headers, no token."""

    path: str
    headers: dict[bytes, bytes]
    timeout: float
    expected: str

    @classmethod
    def build(
        cls, identity_arguments: dict[str, str], timeout: float, expected: str
    ) -> _Probe:
        kwargs = get_server_identity._get_kwargs(
            accepts=GetServerIdentityAccepts.APPLICATIONJSON, **identity_arguments
        )
        headers: dict[str, str] = kwargs["headers"]
        headers["Accept"] = "application/json"
        headers["Accept-Encoding"] = ACCEPT_ENCODING
        encoded = {
            name.encode("ascii"): value.encode("utf-8")
            for name, value in headers.items()
        }
        return cls(kwargs["url"], encoded, timeout, expected)


def judge_answer(
    candidate: Candidate,
    response: httpx.Response,
    body: bytes,
    latency: float,
    expected: str,
) -> ProbeResult:
    """Whether an answer to the probe comes from the expected server."""
    if response.status_code != 200:
        detail = f"answered HTTP {response.status_code} {response.reason_phrase}"
        return ProbeResult(candidate, "http status", detail, latency)
    try:
        identity = decode_server_identity(body, response.headers.get("Content-Type"))
    except PlexResponseError as error:
        return ProbeResult(candidate, "bad answer", str(error), latency)
    if identity.machine_identifier != expected:
        detail = f"answered as server {identity.machine_identifier!r}, not {expected!r}"
        return ProbeResult(candidate, "wrong server", detail, latency)
    return ProbeResult(candidate, "ok", f"answered in {latency * 1000:.0f} ms", latency)


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def judge_failure(candidate: Candidate, error: httpx.HTTPError) -> ProbeResult:
    """Why a probe got no answer: refused, timed out, TLS, or otherwise unreachable."""
    if isinstance(error, httpx.TimeoutException):
        return ProbeResult(
            candidate, "timed out", f"{type(error).__name__}: no answer in time"
        )
    causes = list(_causes(error))
    tls = next((c for c in causes if isinstance(c, ssl.SSLError)), None)
    if tls is not None:
        return ProbeResult(candidate, "tls", f"TLS failed: {tls}")
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "refused" in str(
        error
    ):
        return ProbeResult(candidate, "refused", "connection refused")
    return ProbeResult(
        candidate, "unreachable", f"{type(error).__name__}: {error or 'no detail'}"
    )


def _probe_sync(http: httpx.Client, candidate: Candidate, probe: _Probe) -> ProbeResult:
    started = time.perf_counter()
    request = http.build_request(
        "GET", candidate.url + probe.path, headers=probe.headers, timeout=probe.timeout
    )
    try:
        response = http.send(request, stream=True)
        body = read_limited(response, MAX_PROBE_ANSWER_BYTES)
    except httpx.HTTPError as error:
        return judge_failure(candidate, error)
    except PlexResponseError as error:
        return ProbeResult(candidate, "bad answer", str(error))
    latency = time.perf_counter() - started
    return judge_answer(candidate, response, body, latency, probe.expected)


async def _probe_async(
    http: httpx.AsyncClient, candidate: Candidate, probe: _Probe
) -> ProbeResult:
    started = time.perf_counter()
    request = http.build_request(
        "GET", candidate.url + probe.path, headers=probe.headers, timeout=probe.timeout
    )
    try:
        response = await http.send(request, stream=True)
        body = await aread_limited(response, MAX_PROBE_ANSWER_BYTES)
    except httpx.HTTPError as error:
        return judge_failure(candidate, error)
    except PlexResponseError as error:
        return ProbeResult(candidate, "bad answer", str(error))
    latency = time.perf_counter() - started
    return judge_answer(candidate, response, body, latency, probe.expected)


def _no_candidates(device: Device) -> NoReachableConnectionError:
    return NoReachableConnectionError(
        f"device {device.name!r} lists no connection this client may use (check allow_relay "
        "and allow_http, or refresh the source)",
        probes=(),
    )


def _finish(
    device: Device,
    candidates: Sequence[Candidate],
    known: dict[int, ProbeResult],
    timed_out: bool,
    timeout: float,
) -> SelectedConnection:
    """Choose from what the probes found, or raise NoReachableConnectionError.

    Once the selection timed out, candidates still unanswered count as failed, so the choice is
    the best-ranked one that passed; otherwise the caller stopped at the first that passed.
    """
    pending: ProbeStatus = "timed out" if timed_out else "not needed"
    pending_detail = (
        f"no answer within the {timeout:g} s selection timeout"
        if timed_out
        else "a better-ranked candidate answered first"
    )
    probes = tuple(
        known.get(c.rank) or ProbeResult(c, pending, pending_detail) for c in candidates
    )
    chosen = next((probe for probe in probes if probe.reachable), None)
    for probe in probes:
        logger.debug("probe %d %s: %s (%s)", probe.candidate.rank, probe.candidate.url,
                     probe.status, probe.detail)  # fmt: skip
    if chosen is None:
        lines = "\n".join(
            f"  {p.candidate.rank}. {p.candidate.kind} {p.candidate.url}: {p.status}, {p.detail}"
            for p in probes
        )
        raise NoReachableConnectionError(
            f"no connection reached {device.name!r} as server {device.client_identifier!r}:\n"
            f"{lines}",
            probes=probes,
        )
    if (
        chosen.latency is None
    ):  # pragma: no cover - judge_answer always measures an "ok"
        raise AssertionError("a passing probe without a latency")
    return SelectedConnection(
        url=chosen.candidate.url,
        connection=chosen.candidate.connection,
        latency=chosen.latency,
        device=device,
        probes=probes,
    )


def select_sync(
    http: httpx.Client,
    device: Device,
    candidates: Sequence[Candidate],
    identity_arguments: dict[str, str],
    timeout: float,
) -> SelectedConnection:
    """Probe every candidate in threads; return as soon as the ranking allows."""
    if not candidates:
        raise _no_candidates(device)
    deadline = time.monotonic() + timeout
    probe = _Probe.build(identity_arguments, timeout, device.client_identifier)
    pool = ThreadPoolExecutor(min(len(candidates), _MAX_PROBE_THREADS), "plex-probe")
    futures: list[Future[ProbeResult]] = [
        pool.submit(_probe_sync, http, c, probe) for c in candidates
    ]
    known: dict[int, ProbeResult] = {}
    timed_out = False
    try:
        for candidate, future in zip(candidates, futures, strict=True):
            try:
                result = future.result(timeout=max(deadline - time.monotonic(), 0))
            except FutureTimeout:
                timed_out = True
                break
            known[candidate.rank] = result
            if result.reachable:
                break
    finally:
        # Probes still running end by their own timeout; nobody waits for them.
        pool.shutdown(wait=False, cancel_futures=True)
    if timed_out:
        for candidate, future in zip(candidates, futures, strict=True):
            if candidate.rank not in known and future.done() and not future.cancelled():
                known[candidate.rank] = future.result()
    return _finish(device, candidates, known, timed_out, timeout)


async def select_async(
    http: httpx.AsyncClient,
    device: Device,
    candidates: Sequence[Candidate],
    identity_arguments: dict[str, str],
    timeout: float,
) -> SelectedConnection:
    """Probe every candidate in tasks; return as soon as the ranking allows."""
    if not candidates:
        raise _no_candidates(device)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    probe = _Probe.build(identity_arguments, timeout, device.client_identifier)
    tasks = [asyncio.create_task(_probe_async(http, c, probe)) for c in candidates]
    known: dict[int, ProbeResult] = {}
    timed_out = False
    try:
        for candidate, task in zip(candidates, tasks, strict=True):
            remaining = max(deadline - loop.time(), 0)
            try:
                result = await asyncio.wait_for(asyncio.shield(task), remaining)
            except TimeoutError:
                timed_out = True
                break
            known[candidate.rank] = result
            if result.reachable:
                break
    finally:
        # Nothing outlives the selection: unfinished probes are cancelled and awaited.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    if timed_out:
        for candidate, task in zip(candidates, tasks, strict=True):
            if candidate.rank not in known and not task.cancelled():
                known[candidate.rank] = task.result()
    return _finish(device, candidates, known, timed_out, timeout)
