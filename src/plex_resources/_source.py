"""Checks a source identifier against the form Plex documents before any request is made."""

from __future__ import annotations

import re

from .errors import InvalidSourceError

# The pattern of openapi.yaml's `source` parameter, Plex's own:
# {SOURCE_TYPE}://{SOURCE_ID}/{PROVIDER_ID?}
SOURCE_PATTERN = re.compile(r"^(server|provider)://([a-fA-F0-9-]+)?/?([^/]+)$")
# Far above any real source (a 40-character id plus a provider id); keeps URLs sane.
MAX_LENGTH = 512


def check_source(source: object) -> str:
    """Return source if it has the documented form, else raise InvalidSourceError."""
    if not isinstance(source, str):
        raise InvalidSourceError(
            f"source must be a str such as 'server://<machineIdentifier>', "
            f"not {type(source).__name__}"
        )
    # Plex's pattern lets spaces and control characters through; no real source holds them.
    unusual = not source.isprintable() or any(c.isspace() for c in source)
    if unusual or len(source) > MAX_LENGTH or SOURCE_PATTERN.match(source) is None:
        shown = (
            source if len(source) <= 80 else source[:77] + "..."
        )  # keep messages short
        raise InvalidSourceError(
            f"source {shown!r} is not of the form 'server://<machineIdentifier>' "
            "or 'provider://<provider id>' (for example "
            "'server://243b471948ace337a8f92f129ec97d1902fcb1df' or "
            "'provider://tv.plex.provider.podcasts')"
        )
    return source
