"""Checks and normalises the settings shared by PlexClient and AsyncPlexClient."""

from __future__ import annotations

from typing import Literal

import httpx

from .errors import InvalidConfigError

ResponseFormat = Literal["json", "xml"]

#: Ten seconds for the whole answer, five to connect: /security/resources answers in well
#: under a second on a healthy server, and a client must never wait forever.
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)

MEDIA_TYPES: dict[str, str] = {"json": "application/json", "xml": "application/xml"}

#: Requests a client has in flight at once; more wait their turn in the client. A Plex
#: server is one host, and httpcore's pool slows as its queue and in-flight set grow
#: (encode/httpcore#1035): 600 calls to a loopback fake took 1.0 s with 4 in flight, 1.4 s
#: with 10, 5.9 s with 100; 1,000 queued in httpx at once took 28 s.
DEFAULT_MAX_CONCURRENCY = 10


def check_base_url(base_url: object) -> str:
    """The server's base URL as text without a trailing slash; http(s) with a host only."""
    if not isinstance(base_url, str | httpx.URL):
        raise InvalidConfigError(
            f"base_url must be a str such as 'http://127.0.0.1:32400', "
            f"not {type(base_url).__name__}"
        )
    try:
        url = httpx.URL(str(base_url))
    except httpx.InvalidURL as error:
        raise InvalidConfigError(f"base_url is not a valid URL: {error}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidConfigError(
            f"base_url must be an http:// or https:// URL with a host, such as "
            f"'http://127.0.0.1:32400'; got scheme {url.scheme!r} and host {url.host!r}"
        )
    if url.query or url.fragment:
        raise InvalidConfigError(
            "base_url must not carry a query or fragment; pass the token with token=, "
            "never in the URL"
        )
    if url.userinfo:
        raise InvalidConfigError("base_url must not carry a user name or password")
    return str(url).rstrip("/")


def check_token(token: object) -> str:
    """A token is one word of printable ASCII: a classic Plex token or a JWT."""
    if not isinstance(token, str):
        raise InvalidConfigError(f"token must be a str, not {type(token).__name__}")
    if not token:
        raise InvalidConfigError(
            "token is empty; pass the X-Plex-Token of the server's owner"
        )
    if not (token.isascii() and token.isprintable()) or any(c.isspace() for c in token):
        # Never echo the value: it is a credential even when malformed.
        raise InvalidConfigError(
            "token holds spaces, control or non-ASCII characters; a Plex token never "
            "does (was something pasted with it?)"
        )
    return token


def check_timeout(timeout: object) -> httpx.Timeout:
    """A timeout in seconds or an httpx.Timeout; never none at all."""
    if timeout is None:
        raise InvalidConfigError(
            "timeout=None would let a request wait forever; pass seconds, e.g. timeout=30"
        )
    if isinstance(timeout, httpx.Timeout):
        parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
        if any(part is None for part in parts):
            raise InvalidConfigError(
                "every part of the httpx.Timeout must be set; a None part waits forever"
            )
        return timeout
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or timeout <= 0
    ):
        raise InvalidConfigError(
            f"timeout must be a number of seconds > 0, got {timeout!r}"
        )
    return httpx.Timeout(float(timeout))


def check_response_format(response_format: object) -> ResponseFormat:
    if response_format == "json":
        return "json"
    if response_format == "xml":
        return "xml"
    raise InvalidConfigError(
        f"response_format must be 'json' or 'xml', got {response_format!r}"
    )


def check_count(name: str, value: object) -> int:
    """A whole number >= 1 (a size, a count)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidConfigError(f"{name} must be a whole number > 0, got {value!r}")
    return value


#: Long enough for a remote server across the internet, short enough not to leave a user waiting.
DEFAULT_PROBE_TIMEOUT = 5.0


def check_probe_timeout(timeout: object) -> float:
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not timeout > 0
    ):
        raise InvalidConfigError(
            f"the selection timeout must be a number of seconds > 0, got {timeout!r}"
        )
    return float(timeout)
