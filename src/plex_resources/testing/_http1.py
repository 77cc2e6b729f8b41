"""A minimal HTTP/1.1 connection loop on asyncio streams: enough of the protocol for a fake.

One coroutine per connection, keep-alive, no request bodies beyond discarding them. Chosen over
http.server, whose thread per connection and accept backlog of 5 (each dropped connection
attempt costs a client a one-second SYN retransmit) made load tests of a thousand concurrent
clients slow for reasons that had nothing to do with the client under test.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

logger = logging.getLogger("plex_resources.testing")

MAX_HEADERS = 100
MAX_DISCARDED_BODY = 1024 * 1024
REASONS = {
    200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 429: "Too Many Requests", 500: "Internal Server Error",
    502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
}  # fmt: skip


@dataclass(frozen=True)
class Request:
    method: str
    target: str
    #: Header names as the client sent them; look up through `header()`.
    headers: dict[str, str]

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    #: Seconds to wait before answering.
    delay: float = 0.0
    #: Close without answering.
    drop: bool = False
    #: Send the head and half the body, then close.
    truncate: bool = False
    #: Close after this reply even if the client wanted to keep the connection.
    close: bool = False


Respond = Callable[[Request], Reply]


async def _read_request(reader: asyncio.StreamReader) -> Request | None:
    line = await reader.readline()
    if not line.strip():
        return None
    method, target, _version = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    for _ in range(MAX_HEADERS):
        raw = await reader.readline()
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        # Header bytes are UTF-8 from this SDK (and from Plex clients generally).
        headers[name.strip()] = (
            value.strip().encode("latin-1").decode("utf-8", "replace")
        )
    else:
        raise ValueError("too many headers")
    request = Request(method.upper(), target, headers)
    length = request.header("Content-Length")
    if length and length.isdigit() and int(length) <= MAX_DISCARDED_BODY:
        await reader.readexactly(int(length))
    return request


def _head(reply: Reply, length: int, keep_alive: bool) -> bytes:
    lines = [f"HTTP/1.1 {reply.status} {REASONS.get(reply.status, 'Error')}"]
    lines += [f"{name}: {value}" for name, value in reply.headers.items()]
    lines += [
        f"Content-Length: {length}",
        f"Connection: {'keep-alive' if keep_alive else 'close'}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def serve_connection(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    respond: Respond,
) -> None:
    """Answer requests on one connection until either side closes it."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while True:
            request = await _read_request(reader)
            if request is None:
                return
            reply = respond(request)
            if reply.delay:
                await asyncio.sleep(reply.delay)
            if reply.drop:
                return
            keep_alive = (
                not reply.close
                and (request.header("Connection") or "").lower() != "close"
            )
            head = _head(reply, len(reply.body), keep_alive)
            if reply.truncate:
                writer.write(head + reply.body[: len(reply.body) // 2])
                await writer.drain()
                return
            # One write: a head and body sent apart wait ~40 ms for a delayed ACK (Nagle).
            writer.write(head + reply.body)
            await writer.drain()
            if not keep_alive:
                return
    except (
        ConnectionError,
        asyncio.IncompleteReadError,
        ValueError,
        UnicodeError,
    ) as error:
        logger.debug("connection ended: %s", type(error).__name__)
    finally:
        writer.close()
