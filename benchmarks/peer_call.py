"""Run inside the peer SDK's own virtual environment: per-call time of plex-api-client.

Prints microseconds per call of `general.get_source_connection_information` on an
httpx.MockTransport answering the given JSON body (argv[1] is its path).
"""

import json
import sys
import time

import httpx
from plex_api_client import PlexAPI

body = open(sys.argv[1], "rb").read()  # noqa: SIM115 - a one-shot script
calls = int(sys.argv[2])
headers = {"Content-Type": "application/json"}
transport = httpx.MockTransport(
    lambda request: httpx.Response(200, content=body, headers=headers)
)
sdk = PlexAPI(
    token="bench-token",
    client=httpx.Client(transport=transport),
    server_url="http://127.0.0.1:32400",
    client_identifier="bench",
)
request = {"source": "server://243b471948ace337a8f92f129ec97d1902fcb1df"}
for _ in range(calls // 10):
    sdk.general.get_source_connection_information(request=request)
rounds = []
for _ in range(9):
    started = time.perf_counter()
    for _ in range(calls):
        sdk.general.get_source_connection_information(request=request)
    rounds.append((time.perf_counter() - started) / calls)
print(json.dumps({"seconds_per_call": sorted(rounds)[len(rounds) // 2]}))
