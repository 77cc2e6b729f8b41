"""Client settings: checked up front with errors that say what to pass instead."""

from __future__ import annotations

import httpx
import pytest

from plex_resources import (
    AsyncPlexClient,
    ClientIdentity,
    InvalidConfigError,
    PlexClient,
)

from .client_support import BASE_URL, IDENTITY, TOKEN


@pytest.mark.parametrize(("base_url", "message"), [
    ("127.0.0.1:32400", "must be an http:// or https:// URL with a host"),
    ("ftp://plex:21", "must be an http:// or https:// URL with a host"),
    ("http://", "must be an http:// or https:// URL with a host"),
    (f"{BASE_URL}?X-Plex-Token=abc", "must not carry a query"),
    ("http://user:pw@127.0.0.1:32400", "must not carry a user name or password"),
    (32400, "base_url must be a str"),
])  # fmt: skip
def test_bad_base_url(base_url: object, message: str) -> None:
    with pytest.raises(InvalidConfigError, match=message):
        PlexClient(base_url, token=TOKEN, identity=IDENTITY)  # type: ignore[arg-type]


@pytest.mark.parametrize(("token", "message"), [
    ("", "token is empty"),
    ("abc def", "token holds spaces"),
    ("abc\n", "token holds spaces"),
    ("tökén", "non-ASCII"),
    (None, "token must be a str"),
])  # fmt: skip
def test_bad_token(token: object, message: str) -> None:
    with pytest.raises(InvalidConfigError, match=message) as caught:
        PlexClient(BASE_URL, token=token, identity=IDENTITY)  # type: ignore[arg-type]
    if isinstance(token, str) and token:
        assert token.strip() not in str(caught.value)


@pytest.mark.parametrize(("timeout", "message"), [
    (None, "timeout=None would let a request wait forever"),
    (0, "must be a number of seconds > 0"),
    (-1.0, "must be a number of seconds > 0"),
    ("10", "must be a number of seconds > 0"),
    (httpx.Timeout(5.0, read=None), "every part of the httpx.Timeout must be set"),
])  # fmt: skip
def test_bad_timeout(timeout: object, message: str) -> None:
    with pytest.raises(InvalidConfigError, match=message):
        PlexClient(BASE_URL, token=TOKEN, identity=IDENTITY, timeout=timeout)  # type: ignore[arg-type]


def test_timeout_in_seconds() -> None:
    with PlexClient(BASE_URL, token=TOKEN, identity=IDENTITY, timeout=2.5) as plex:
        assert plex.timeout == httpx.Timeout(2.5)


def test_bad_response_format() -> None:
    with pytest.raises(
        InvalidConfigError, match="response_format must be 'json' or 'xml'"
    ):
        PlexClient(BASE_URL, token=TOKEN, identity=IDENTITY, response_format="yaml")  # type: ignore[arg-type]


def test_identity_must_be_a_client_identity() -> None:
    with pytest.raises(InvalidConfigError, match="identity must be a ClientIdentity"):
        PlexClient(BASE_URL, token=TOKEN, identity="abc")  # type: ignore[arg-type]


def test_http_client_of_the_wrong_kind() -> None:
    wrong = httpx.AsyncClient()  # never used, so nothing to close
    with pytest.raises(InvalidConfigError, match=r"must be an httpx\.Client"):
        PlexClient(BASE_URL, token=TOKEN, identity=IDENTITY, http_client=wrong)  # type: ignore[arg-type]


def test_async_http_client_of_the_wrong_kind() -> None:
    with (
        httpx.Client() as wrong,
        pytest.raises(InvalidConfigError, match=r"must be an httpx\.AsyncClient"),
    ):
        AsyncPlexClient(BASE_URL, token=TOKEN, identity=IDENTITY, http_client=wrong)  # type: ignore[arg-type]


def test_verify_goes_on_a_caller_built_client() -> None:
    with (
        httpx.Client() as mine,
        pytest.raises(
            InvalidConfigError, match="configure verification on that client"
        ),
    ):
        PlexClient(
            BASE_URL, token=TOKEN, identity=IDENTITY, verify=False, http_client=mine
        )


def test_owned_client_is_closed() -> None:
    plex = PlexClient(BASE_URL, token=TOKEN, identity=IDENTITY)
    with plex:
        pass
    assert plex._http.is_closed


def test_constructor_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        PlexClient(BASE_URL, TOKEN, IDENTITY)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ClientIdentity("abc")  # type: ignore[call-arg]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("client_identifier", "", "ClientIdentity.client_identifier is empty"),
    ("client_identifier", "   ", "ClientIdentity.client_identifier is empty"),
    ("device_name", "Living\r\nX-Evil: 1", r"contains the control character '\\r'"),
    ("product", "a\x00b", r"contains the control character '\\x00'"),
    ("version", 2, "ClientIdentity.version must be a str, not int"),
])  # fmt: skip
def test_identity_values_are_checked(field: str, value: object, message: str) -> None:
    values = {"client_identifier": "abc", field: value}
    with pytest.raises(InvalidConfigError, match=message):
        ClientIdentity(**values)  # type: ignore[arg-type]


def test_identity_is_immutable_and_lists_its_headers() -> None:
    identity = ClientIdentity(client_identifier="abc", device_name="Küche TV")
    with pytest.raises(AttributeError):
        identity.product = "x"  # type: ignore[misc]
    assert identity.headers == {
        "X-Plex-Client-Identifier": "abc",
        "X-Plex-Device-Name": "Küche TV",
    }
    assert identity == ClientIdentity(client_identifier="abc", device_name="Küche TV")


@pytest.mark.parametrize("setting", ["max_concurrency", "max_answer_bytes"])
@pytest.mark.parametrize("value", [0, -3, 2.5, True, "10"])
def test_counts_must_be_whole_and_positive(setting: str, value: object) -> None:
    with pytest.raises(
        InvalidConfigError, match=f"{setting} must be a whole number > 0"
    ):
        PlexClient(BASE_URL, token=TOKEN, identity=IDENTITY, **{setting: value})  # type: ignore[arg-type]
