"""Contains all the data models used in inputs/outputs"""

from .connection import Connection
from .device import Device
from .get_server_identity_accepts import GetServerIdentityAccepts
from .get_source_connection_information_accepts import (
    GetSourceConnectionInformationAccepts,
)
from .get_source_connection_information_refresh import (
    GetSourceConnectionInformationRefresh,
)
from .media_container import MediaContainer
from .server_identity import ServerIdentity
from .server_identity_response import ServerIdentityResponse
from .source_connection_information import SourceConnectionInformation
from .source_connection_information_response import SourceConnectionInformationResponse

__all__ = (
    "Connection",
    "Device",
    "GetServerIdentityAccepts",
    "GetSourceConnectionInformationAccepts",
    "GetSourceConnectionInformationRefresh",
    "MediaContainer",
    "ServerIdentity",
    "ServerIdentityResponse",
    "SourceConnectionInformation",
    "SourceConnectionInformationResponse",
)
