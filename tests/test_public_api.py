"""The public surface: what `plex_resources` exports, pinned, and typed as users will see it."""

from __future__ import annotations

import asyncio
import inspect

import plex_resources
from plex_resources import AsyncPlexClient, PlexClient, errors

EXPORTS = [
    "DEFAULT_TIMEOUT", "AsyncPlexClient", "BadRequestError", "Candidate", "ClientIdentity",
    "Connection", "Device", "ForbiddenError", "InvalidConfigError", "InvalidSourceError",
    "NoReachableConnectionError", "NotFoundError", "PlexClient", "PlexConnectionError",
    "PlexError", "PlexResponseError", "PlexStatusError", "PlexTimeoutError", "ProbeResult",
    "RateLimitError", "ResponseFormat", "RetryPolicy", "SelectedConnection", "ServerError",
    "SourceConnectionInformation", "UnauthorizedError", "__version__", "rank_connections",
]  # fmt: skip


def test_all_is_pinned() -> None:
    assert sorted(plex_resources.__all__) == sorted(EXPORTS)
    for name in plex_resources.__all__:
        assert hasattr(plex_resources, name), name


def test_errors_module_exports_every_error_class() -> None:
    classes = {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, Exception)
    }
    assert set(errors.__all__) == classes
    assert set(errors.__all__) <= set(plex_resources.__all__)


def test_sync_and_async_clients_mirror_each_other() -> None:
    sync_sig = inspect.signature(PlexClient.__init__)
    async_sig = inspect.signature(AsyncPlexClient.__init__)
    assert list(sync_sig.parameters) == list(async_sig.parameters)
    for name, param in sync_sig.parameters.items():
        if name not in ("self", "base_url"):
            assert param.kind is inspect.Parameter.KEYWORD_ONLY, name
        if name != "http_client":
            assert async_sig.parameters[name].default == param.default
    assert inspect.signature(
        PlexClient.get_source_connection_information
    ) == inspect.signature(AsyncPlexClient.get_source_connection_information)
    assert asyncio.iscoroutinefunction(
        AsyncPlexClient.get_source_connection_information
    )


def test_every_public_class_has_a_docstring() -> None:
    for name in plex_resources.__all__:
        value = getattr(plex_resources, name)
        if inspect.isclass(value):
            assert (value.__doc__ or "").strip(), name
