"""Reads an answer's body while it streams in, refusing one larger than a limit.

The limit counts decoded bytes. httpx inflates each network chunk whole, so a 64 KiB chunk of
a gzip bomb becomes 64 MiB before anyone can count it; the SDK therefore asks only for gzip or
deflate and inflates the raw stream itself, never more than the bytes the limit has left. An
answer declaring a larger Content-Length is refused before any of it is read.
"""

from __future__ import annotations

import zlib

import httpx

from .errors import PlexResponseError

#: The largest answer the clients accept by default: far above any real /security/resources
#: answer (a device with 10,000 connections is about 2 MB of JSON).
DEFAULT_MAX_ANSWER_BYTES = 16 * 1024 * 1024
#: Probes read /identity answers, a few hundred bytes each.
MAX_PROBE_ANSWER_BYTES = 64 * 1024
#: The Accept-Encoding the SDK sends: the encodings _Inflater can bound.
ACCEPT_ENCODING = "gzip, deflate"

_WBITS = {
    "gzip": zlib.MAX_WBITS | 16,
    "x-gzip": zlib.MAX_WBITS | 16,
    "deflate": zlib.MAX_WBITS,
}


def _too_large(limit: int) -> PlexResponseError:
    return PlexResponseError(
        f"the answer is larger than {limit:,} bytes, far more than this endpoint sends; "
        "raise max_answer_bytes if this server really sends that much"
    )


def _broken(detail: str) -> PlexResponseError:
    return PlexResponseError(f"the answer's content encoding is broken ({detail})")


class _Body:
    """Collects decoded bytes up to `limit`, inflating gzip or deflate a bounded step at a time."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding not in ("", "identity", *_WBITS):
            raise PlexResponseError(
                f"the answer uses content encoding {encoding!r}, which was not asked for"
            )
        self._inflater = (
            zlib.decompressobj(_WBITS[encoding]) if encoding in _WBITS else None
        )
        self._deflate = encoding == "deflate"
        self._limit = limit
        self._size = 0
        self._fed = False
        self._chunks: list[bytes] = []

    def _keep(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise _too_large(self._limit)
        self._chunks.append(data)

    def feed(self, raw: bytes) -> None:
        if self._inflater is None:
            self._keep(raw)
            return
        self._fed = self._fed or bool(raw)
        pending = raw
        while pending:
            try:
                # One byte past the limit is enough to know it is too large.
                out = self._inflater.decompress(pending, self._limit - self._size + 1)
            except zlib.error as error:
                if self._deflate and self._size == 0:
                    # Some servers send raw deflate without the zlib header; so does httpx try.
                    self._inflater, self._deflate = (
                        zlib.decompressobj(-zlib.MAX_WBITS),
                        False,
                    )
                    continue
                raise _broken(str(error)) from None
            self._keep(out)
            pending = self._inflater.unconsumed_tail

    def result(self) -> bytes:
        if self._inflater is not None:
            if self._fed and not self._inflater.eof:
                raise _broken("the compressed stream ends early")
            self._keep(self._inflater.flush())
        return b"".join(self._chunks)


def _already_read(response: httpx.Response, limit: int) -> bytes:
    # Responses built in memory (httpx.MockTransport, test doubles) arrive read and decoded.
    if len(response.content) > limit:
        raise _too_large(limit)
    return response.content


def read_limited(response: httpx.Response, limit: int) -> bytes:
    """The streamed response's decoded body; PlexResponseError past `limit` bytes. Closes it."""
    if response.is_stream_consumed:
        return _already_read(response, limit)
    try:
        body = _Body(response, limit)
        for raw in response.iter_raw():
            body.feed(raw)
        return body.result()
    finally:
        response.close()


async def aread_limited(response: httpx.Response, limit: int) -> bytes:
    """The async twin of read_limited."""
    if response.is_stream_consumed:
        return _already_read(response, limit)
    try:
        body = _Body(response, limit)
        async for raw in response.aiter_raw():
            body.feed(raw)
        return body.result()
    finally:
        await response.aclose()
