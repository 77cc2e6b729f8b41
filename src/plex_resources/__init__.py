"""Plex Media Server source connection information: typed client for GET /security/resources."""

from importlib.metadata import version as _version

from plex_resources_api.models import Connection, Device, SourceConnectionInformation

from ._client import AsyncPlexClient, PlexClient
from ._config import DEFAULT_TIMEOUT, ResponseFormat
from ._identity import ClientIdentity
from ._retry import RetryPolicy
from .errors import (
    BadRequestError,
    ForbiddenError,
    InvalidConfigError,
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

__version__ = _version("plex-resources")

__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncPlexClient",
    "BadRequestError",
    "ClientIdentity",
    "Connection",
    "Device",
    "ForbiddenError",
    "InvalidConfigError",
    "InvalidSourceError",
    "NotFoundError",
    "PlexClient",
    "PlexConnectionError",
    "PlexError",
    "PlexResponseError",
    "PlexStatusError",
    "PlexTimeoutError",
    "RateLimitError",
    "ResponseFormat",
    "RetryPolicy",
    "ServerError",
    "SourceConnectionInformation",
    "UnauthorizedError",
    "__version__",
]
