"""FakePlexServer: a real HTTP server on loopback that answers like a Plex Media Server.

It serves GET /security/resources and GET /identity as openapi.yaml documents them, XML by
default and JSON when the Accept header asks for it, exactly as the real server negotiates.
Faults (statuses, Retry-After, delays, dropped or cut-off answers) can be queued for tests.
It runs an asyncio loop in a background thread, so a thousand concurrent clients cost it
coroutines, not threads.
"""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import json
import logging
import socket
import ssl
import threading
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

import attrs

from plex_resources_api.models import (
    Device,
    ServerIdentity,
    ServerIdentityResponse,
    SourceConnectionInformation,
    SourceConnectionInformationResponse,
)

from .._redact import MASK, mask_secrets
from .._source import SOURCE_PATTERN
from ._http1 import REASONS, Reply, Request, serve_connection
from ._render import render_xml

logger = logging.getLogger("plex_resources.testing")

_MEDIA_TYPES = ("application/json", "application/xml")
_HTML = "<html><head><title>{title}</title></head><body><h1>{status} {title}</h1></body></html>"


@attrs.frozen(kw_only=True)
class Fault:
    """One misbehaviour for the next matching request; queue several with add_fault()."""

    #: Answer with this status and an HTML body instead of the real answer.
    status: int | None = None
    #: A Retry-After header to send with `status`.
    retry_after: str | None = None
    #: Seconds to wait before answering (or before dropping).
    delay: float = 0.0
    #: Close the connection without any answer.
    drop: bool = False
    #: Send the real answer's headers and half its body, then close the connection.
    truncate: bool = False
    #: Only requests to this path match; None matches any path.
    path: str | None = None


