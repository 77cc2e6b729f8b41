"""PlexClient and AsyncPlexClient: GET /security/resources with retries, typed errors and no leaks.

Both share `_ClientCore`, which builds each request through the generated endpoint module and
interprets each answer; the two classes differ only where I/O and waiting happen.

Requests are built with the generated `_get_kwargs` and answers decoded here rather than by the
generated `sync_detailed`: the generated parser calls `response.json()` on every 200, which
fails on Plex's default XML, and checks no field types.
"""

from __future__ import annotations

import logging
import ssl
import threading
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

import httpx

from plex_resources_api.api.security import (
    get_source_connection_information as endpoint,
)
from plex_resources_api.models import (
    Device,
    GetSourceConnectionInformationAccepts,
    GetSourceConnectionInformationRefresh,
    SourceConnectionInformation,
)
from plex_resources_api.types import UNSET

from ._body import (
    ACCEPT_ENCODING,
    DEFAULT_MAX_ANSWER_BYTES,
    aread_limited,
    read_limited,
)
from ._config import (
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_PROBE_TIMEOUT,
    DEFAULT_TIMEOUT,
    MEDIA_TYPES,
    ResponseFormat,
    check_base_url,
    check_count,
    check_probe_timeout,
    check_response_format,
    check_timeout,
    check_token,
)
from ._decode import decode_source_connection_information
from ._identity import ClientIdentity
from ._redact import MASK, safe_url
from ._retry import RETRY_STATUSES, RetryPolicy, as_retry_policy, parse_retry_after
from ._source import check_source
from ._status import status_error
from .connections import SelectedConnection, rank_connections
from .errors import (
    InvalidConfigError,
    PlexConnectionError,
    PlexError,
    PlexResponseError,
    PlexTimeoutError,
)

logger = logging.getLogger("plex_resources")

REFRESH = GetSourceConnectionInformationRefresh.VALUE_1
# Built requests kept per client; an app asks for a handful of sources, not thousands.
_CALL_CACHE_SIZE = 256


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


async def _async_sleep(seconds: float) -> None:
    import asyncio  # here, not at import: only async callers need it (~15 ms)

    await asyncio.sleep(seconds)


@dataclass(frozen=True, slots=True)
class _Call:
    """One request, ready to send: what the generated endpoint built, headers as UTF-8 bytes."""

    method: str
    url: str
    params: dict[str, Any]
    headers: dict[bytes, bytes]

    @property
    def shown_url(self) -> str:
        return safe_url(httpx.URL(self.url, params=self.params))


