"""ClientIdentity: who is calling, sent as the X-Plex-* headers on every request."""

from __future__ import annotations

import unicodedata
from typing import Any

import attrs

from .errors import InvalidConfigError

# Field name -> the X-Plex header Plex documents for it.
HEADER_NAMES = {
    "client_identifier": "X-Plex-Client-Identifier",
    "product": "X-Plex-Product",
    "version": "X-Plex-Version",
    "platform": "X-Plex-Platform",
    "platform_version": "X-Plex-Platform-Version",
    "device": "X-Plex-Device",
    "model": "X-Plex-Model",
    "device_vendor": "X-Plex-Device-Vendor",
    "device_name": "X-Plex-Device-Name",
    "marketplace": "X-Plex-Marketplace",
}


def check_header_text(what: str, value: object) -> None:
    """Reject what cannot travel in one HTTP header value: non-strings, blanks, control characters."""
    if not isinstance(value, str):
        raise InvalidConfigError(f"{what} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise InvalidConfigError(f"{what} is empty; give a value or leave it out")
    # Control characters (CR/LF above all) would split or corrupt the header.
    bad = next((c for c in value if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        raise InvalidConfigError(
            f"{what} contains the control character {bad!r}; header values must be one line "
            "of printable text"
        )


def _check(
    instance: ClientIdentity, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        check_header_text(f"ClientIdentity.{attribute.name}", value)


@attrs.frozen(kw_only=True)
class ClientIdentity:
    """The calling app, sent as X-Plex-* headers; only `client_identifier` is required.

    `client_identifier` should be unique and stable per installation of your app. Values may
    hold any printable Unicode ("Küche TV"): they are sent as UTF-8, which Plex servers read.
    """

    client_identifier: str = attrs.field(validator=_check)
    product: str | None = attrs.field(default=None, validator=_check)
    version: str | None = attrs.field(default=None, validator=_check)
    platform: str | None = attrs.field(default=None, validator=_check)
    platform_version: str | None = attrs.field(default=None, validator=_check)
    device: str | None = attrs.field(default=None, validator=_check)
    model: str | None = attrs.field(default=None, validator=_check)
    device_vendor: str | None = attrs.field(default=None, validator=_check)
    device_name: str | None = attrs.field(default=None, validator=_check)
    marketplace: str | None = attrs.field(default=None, validator=_check)

    @property
    def headers(self) -> dict[str, str]:
        """The X-Plex-* headers this identity sends, unset ones left out."""
        return {
            header: value
            for name, header in HEADER_NAMES.items()
            if (value := getattr(self, name)) is not None
        }

    def endpoint_arguments(self) -> dict[str, str]:
        """The generated endpoint functions' keyword arguments (`x_plex_product=…`) for this identity."""
        return {
            f"x_plex_{name}": value
            for name in HEADER_NAMES
            if (value := getattr(self, name)) is not None
        }
