"""The sizes clerks leave their windows at are kept in one JSON file, replaced whole at each
write. Nothing a killed or crashed program leaves behind (a half-written file, a temporary file,
the lock file of the QSettings format used before) stops a window from closing or opening."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QWidget

from counter_app.ui.window_fit import fit_window, remember_sizes_for, sizes_file


def open_window(qtbot, name: str = "probe") -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    fit_window(window, name, 700, 500)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_closed_window_is_kept_per_clerk_and_reopens_at_that_size(qtbot) -> None:
    remember_sizes_for("canbo")
    window = open_window(qtbot)
    window.resize(640, 420)
    window.close()
    assert json.loads(sizes_file().read_text(encoding="utf-8")) == {"canbo/probe": [640, 420]}
    assert open_window(qtbot).size().toTuple() == (640, 420)
    remember_sizes_for("other")
    assert open_window(qtbot).size().toTuple() == (700, 500)


def test_a_damaged_file_keeps_no_size_and_the_next_close_writes_a_sound_one(qtbot) -> None:
    remember_sizes_for("canbo")
    sizes_file().parent.mkdir(parents=True, exist_ok=True)
    for damaged in ('{"canbo/probe": [640', "[1, 2]", '{"canbo/probe": ["a", 3]}', "\x00\xff"):
        sizes_file().write_bytes(damaged.encode("latin-1"))
        window = open_window(qtbot)
        assert window.size().toTuple() == (700, 500)
        window.resize(650, 430)
        window.close()
        assert json.loads(sizes_file().read_text(encoding="utf-8")) == {"canbo/probe": [650, 430]}


def test_what_a_killed_program_left_behind_stops_nothing(qtbot) -> None:
    """An empty `windows.conf.lock` (a kill between creating QSettings' lock and writing into
    it) once made every later program hang when a window closed; a temporary file of a write
    cut short is left alone."""
    remember_sizes_for("canbo")
    folder = sizes_file().parent
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "windows.conf.lock").write_bytes(b"")
    (folder / ".sizes-cut.tmp").write_text('{"canbo/probe": [1', encoding="utf-8")
    try:
        window = open_window(qtbot)
        window.resize(660, 440)
        window.close()
        assert json.loads(sizes_file().read_text(encoding="utf-8")) == {"canbo/probe": [660, 440]}
        assert [p.name for p in folder.glob(".sizes-*.tmp")] == [".sizes-cut.tmp"]
    finally:
        (folder / "windows.conf.lock").unlink()
        (folder / ".sizes-cut.tmp").unlink()
