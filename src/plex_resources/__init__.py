"""Plex Media Server source connection information: typed client for GET /security/resources."""

from importlib.metadata import version as _version

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

__version__ = _version("plex-resources")

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
