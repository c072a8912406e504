"""What a client can make the server hold: bodies are cut while streaming, at each route's cap,
with or without (or with a lying) Content-Length; batches take upload slots; slow senders are cut
off. Each test watches the real server process: bytes the client got to send, and its RSS."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import zstandard

from counter_devkit.server import ServerProcess
from counter_protocol.encoding import MAX_BATCH_BYTES
from counter_protocol.transport import ENROL_PATH, PUSH_PATH, push_headers
from counter_server.limits import ENROL_BODY_LIMIT, LOGIN_BODY_LIMIT, PUSH_BODY_LIMIT
from tests.counter_server.conftest import BACKENDS

MB = 1 << 20
STREAM = 1 << 30  # what the client offers: 1 GB
CHUNK = 64 * 1024
# Bytes that fit in the kernel's socket buffers (the client's send buffer, kept at 64 KB here,
# and the server's receive buffer) after the server stopped reading: sent, never read.
SOCKET_SLACK = 4 * MB
READ_TIMEOUT = 1.0  # the limited server's --read-timeout


def rss_mb(server: ServerProcess) -> float:
    """Resident memory of the server process (VmRSS), in MB."""
    assert server.proc is not None
    for line in Path(f"/proc/{server.proc.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


class Stream:
    """A chunked body of up to 1 GB that counts what it yielded and samples the server's RSS."""

    def __init__(self, server: ServerProcess, fill: bytes = b"x") -> None:
        self.server, self.sent, self.chunk = server, 0, fill * CHUNK
        self.rss_before = self.rss_peak = rss_mb(server)

    def __iter__(self) -> Iterator[bytes]:
        while self.sent < STREAM:
            if self.sent % (4 * MB) == 0:
                self.rss_peak = max(self.rss_peak, rss_mb(self.server))
            self.sent += len(self.chunk)
            yield self.chunk


def small_send_buffer_client(server: ServerProcess) -> httpx.Client:
    transport = httpx.HTTPTransport(socket_options=[(socket.SOL_SOCKET, socket.SO_SNDBUF, CHUNK)])
    return httpx.Client(base_url=server.base_url, transport=transport, timeout=60)


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        (ENROL_PATH, ENROL_BODY_LIMIT),
        ("/dashboard/login", LOGIN_BODY_LIMIT),
        (PUSH_PATH, PUSH_BODY_LIMIT),
        ("/admin/v1/enrol-codes", 64 * 1024),
    ],
)
def test_a_chunked_gigabyte_is_cut_at_the_routes_cap_while_streaming(
    server: ServerProcess, path: str, limit: int
) -> None:
    stream = Stream(server)
    started = time.monotonic()
    with small_send_buffer_client(server) as client:
        reply = client.post(path, content=stream)
    elapsed = time.monotonic() - started
    assert reply.status_code == 413, reply.text
    assert reply.json()["error"] == "too_large" and "vượt quá giới hạn" in reply.json()["message"]
    assert reply.headers["connection"] == "close"
    assert stream.sent <= 3 * limit + SOCKET_SLACK, stream.sent  # not the 1 GB offered
    grown = max(stream.rss_peak, rss_mb(server)) - stream.rss_before
    assert grown < 2 * limit / MB + 32, f"server RSS grew {grown:.0f} MB"
    print(
        f"{path}: {stream.sent / MB:.2f} MB sent, RSS +{grown:.0f} MB, 413 after "
        f"{elapsed * 1000:.0f} ms"
    )


def raw_request(server: ServerProcess, head: str, timeout: float = 10) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=timeout)
    sock.sendall(head.encode("latin-1"))
    return sock


