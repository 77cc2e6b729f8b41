"""Turns an HTTP answer other than 200 into the PlexStatusError that says what to do."""

from __future__ import annotations

import httpx

from ._redact import body_excerpt, safe_url
from ._retry import parse_retry_after
from .errors import (
    BadRequestError,
    ForbiddenError,
    NotFoundError,
    PlexStatusError,
    RateLimitError,
    ServerError,
    UnauthorizedError,
)

# status -> (error class, what it means for this endpoint and what to do about it)
_KNOWN: dict[int, tuple[type[PlexStatusError], str]] = {
    400: (
        BadRequestError,
        "the server rejected the request's parameters; check the source",
    ),
    401: (
        UnauthorizedError,
        "the server wants a token; check the X-Plex-Token you passed",
    ),
    403: (
        ForbiddenError,
        "the token is invalid or not an admin token, or the server could not create a "
        "transient token; use the server owner's token",
    ),
    404: (NotFoundError, "the server does not know this source or path; check both"),
    429: (RateLimitError, "too many requests; wait before asking again"),
}


def status_error(
    response: httpx.Response, content: bytes, secrets: tuple[str, ...]
) -> PlexStatusError:
    """Build the error for a non-200 answer whose body is `content`."""
    status = response.status_code
    method = response.request.method
    url = safe_url(response.request.url)
    body = body_excerpt(content, secrets)
    if status in _KNOWN:
        kind, advice = _KNOWN[status]
    elif 500 <= status <= 599:
        kind, advice = (
            ServerError,
            "the server failed; try again later or check its logs",
        )
    else:
        kind, advice = PlexStatusError, "this endpoint does not document that status"
    message = f"{method} {url} answered {status} {response.reason_phrase}: {advice}"
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    if retry_after is not None:
        message += f" (the server asked to wait {retry_after:g} s)"
    if body:
        message += f"; body: {body!r}"
    if kind is RateLimitError:
        return RateLimitError(
            message,
            status_code=status,
            body=body,
            method=method,
            url=url,
            retry_after=retry_after,
        )
    return kind(message, status_code=status, body=body, method=method, url=url)
