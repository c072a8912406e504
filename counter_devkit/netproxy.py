"""A TCP proxy on 127.0.0.1 that can cut the link or throttle it (a 2G line, a cable pulled)."""

from __future__ import annotations

import socket
import threading
import time


class LinkProxy:
    """Forwards 127.0.0.1:<port> to a target. `set_up(False)` drops every connection at once and
    refuses new ones; `rate_bps` (bits per second, each way) throttles like a slow line, and
    `latency_s` (round trip) delays the first chunk of each message by half of it."""

    def __init__(
        self, target_port: int, rate_bps: float | None = None, latency_s: float = 0.0
    ) -> None:
        self.target_port = target_port
        self.rate_bps = rate_bps
        self.latency_s = latency_s
        self.up = True
        self.bytes_up = 0  # client → server
        self.bytes_down = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open: set[socket.socket] = set()
        self._free_at = {True: 0.0, False: 0.0}  # per direction: when the line is free again
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_up(self, up: bool) -> None:
        self.up = up
        if not up:
            with self._lock:
                for sock in list(self._open):
                    _close(sock)
                self._open.clear()

    def close(self) -> None:
        self._closed = True
        self.set_up(False)
        _close(self._listener)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if not self.up:
                _close(client)
                continue
            try:
                server = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                _close(client)
                continue
            server.settimeout(None)  # a slow upload may keep the server silent for minutes
            with self._lock:
                self._open.update((client, server))
            for src, dst, upward in ((client, server, True), (server, client, False)):
                threading.Thread(target=self._pump, args=(src, dst, upward), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, upward: bool) -> None:
        last = 0.0
        try:
            while self.up:
                data = src.recv(1024 if self.rate_bps else 65536)
                if not data:
                    break
                now = time.monotonic()
                if self.latency_s and now - last > 0.2:  # a new message: one-way delay once
                    time.sleep(self.latency_s / 2)
                self._delay(len(data), upward)
                last = time.monotonic()
                if not self.up:
                    break
                dst.sendall(data)
                if upward:
                    self.bytes_up += len(data)
                else:
                    self.bytes_down += len(data)
        except OSError:
            pass
        finally:
            _close(src)
            _close(dst)

    def _delay(self, size: int, upward: bool) -> None:
        """One line per direction, shared by every connection (as on a real modem)."""
        if not self.rate_bps:
            return
        with self._lock:
            start = max(time.monotonic(), self._free_at[upward])
            self._free_at[upward] = done = start + size * 8 / self.rate_bps
        time.sleep(max(0.0, done - time.monotonic()))


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
