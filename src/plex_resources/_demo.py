"""The demo's world: a fake Plex Media Server whose device lists real loopback candidates.

The candidates, in the order Plex's guidance ranks them:
  1. local  - a server that answers /identity as another machine (wrong server)
  2. local  - a port where nothing listens (refused)
  3. remote - the right server (the one to choose)
  4. remote - a server that accepts connections and never answers
  5. relay  - the right server again, through the "relay"
so probing has a real failure of each kind to reject and never waits for the silent one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from plex_resources_api.models import Connection, Device

from .testing import FakePlexServer, SilentServer, refused_port

DEMO_TOKEN = "demo-token"  # noqa: S105 - the fake server's own made-up token
DEMO_MACHINE = "243b471948ace337a8f92f129ec97d1902fcb1df"
DEMO_SOURCE = f"server://{DEMO_MACHINE}"


@dataclass(frozen=True)
class DemoWorld:
    server: FakePlexServer
    source: str
    token: str


def _http(port: int, *, local: bool, relay: bool = False) -> Connection:
    connection = Connection(
        protocol="http", address="127.0.0.1", port=port,
        uri=f"http://127.0.0.1:{port}", local=local,
    )  # fmt: skip
    if relay:
        connection.relay = True
    return connection


@contextlib.contextmanager
def demo_world() -> Iterator[DemoWorld]:
    """Start every server of the demo on free loopback ports; stop them all on exit."""
    with contextlib.ExitStack() as stack:
        right = stack.enter_context(FakePlexServer(machine_identifier=DEMO_MACHINE))
        wrong = stack.enter_context(FakePlexServer(machine_identifier="f" * 40))
        silent = stack.enter_context(SilentServer())
        relay = stack.enter_context(FakePlexServer(machine_identifier=DEMO_MACHINE))
        device = Device(
            name="Living Room Server",
            client_identifier=DEMO_MACHINE,
            access_token="transient-demo-1f2e3d",  # noqa: S106 - made up for the demo
            # In the server's order, which is not the order to try them in.
            connection=[
                _http(right.port, local=False),
                _http(relay.port, local=False, relay=True),
                _http(wrong.port, local=True),
                _http(silent.port, local=False),
                _http(refused_port(), local=True),
            ],
        )
        main = stack.enter_context(
            FakePlexServer(token=DEMO_TOKEN, devices={DEMO_SOURCE: device})
        )
        yield DemoWorld(server=main, source=DEMO_SOURCE, token=DEMO_TOKEN)
