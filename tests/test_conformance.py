"""Schemathesis drives FakePlexServer from openapi.yaml: the fake obeys the spec it stands in for,
so contract tests against the fake test against the truth."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from schemathesis.specs.openapi.checks import (
    missing_required_header,
    negative_data_rejection,
)

from plex_resources.testing import FakePlexServer
from plex_resources_api.models import Connection, Device

from .conftest import SPEC_PATH

TOKEN = "conformance-token"
SOURCE = "server://243b471948ace337a8f92f129ec97d1902fcb1df"

schema = schemathesis.openapi.from_path(SPEC_PATH)


@pytest.fixture(scope="module")
def server() -> Iterator[FakePlexServer]:
    device = Device(
        name="Conformance", client_identifier="243b471948ace337a8f92f129ec97d1902fcb1df",
        access_token="transient-conformance",
        connection=[Connection(protocol="http", address="127.0.0.1", port=32400,
                               uri="http://127.0.0.1:32400", local=True)],
    )  # fmt: skip
    with FakePlexServer(token=TOKEN, devices={SOURCE: device}) as fake:
        yield fake


# GET /identity answers whoever asks, as the real server does, even without the identity
# headers the spec lists; a rejection of bad input is only expected of /security/resources.
LENIENT = [negative_data_rejection, missing_required_header]


@schema.parametrize()
def test_fake_server_conforms(
    case: schemathesis.Case[Any], server: FakePlexServer
) -> None:
    excluded = LENIENT if case.path == "/identity" else []
    case.call_and_validate(
        base_url=server.url, headers={"X-Plex-Token": TOKEN}, excluded_checks=excluded
    )
