from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_source_connection_information_accepts import (
    GetSourceConnectionInformationAccepts,
)
from ...models.get_source_connection_information_refresh import (
    GetSourceConnectionInformationRefresh,
)
from ...models.source_connection_information_response import (
    SourceConnectionInformationResponse,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    source: str,
    refresh: GetSourceConnectionInformationRefresh | Unset = UNSET,
    accepts: GetSourceConnectionInformationAccepts
    | Unset = GetSourceConnectionInformationAccepts.APPLICATIONXML,
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

    params: dict[str, Any] = {}

    params["source"] = source

    json_refresh: int | Unset = UNSET
    if not isinstance(refresh, Unset):
        json_refresh = refresh.value

    params["refresh"] = json_refresh

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/security/resources",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SourceConnectionInformationResponse | str | None:
    if response.status_code == 200:
        response_200 = SourceConnectionInformationResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = response.text
        return response_400

    if response.status_code == 401:
        response_401 = response.text
        return response_401

    if response.status_code == 403:
        response_403 = response.text
        return response_403

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SourceConnectionInformationResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    source: str,
    refresh: GetSourceConnectionInformationRefresh | Unset = UNSET,
    accepts: GetSourceConnectionInformationAccepts
    | Unset = GetSourceConnectionInformationAccepts.APPLICATIONXML,
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
) -> Response[SourceConnectionInformationResponse | str]:
    """Get Source Connection Information

     If a caller requires connection details and a transient token for a source that is known
    to the server, for example a cloud media provider or shared PMS, then this endpoint can
    be called. This endpoint is only accessible with either an admin token or a valid
    transient token generated from an admin token.

    The returned `accessToken` is a transient token: it is valid for up to 48 hours and is
    destroyed when the server restarts. It is a credential and must be handled as one.

    Args:
        source (str):
        refresh (GetSourceConnectionInformationRefresh | Unset):
        accepts (GetSourceConnectionInformationAccepts | Unset):  Default:
            GetSourceConnectionInformationAccepts.APPLICATIONXML.
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
        Response[SourceConnectionInformationResponse | str]
    """

    kwargs = _get_kwargs(
        source=source,
        refresh=refresh,
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
    client: AuthenticatedClient | Client,
    source: str,
    refresh: GetSourceConnectionInformationRefresh | Unset = UNSET,
    accepts: GetSourceConnectionInformationAccepts
    | Unset = GetSourceConnectionInformationAccepts.APPLICATIONXML,
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
) -> SourceConnectionInformationResponse | str | None:
    """Get Source Connection Information

     If a caller requires connection details and a transient token for a source that is known
    to the server, for example a cloud media provider or shared PMS, then this endpoint can
    be called. This endpoint is only accessible with either an admin token or a valid
    transient token generated from an admin token.

    The returned `accessToken` is a transient token: it is valid for up to 48 hours and is
    destroyed when the server restarts. It is a credential and must be handled as one.

    Args:
        source (str):
        refresh (GetSourceConnectionInformationRefresh | Unset):
        accepts (GetSourceConnectionInformationAccepts | Unset):  Default:
            GetSourceConnectionInformationAccepts.APPLICATIONXML.
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
        SourceConnectionInformationResponse | str
    """

    return sync_detailed(
        client=client,
        source=source,
        refresh=refresh,
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
    client: AuthenticatedClient | Client,
    source: str,
    refresh: GetSourceConnectionInformationRefresh | Unset = UNSET,
    accepts: GetSourceConnectionInformationAccepts
    | Unset = GetSourceConnectionInformationAccepts.APPLICATIONXML,
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
) -> Response[SourceConnectionInformationResponse | str]:
    """Get Source Connection Information

     If a caller requires connection details and a transient token for a source that is known
    to the server, for example a cloud media provider or shared PMS, then this endpoint can
    be called. This endpoint is only accessible with either an admin token or a valid
    transient token generated from an admin token.

    The returned `accessToken` is a transient token: it is valid for up to 48 hours and is
    destroyed when the server restarts. It is a credential and must be handled as one.

    Args:
        source (str):
        refresh (GetSourceConnectionInformationRefresh | Unset):
        accepts (GetSourceConnectionInformationAccepts | Unset):  Default:
            GetSourceConnectionInformationAccepts.APPLICATIONXML.
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
        Response[SourceConnectionInformationResponse | str]
    """

    kwargs = _get_kwargs(
        source=source,
        refresh=refresh,
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
    client: AuthenticatedClient | Client,
    source: str,
    refresh: GetSourceConnectionInformationRefresh | Unset = UNSET,
    accepts: GetSourceConnectionInformationAccepts
    | Unset = GetSourceConnectionInformationAccepts.APPLICATIONXML,
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
) -> SourceConnectionInformationResponse | str | None:
    """Get Source Connection Information

     If a caller requires connection details and a transient token for a source that is known
    to the server, for example a cloud media provider or shared PMS, then this endpoint can
    be called. This endpoint is only accessible with either an admin token or a valid
    transient token generated from an admin token.

    The returned `accessToken` is a transient token: it is valid for up to 48 hours and is
    destroyed when the server restarts. It is a credential and must be handled as one.

    Args:
        source (str):
        refresh (GetSourceConnectionInformationRefresh | Unset):
        accepts (GetSourceConnectionInformationAccepts | Unset):  Default:
            GetSourceConnectionInformationAccepts.APPLICATIONXML.
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
        SourceConnectionInformationResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            source=source,
            refresh=refresh,
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
