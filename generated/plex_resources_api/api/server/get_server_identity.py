from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_server_identity_accepts import GetServerIdentityAccepts
from ...models.server_identity_response import ServerIdentityResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    accepts: GetServerIdentityAccepts | Unset = GetServerIdentityAccepts.APPLICATIONXML,
    x_plex_client_identifier: str,
    x_plex_product: str | Unset = UNSET,
    x_plex_version: str | Unset = UNSET,
    x_plex_platform: str | Unset = UNSET,
    x_plex_platform_version: str | Unset = UNSET,
    x_plex_device: str | Unset = UNSET,
    x_plex_model: str | Unset = UNSET,
    x_plex_device_vendor: str | Unset = UNSET,
    x_plex_device_name: str | Unset = UNSET,
    x_plex_marketplace: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accepts, Unset):
        headers["accepts"] = str(accepts)

    headers["X-Plex-Client-Identifier"] = x_plex_client_identifier

    if not isinstance(x_plex_product, Unset):
        headers["X-Plex-Product"] = x_plex_product

    if not isinstance(x_plex_version, Unset):
        headers["X-Plex-Version"] = x_plex_version

    if not isinstance(x_plex_platform, Unset):
        headers["X-Plex-Platform"] = x_plex_platform

    if not isinstance(x_plex_platform_version, Unset):
        headers["X-Plex-Platform-Version"] = x_plex_platform_version

    if not isinstance(x_plex_device, Unset):
        headers["X-Plex-Device"] = x_plex_device

    if not isinstance(x_plex_model, Unset):
        headers["X-Plex-Model"] = x_plex_model

    if not isinstance(x_plex_device_vendor, Unset):
        headers["X-Plex-Device-Vendor"] = x_plex_device_vendor

    if not isinstance(x_plex_device_name, Unset):
        headers["X-Plex-Device-Name"] = x_plex_device_name

    if not isinstance(x_plex_marketplace, Unset):
        headers["X-Plex-Marketplace"] = x_plex_marketplace

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ServerIdentityResponse | str | None:
    if response.status_code == 200:
        response_200 = ServerIdentityResponse.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ServerIdentityResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    accepts: GetServerIdentityAccepts | Unset = GetServerIdentityAccepts.APPLICATIONXML,
    x_plex_client_identifier: str,
    x_plex_product: str | Unset = UNSET,
    x_plex_version: str | Unset = UNSET,
    x_plex_platform: str | Unset = UNSET,
    x_plex_platform_version: str | Unset = UNSET,
    x_plex_device: str | Unset = UNSET,
    x_plex_model: str | Unset = UNSET,
    x_plex_device_vendor: str | Unset = UNSET,
    x_plex_device_name: str | Unset = UNSET,
    x_plex_marketplace: str | Unset = UNSET,
) -> Response[ServerIdentityResponse | str]:
    """Get Server Identity

     The server's machine identifier and version. It needs no token, which makes it the
    cheap probe for whether an address reaches the expected server: its
    `machineIdentifier` equals the `clientIdentifier` of that server's device.

    Args:
        accepts (GetServerIdentityAccepts | Unset):  Default:
            GetServerIdentityAccepts.APPLICATIONXML.
        x_plex_client_identifier (str):
        x_plex_product (str | Unset):
        x_plex_version (str | Unset):
        x_plex_platform (str | Unset):
        x_plex_platform_version (str | Unset):
        x_plex_device (str | Unset):
        x_plex_model (str | Unset):
        x_plex_device_vendor (str | Unset):
        x_plex_device_name (str | Unset):
        x_plex_marketplace (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServerIdentityResponse | str]
    """

    kwargs = _get_kwargs(
        accepts=accepts,
        x_plex_client_identifier=x_plex_client_identifier,
        x_plex_product=x_plex_product,
        x_plex_version=x_plex_version,
        x_plex_platform=x_plex_platform,
        x_plex_platform_version=x_plex_platform_version,
        x_plex_device=x_plex_device,
        x_plex_model=x_plex_model,
        x_plex_device_vendor=x_plex_device_vendor,
        x_plex_device_name=x_plex_device_name,
        x_plex_marketplace=x_plex_marketplace,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    accepts: GetServerIdentityAccepts | Unset = GetServerIdentityAccepts.APPLICATIONXML,
    x_plex_client_identifier: str,
    x_plex_product: str | Unset = UNSET,
    x_plex_version: str | Unset = UNSET,
    x_plex_platform: str | Unset = UNSET,
    x_plex_platform_version: str | Unset = UNSET,
    x_plex_device: str | Unset = UNSET,
    x_plex_model: str | Unset = UNSET,
    x_plex_device_vendor: str | Unset = UNSET,
    x_plex_device_name: str | Unset = UNSET,
    x_plex_marketplace: str | Unset = UNSET,
) -> ServerIdentityResponse | str | None:
    """Get Server Identity

     The server's machine identifier and version. It needs no token, which makes it the
    cheap probe for whether an address reaches the expected server: its
    `machineIdentifier` equals the `clientIdentifier` of that server's device.

    Args:
        accepts (GetServerIdentityAccepts | Unset):  Default:
            GetServerIdentityAccepts.APPLICATIONXML.
        x_plex_client_identifier (str):
        x_plex_product (str | Unset):
        x_plex_version (str | Unset):
        x_plex_platform (str | Unset):
        x_plex_platform_version (str | Unset):
        x_plex_device (str | Unset):
        x_plex_model (str | Unset):
        x_plex_device_vendor (str | Unset):
        x_plex_device_name (str | Unset):
        x_plex_marketplace (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServerIdentityResponse | str
    """

    return sync_detailed(
        client=client,
        accepts=accepts,
        x_plex_client_identifier=x_plex_client_identifier,
        x_plex_product=x_plex_product,
        x_plex_version=x_plex_version,
        x_plex_platform=x_plex_platform,
        x_plex_platform_version=x_plex_platform_version,
        x_plex_device=x_plex_device,
        x_plex_model=x_plex_model,
        x_plex_device_vendor=x_plex_device_vendor,
        x_plex_device_name=x_plex_device_name,
        x_plex_marketplace=x_plex_marketplace,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    accepts: GetServerIdentityAccepts | Unset = GetServerIdentityAccepts.APPLICATIONXML,
    x_plex_client_identifier: str,
    x_plex_product: str | Unset = UNSET,
    x_plex_version: str | Unset = UNSET,
    x_plex_platform: str | Unset = UNSET,
    x_plex_platform_version: str | Unset = UNSET,
    x_plex_device: str | Unset = UNSET,
    x_plex_model: str | Unset = UNSET,
    x_plex_device_vendor: str | Unset = UNSET,
    x_plex_device_name: str | Unset = UNSET,
    x_plex_marketplace: str | Unset = UNSET,
) -> Response[ServerIdentityResponse | str]:
    """Get Server Identity

     The server's machine identifier and version. It needs no token, which makes it the
    cheap probe for whether an address reaches the expected server: its
    `machineIdentifier` equals the `clientIdentifier` of that server's device.

    Args:
        accepts (GetServerIdentityAccepts | Unset):  Default:
            GetServerIdentityAccepts.APPLICATIONXML.
        x_plex_client_identifier (str):
        x_plex_product (str | Unset):
        x_plex_version (str | Unset):
        x_plex_platform (str | Unset):
        x_plex_platform_version (str | Unset):
        x_plex_device (str | Unset):
        x_plex_model (str | Unset):
        x_plex_device_vendor (str | Unset):
        x_plex_device_name (str | Unset):
        x_plex_marketplace (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServerIdentityResponse | str]
    """

    kwargs = _get_kwargs(
        accepts=accepts,
        x_plex_client_identifier=x_plex_client_identifier,
        x_plex_product=x_plex_product,
        x_plex_version=x_plex_version,
        x_plex_platform=x_plex_platform,
        x_plex_platform_version=x_plex_platform_version,
        x_plex_device=x_plex_device,
        x_plex_model=x_plex_model,
        x_plex_device_vendor=x_plex_device_vendor,
        x_plex_device_name=x_plex_device_name,
        x_plex_marketplace=x_plex_marketplace,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    accepts: GetServerIdentityAccepts | Unset = GetServerIdentityAccepts.APPLICATIONXML,
    x_plex_client_identifier: str,
    x_plex_product: str | Unset = UNSET,
    x_plex_version: str | Unset = UNSET,
    x_plex_platform: str | Unset = UNSET,
    x_plex_platform_version: str | Unset = UNSET,
    x_plex_device: str | Unset = UNSET,
    x_plex_model: str | Unset = UNSET,
    x_plex_device_vendor: str | Unset = UNSET,
    x_plex_device_name: str | Unset = UNSET,
    x_plex_marketplace: str | Unset = UNSET,
) -> ServerIdentityResponse | str | None:
    """Get Server Identity

     The server's machine identifier and version. It needs no token, which makes it the
    cheap probe for whether an address reaches the expected server: its
    `machineIdentifier` equals the `clientIdentifier` of that server's device.

    Args:
        accepts (GetServerIdentityAccepts | Unset):  Default:
            GetServerIdentityAccepts.APPLICATIONXML.
        x_plex_client_identifier (str):
        x_plex_product (str | Unset):
        x_plex_version (str | Unset):
        x_plex_platform (str | Unset):
        x_plex_platform_version (str | Unset):
        x_plex_device (str | Unset):
        x_plex_model (str | Unset):
        x_plex_device_vendor (str | Unset):
        x_plex_device_name (str | Unset):
        x_plex_marketplace (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServerIdentityResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            accepts=accepts,
            x_plex_client_identifier=x_plex_client_identifier,
            x_plex_product=x_plex_product,
            x_plex_version=x_plex_version,
            x_plex_platform=x_plex_platform,
            x_plex_platform_version=x_plex_platform_version,
            x_plex_device=x_plex_device,
            x_plex_model=x_plex_model,
            x_plex_device_vendor=x_plex_device_vendor,
            x_plex_device_name=x_plex_device_name,
            x_plex_marketplace=x_plex_marketplace,
        )
    ).parsed
