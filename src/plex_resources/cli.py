"""The `plex-resources` command: list and probe a source's connections, run a fake server, demo."""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import sys
import time
import uuid
from collections.abc import Sequence

from plex_resources_api.models import Connection, Device

from . import __version__
from ._cli_output import as_json, table
from ._client import PlexClient
from ._config import DEFAULT_PROBE_TIMEOUT
from ._demo import DEMO_MACHINE, demo_world
from ._identity import ClientIdentity
from .connections import rank_connections
from .errors import (
    BadRequestError,
    ForbiddenError,
    InvalidConfigError,
    InvalidSourceError,
    NoReachableConnectionError,
    NotFoundError,
    PlexConnectionError,
    PlexError,
    UnauthorizedError,
)
from .testing import FakePlexServer

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_UNREACHABLE = 5
EXIT_BAD_RESPONSE = 6

EXIT_CODES_HELP = """\
exit codes:
  0  success
  2  usage: bad arguments, or no token, URL or usable setting
  3  auth refused: the server answered 401 or 403 (check the token)
  4  not found or bad request: unknown source (404), rejected request (400), malformed source
  5  unreachable: no answer from the server, or no candidate connection reached the source
  6  bad response: an answer that is not the documented one (bad body, 429, 5xx, other status)
"""

FAKE_TOKEN = "fake-plex-token"  # noqa: S105 - the fake server's documented default


def exit_code_for(error: PlexError) -> int:
    """The documented exit code for each kind of failure."""
    if isinstance(error, UnauthorizedError | ForbiddenError):
        return EXIT_AUTH
    if isinstance(error, NotFoundError | BadRequestError | InvalidSourceError):
        return EXIT_NOT_FOUND
    if isinstance(error, PlexConnectionError | NoReachableConnectionError):
        return EXIT_UNREACHABLE
    if isinstance(error, InvalidConfigError):
        return EXIT_USAGE
    return EXIT_BAD_RESPONSE


def default_client_identifier() -> str:
    """Stable per machine, so the server sees one client rather than a new one per run."""
    return f"plex-resources-cli-{uuid.uuid5(uuid.NAMESPACE_DNS, socket.gethostname())}"


def _identity(client_id: str | None) -> ClientIdentity:
    return ClientIdentity(
        client_identifier=client_id or default_client_identifier(),
        product="plex-resources",
        version=__version__,
    )


def _one_line(error: PlexError) -> str:
    first = str(error).splitlines()[0].rstrip(":")
    if isinstance(error, NoReachableConnectionError) and error.probes:
        counts: dict[str, int] = {}
        for probe in error.probes:
            counts[probe.status] = counts.get(probe.status, 0) + 1
        first += " (" + ", ".join(f"{n} {status}" for status, n in counts.items()) + ")"
    return first


def _connections(args: argparse.Namespace) -> int:
    token = args.token or os.environ.get("PLEX_TOKEN")
    if not token:
        raise InvalidConfigError("no token: pass --token or set PLEX_TOKEN")
    url = args.url or os.environ.get("PLEX_URL") or "http://127.0.0.1:32400"
    client_id = args.client_id or os.environ.get("PLEX_CLIENT_IDENTIFIER")
    with PlexClient(
        url,
        token=token,
        identity=_identity(client_id),
        timeout=args.timeout,
        response_format="xml" if args.xml else "json",
    ) as plex:
        info = plex.get_source_connection_information(args.source, refresh=args.refresh)
        candidates = rank_connections(info.device)
        render = as_json if args.json else table
        selected = None
        if args.best:
            try:
                selected = plex.select_connection(info.device, timeout=args.timeout)
            except NoReachableConnectionError as error:
                # What each probe found, on stdout, before the one-line error on stderr.
                print(render(info.device, candidates, error.probes, None))
                raise
    probes = selected.probes if selected is not None else None
    print(render(info.device, candidates, probes, selected))
    return EXIT_OK


