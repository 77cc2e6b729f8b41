from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.device import Device


T = TypeVar("T", bound="SourceConnectionInformation")


@_attrs_define
class SourceConnectionInformation:
    """The container of a source connection answer, holding the source's device.

    Attributes:
        device (Device): The device behind the source, with its transient token and connection candidates.
        identifier (str | Unset): Unique identifier for this container.
        offset (int | Unset): Starting index of this page (for pagination); also sent as `X-Plex-Container-Start`.
        size (int | Unset): Number of items in this response page.
        total_size (int | Unset): Total number of items available; also sent as `X-Plex-Container-Total-Size`.
    """

    device: Device
    identifier: str | Unset = UNSET
    offset: int | Unset = UNSET
    size: int | Unset = UNSET
    total_size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device = self.device.to_dict()

        identifier = self.identifier

        offset = self.offset

        size = self.size

        total_size = self.total_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Device": device,
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.device import Device  # noqa: PLC0415

        d = dict(src_dict)
        device = Device.from_dict(d.pop("Device"))

        identifier = d.pop("identifier", UNSET)

        offset = d.pop("offset", UNSET)

        size = d.pop("size", UNSET)

        total_size = d.pop("totalSize", UNSET)

        source_connection_information = cls(
            device=device,
            identifier=identifier,
            offset=offset,
            size=size,
            total_size=total_size,
        )

        source_connection_information.additional_properties = d
        return source_connection_information

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
