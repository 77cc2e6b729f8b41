"""The exceptions the SDK raises; every one is a `PlexError`.

    PlexError
    ├── InvalidSourceError (also ValueError)      source is not server://… or provider://…
    ├── InvalidConfigError (also ValueError)      bad token, identity, base_url, timeout, retries
    ├── PlexConnectionError                       no HTTP answer, after retries
    │   └── PlexTimeoutError                      … because a timeout ran out
    ├── PlexStatusError                           an HTTP answer other than 200
    │   ├── BadRequestError                       400
    │   ├── UnauthorizedError                     401
    │   ├── ForbiddenError                        403
    │   ├── NotFoundError                         404
    │   ├── RateLimitError                        429, with retry_after
    │   └── ServerError                           5xx
    ├── PlexResponseError                         a 200 whose body is not the documented answer
    └── NoReachableConnectionError                no candidate connection reached the source

Messages, reprs and attributes never hold the X-Plex-Token or a transient accessToken.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .connections import ProbeResult

__all__ = [
    "BadRequestError",
    "ForbiddenError",
    "InvalidConfigError",
    "InvalidSourceError",
    "NoReachableConnectionError",
    "NotFoundError",
    "PlexConnectionError",
    "PlexError",
    "PlexResponseError",
    "PlexStatusError",
    "PlexTimeoutError",
    "RateLimitError",
    "ServerError",
    "UnauthorizedError",
]


class PlexError(Exception):
    """Root of every error this SDK raises."""


class InvalidSourceError(PlexError, ValueError):
    """The source is not of the form `server://<id>` or `provider://<id>`."""


class InvalidConfigError(PlexError, ValueError):
    """A client setting (token, identity, base URL, timeout, retries) is not usable."""


class PlexConnectionError(PlexError):
    """The server could not be reached or dropped the connection, after any retries."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class PlexTimeoutError(PlexConnectionError):
    """A connect, read, write or pool timeout ran out, after any retries."""


class PlexStatusError(PlexError):
    """The server answered with an HTTP status other than 200."""

    def __init__(
        self, message: str, *, status_code: int, body: str, method: str, url: str
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        #: The start of the body, secrets masked: enough to tell what the server said.
        self.body = body
        self.method = method
        self.url = url


class BadRequestError(PlexStatusError):
    """400: a query parameter is missing or has the wrong value."""


class UnauthorizedError(PlexStatusError):
    """401: the server wants a token it accepts."""


class ForbiddenError(PlexStatusError):
    """403: invalid or no token, or the server could not create a transient token."""


class NotFoundError(PlexStatusError):
    """404: the server does not know this path or source."""


class RateLimitError(PlexStatusError):
    """429: too many requests; `retry_after` is the server's wait in seconds, if it said."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body: str,
        method: str,
        url: str,
        retry_after: float | None,
    ) -> None:
        super().__init__(
            message, status_code=status_code, body=body, method=method, url=url
        )
        self.retry_after = retry_after


class ServerError(PlexStatusError):
    """5xx: the server failed to answer."""


class PlexResponseError(PlexError):
    """A 200 answer whose body cannot be decoded or does not fit openapi.yaml."""

    def __init__(self, message: str, *, method: str = "", url: str = "") -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class NoReachableConnectionError(PlexError):
    """No candidate connection answered as the expected server; `probes` says why for each."""

    def __init__(self, message: str, *, probes: Sequence[ProbeResult]) -> None:
        super().__init__(message)
        self.probes = tuple(probes)