class _ClientCore:
    """Settings, request building and answer handling shared by both clients; no I/O."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str,
        identity: ClientIdentity,
        timeout: float | httpx.Timeout,
        retries: int | RetryPolicy,
        verify: bool | ssl.SSLContext,
        response_format: ResponseFormat,
        max_answer_bytes: int,
        max_concurrency: int,
        http_client: object,
        http_client_type: type,
    ) -> None:
        if http_client is not None and not isinstance(http_client, http_client_type):
            kind = f"{http_client_type.__module__}.{http_client_type.__qualname__}"
            raise InvalidConfigError(
                f"http_client must be an {kind}, not {type(http_client).__name__}"
            )
        owns_http_client = http_client is None
        self._owns_http_client = owns_http_client
        if not isinstance(identity, ClientIdentity):
            raise InvalidConfigError(
                "identity must be a ClientIdentity, e.g. "
                "ClientIdentity(client_identifier='my-app-1234')"
            )
        if not owns_http_client and verify is not True:
            raise InvalidConfigError(
                "verify applies only to the client PlexClient builds; with http_client=, "
                "configure verification on that client"
            )
        self.base_url = check_base_url(base_url)
        self.identity = identity
        self.timeout = check_timeout(timeout)
        self.retry_policy = as_retry_policy(retries)
        self.response_format = check_response_format(response_format)
        self._token = check_token(token)
        self._secrets = (self._token,)
        self._accepts = GetSourceConnectionInformationAccepts(
            MEDIA_TYPES[self.response_format]
        )
        self._identity_arguments = identity.endpoint_arguments()
        self.max_answer_bytes = check_count("max_answer_bytes", max_answer_bytes)
        self.max_concurrency = check_count("max_concurrency", max_concurrency)
        # The pool the client builds holds max_concurrency connections, all kept alive.
        self._limits = httpx.Limits(
            max_connections=self.max_concurrency,
            max_keepalive_connections=self.max_concurrency,
        )
        self._calls: dict[tuple[str, bool], _Call] = {}
        # One TLS context for the client and every probe pool: loading the CA certificates
        # costs ~40 ms, sharing them nothing.
        self._ssl_context = (
            httpx.create_ssl_context(verify=verify) if owns_http_client else None
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, token={MASK!r}, "
            f"identity={self.identity!r}, response_format={self.response_format!r})"
        )

    def _call_for(self, source: str, refresh: bool) -> _Call:
        """The request for this source, built once: the same source always gives the same one."""
        key = (source, refresh)
        call = self._calls.get(key)
        if call is None:
            if len(self._calls) >= _CALL_CACHE_SIZE:
                self._calls.clear()
            call = self._calls[key] = self._build_call(source, refresh)
        return call

    def _build_call(self, source: str, refresh: bool) -> _Call:
        kwargs = endpoint._get_kwargs(
            source=check_source(source),
            refresh=REFRESH if refresh else UNSET,
            accepts=self._accepts,
            **self._identity_arguments,
        )
        headers: dict[str, str] = kwargs["headers"]
        # The server negotiates on the standard Accept header, which OpenAPI cannot describe.
        headers["Accept"] = str(self._accepts)
        headers["X-Plex-Token"] = self._token
        headers["Accept-Encoding"] = ACCEPT_ENCODING
        return _Call(
            method=kwargs["method"].upper(),
            url=self.base_url + kwargs["url"],
            params=kwargs["params"],
            # httpx would encode str values as ASCII; Plex reads UTF-8 ("Küche TV").
            headers={
                name.encode("ascii"): value.encode("utf-8")
                for name, value in headers.items()
            },
        )

    def _after_attempt(
        self,
        call: _Call,
        retry: int,
        started: float,
        response: httpx.Response | None,
        body: bytes,
        failure: httpx.HTTPError | None,
    ) -> SourceConnectionInformation | float:
        """The model, or seconds to wait before retrying; raises the PlexError when done."""
        if response is not None:
            self._log_answer(call, response, started)
        elif failure is not None and not isinstance(failure, httpx.TransportError):
            raise self._transport_error(call, failure) from failure
        delay = self._retry_delay(retry, response)
        if delay is not None:
            self._log_retry(call, _outcome(response, failure), retry, delay)
            return delay
        if failure is not None:
            raise self._transport_error(call, failure) from failure
        if response is None:  # pragma: no cover - one of the two is always set
            raise AssertionError("an attempt ended with neither an answer nor an error")
        return self._interpret(call, response, body)

    def _retry_delay(self, retry: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before retrying, or None when this outcome must not be retried."""
        if retry >= self.retry_policy.max_retries:
            return None
        if response is None:  # a connection error or timeout
            return self.retry_policy.delay(retry, None)
        if response.status_code not in RETRY_STATUSES:
            return None
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        return self.retry_policy.delay(retry, retry_after)

    def _interpret(
        self, call: _Call, response: httpx.Response, body: bytes
    ) -> SourceConnectionInformation:
        """The decoded model of a 200 answer; the matching PlexError for anything else."""
        if response.status_code != 200:
            raise status_error(response, body, self._secrets)
        try:
            return decode_source_connection_information(
                body, response.headers.get("Content-Type"), self._secrets
            )
        except PlexResponseError as error:
            raise self._for_call(call, error) from None

    def _request(
        self, http: httpx.Client | httpx.AsyncClient, call: _Call
    ) -> httpx.Request:
        return http.build_request(
            call.method,
            call.url,
            params=call.params,
            headers=call.headers,
            timeout=self.timeout,
        )

    def _for_call(self, call: _Call, error: PlexResponseError) -> PlexResponseError:
        """The same error, its message and attributes naming the request it answered."""
        return PlexResponseError(
            f"{call.method} {call.shown_url}: {error}",
            method=call.method,
            url=call.shown_url,
        )

    def _transport_error(self, call: _Call, error: httpx.HTTPError) -> PlexError:
        """The PlexError for an httpx failure that left no answer to interpret."""
        where = f"{call.method} {call.shown_url}"
        if isinstance(error, httpx.DecodingError):
            return PlexResponseError(
                f"{where}: the answer's content encoding is broken ({error})",
                method=call.method,
                url=call.shown_url,
            )
        if isinstance(error, httpx.TimeoutException):
            return PlexTimeoutError(
                f"{where} timed out ({type(error).__name__}) after "
                f"{self.retry_policy.max_retries} retries; the server is slow or unreachable, "
                "raise timeout= or check base_url",
                method=call.method,
                url=call.shown_url,
            )
        return PlexConnectionError(
            f"{where} failed: {type(error).__name__}: {error or 'no detail'}; check that the "
            "server is running and that base_url is right",
            method=call.method,
            url=call.shown_url,
        )

    def _log_answer(
        self, call: _Call, response: httpx.Response, started: float
    ) -> None:
        # Checked first: building the shown URL costs more than the rest of the log call.
        if not logger.isEnabledFor(logging.DEBUG):
            return
        logger.debug(
            "%s %s answered %d in %.1f ms",
            call.method,
            call.shown_url,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )

    def _log_retry(self, call: _Call, outcome: str, retry: int, delay: float) -> None:
        logger.info(
            "%s %s: %s; retry %d of %d in %.2f s",
            call.method,
            call.shown_url,
            outcome,
            retry + 1,
            self.retry_policy.max_retries,
            delay,
        )


