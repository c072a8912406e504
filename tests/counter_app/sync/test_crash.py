"""The sync's crash points are a test seam: inert until a harness installs a fault injector."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

from counter_app.sync import crash
from counter_devkit.faults import KillAtPoint


class Recorder:
    def __init__(self) -> None:
        self.labels: list[str] = []

    def reached(self, label: str) -> None:
        self.labels.append(label)


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    recording = Recorder()
    previous = crash.install_fault_injector(recording)
    yield recording
    crash.install_fault_injector(previous)


def test_the_shipped_program_has_no_injector_installed() -> None:
    assert isinstance(crash.install_fault_injector(crash.NoFaults()), crash.NoFaults)


def test_an_installed_injector_is_told_each_point(recorder: Recorder) -> None:
    crash.crash_point(crash.BEFORE_SEND)
    crash.crash_point(crash.AFTER_PULL_STORED)
    assert recorder.labels == [crash.BEFORE_SEND, crash.AFTER_PULL_STORED]


def test_kill_specs_name_a_known_point_and_a_count() -> None:
    assert vars(KillAtPoint.parse("before_pull")) == {"label": "before_pull", "nth": 1, "passed": 0}
    assert KillAtPoint.parse("after_server_commit:3").nth == 3
    with pytest.raises(ValueError, match="no such crash point"):
        KillAtPoint.parse("after_lunch")
    with pytest.raises(ValueError, match="at least 1"):
        KillAtPoint.parse("before_send:0")


def test_the_process_dies_by_sigkill_the_nth_time_it_passes_the_point() -> None:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            crash.install_fault_injector(KillAtPoint(crash.WHILE_STORING_RECEIPT, 2))
            crash.crash_point(crash.BEFORE_SEND)  # another point: passes
            crash.crash_point(crash.WHILE_STORING_RECEIPT)  # first time: passes
            os.write(write_end, b"1")
            crash.crash_point(crash.WHILE_STORING_RECEIPT)  # second time: killed here
            os.write(write_end, b"2")
        finally:
            os._exit(0)
    os.close(write_end)
    _, status = os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as reached:
        assert reached.read() == b"1"
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
