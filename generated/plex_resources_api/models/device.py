from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.connection import Connection


T = TypeVar("T", bound="Device")


@_attrs_define
class Device:
    """The device behind the source, with its transient token and connection candidates.

    Attributes:
        name (str): The device's friendly name. Example: PlexCorp (plex-corp).
        client_identifier (str): The device's identifier; for a server, its `machineIdentifier`. Example:
            243b471948ace337a8f92f129ec97d1902fcb1df.
        access_token (str): A transient token for this device: valid for up to 48 hours and destroyed when the
            server restarts. A credential: never log or print it.
             Example: transient-fa75f159-b9d2-42b6-8fbd-1761c7a4195a.
        connection (list[Connection]): The connection candidates, in the server's order.
    """

    name: str
    client_identifier: str
    access_token: str = _attrs_field(repr=False, metadata={"secret": True})
    connection: list[Connection]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        client_identifier = self.client_identifier

        access_token = self.access_token

        connection = []
        for connection_item_data in self.connection:
            connection_item = connection_item_data.to_dict()
            connection.append(connection_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "clientIdentifier": client_identifier,
                "accessToken": access_token,
                "Connection": connection,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connection import Connection  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        client_identifier = d.pop("clientIdentifier")

        access_token = d.pop("accessToken")

        connection = []
        _connection = d.pop("Connection")
        for connection_item_data in _connection:
            connection_item = Connection.from_dict(connection_item_data)

            connection.append(connection_item)

        device = cls(
            name=name,
            client_identifier=client_identifier,
            access_token=access_token,
            connection=connection,
        )

        device.additional_properties = d
        return device

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
