"""Every failure is a typed PlexError that says what happened and what to do."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from plex_resources import (
    BadRequestError,
    ForbiddenError,
    InvalidSourceError,
    NotFoundError,
    PlexConnectionError,
    PlexError,
    PlexResponseError,
    PlexStatusError,
    PlexTimeoutError,
    RateLimitError,
    ServerError,
    UnauthorizedError,
)

from .client_support import RESOURCES_URL, Fetch

NO_RETRIES: dict[str, Any] = {"retries": 0}


@pytest.mark.parametrize(("status", "error", "advice"), [
    (400, BadRequestError, "check the source"),
    (401, UnauthorizedError, "check the X-Plex-Token"),
    (403, ForbiddenError, "use the server owner's token"),
    (404, NotFoundError, "does not know this source"),
    (429, RateLimitError, "wait before asking again"),
    (500, ServerError, "try again later"),
    (503, ServerError, "try again later"),
    (418, PlexStatusError, "does not document that status"),
    (302, PlexStatusError, "does not document that status"),
])  # fmt: skip
def test_status_maps_to_its_error(
    fetch: Fetch,
    httpx_mock: HTTPXMock,
    operation: dict[str, Any],
    status: int,
    error: type[PlexStatusError],
    advice: str,
) -> None:
    documented = operation["responses"].get(str(status))
    body = (
        documented["content"]["text/html"]["example"] if documented else "<h1>nope</h1>"
    )
    httpx_mock.add_response(
        status_code=status, text=body, headers={"Content-Type": "text/html"}
    )
    with pytest.raises(error) as caught:
        fetch(**NO_RETRIES)
    assert type(caught.value) is error
    assert caught.value.status_code == status
    assert caught.value.method == "GET"
    assert caught.value.url == RESOURCES_URL
    assert caught.value.body == body
    message = str(caught.value)
    assert message.startswith(f"GET {RESOURCES_URL} answered {status} ")
    assert advice in message


def test_rate_limit_carries_retry_after(fetch: Fetch, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(status_code=429, headers={"Retry-After": "7"})
    with pytest.raises(RateLimitError) as caught:
        fetch(**NO_RETRIES)
    assert caught.value.retry_after == 7.0
    assert "the server asked to wait 7 s" in str(caught.value)


def test_long_error_body_is_cut_to_an_excerpt(
    fetch: Fetch, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(status_code=500, text="x" * 10_000)
    with pytest.raises(ServerError) as caught:
        fetch(**NO_RETRIES)
    assert len(caught.value.body) == 200
    assert caught.value.body.endswith("...")


@pytest.mark.parametrize(("content_type", "body", "message"), [
    ("application/json", b"", "not valid JSON (Expecting value at line 1, column 1)"),
    ("application/json", b'{"MediaContainer": {"Device": ', "not valid JSON"),
    ("application/json", b"\xff\xfe\xfa", "not valid"),
    ("application/json", b"[]", "answer: expected an object, got list"),
    ("application/json", b"{}", "answer: missing required field(s) MediaContainer"),
    ("application/json", b'{"MediaContainer": {"size": 1}}', "answer.MediaContainer: missing required field(s) Device"),
    ("application/json", b'{"MediaContainer": {"Device": {"name": "n"}}}',
     "answer.MediaContainer.Device: missing required field(s) Connection, accessToken, clientIdentifier"),
    ("application/json",
     b'{"MediaContainer": {"Device": {"name": "n", "clientIdentifier": "c", "accessToken": "t", "Connection": {}}}}',
     "answer.MediaContainer.Device.Connection: expected an array, got dict"),
    ("application/json",
     b'{"MediaContainer": {"Device": {"name": "n", "clientIdentifier": "c", "accessToken": "t", "Connection": '
     b'[{"protocol": "http", "address": "a", "uri": "u", "local": true, "port": "eighty"}]}}}',
     "answer.MediaContainer.Device.Connection[0].port: expected an integer, got 'eighty'"),
    ("application/json",
     b'{"MediaContainer": {"Device": {"name": "n", "clientIdentifier": "c", "accessToken": "t", "Connection": '
     b'[{"protocol": "http", "address": "a", "uri": "u", "local": "maybe", "port": 1}]}}}',
     "Connection[0].local: expected a boolean, got 'maybe'"),
    ("application/xml", b"", "XML answer is not well-formed (no element found"),
    ("application/xml", b"<MediaContainer><Device", "XML answer is not well-formed"),
    ("application/xml", b"<html><body>login</body></html>", "expected a <MediaContainer> root, got <html>"),
    ("application/xml", b'<MediaContainer><Device name="n"/><Device name="m"/></MediaContainer>',
     "more than one <Device> where one is allowed"),
    ("application/xml", b'<MediaContainer><Device name="n" clientIdentifier="c" accessToken="t">'
     b'<Connection protocol="http" address="a" uri="u" local="1" port="x"/></Device></MediaContainer>',
     "Connection[0].port: expected an integer, got 'x'"),
    ("text/html", b"<html>Plex Web</html>", "expected a JSON or XML answer, got text/html"),
    ("", b"{}", "expected a JSON or XML answer, got no Content-Type"),
])  # fmt: skip
def test_bad_bodies_raise_response_error(
    fetch: Fetch, httpx_mock: HTTPXMock, content_type: str, body: bytes, message: str
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    httpx_mock.add_response(content=body, headers=headers)
    with pytest.raises(PlexResponseError) as caught:
        fetch()
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"GET {RESOURCES_URL}: ")
    assert caught.value.url == RESOURCES_URL


@pytest.mark.parametrize("xml", [
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><MediaContainer a="&lol2;"/>',
    b'<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><MediaContainer a="&xxe;"/>',
    b'<!DOCTYPE MediaContainer SYSTEM "http://127.0.0.1:9/evil.dtd"><MediaContainer/>',
])  # fmt: skip
def test_xml_with_a_dtd_is_refused(
    fetch: Fetch, httpx_mock: HTTPXMock, xml: bytes
) -> None:
    httpx_mock.add_response(content=xml, headers={"Content-Type": "application/xml"})
    with pytest.raises(PlexResponseError, match=r"contains a DTD \(<!DOCTYPE …>\)"):
        fetch()


def test_undeclared_entity_is_a_parse_error(
    fetch: Fetch, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(
        content=b'<MediaContainer a="&x;"/>',
        headers={"Content-Type": "application/xml"},
    )
    with pytest.raises(PlexResponseError, match="undefined entity"):
        fetch()


def test_timeout_raises_timeout_error(fetch: Fetch, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_exception(httpx.ReadTimeout("timed out"))
    with pytest.raises(PlexTimeoutError) as caught:
        fetch(**NO_RETRIES)
    assert isinstance(caught.value, PlexConnectionError)
    assert "timed out (ReadTimeout)" in str(caught.value)
    assert "raise timeout=" in str(caught.value)


def test_refused_connection_raises_connection_error(
    fetch: Fetch, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_exception(httpx.ConnectError("[Errno 111] Connection refused"))
    with pytest.raises(PlexConnectionError) as caught:
        fetch(**NO_RETRIES)
    assert type(caught.value) is PlexConnectionError
    assert "ConnectError: [Errno 111] Connection refused" in str(caught.value)
    assert "check that the server is running" in str(caught.value)


def test_broken_content_encoding_is_a_response_error(
    fetch: Fetch, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(
        content=b"not gzip at all",
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    with pytest.raises(PlexResponseError, match="content encoding is broken"):
        fetch()


@pytest.mark.parametrize("source", [
    "", "243b4719", "http://server/x", "server://", "server://a/b/c", "server://abc def",
    "server://abc\n", "server://" + "a" * 600,
])  # fmt: skip
def test_invalid_source_raises_before_any_request(fetch: Fetch, source: str) -> None:
    with pytest.raises(InvalidSourceError) as caught:
        fetch(source)
    assert isinstance(caught.value, ValueError)
    assert "'server://<machineIdentifier>'" in str(caught.value)


def test_non_string_source(fetch: Fetch) -> None:
    with pytest.raises(InvalidSourceError, match="must be a str"):
        fetch(42)  # type: ignore[arg-type]


def test_every_error_is_a_plex_error() -> None:
    from plex_resources import errors

    for name in errors.__all__:
        assert issubclass(getattr(errors, name), PlexError)
