"""Loopback listeners for probing tests: one that never answers, and a port that refuses."""

from __future__ import annotations

import socket
import threading
from types import TracebackType
from typing import Self


class SilentServer:
    """Accepts TCP connections on loopback and never answers: a candidate that hangs."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._listener = socket.create_server((host, port), backlog=256)
        self._listener.settimeout(0.1)
        self.host, self.port = self._listener.getsockname()[:2]
        self._held: list[socket.socket] = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._accept, name="silent-server", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:  # the listener was closed by stop()
                return
            self._held.append(connection)  # held open, never read, never answered

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join()
        self._listener.close()
        for connection in self._held:
            connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def refused_port(host: str = "127.0.0.1") -> int:
    """A loopback port with nothing listening, so connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
    return port