def _outcome(response: httpx.Response | None, error: httpx.HTTPError | None) -> str:
    if response is not None:
        return f"answered {response.status_code}"
    return type(error).__name__


class PlexClient(_ClientCore):
    """Synchronous client for GET /security/resources on one Plex Media Server.

    >>> identity = ClientIdentity(client_identifier="my-app-1234", product="My App")
    >>> with PlexClient("http://127.0.0.1:32400", token=TOKEN, identity=identity) as plex:
    ...     info = plex.get_source_connection_information("server://243b4719...")

    `http_client` takes a caller-built `httpx.Client` (custom transport, proxies, tests); the
    caller then owns and closes it, and `verify` must be configured on it.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str,
        identity: ClientIdentity,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retries: int | RetryPolicy = 2,
        verify: bool | ssl.SSLContext = True,
        response_format: ResponseFormat = "json",
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            base_url,
            token=token,
            identity=identity,
            timeout=timeout,
            retries=retries,
            verify=verify,
            response_format=response_format,
            max_answer_bytes=max_answer_bytes,
            max_concurrency=max_concurrency,
            http_client=http_client,
            http_client_type=httpx.Client,
        )
        self._http = http_client or httpx.Client(
            verify=self._ssl_context or verify,
            follow_redirects=False,
            limits=self._limits,
        )
        self._gate = threading.BoundedSemaphore(self.max_concurrency)

    def get_source_connection_information(
        self, source: str, *, refresh: bool = False
    ) -> SourceConnectionInformation:
        """The source's device, transient token and connections.

        `source` is `server://<machineIdentifier>` or `provider://<id>`; `refresh=True` sends
        `refresh=1`. Raises a PlexError subclass for every failure (see plex_resources.errors).
        """
        call = self._call_for(source, refresh)
        retry = 0
        while True:
            started = time.perf_counter()
            response: httpx.Response | None = None
            body = b""
            failure: httpx.HTTPError | None = None
            try:
                with self._gate:
                    response = self._http.send(
                        self._request(self._http, call), stream=True
                    )
                    body = read_limited(response, self.max_answer_bytes)
            except httpx.HTTPError as error:
                response, failure = None, error
            except PlexResponseError as error:
                raise self._for_call(call, error) from None
            step = self._after_attempt(call, retry, started, response, body, failure)
            if isinstance(step, SourceConnectionInformation):
                return step
            _sleep(step)
            retry += 1

    def select_connection(
        self,
        device: Device,
        *,
        timeout: float = DEFAULT_PROBE_TIMEOUT,
        allow_relay: bool = True,
        allow_http: bool = True,
    ) -> SelectedConnection:
        """Probe the device's ranked connections concurrently; return the best that answers.

        A candidate passes when its GET /identity answers 200 with the device's identifier
        (probes carry no token). Returns as soon as every better-ranked candidate has failed;
        the whole selection takes at most `timeout` seconds. Raises NoReachableConnectionError,
        listing every candidate and why it failed, when none passes.
        """
        candidates = rank_connections(
            device, allow_relay=allow_relay, allow_http=allow_http
        )
        seconds = check_probe_timeout(timeout)
        from ._probe import select_sync  # threads and futures load only when probing

        if not self._owns_http_client:
            return select_sync(
                self._http, device, candidates, self._identity_arguments, seconds
            )
        # Probes abandoned to a hung candidate hold their connection until their timeout; a
        # pool per selection keeps them from starving the next selection's probes.
        with httpx.Client(
            verify=self._ssl_context or True, follow_redirects=False
        ) as probes:
            return select_sync(
                probes, device, candidates, self._identity_arguments, seconds
            )

    def connect(
        self,
        source: str,
        *,
        refresh: bool = False,
        timeout: float = DEFAULT_PROBE_TIMEOUT,
        allow_relay: bool = True,
        allow_http: bool = True,
    ) -> SelectedConnection:
        """Resolve the source and select its best reachable connection, in one call."""
        info = self.get_source_connection_information(source, refresh=refresh)
        return self.select_connection(
            info.device, timeout=timeout, allow_relay=allow_relay, allow_http=allow_http
        )

    def close(self) -> None:
        """Close the connection pool, unless the caller passed in its own http_client."""
        if self._owns_http_client:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncPlexClient(_ClientCore):
    """Asynchronous client for GET /security/resources; mirrors PlexClient with `await`.

    >>> async with AsyncPlexClient(url, token=TOKEN, identity=identity) as plex:
    ...     info = await plex.get_source_connection_information("server://243b4719...")
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str,
        identity: ClientIdentity,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retries: int | RetryPolicy = 2,
        verify: bool | ssl.SSLContext = True,
        response_format: ResponseFormat = "json",
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            base_url,
            token=token,
            identity=identity,
            timeout=timeout,
            retries=retries,
            verify=verify,
            response_format=response_format,
            max_answer_bytes=max_answer_bytes,
            max_concurrency=max_concurrency,
            http_client=http_client,
            http_client_type=httpx.AsyncClient,
        )
        self._http = http_client or httpx.AsyncClient(
            verify=self._ssl_context or verify,
            follow_redirects=False,
            limits=self._limits,
        )
        import asyncio  # here, not at import: only async callers need it (~15 ms)

        self._gate = asyncio.Semaphore(self.max_concurrency)

    async def get_source_connection_information(
        self, source: str, *, refresh: bool = False
    ) -> SourceConnectionInformation:
        """The source's device, transient token and connections; see PlexClient."""
        call = self._call_for(source, refresh)
        retry = 0
        while True:
            started = time.perf_counter()
            response: httpx.Response | None = None
            body = b""
            failure: httpx.HTTPError | None = None
            try:
                async with self._gate:
                    response = await self._http.send(
                        self._request(self._http, call), stream=True
                    )
                    body = await aread_limited(response, self.max_answer_bytes)
            except httpx.HTTPError as error:
                response, failure = None, error
            except PlexResponseError as error:
                raise self._for_call(call, error) from None
            step = self._after_attempt(call, retry, started, response, body, failure)
            if isinstance(step, SourceConnectionInformation):
                return step
            await _async_sleep(step)
            retry += 1

    async def select_connection(
        self,
        device: Device,
        *,
        timeout: float = DEFAULT_PROBE_TIMEOUT,
        allow_relay: bool = True,
        allow_http: bool = True,
    ) -> SelectedConnection:
        """Probe the device's ranked connections concurrently; see PlexClient.select_connection."""
        candidates = rank_connections(
            device, allow_relay=allow_relay, allow_http=allow_http
        )
        seconds = check_probe_timeout(timeout)
        from ._probe import select_async  # loads only when probing

        return await select_async(
            self._http, device, candidates, self._identity_arguments, seconds
        )

    async def connect(
        self,
        source: str,
        *,
        refresh: bool = False,
        timeout: float = DEFAULT_PROBE_TIMEOUT,
        allow_relay: bool = True,
        allow_http: bool = True,
    ) -> SelectedConnection:
        """Resolve the source and select its best reachable connection, in one call."""
        info = await self.get_source_connection_information(source, refresh=refresh)
        return await self.select_connection(
            info.device, timeout=timeout, allow_relay=allow_relay, allow_http=allow_http
        )

    async def aclose(self) -> None:
        """Close the connection pool, unless the caller passed in its own http_client."""
        if self._owns_http_client:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
