"""Plex Media Server source connection information: typed client for GET /security/resources."""

from plex_resources_api.models import Connection, Device, SourceConnectionInformation

from ._client import AsyncPlexClient, PlexClient
from ._config import DEFAULT_TIMEOUT, ResponseFormat
from ._identity import ClientIdentity
from ._retry import RetryPolicy
from .connections import Candidate, ProbeResult, SelectedConnection, rank_connections
from .errors import (
    BadRequestError,
    ForbiddenError,
    InvalidConfigError,
    InvalidSourceError,
    NoReachableConnectionError,
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


def __getattr__(name: str) -> str:
    # Read from the installed metadata on first use: importlib.metadata costs ~30 ms to import.
    if name == "__version__":
        from importlib.metadata import version

        return version("plex-resources")
    raise AttributeError(f"module 'plex_resources' has no attribute {name!r}")


__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncPlexClient",
    "BadRequestError",
    "Candidate",
    "ClientIdentity",
    "Connection",
    "Device",
    "ForbiddenError",
    "InvalidConfigError",
    "InvalidSourceError",
    "NoReachableConnectionError",
    "NotFoundError",
    "PlexClient",
    "PlexConnectionError",
    "PlexError",
    "PlexResponseError",
    "PlexStatusError",
    "PlexTimeoutError",
    "ProbeResult",
    "RateLimitError",
    "ResponseFormat",
    "RetryPolicy",
    "SelectedConnection",
    "ServerError",
    "SourceConnectionInformation",
    "UnauthorizedError",
    "__version__",
    "rank_connections",
]
