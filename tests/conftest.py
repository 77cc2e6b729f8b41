"""Shared fixtures: the spec as data, and its reference examples."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from plex_resources import _client

from .client_support import Fetch, SleepRecorder, make_fetch

ROOT = Path(__file__).resolve().parent.parent

# CI replays the same examples every run, so a landing never hinges on a lucky draw; locally
# each run explores new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
SPEC_PATH = ROOT / "openapi.yaml"


def load_spec() -> dict[str, Any]:
    """Parse openapi.yaml."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.safe_load(handle)
    return spec


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()


@pytest.fixture(scope="session")
def operation(spec: dict[str, Any]) -> dict[str, Any]:
    """The GET /security/resources operation."""
    op: dict[str, Any] = spec["paths"]["/security/resources"]["get"]
    return op


@pytest.fixture(scope="session")
def json_example(operation: dict[str, Any]) -> dict[str, Any]:
    """The reference 200 JSON answer, as documented in the spec."""
    example: dict[str, Any] = operation["responses"]["200"]["content"][
        "application/json"
    ]["example"]
    return example


@pytest.fixture(scope="session")
def xml_example(operation: dict[str, Any]) -> str:
    """The reference 200 XML answer, as documented in the spec."""
    example: str = operation["responses"]["200"]["content"]["application/xml"][
        "example"
    ]
    return example


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio, the loop the SDK's users run."""
    return "asyncio"


@pytest.fixture(params=["sync", "async"])
def fetch(request: pytest.FixtureRequest) -> Fetch:
    """Run one call through PlexClient, then again (second param) through AsyncPlexClient."""
    return make_fetch(request.param)


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> SleepRecorder:
    """No test really waits between retries; each records what it would have waited."""
    recorder = SleepRecorder()
    monkeypatch.setattr(_client, "_sleep", recorder.sleep)
    monkeypatch.setattr(_client, "_async_sleep", recorder.async_sleep)
    return recorder