def _fake_server(args: argparse.Namespace) -> int:
    token = args.token or os.environ.get("PLEX_TOKEN") or FAKE_TOKEN
    server = FakePlexServer(
        token=token, machine_identifier=DEMO_MACHINE, host=args.host, port=args.port
    )
    # One device: this server itself, reachable at its own address.
    source = f"server://{DEMO_MACHINE}"
    server.devices[source] = Device(
        name="Fake Plex Media Server",
        client_identifier=DEMO_MACHINE,
        access_token="transient-fake-0000",  # noqa: S106 - made up
        connection=[
            Connection(
                protocol="http",
                address=server.host,
                port=server.port,
                uri=server.url,
                local=True,
            )
        ],
    )
    print(f"fake Plex Media Server at {server.url}  (source: {source})", flush=True)
    print(
        "token: the one given with --token or PLEX_TOKEN; press Ctrl-C to stop",
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the way to stop it
        server.serve_forever()
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    with demo_world() as world:
        print(f"1. A fake Plex Media Server listens at {world.server.url}.")
        print(f"2. Resolving {world.source} through the SDK (asking for Plex's XML)...")
        identity = _identity(None)
        with PlexClient(
            world.server.url,
            token=world.token,
            identity=identity,
            response_format="xml",
        ) as plex:
            info = plex.get_source_connection_information(world.source)
            candidates = rank_connections(info.device)
            print(f"   The device lists {len(candidates)} candidate connections.")
            print(
                "3. Ranking them (local > remote > relay, https > http) and probing all "
                "at once with GET /identity, which needs no token..."
            )
            started = time.perf_counter()
            selected = plex.select_connection(info.device, timeout=args.timeout)
            elapsed = time.perf_counter() - started
        print()
        print(table(info.device, candidates, selected.probes, selected))
        print()
        print(
            f"Selected in {elapsed * 1000:.0f} ms: the best-ranked candidate that answered as "
            "the right server; lower-ranked ones were not waited for."
        )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plex-resources",
        description="Connection information for sources known to a Plex Media Server.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser(
        "connections",
        help="list a source's connections, best first; --best probes them",
        description="List a source's connection candidates, best first; --best probes them "
        "and picks the best that answers. Tokens are never printed.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument(
        "source", help="server://<machineIdentifier> or provider://<id>"
    )
    listing.add_argument(
        "--url",
        help="the server's base URL (default: $PLEX_URL, else http://127.0.0.1:32400)",
    )
    listing.add_argument(
        "--token",
        help="X-Plex-Token (default: $PLEX_TOKEN; prefer the variable: arguments show in ps)",
    )
    listing.add_argument(
        "--client-id",
        help="X-Plex-Client-Identifier (default: $PLEX_CLIENT_IDENTIFIER, else one per machine)",
    )
    listing.add_argument(
        "--refresh", action="store_true", help="ask the server to refresh (refresh=1)"
    )
    listing.add_argument(
        "--xml", action="store_true", help="ask for Plex's XML instead of JSON"
    )
    listing.add_argument(
        "--best",
        action="store_true",
        help="probe the candidates and show the chosen one",
    )
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.add_argument("--timeout", type=_seconds, default=DEFAULT_PROBE_TIMEOUT, help="seconds for the request and for probing (default: %(default)s)")  # fmt: skip
    listing.set_defaults(handler=_connections)

    fake = commands.add_parser(
        "fake-server", help="run a fake Plex Media Server in the foreground"
    )
    fake.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s)",
    )
    fake.add_argument(
        "--port",
        type=int,
        default=32400,
        help="port (default: %(default)s; 0 picks a free one)",
    )
    fake.add_argument(
        "--token",
        help=f"the token it accepts (default: $PLEX_TOKEN, else {FAKE_TOKEN!r})",
    )
    fake.set_defaults(handler=_fake_server)

    demo = commands.add_parser(
        "demo", help="resolve and probe a source against fake servers on loopback"
    )
    demo.add_argument(
        "--timeout",
        type=_seconds,
        default=2.0,
        help="probe timeout (default: %(default)s)",
    )
    demo.set_defaults(handler=_demo)
    return parser


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds: {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except PlexError as error:
        print(f"plex-resources: error: {_one_line(error)}", file=sys.stderr)
        return exit_code_for(error)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
