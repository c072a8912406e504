"""Headless Chromium driven over the DevTools protocol: navigate, type, click, read, screenshot."""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,800",
]
TIMEOUT_S = 60.0


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is installed by scripts/setup.sh"
    return path


class Chromium:
    """One headless Chromium with one tab; close() ends the process this object started."""

    def __init__(self, profile: Path) -> None:
        self._ids = itertools.count(1)
        self._events: list[dict[str, Any]] = []
        self._stack = contextlib.ExitStack()
        self._proc = subprocess.Popen(
            [
                chromium_path(),
                *CHROMIUM_FLAGS,
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            self._ws: ClientConnection = self._stack.enter_context(
                connect(
                    _page_socket(profile / "DevToolsActivePort", self._proc),
                    max_size=None,
                    open_timeout=TIMEOUT_S,
                )
            )
            self.call("Page.enable")
        except BaseException:
            self._stop()
            raise

    def close(self) -> None:
        try:
            self._stack.close()
        finally:
            self._stop()

    def _stop(self) -> None:
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- protocol ---------------------------------------------------------------------------

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self._ids)
        self._ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == call_id:
                assert "error" not in message, f"{method}: {message['error']}"
                result: dict[str, Any] = message.get("result", {})
                return result

    def _receive(self, timeout: float = TIMEOUT_S) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(self._ws.recv(timeout=timeout))
        if "method" in message:
            self._events.append(message)
        return message

    def _wait_for(self, event: str) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while not any(e["method"] == event for e in self._events):
            self._receive(max(0.1, deadline - time.monotonic()))

    # -- what a person does -----------------------------------------------------------------

    def open(self, url: str) -> None:
        self._events.clear()
        self.call("Page.navigate", url=url)
        self._wait_for("Page.loadEventFired")

    def type_into(self, selector: str, text: str) -> None:
        """Focus a field and type into it as a keyboard (or a paste) would."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", text=text)

    def click_and_wait(self, selector: str) -> None:
        """Click (e.g. a submit button) and wait until the page it leads to has loaded."""
        self._events.clear()
        self.evaluate(f"document.querySelector({json.dumps(selector)}).click()")
        self._wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def path(self) -> str:
        return str(self.evaluate("location.pathname"))

    def text(self) -> str:
        return str(self.evaluate("document.body.innerText"))

    def cookies(self, url: str) -> list[dict[str, Any]]:
        return list(self.call("Network.getCookies", urls=[url])["cookies"])

    def screenshot(self, target: Path) -> int:
        data = base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        target.write_bytes(data)
        return len(data)


def _page_socket(port_file: Path, proc: subprocess.Popen[bytes]) -> str:
    """The DevTools WebSocket of the browser's first tab (Chromium writes its port to a file)."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        assert proc.poll() is None, "Chromium exited at start"
        lines = port_file.read_text().splitlines() if port_file.exists() else []
        if len(lines) >= 2:
            try:
                targets = httpx.get(f"http://127.0.0.1:{lines[0]}/json/list", timeout=5).json()
            except httpx.TransportError:
                targets = []
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                return str(pages[0]["webSocketDebuggerUrl"])
        time.sleep(0.1)
    raise AssertionError("Chromium's DevTools endpoint did not come up")
