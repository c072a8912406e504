"""A TCP proxy on 127.0.0.1 that can cut the link or throttle it (a 2G line, a cable pulled)."""

from __future__ import annotations

import socket
import threading
import time


class LinkProxy:
    """Forwards 127.0.0.1:<port> to a target. `up = False` drops every connection at once and
    refuses new ones; `rate_bps` (bits per second, both ways) throttles like a slow line."""

    def __init__(self, target_port: int, rate_bps: float | None = None,
                 latency_s: float = 0.0) -> None:
        self.target_port = target_port
        self.rate_bps = rate_bps
        self.latency_s = latency_s
        self.up = True
        self.bytes_up = 0  # client → server
        self.bytes_down = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open: set[socket.socket] = set()
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
            with self._lock:
                self._open.update((client, server))
            for src, dst, upward in ((client, server, True), (server, client, False)):
                threading.Thread(target=self._pump, args=(src, dst, upward), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, upward: bool) -> None:
        try:
            while self.up:
                data = src.recv(1024 if self.rate_bps else 65536)
                if not data:
                    break
                self._delay(len(data))
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

    def _delay(self, size: int) -> None:
        pause = self.latency_s / 2 if self.latency_s else 0.0
        if self.rate_bps:
            pause += size * 8 / self.rate_bps
        if pause:
            time.sleep(pause)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
