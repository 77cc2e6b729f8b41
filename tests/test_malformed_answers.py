"""A corpus of broken answers: each raises the exact error class with a helpful message, fast.

Time and memory stay bounded: bodies past the size limit stop streaming at the limit (decoded
bytes count, so compression bombs stop too), XML never expands entities, and deep nesting
is refused rather than recursed into.
"""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from plex_resources import PlexClient, PlexResponseError

from .client_support import BASE_URL, IDENTITY, SOURCE, TOKEN, Fetch

JSON = {"Content-Type": "application/json"}
XML = {"Content-Type": "application/xml"}
DEVICE_XML = b'<MediaContainer><Device name="n" clientIdentifier="c" accessToken="t">'


def deep_json(depth: int) -> bytes:
    return b'{"MediaContainer": ' + b'{"a": ' * depth + b"1" + b"}" * depth + b"}"


def deep_xml(depth: int) -> bytes:
    return DEVICE_XML + b"<x>" * depth + b"</x>" * depth + b"</Device></MediaContainer>"


CORPUS: dict[str, tuple[bytes, dict[str, str], str]] = {
    "empty JSON body": (b"", JSON, "JSON answer is not valid JSON (Expecting value at line 1, column 1)"),
    "empty XML body": (b"", XML, "XML answer is not well-formed (no element found at line 1, column 0)"),
    "truncated JSON": (b'{"MediaContainer": {"Device": {"name": "n", "Conn', JSON, "JSON answer is not valid JSON (Unterminated string"),
    "truncated XML": (DEVICE_XML + b'<Connection protocol="ht', XML, "XML answer is not well-formed (unclosed token"),
    "HTML error page with status 200": (b"<html><body><h1>Plex is starting</h1></body></html>", {"Content-Type": "text/html"}, "expected a JSON or XML answer, got text/html: '<html><body><h1>Plex is starting</h1></body></html>'"),
    "HTML labelled as XML": (b"<!DOCTYPE html><html></html>", XML, "contains a DTD"),
    "wrong content type": (b"{}", {"Content-Type": "application/octet-stream"}, "expected a JSON or XML answer, got application/octet-stream"),
    "non-UTF-8 JSON": (b'{"MediaContainer": "\xff\xfe"}', JSON, "JSON answer is not valid UTF-8 text (byte 20)"),
    "non-UTF-8 XML": (b'<MediaContainer size="\xff"/>', XML, "XML answer is not well-formed (not well-formed (invalid token)"),
    "JSON nested 100,000 deep": (deep_json(100_000), JSON, "JSON answer is nested too deeply"),
    "XML nested 100,000 deep": (deep_xml(100_000), XML, "XML answer is nested deeper than 32 elements"),
    "integer with 5,000 digits": (b'{"MediaContainer": {"size": ' + b"9" * 5000 + b"}}", JSON, "JSON answer is not valid JSON (Exceeds the limit (4300 digits)"),
    "digit string with 5,000 digits": (b'{"MediaContainer": {"size": "' + b"9" * 5000 + b'", "Device": {"name": "n", "clientIdentifier": "c", "accessToken": "t", "Connection": []}}}', JSON, "answer.MediaContainer.size: expected an integer, got a string of 5000 characters"),
    "billion laughs": (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><MediaContainer x="&c;"/>', XML, "contains a DTD"),
    "external entity": (b'<!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/passwd">]><MediaContainer x="&e;"/>', XML, "contains a DTD"),
    "external DTD": (b'<!DOCTYPE MediaContainer SYSTEM "http://127.0.0.1:9/p.dtd"><MediaContainer/>', XML, "contains a DTD"),
    "parameter entity": (b'<!DOCTYPE m [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x">%p;]><MediaContainer/>', XML, "contains a DTD"),
    "undeclared entity": (b'<MediaContainer x="&e;"/>', XML, "XML answer is not well-formed (undefined entity"),
    "JSON array at the top": (b"[1, 2]", JSON, "answer: expected an object, got list"),
    "XML processing instruction only": (b'<?xml version="1.0"?>', XML, "XML answer is not well-formed (no element found"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CORPUS))
def test_malformed_answer(fetch: Fetch, httpx_mock: HTTPXMock, case: str) -> None:
    body, headers, message = CORPUS[case]
    httpx_mock.add_response(content=body, headers=headers)
    started = time.perf_counter()
    with pytest.raises(PlexResponseError) as caught:
        fetch()
    assert time.perf_counter() - started < 2.0
    assert type(caught.value) is PlexResponseError
    assert message in str(caught.value)


def gzip_bomb(size: int) -> bytes:
    """`size` bytes of a JSON string, gzip-compressed to about a thousandth of that."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [compressor.compress(b'{"MediaContainer": "')]
    chunk = b"0" * (1 << 20)
    parts += [compressor.compress(chunk) for _ in range(size >> 20)]
    parts.append(compressor.compress(b'"}') + compressor.flush())
    return b"".join(parts)


def mock_client(answer: Callable[[], httpx.Response], **settings: Any) -> PlexClient:
    """A PlexClient on an httpx.MockTransport whose answers stream (`stream=`), as a network
    transport's do: compressed bytes reach the client raw, for it to inflate."""
    transport = httpx.MockTransport(lambda request: answer())
    http = httpx.Client(transport=transport)
    return PlexClient(
        BASE_URL, token=TOKEN, identity=IDENTITY, http_client=http, **settings
    )


def test_gzip_bomb_stops_at_the_limit_with_bounded_memory() -> None:
    bomb = gzip_bomb(1 << 28)  # 256 MiB once inflated (16 times the limit), 256 KB sent
    assert len(bomb) < 2 * 1024 * 1024
    headers = {**JSON, "Content-Encoding": "gzip"}

    def attempt() -> None:
        with (
            mock_client(
                lambda: httpx.Response(
                    200, headers=headers, stream=httpx.ByteStream(bomb)
                )
            ) as plex,
            pytest.raises(PlexResponseError, match="larger than 16,777,216 bytes"),
        ):
            plex.get_source_connection_information(SOURCE)

    started = time.perf_counter()
    attempt()
    assert time.perf_counter() - started < 2.0
    tracemalloc.start()  # a second run, measured (tracing makes it slower)
    try:
        attempt()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024  # the limit plus decoding buffers, not a gigabyte


def test_compressed_valid_answer_decodes(json_example: dict[str, Any]) -> None:
    body = gzip.compress(httpx.Response(200, json=json_example).content)
    headers = {**JSON, "Content-Encoding": "gzip"}
    with mock_client(
        lambda: httpx.Response(200, headers=headers, stream=httpx.ByteStream(body))
    ) as plex:
        assert (
            plex.get_source_connection_information(SOURCE).device.connection[2].relay
            is True
        )


class Endless(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that never ends, for either kind of client."""

    chunk = b"x" * 65536

    def __iter__(self) -> Iterator[bytes]:
        while True:
            yield self.chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            yield self.chunk


def test_body_past_the_limit_is_refused(fetch: Fetch, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_callback(
        lambda request: httpx.Response(200, headers=JSON, stream=Endless())
    )
    with pytest.raises(PlexResponseError) as caught:
        fetch(max_answer_bytes=1_000_000)
    assert "the answer is larger than 1,000,000 bytes" in str(caught.value)
    assert "raise max_answer_bytes" in str(caught.value)


def test_declared_length_past_the_limit_is_refused_unread(
    fetch: Fetch, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(
        content=b"{}", headers={**JSON, "Content-Length": "999999999"}
    )
    with pytest.raises(PlexResponseError, match="larger than 1,000 bytes"):
        fetch(max_answer_bytes=1000)


def test_an_answer_at_the_limit_is_fine(
    fetch: Fetch, httpx_mock: HTTPXMock, json_example: dict[str, Any]
) -> None:
    httpx_mock.add_response(json=json_example)
    size = len(httpx.Response(200, json=json_example).content)
    assert fetch(max_answer_bytes=size).device.name == "PlexCorp (plex-corp)"


@pytest.mark.parametrize("limit", [0, -1, 1.5, True, "1"])
def test_bad_limit(fetch: Fetch, limit: object) -> None:
    with pytest.raises(ValueError, match="max_answer_bytes must be a whole number"):
        fetch(max_answer_bytes=limit)


def streaming(body: bytes, encoding: str) -> Callable[[], httpx.Response]:
    headers = {**JSON, "Content-Encoding": encoding}
    return lambda: httpx.Response(200, headers=headers, stream=httpx.ByteStream(body))


@pytest.mark.parametrize(
    "wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS]
)  # zlib-wrapped and raw
def test_deflate_either_way(json_example: dict[str, Any], wbits: int) -> None:
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    raw = httpx.Response(200, json=json_example).content
    body = compressor.compress(raw) + compressor.flush()
    with mock_client(streaming(body, "deflate")) as plex:
        assert (
            plex.get_source_connection_information(SOURCE).device.name
            == "PlexCorp (plex-corp)"
        )


@pytest.mark.parametrize(("body", "encoding", "message"), [
    (b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"\xff" * 32, "gzip", "content encoding is broken (Error -3 while decompressing"),
    (gzip.compress(b'{"MediaContainer": {}}')[:-12], "gzip", "the compressed stream ends early"),
    (b"{}", "br", "uses content encoding 'br', which was not asked for"),
])  # fmt: skip
def test_bad_encodings(body: bytes, encoding: str, message: str) -> None:
    with (
        mock_client(streaming(body, encoding)) as plex,
        pytest.raises(PlexResponseError) as caught,
    ):
        plex.get_source_connection_information(SOURCE)
    assert message in str(caught.value)


def test_only_boundable_encodings_are_asked_for(
    httpx_mock: HTTPXMock, fetch: Fetch
) -> None:
    httpx_mock.add_response(status_code=404)
    with pytest.raises(Exception, match="404"):
        fetch()
    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["Accept-Encoding"] == "gzip, deflate"
