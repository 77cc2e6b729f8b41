"""RetryPolicy: when and how long to wait before asking again."""

from __future__ import annotations

import random
import time
from typing import Any

import attrs

from .errors import InvalidConfigError

# GET /security/resources is idempotent, so these are safe to retry: rate limiting and the
# statuses a proxy or a restarting server answers with. Other 4xx would fail the same way again.
RETRY_STATUSES = frozenset({429, 502, 503, 504})


def _non_negative(
    instance: RetryPolicy, attribute: attrs.Attribute[Any], value: float
) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
        raise InvalidConfigError(
            f"RetryPolicy.{attribute.name} must be a number >= 0, got {value!r}"
        )


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """Bounded retries with exponential backoff and jitter; `RetryPolicy(max_retries=0)` turns them off.

    Connection errors, timeouts and statuses 429, 502, 503 and 504 are retried. The n-th retry
    waits `initial_delay * 2**n`, at most `max_delay`, scaled by a random factor in [0.5, 1]
    when `jitter` is on; a `Retry-After` from the server replaces that wait, up to
    `max_retry_after` seconds.
    """

    max_retries: int = attrs.field(default=2, validator=_non_negative)
    initial_delay: float = attrs.field(default=0.5, validator=_non_negative)
    max_delay: float = attrs.field(default=8.0, validator=_non_negative)
    max_retry_after: float = attrs.field(default=60.0, validator=_non_negative)
    jitter: bool = True

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.max_retries, int):
            raise InvalidConfigError(
                f"RetryPolicy.max_retries must be a whole number, got {self.max_retries!r}"
            )

    def delay(self, retry: int, retry_after: float | None) -> float:
        """Seconds to wait before retry number `retry` (0 for the first)."""
        if retry_after is not None:
            return min(retry_after, self.max_retry_after)
        backoff: float = min(self.initial_delay * 2.0**retry, self.max_delay)
        if self.jitter:
            backoff *= random.uniform(0.5, 1.0)  # noqa: S311 - spreading retries, not security
        return backoff


def as_retry_policy(retries: int | RetryPolicy) -> RetryPolicy:
    """Accept a count of retries as shorthand for RetryPolicy(max_retries=count)."""
    if isinstance(retries, RetryPolicy):
        return retries
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise InvalidConfigError(
            f"retries must be a RetryPolicy or a whole number >= 0, got {retries!r}"
        )
    return RetryPolicy(max_retries=retries)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    import email.utils  # here: the date form is rare, and the module costs ~9 ms to import

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # an HTTP date is always GMT
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)
