from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.server_identity import ServerIdentity


T = TypeVar("T", bound="ServerIdentityResponse")


@_attrs_define
class ServerIdentityResponse:
    """The 200 answer of `GET /identity`.

    Attributes:
        media_container (ServerIdentity): The container of an identity answer, holding the server's own identity.
    """

    media_container: ServerIdentity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        media_container = self.media_container.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "MediaContainer": media_container,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.server_identity import ServerIdentity  # noqa: PLC0415

        d = dict(src_dict)
        media_container = ServerIdentity.from_dict(d.pop("MediaContainer"))

        server_identity_response = cls(
            media_container=media_container,
        )

        server_identity_response.additional_properties = d
        return server_identity_response

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
