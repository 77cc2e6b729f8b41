"""Test doubles for code that uses plex_resources: a fake Plex Media Server and misbehaving peers.

FakePlexServer   answers /security/resources and /identity on loopback, with queued Faults
SilentServer     accepts connections and never answers
refused_port()   a loopback port where connecting is refused
"""

from ._render import render_xml
from ._server import FakePlexServer, Fault, RecordedRequest
from ._silent import SilentServer, refused_port

__all__ = [
    "FakePlexServer",
    "Fault",
    "RecordedRequest",
    "SilentServer",
    "refused_port",
    "render_xml",
]
