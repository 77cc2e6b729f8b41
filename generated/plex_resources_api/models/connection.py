from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Connection")


@_attrs_define
class Connection:
    """One way to reach the device. Prefer local connections over remote ones, and use relay
    connections only as a last resort: their bandwidth is limited.

        Attributes:
            protocol (str): The scheme, `http` or `https`. Example: https.
            address (str): The IP address or host name of the connection. Example: 10.0.2.123.
            port (int): The TCP port of the connection. Example: 32400.
            uri (str): The full URI; for https, a `*.plex.direct` name with a valid certificate. Example:
                https://10-0-2-123.93b10b279ff8456686414add109854cd.plex.direct:32400.
            local (bool): Whether the connection is on the caller's local network. Example: True.
            relay (bool | Unset): Whether the connection goes through Plex's relay; the server omits it unless true.
                Example: True.
    """

    protocol: str
    address: str
    port: int
    uri: str
    local: bool
    relay: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        protocol = self.protocol

        address = self.address

        port = self.port

        uri = self.uri

        local = self.local

        relay = self.relay

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "protocol": protocol,
                "address": address,
                "port": port,
                "uri": uri,
                "local": local,
            }
        )
        if relay is not UNSET:
            field_dict["relay"] = relay

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        protocol = d.pop("protocol")

        address = d.pop("address")

        port = d.pop("port")

        uri = d.pop("uri")

        local = d.pop("local")

        relay = d.pop("relay", UNSET)

        connection = cls(
            protocol=protocol,
            address=address,
            port=port,
            uri=uri,
            local=local,
            relay=relay,
        )

        connection.additional_properties = d
        return connection

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
