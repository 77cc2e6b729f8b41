from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MediaContainer")


@_attrs_define
class MediaContainer:
    """MediaContainer is the root element of most Plex API responses. It serves as a generic
    container for various types of content (Metadata, Hubs, Directories, etc.) and includes
    pagination information (offset, size, totalSize) when applicable. Common attributes:
    - identifier: Unique identifier for this container
    - size: Number of items in this response page
    - totalSize: Total number of items available (for pagination)
    - offset: Starting index of this page (for pagination)

    The container often "hoists" common attributes from its children. For example, if all
    tracks in a container share the same album title, the parentTitle attribute may appear
    on the MediaContainer rather than being repeated on each track.

        Attributes:
            identifier (str | Unset): Unique identifier for this container.
            offset (int | Unset): Starting index of this page (for pagination); also sent as `X-Plex-Container-Start`.
            size (int | Unset): Number of items in this response page.
            total_size (int | Unset): Total number of items available; also sent as `X-Plex-Container-Total-Size`.
    """

    identifier: str | Unset = UNSET
    offset: int | Unset = UNSET
    size: int | Unset = UNSET
    total_size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identifier = self.identifier

        offset = self.offset

        size = self.size

        total_size = self.total_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        d = dict(src_dict)
        identifier = d.pop("identifier", UNSET)

        offset = d.pop("offset", UNSET)

        size = d.pop("size", UNSET)

        total_size = d.pop("totalSize", UNSET)

        media_container = cls(
            identifier=identifier,
            offset=offset,
            size=size,
            total_size=total_size,
        )

        media_container.additional_properties = d
        return media_container

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
