"""Masks secrets in what the SDK shows: URLs and excerpts of answer bodies."""

from __future__ import annotations

import re
from collections.abc import Iterable

import httpx

from plex_resources_api.wire_types import SECRETS

MASK = "***"
EXCERPT_LIMIT = 200
_SCAN_LIMIT = 64 * 1024  # bytes of a body read to make an excerpt

_SECRET_NAMES = sorted(
    {name for names in SECRETS.values() for name in names} | {"X-Plex-Token"}
)
# `accessToken="…"` (XML), `"accessToken": "…"` (JSON), `X-Plex-Token=…` (query strings).
_NAMES_PATTERN = "|".join(re.escape(name) for name in _SECRET_NAMES)
_SECRET_VALUE = re.compile(
    rf"""(?P<key>["']?(?:{_NAMES_PATTERN})["']?\s*[:=]\s*["']?)(?P<value>[^"'&\s<>,}}]+)""",
    re.IGNORECASE,
)


def mask_secrets(text: str, secrets: Iterable[str] = ()) -> str:
    """Replace known secret values, and any value of a secret-named field, with ***."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    return _SECRET_VALUE.sub(lambda m: m.group("key") + MASK, text)


def safe_url(url: httpx.URL) -> str:
    """The URL without a password or any token in its query: fit for messages and logs."""
    if url.password:
        url = url.copy_with(password=MASK)
    if any(key.lower() == "x-plex-token" for key in url.params):
        params = [
            (key, MASK if key.lower() == "x-plex-token" else value)
            for key, value in url.params.multi_items()
        ]
        url = url.copy_with(params=params)
    return str(url)


def body_excerpt(body: bytes, secrets: Iterable[str] = ()) -> str:
    """The start of a body as one line of text, secrets masked."""
    # Mask before cutting, so that no secret is cut in half and shown in part.
    text = body[:_SCAN_LIMIT].decode("utf-8", errors="replace")
    text = " ".join(mask_secrets(text, secrets).split())
    return text if len(text) <= EXCERPT_LIMIT else text[: EXCERPT_LIMIT - 3] + "..."