@attrs.frozen
class RecordedRequest:
    """A request the fake received; any X-Plex-Token (header or query) is masked."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


def _html(
    status: int, extra: Mapping[str, str] | None = None, *, close: bool = False
) -> Reply:
    title = REASONS.get(status, "Error")
    body = _HTML.format(status=status, title=title).encode()
    headers = {"Content-Type": "text/html", **(extra or {})}
    return Reply(status, body, headers, close=close)


class FakePlexServer:
    """A Plex Media Server stand-in on loopback, for tests, demos and trying the SDK out.

    >>> with FakePlexServer(token="t", devices={"server://abc": device}) as server:
    ...     PlexClient(server.url, token="t", identity=identity)

    `devices` maps a source (`server://…`) to the Device that /security/resources answers
    with; `machine_identifier` is what /identity answers, so a FakePlexServer with the
    device's clientIdentifier is a candidate that passes a probe, and one with another is
    the wrong server. With `ssl_context` (a server-side context holding a certificate) it
    speaks https.
    """

    def __init__(
        self,
        *,
        token: str = "fake-plex-token",  # noqa: S107 - a fake server's made-up token
        machine_identifier: str = "0123456789abcdef0123456789abcdef",
        devices: Mapping[str, Device] | None = None,
        version: str = "1.40.2.8395-c67dce28e",
        host: str = "127.0.0.1",
        port: int = 0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.token = token
        self.machine_identifier = machine_identifier
        self.version = version
        self.devices: dict[str, Device] = dict(devices or {})
        self.requests: list[RecordedRequest] = []
        #: Client connections open now, and the most ever open at once (for load tests).
        self.open_connections = 0
        self.peak_connections = 0
        self._faults: collections.deque[Fault] = collections.deque()
        self._lock = threading.Lock()
        self._ssl_context = ssl_context
        # Bound now, so the port is known before serving starts; a deep backlog, because a
        # dropped connection attempt costs a client a one-second SYN retransmit.
        self._socket = socket.create_server((host, port), backlog=1024)
        address = self._socket.getsockname()
        self.host: str = str(address[0])
        self.port: int = int(address[1])
        self.scheme = "https" if ssl_context is not None else "http"
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._started = threading.Event()
        self._writers: set[asyncio.StreamWriter] = set()

    def __repr__(self) -> str:
        return f"FakePlexServer(url={self.url!r}, token={MASK!r}, devices={len(self.devices)})"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def add_fault(self, *faults: Fault) -> None:
        """Queue faults; each is used once, by the next request it matches, in order."""
        with self._lock:
            self._faults.extend(faults)

    def start(self) -> Self:
        """Serve in a background thread."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=lambda: asyncio.run(self._serve()),
                name="fake-plex-server",
                daemon=True,
            )
            self._thread.start()
            self._started.wait()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (what `plex-resources fake-server` runs)."""
        asyncio.run(self._serve())

    def stop(self) -> None:
        if (
            self._thread is not None
            and self._loop is not None
            and self._stopping is not None
        ):
            self._loop.call_soon_threadsafe(self._stopping.set)
            self._thread.join()
            self._thread = None
        self._socket.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        # A refused TLS handshake or a client hanging up is routine here, not an error.
        self._loop.set_exception_handler(
            lambda loop, context: logger.debug("server: %s", context.get("message"))
        )
        server = await asyncio.start_server(
            self._connection, sock=self._socket, ssl=self._ssl_context
        )
        self._started.set()
        async with server:
            await self._stopping.wait()
            server.close()
            # Open keep-alive connections would hold wait_closed(): close them too.
            for writer in list(self._writers):
                writer.close()

    async def _connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        with self._lock:
            self.open_connections += 1
            self.peak_connections = max(self.peak_connections, self.open_connections)
        self._writers.add(writer)
        try:
            await serve_connection(reader, writer, self._reply)
        finally:
            self._writers.discard(writer)
            with self._lock:
                self.open_connections -= 1

    def _reply(self, request: Request) -> Reply:
        """The answer to one request, faults applied; runs on the server's loop."""
        parts = urlsplit(request.target)
        query = parse_qs(parts.query, keep_blank_values=True)
        # Taken out of the query always, so that a recorded request never holds it.
        query_token = next(iter(query.pop("X-Plex-Token", [])), None)
        token = request.header("X-Plex-Token") or query_token
        headers = {
            name: (MASK if name.lower() == "x-plex-token" else value)
            for name, value in request.headers.items()
        }
        with self._lock:
            self.requests.append(
                RecordedRequest(request.method, parts.path, query, headers)
            )
        reply = self._answer(request, parts.path, query, token)
        logger.debug(
            '"%s %s" %d',
            request.method,
            mask_secrets(request.target, (self.token,)),
            reply.status,
        )
        fault = self._next_fault(parts.path)
        if fault is None:
            return reply
        if fault.status is not None:
            extra = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            reply = _html(fault.status, extra)
        return dataclasses.replace(
            reply, delay=fault.delay, drop=fault.drop, truncate=fault.truncate
        )

    def _next_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.path is None or fault.path == path:
                    self._faults.remove(fault)
                    return fault
        return None

    def _answer(
        self,
        request: Request,
        path: str,
        query: dict[str, list[str]],
        token: str | None,
    ) -> Reply:
        if request.method != "GET":
            # Only GET is documented; a body the client sent is left unread, so close.
            return _html(405, {"Allow": "GET"}, close=True)
        if path == "/identity":
            container = ServerIdentity(
                machine_identifier=self.machine_identifier,
                claimed=True,
                size=1,
                version=self.version,
            )
            return self._document(
                request, ServerIdentityResponse(media_container=container)
            )
        if path == "/security/resources":
            return self._resources(request, query, token)
        return _html(404)

    def _resources(
        self, request: Request, query: dict[str, list[str]], token: str | None
    ) -> Reply:
        if token != self.token:
            return _html(403)
        # Stricter than a real server, which shrugs these off: the fake holds clients to the
        # spec, so a client that forgets the required header fails its tests.
        if not request.header("X-Plex-Client-Identifier"):
            return _html(400)
        accepts = request.header("accepts")
        if accepts is not None and accepts not in _MEDIA_TYPES:
            return _html(400)
        sources = query.get("source", [])
        if len(sources) != 1 or SOURCE_PATTERN.match(sources[0]) is None:
            return _html(400)
        if query.get("refresh", ["0"]) not in (["0"], ["1"]):
            return _html(400)
        device = self.devices.get(sources[0])
        if device is None:
            return _html(404)
        container = SourceConnectionInformation(device=device, size=1)
        return self._document(
            request, SourceConnectionInformationResponse(media_container=container)
        )

    @staticmethod
    def _document(
        request: Request,
        model: SourceConnectionInformationResponse | ServerIdentityResponse,
    ) -> Reply:
        # The real server answers XML unless JSON is asked for with the Accept header.
        answer: dict[str, Any] = model.to_dict()
        if "application/json" in (request.header("Accept") or ""):
            body, content_type = json.dumps(answer).encode(), "application/json"
        else:
            body, content_type = render_xml(answer), "application/xml"
        return Reply(200, body, {"Content-Type": f"{content_type}; charset=utf-8"})
