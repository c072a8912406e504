"""Single flight: one sync per store at a time, across threads and across processes.

An OS lock on a file in the data folder (flock on POSIX, msvcrt.locking on Windows) is released
by the OS when its holder dies, even by kill -9, so a crashed sync never blocks the next one.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from counter_app.sync.errors import SyncBusy, SyncError
from counter_protocol.texts import QT_TRANSLATE_NOOP

LOCK_NAME = "sync.lock"
_BUSY = QT_TRANSLATE_NOOP(
    "messages",
    "Một lần đồng bộ khác đang chạy trên máy này (cửa sổ chính hoặc lệnh counter-app sync).",
)


class SyncLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._threads = threading.Lock()

    @contextmanager
    def hold(self, wait_s: float = 0.0) -> Iterator[None]:
        """Hold the lock for the block; SyncBusy if it is not free within `wait_s`."""
        deadline = time.monotonic() + wait_s
        if wait_s > 0:
            acquired = self._threads.acquire(timeout=wait_s)
        else:
            acquired = self._threads.acquire(blocking=False)
        if not acquired:
            raise SyncBusy(_BUSY)
        try:
            with self._file_lock(deadline):
                yield
        finally:
            self._threads.release()

    @contextmanager
    def _file_lock(self, deadline: float) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+b")
        try:
            while not _try_lock(handle):
                if time.monotonic() >= deadline:
                    raise SyncBusy(_BUSY)
                time.sleep(0.05)
            try:
                yield
            finally:
                _unlock(handle)
        finally:
            handle.close()

    def is_held_elsewhere(self) -> bool:
        """True if another holder has the file lock right now (for a read-only status hint)."""
        try:
            with self._file_lock(time.monotonic()):
                return False
        except SyncError:
            return True


if sys.platform == "win32":  # pragma: no cover - exercised on the Windows build only
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


__all__ = ["LOCK_NAME", "SyncLock"]
