"""Bounded retries: which outcomes are retried, how often, and how long each wait is."""

from __future__ import annotations

import email.utils
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from plex_resources import (
    ForbiddenError,
    InvalidConfigError,
    PlexConnectionError,
    PlexTimeoutError,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from plex_resources._retry import parse_retry_after

from .client_support import Fetch, SleepRecorder

NO_JITTER = RetryPolicy(jitter=False)


def test_429_with_retry_after_then_200(
    fetch: Fetch,
    httpx_mock: HTTPXMock,
    sleeps: SleepRecorder,
    json_example: dict[str, Any],
) -> None:
    httpx_mock.add_response(status_code=429, headers={"Retry-After": "3"})
    httpx_mock.add_response(json=json_example)
    info = fetch()
    assert info.device.name == "PlexCorp (plex-corp)"
    assert len(httpx_mock.get_requests()) == 2
    assert sleeps.waits == [3.0]


def test_503_until_the_budget_runs_out(
    fetch: Fetch, httpx_mock: HTTPXMock, sleeps: SleepRecorder
) -> None:
    httpx_mock.add_response(status_code=503, is_reusable=True)
    with pytest.raises(ServerError) as caught:
        fetch(retries=NO_JITTER)
    assert caught.value.status_code == 503
    assert len(httpx_mock.get_requests()) == 3  # the call and two retries
    assert sleeps.waits == [0.5, 1.0]


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_retried_statuses(
    fetch: Fetch, httpx_mock: HTTPXMock, json_example: dict[str, Any], status: int
) -> None:
    httpx_mock.add_response(status_code=status)
    httpx_mock.add_response(json=json_example)
    fetch()
    assert len(httpx_mock.get_requests()) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 500, 501])
def test_not_retried_statuses(
    fetch: Fetch, httpx_mock: HTTPXMock, sleeps: SleepRecorder, status: int
) -> None:
    httpx_mock.add_response(status_code=status)
    with pytest.raises(Exception, match=f"answered {status}"):
        fetch()
    assert len(httpx_mock.get_requests()) == 1
    assert sleeps.waits == []


def test_connection_errors_and_timeouts_are_retried(
    fetch: Fetch,
    httpx_mock: HTTPXMock,
    json_example: dict[str, Any],
    sleeps: SleepRecorder,
) -> None:
    httpx_mock.add_exception(httpx.ConnectError("refused"))
    httpx_mock.add_exception(httpx.ReadTimeout("slow"))
    httpx_mock.add_response(json=json_example)
    fetch(retries=NO_JITTER)
    assert len(httpx_mock.get_requests()) == 3
    assert sleeps.waits == [0.5, 1.0]


def test_timeouts_until_the_budget_runs_out(
    fetch: Fetch, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_exception(httpx.ConnectTimeout("slow"), is_reusable=True)
    with pytest.raises(PlexTimeoutError, match="after 3 retries"):
        fetch(retries=3)
    assert len(httpx_mock.get_requests()) == 4


def test_retries_off(
    fetch: Fetch, httpx_mock: HTTPXMock, sleeps: SleepRecorder
) -> None:
    httpx_mock.add_exception(httpx.ConnectError("refused"))
    with pytest.raises(PlexConnectionError):
        fetch(retries=0)
    assert len(httpx_mock.get_requests()) == 1
    assert sleeps.waits == []


def test_retry_after_is_capped(
    fetch: Fetch, httpx_mock: HTTPXMock, sleeps: SleepRecorder
) -> None:
    httpx_mock.add_response(
        status_code=429, headers={"Retry-After": "3600"}, is_reusable=True
    )
    with pytest.raises(RateLimitError) as caught:
        fetch(retries=RetryPolicy(max_retries=1, max_retry_after=20))
    assert sleeps.waits == [20.0]
    assert caught.value.retry_after == 3600.0


def test_backoff_grows_to_its_cap_and_jitter_stays_in_range() -> None:
    plain = RetryPolicy(initial_delay=1, max_delay=5, jitter=False)
    assert [plain.delay(n, None) for n in range(5)] == [1, 2, 4, 5, 5]
    jittered = RetryPolicy(initial_delay=1, max_delay=5)
    for n in range(5):
        for _ in range(50):
            assert (
                0.5 * plain.delay(n, None)
                <= jittered.delay(n, None)
                <= plain.delay(n, None)
            )
    assert plain.delay(0, 2.5) == 2.5  # the server's Retry-After replaces the backoff


def test_retry_after_forms() -> None:
    now = 1_700_000_000.0
    http_date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after("12", now) == 12.0
    assert parse_retry_after(http_date, now) == 30.0
    assert parse_retry_after(email.utils.formatdate(now - 30, usegmt=True), now) == 0.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after("-5", now) is None
    assert parse_retry_after(None, now) is None


def test_http_date_retry_after_is_honoured(
    fetch: Fetch,
    httpx_mock: HTTPXMock,
    sleeps: SleepRecorder,
    json_example: dict[str, Any],
) -> None:
    # A date far enough ahead that the wait is capped, so the test does not depend on the clock.
    httpx_mock.add_response(
        status_code=503, headers={"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}
    )
    httpx_mock.add_response(json=json_example)
    fetch(retries=RetryPolicy(max_retry_after=4))
    assert sleeps.waits == [4.0]


def test_403_is_never_retried_even_with_retry_after(
    fetch: Fetch, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(status_code=403, headers={"Retry-After": "1"})
    with pytest.raises(ForbiddenError):
        fetch()
    assert len(httpx_mock.get_requests()) == 1


@pytest.mark.parametrize("retries", [-1, 1.5, True, "2", None])
def test_bad_retries_setting(fetch: Fetch, retries: object) -> None:
    with pytest.raises(InvalidConfigError, match="retries must be"):
        fetch(retries=retries)


@pytest.mark.parametrize(
    "field", ["max_retries", "initial_delay", "max_delay", "max_retry_after"]
)
def test_bad_retry_policy_values(field: str) -> None:
    with pytest.raises(InvalidConfigError, match=f"RetryPolicy.{field} must be"):
        RetryPolicy(**{field: -1})  # type: ignore[arg-type]
