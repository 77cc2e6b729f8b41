from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServerIdentity")


@_attrs_define
class ServerIdentity:
    """The container of an identity answer, holding the server's own identity.

    Attributes:
        machine_identifier (str): The server's unique identifier: the `clientIdentifier` of its device, and the id
            in `server://` sources.
             Example: 0123456789abcdef0123456789abcdef.
        identifier (str | Unset): Unique identifier for this container.
        offset (int | Unset): Starting index of this page (for pagination); also sent as `X-Plex-Container-Start`.
        size (int | Unset): Number of items in this response page.
        total_size (int | Unset): Total number of items available; also sent as `X-Plex-Container-Total-Size`.
        claimed (bool | Unset): Whether the server is claimed by a Plex account. Example: True.
        version (str | Unset): The Plex Media Server version. Example: 1.40.2.8395-c67dce28e.
    """

    machine_identifier: str
    identifier: str | Unset = UNSET
    offset: int | Unset = UNSET
    size: int | Unset = UNSET
    total_size: int | Unset = UNSET
    claimed: bool | Unset = UNSET
    version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        machine_identifier = self.machine_identifier

        identifier = self.identifier

        offset = self.offset

        size = self.size

        total_size = self.total_size

        claimed = self.claimed

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "machineIdentifier": machine_identifier,
            }
        )
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if offset is not UNSET:
            field_dict["offset"] = offset
        if size is not UNSET:
            field_dict["size"] = size
        if total_size is not UNSET:
            field_dict["totalSize"] = total_size
        if claimed is not UNSET:
            field_dict["claimed"] = claimed
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        machine_identifier = d.pop("machineIdentifier")

        identifier = d.pop("identifier", UNSET)

        offset = d.pop("offset", UNSET)

        size = d.pop("size", UNSET)

        total_size = d.pop("totalSize", UNSET)

        claimed = d.pop("claimed", UNSET)

        version = d.pop("version", UNSET)

        server_identity = cls(
            machine_identifier=machine_identifier,
            identifier=identifier,
            offset=offset,
            size=size,
            total_size=total_size,
            claimed=claimed,
            version=version,
        )

        server_identity.additional_properties = d
        return server_identity

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
