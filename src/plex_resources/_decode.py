"""Decodes 200 answers into the generated models by their Content-Type, JSON or XML alike."""

from __future__ import annotations

import json
from typing import Any

from plex_resources_api.models import (
    ServerIdentity,
    ServerIdentityResponse,
    SourceConnectionInformation,
    SourceConnectionInformationResponse,
)

from ._redact import body_excerpt
from ._wire import normalize
from ._xml import decode_xml
from .errors import PlexResponseError


def media_type(content_type: str | None) -> str:
    """`application/json; charset=utf-8` -> `application/json`."""
    return (content_type or "").partition(";")[0].strip().lower()


def is_json(kind: str) -> bool:
    return kind == "application/json" or kind.endswith("+json")


def is_xml(kind: str) -> bool:
    return kind in ("application/xml", "text/xml") or kind.endswith("+xml")


def decode_source_connection_information(
    body: bytes, content_type: str | None, secrets: tuple[str, ...] = ()
) -> SourceConnectionInformation:
    """Decode a 200 answer of GET /security/resources, whichever format the server chose."""
    envelope = "SourceConnectionInformationResponse"
    checked = decode_document(body, content_type, envelope, secrets)
    return SourceConnectionInformationResponse.from_dict(checked).media_container


def decode_server_identity(
    body: bytes, content_type: str | None, secrets: tuple[str, ...] = ()
) -> ServerIdentity:
    """Decode a 200 answer of GET /identity, whichever format the server chose."""
    checked = decode_document(body, content_type, "ServerIdentityResponse", secrets)
    return ServerIdentityResponse.from_dict(checked).media_container


def decode_document(
    body: bytes, content_type: str | None, envelope: str, secrets: tuple[str, ...]
) -> dict[str, Any]:
    """The answer as a dict checked against schema `envelope`, from JSON or XML by Content-Type."""
    kind = media_type(content_type)
    if is_json(kind):
        try:
            document = json.loads(body)
        except UnicodeDecodeError as error:
            raise PlexResponseError(
                f"JSON answer is not valid UTF-8 text (byte {error.start})"
            ) from None
        except json.JSONDecodeError as error:
            raise PlexResponseError(
                f"JSON answer is not valid JSON ({error.msg} at line {error.lineno}, "
                f"column {error.colno})"
            ) from None
        except RecursionError:
            raise PlexResponseError(
                "JSON answer is nested too deeply to be real"
            ) from None
        except ValueError as error:  # an integer past Python's 4,300-digit limit
            raise PlexResponseError(
                f"JSON answer is not valid JSON ({error})"
            ) from None
    elif is_xml(kind):
        document = decode_xml(body, envelope)
    else:
        shown = kind or "no Content-Type"
        raise PlexResponseError(
            f"expected a JSON or XML answer, got {shown}: {body_excerpt(body, secrets)!r}; "
            "is base_url a Plex Media Server?"
        )
    return normalize(document, envelope, "answer")
