"""FakePlexServer: a real HTTP server on loopback that answers like a Plex Media Server.

It serves GET /security/resources and GET /identity as openapi.yaml documents them, XML by
default and JSON when the Accept header asks for it, exactly as the real server negotiates.
Faults (statuses, Retry-After, delays, dropped or cut-off answers) can be queued for tests.
"""

from __future__ import annotations

import collections
import json
import logging
import ssl
import threading
import time
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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
from ._render import render_xml

logger = logging.getLogger("plex_resources.testing")

_MEDIA_TYPES = ("application/json", "application/xml")
_HTML = "<html><head><title>{title}</title></head><body><h1>{status} {title}</h1></body></html>"
_TITLES = {
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}  # fmt: skip


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
        self._faults: collections.deque[Fault] = collections.deque()
        self._lock = threading.Lock()
        self._httpd = _QuietServer((host, port), _handler_for(self))
        self.scheme = "http"
        if ssl_context is not None:
            # The handshake then runs in each request's thread, not in the accepting loop.
            self._httpd.socket = ssl_context.wrap_socket(
                self._httpd.socket, server_side=True, do_handshake_on_connect=False
            )
            self.scheme = "https"
        address = self._httpd.server_address
        self.host: str = str(address[0])
        self.port: int = int(address[1])
        self._thread: threading.Thread | None = None

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
            # A short poll interval keeps stop() quick (it waits for the next poll).
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="fake-plex-server",
                daemon=True,
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (what `plex-resources fake-server` runs)."""
        try:
            self._httpd.serve_forever()
        finally:
            self._httpd.server_close()

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # What the handler asks of the server; all of it is safe to call from handler threads.

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.path is None or fault.path == path:
                    self._faults.remove(fault)
                    return fault
        return None

    def _identity_answer(self) -> dict[str, Any]:
        container = ServerIdentity(
            machine_identifier=self.machine_identifier,
            claimed=True,
            size=1,
            version=self.version,
        )
        return ServerIdentityResponse(media_container=container).to_dict()

    def _resources_answer(
        self,
        query: dict[str, list[str]],
        token: str | None,
        client_identifier: str | None,
        accepts: str | None,
    ) -> tuple[int, dict[str, Any] | None]:
        if token != self.token:
            return 403, None
        # Stricter than a real server, which shrugs these off: the fake holds clients to the
        # spec, so a client that forgets the required header fails its tests.
        if not client_identifier:
            return 400, None
        if accepts is not None and accepts not in _MEDIA_TYPES:
            return 400, None
        sources = query.get("source", [])
        if len(sources) != 1 or SOURCE_PATTERN.match(sources[0]) is None:
            return 400, None
        refresh = query.get("refresh", ["0"])
        if refresh not in (["0"], ["1"]):
            return 400, None
        device = self.devices.get(sources[0])
        if device is None:
            return 404, None
        container = SourceConnectionInformation(device=device, size=1)
        return 200, SourceConnectionInformationResponse(
            media_container=container
        ).to_dict()


class _QuietServer(ThreadingHTTPServer):
    """A threading HTTP server that logs a failed request (a refused TLS handshake, a client
    that hung up) instead of printing a traceback to stderr."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # socketserver calls this from inside its except clause, so exc_info is the failure.
        logger.debug("request from %s failed", client_address, exc_info=True)  # noqa: LOG014


def _handler_for(server: FakePlexServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_FakePlexHandler):
        fake = server

    return Handler


class _FakePlexHandler(BaseHTTPRequestHandler):
    """Answers one request for the FakePlexServer in `fake`."""

    fake: FakePlexServer
    # Keep-alive, as the real server and as clients expect for throughput.
    protocol_version = "HTTP/1.1"
    # Headers and body leave in separate writes; with Nagle on, the body would wait ~40 ms
    # for the client's delayed ACK on every kept-alive request.
    disable_nagle_algorithm = True
    server_version = "FakePlexMediaServer/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug(
            "%s %s",
            self.address_string(),
            mask_secrets(format % args, (self.fake.token,)),
        )

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        # Taken out of the query always, so that a recorded request never holds it.
        query_token = next(iter(query.pop("X-Plex-Token", [])), None)
        token = self.headers.get("X-Plex-Token") or query_token
        headers = {
            name: (MASK if name.lower() == "x-plex-token" else value)
            for name, value in self.headers.items()
        }
        self.fake._record(RecordedRequest("GET", parts.path, query, headers))
        fault = self.fake._next_fault(parts.path)
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        if fault is not None and fault.drop:
            self.close_connection = True
            return
        if fault is not None and fault.status is not None:
            extra = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            self._send_html(fault.status, extra)
            return
        answer: dict[str, Any] | None
        if parts.path == "/identity":
            status, answer = 200, self.fake._identity_answer()
        elif parts.path == "/security/resources":
            status, answer = self.fake._resources_answer(
                query,
                token,
                self.headers.get("X-Plex-Client-Identifier"),
                self.headers.get("accepts"),
            )
        else:
            status, answer = 404, None
        if answer is None:
            self._send_html(status)
        else:
            self._send_answer(answer, truncate=fault is not None and fault.truncate)

    def _method_not_allowed(self) -> None:
        # Only GET is documented; say so, and close: a body the client sent is left unread.
        self.close_connection = True
        self._send_html(405, {"Allow": "GET"})

    def __getattr__(self, name: str) -> Any:
        # The base class looks up `do_<METHOD>` for each request; every method but GET
        # (HEAD, POST, TRACE, QUERY...) gets the 405.
        if name.startswith("do_"):
            return self._method_not_allowed
        raise AttributeError(name)

    def _send_answer(self, answer: dict[str, Any], *, truncate: bool) -> None:
        # The real server answers XML unless JSON is asked for with the Accept header.
        if "application/json" in self.headers.get("Accept", ""):
            body, content_type = json.dumps(answer).encode(), "application/json"
        else:
            body, content_type = render_xml(answer), "application/xml"
        self.send_response(200)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if truncate:
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
        else:
            self.wfile.write(body)

    def _send_html(self, status: int, extra: Mapping[str, str] | None = None) -> None:
        title = _TITLES.get(status, "Error")
        body = _HTML.format(status=status, title=title).encode()
        self.send_response(status, title)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