def read_reply(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one HTTP reply (the server closes after it)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed without a reply: {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (ln.split(":", 1) for ln in lines[1:])}
    while len(body) < int(headers.get("content-length", "0")):
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(lines[0].split()[1]), headers, body


def test_a_declared_length_over_the_cap_is_refused_unread(server: ServerProcess) -> None:
    head = (
        f"POST {ENROL_PATH} HTTP/1.1\r\nHost: x\r\n"
        f"Content-Type: application/json\r\nContent-Length: {STREAM}\r\n\r\n"
    )
    with raw_request(server, head) as sock:
        status, headers, body = read_reply(sock)  # no byte of the body was sent
    assert status == 413 and headers["connection"] == "close"
    assert orjson.loads(body)["error"] == "too_large"


def test_a_lying_content_length_gets_no_further_than_it_says(server: ServerProcess) -> None:
    """Under the cap, then a gigabyte: the server takes the declared bytes as the body and the
    rest as the start of a next request, whose request line it will not hold beyond its cap."""
    before, sent = rss_mb(server), 0
    sock = raw_request(
        server,
        f"POST {ENROL_PATH} HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
        "GET /",
    )
    flood = b"a" * CHUNK
    with sock:
        try:
            while sent < 256 * MB:
                sock.sendall(flood)
                sent += len(flood)
        except OSError:  # the server closed the connection
            pass
        replies = b""
        try:
            while chunk := sock.recv(65536):
                replies += chunk
        except OSError:
            pass
    grown = rss_mb(server) - before
    assert sent <= 4 * MB, f"the server read {sent / MB:.0f} MB of a request line"
    assert grown < 16, f"server RSS grew {grown:.0f} MB"
    assert replies == b"" or replies.startswith(b"HTTP/1.1 4"), replies[:200]


def test_a_compressed_batch_that_inflates_past_the_limit_is_refused(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    assert device.device_id is not None
    squeezer = zstandard.ZstdCompressor(write_content_size=False).compressobj()
    zeros = bytes(16 * MB)
    bomb = b"".join(squeezer.compress(zeros) for _ in range(64)) + squeezer.flush()  # 1 GB
    before = rss_mb(server)
    reply = client.post(
        PUSH_PATH, content=bomb, headers=push_headers(device.device_id, device.key, bomb)
    )
    assert (reply.status_code, reply.json()["error"]) == (400, "bad_batch"), reply.text
    grown = rss_mb(server) - before
    assert grown < MAX_BATCH_BYTES / MB + 32, f"server RSS grew {grown:.0f} MB"


# -- a server with small limits: one upload slot, no wait, one-second read timeout --------------


@pytest.fixture(scope="module", params=BACKENDS)
def limited(
    request: pytest.FixtureRequest, new_db_url: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    proc = ServerProcess(
        new_db_url(request.param),
        tmp_path_factory.mktemp("limited") / "server.log",
        extra_args=(
            "--max-uploads",
            "1",
            "--upload-wait",
            "0",
            "--read-timeout",
            str(READ_TIMEOUT),
        ),
    )
    proc.start()
    yield proc
    proc.stop()


def test_a_batch_beyond_the_upload_slots_gets_503_and_retry_after(limited: ServerProcess) -> None:
    holder = raw_request(
        limited, f"POST {PUSH_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nxxxxxxxxxx"
    )  # slot taken, body owed
    with holder, httpx.Client(base_url=limited.base_url, timeout=30) as client:
        assert client.get("/health").status_code == 200  # the server has read the holder by now
        busy = client.post(PUSH_PATH, content=b"x" * 100)
        assert busy.status_code == 503, busy.text
        assert busy.json()["error"] == "busy" and "quá nhiều lô dữ liệu" in busy.json()["message"]
        assert 1 <= int(busy.headers["retry-after"]) <= 60
        enrol = client.post(ENROL_PATH, json={})  # small bodies take no upload slot
        assert enrol.status_code == 400
        status, _, body = read_reply(holder)  # the holder owed its body too long: cut off
    assert status == 408 and orjson.loads(body)["error"] == "too_slow"
    with httpx.Client(base_url=limited.base_url, timeout=30) as client:
        free = client.post(PUSH_PATH, content=b"x" * 100)
    assert free.status_code == 403  # a slot again: on to authentication (no such device)


def _trickle(sock: socket.socket, data: bytes, every: float) -> tuple[bytes, float]:
    """Send one byte every `every` seconds until the server answers or closes: its answer, and
    how long the trickle lasted."""
    started = time.monotonic()
    for byte in data:
        sock.setblocking(False)
        try:
            return sock.recv(65536), time.monotonic() - started
        except BlockingIOError:
            pass  # no answer yet
        except OSError:
            return b"", time.monotonic() - started
        sock.setblocking(True)
        try:
            sock.send(bytes([byte]))
        except OSError:  # closed under us: the answer, if any, is already in
            sock.settimeout(1)
            return sock.recv(65536), time.monotonic() - started
        time.sleep(every)  # the trickle itself: the client is slow, not the test
    raise AssertionError("the server let the trickle finish")


@pytest.mark.parametrize("stage", ["headers", "body"])
def test_a_client_trickling_a_byte_at_a_time_is_cut_off(limited: ServerProcess, stage: str) -> None:
    head = f"POST {ENROL_PATH} HTTP/1.1\r\nHost: x\r\n"
    if stage == "body":
        head += "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n"
    with raw_request(limited, head) as sock:
        reply, elapsed = _trickle(sock, b"X-Slow: " + b"a" * 200, every=0.1)
    assert elapsed < READ_TIMEOUT + 2, elapsed
    assert reply.startswith(b"HTTP/1.1 408 ") and b'"too_slow"' in reply, reply


def test_a_connection_that_sends_nothing_is_closed(limited: ServerProcess) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", limited.port), timeout=READ_TIMEOUT + 5) as sock:
        reply = sock.recv(65536)
        assert sock.recv(65536) == b""  # closed
    assert time.monotonic() - started < READ_TIMEOUT + 2
    assert reply.startswith(b"HTTP/1.1 408 ")
