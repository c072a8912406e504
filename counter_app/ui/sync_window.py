"""The sync window: progress, last results, problems in plain Vietnamese with what to do (the
enrolment dialog it opens is in enrol_dialog.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.vntime import now_vn
from counter_app.ui.enrol_dialog import EnrolDialog
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.sync_status import (
    SyncController,
    status_colour,
    status_line,
    sync_error_text,
)
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.texts import label_text, message_text, note_text
from counter_app.ui.widgets import MessageBar
from counter_app.ui.window_fit import fit_window
from counter_protocol.timefmt import format_vn

if TYPE_CHECKING:
    from counter_app.sync.report import SyncReport
    from counter_app.sync.service import Enrolment
    from counter_app.sync.status import SyncStatus
    from counter_app.sync.views import OpProblem, RunRow, UpdateRow

STOP_KEY = "Ctrl+Shift+X"
# status, enrolment, problems, recent runs, recent updates: read together on the store lane
Loaded: TypeAlias = "tuple[SyncStatus, Enrolment, list[OpProblem], list[RunRow], list[UpdateRow]]"

OP_KINDS = {
    "dossier.create": QT_TR_NOOP("Tiếp nhận hồ sơ"),
    "dossier.event": QT_TR_NOOP("Cập nhật hồ sơ"),
    "online_help.record": QT_TR_NOOP("Hỗ trợ nộp trực tuyến"),
}
CHANGE_KINDS = {
    "dossier.status": QT_TR_NOOP("Trạng thái hồ sơ"),
    "catalogue": QT_TR_NOOP("Danh mục thủ tục"),
    "calendar": QT_TR_NOOP("Lịch ngày nghỉ, làm bù"),
    "tracking_pool": QT_TR_NOOP("Mã vận đơn bưu chính"),
    "device.revoked": QT_TR_NOOP("Thu hồi máy"),
}
CHANGE_RESULTS = {
    "applied": QT_TR_NOOP("Đã áp dụng"),
    "unchanged": QT_TR_NOOP("Đã có trên máy"),
    "not_applied": QT_TR_NOOP("Không áp dụng được"),
}


def _table(headers: list[str], stretch: tuple[int, ...] = ()) -> QTableWidget:
    """A read-only table; `stretch` columns (long Vietnamese sentences) share the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


def op_kind_text(kind: str) -> str:
    return tr(OP_KINDS.get(kind, kind))


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


class SyncWindow(QDialog):
    """Status, enrolment, “Đồng bộ ngay” with progress, the last result, problems and history."""

    def __init__(
        self, controller: SyncController, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Đồng bộ với máy chủ tỉnh"))
        self._controller, self._tasks = controller, tasks
        self.status_label = QLabel()
        self.status_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.status_label.setWordWrap(True)
        self.enrolment_label = QLabel()
        self.enrolment_label.setWordWrap(True)
        self.enrol_button = QPushButton(tr("Đăng ký máy với máy chủ…"))
        self.enrol_button.setVisible(False)
        self.may_enrol = True  # the main window says whether the person's role may enrol
        self.may_sync = True  # the main window says whether the person's role may sync by hand
        self.sync_button = QPushButton(tr("Đồng bộ ngay (F5)"))
        self.sync_button.setShortcut("F5")
        self.stop_button = QPushButton(tr("Dừng ({key})").format(key=STOP_KEY))
        self.stop_button.setShortcut(STOP_KEY)
        self.stop_button.setToolTip(
            tr("Dừng sau lô đang gửi: phần đã gửi giữ nguyên, phần còn lại gửi ở lần sau")
        )
        self.stop_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = MessageBar()
        self.problems = _table(
            [tr("Hồ sơ"), tr("Thao tác"), tr("Tình trạng"), tr("Lý do"), tr("Cần làm")], (3, 4)
        )
        self.runs = _table(
            [
                tr("Lúc"),
                tr("Kiểu"),
                tr("Kết quả"),
                tr("Gửi"),
                tr("Xác nhận"),
                tr("Trùng"),
                tr("Xung đột"),
                tr("Cách ly"),
                tr("Chờ"),
                tr("Nhận"),
                tr("Ghi chú"),
            ],
            (10,),
        )
        self.updates = _table(
            [tr("Số"), tr("Loại"), tr("Nội dung"), tr("Kết quả"), tr("Ghi chú"), tr("Lúc")], (4,)
        )
        self.tabs = QTabWidget()
        self._stopping = False  # “Dừng” was pressed and the run has not ended yet
        self._build()
        self._connect()
        self._on_running(controller.is_running)
        fit_window(self, "sync", 980, 640)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        row = QHBoxLayout()
        row.addWidget(self.enrolment_label, 1)
        row.addWidget(self.enrol_button)
        row.addWidget(self.sync_button)
        row.addWidget(self.stop_button)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.tabs.addTab(self.problems, tr("Thao tác lỗi hoặc đang chờ"))
        self.tabs.addTab(self.runs, tr("Các lần đồng bộ"))
        self.tabs.addTab(self.updates, tr("Thay đổi từ tỉnh"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        c = self._controller
        self.sync_button.clicked.connect(self.sync_now)
        self.stop_button.clicked.connect(self.stop_sync)
        self.enrol_button.clicked.connect(self.open_enrol)
        c.running.connect(self._on_running)
        c.progress.connect(self._on_progress)
        c.report_ready.connect(self._on_report)
        c.status_changed.connect(self._show_status)

    def _by_hand_for_it_only(self) -> None:
        if not self.may_sync:  # the background runs go on; a run by hand is IT's (roles.py)
            self.sync_button.setEnabled(False)
            self.sync_button.setToolTip(
                tr("Máy tự đồng bộ khi có mạng. Đồng bộ ngay do cán bộ CNTT thực hiện.")
            )

    def refresh(self) -> None:
        self._by_hand_for_it_only()
        sync = self._controller.sync

        def load() -> Loaded:
            return (
                sync.status(),
                sync.enrolment(),
                sync.problems(),
                sync.recent_runs(),
                sync.recent_updates(),
            )

        self._tasks.run_db(load, self._show_all, self._on_load_error, owner=self)

    def sync_now(self) -> None:
        self.message.show_message("info", tr("Đang đồng bộ…"))
        self._controller.sync_now()

    def stop_sync(self) -> None:
        self._stopping = True
        self.stop_button.setEnabled(False)
        self.message.show_message("info", tr("Đang dừng: chờ lô đang gửi được máy chủ xác nhận…"))
        self._controller.stop_run()

    def open_enrol(self) -> None:
        dialog = EnrolDialog(self._controller, self._tasks, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()

    # -- filling ----------------------------------------------------------------------------

    def _show_all(self, loaded: Loaded) -> None:
        status, enrolment, problems, runs, updates = loaded
        self._show_status(status)
        self._show_enrolment(enrolment, status.revoked)
        _fill(self.problems, [problem_cells(p) for p in problems])
        _fill(self.runs, [run_cells(r) for r in runs])
        _fill(
            self.updates,
            [
                [
                    str(u.change_seq),
                    tr(CHANGE_KINDS.get(u.kind, u.kind)),
                    u.subject,
                    tr(CHANGE_RESULTS.get(u.result, u.result)),
                    update_note_text(u),
                    format_vn(u.applied_at),
                ]
                for u in updates
            ],
        )
        self.tabs.setTabText(
            0, tr("Thao tác lỗi hoặc đang chờ ({count})").format(count=len(problems))
        )

    def _show_status(self, status: SyncStatus | None) -> None:
        self.status_label.setText(status_line(status))
        self.status_label.setStyleSheet(
            f"font-size: 13pt; font-weight: bold; color: {status_colour(status)};"
        )

    def _show_enrolment(self, enrolment: Enrolment, revoked: bool) -> None:
        names = {
            "counter_name": enrolment.counter_name,
            "unit_code": enrolment.unit_code,
            "slot": enrolment.slot,
        }
        if revoked:  # a new code from IT enrols this PC again, under a new identity
            self.enrolment_label.setText(
                tr(
                    "Máy chủ tỉnh đã thu hồi quyền đồng bộ của máy “{counter_name}” (đơn vị "
                    "{unit_code}, số thứ tự máy {slot}). Nếu bộ phận CNTT cấp mã đăng ký mới, hãy "
                    "đăng ký lại: hồ sơ chưa gửi sẽ được gửi sau đó."
                ).format(**names)
            )
        elif enrolment.device_id is None:
            self.enrolment_label.setText(
                tr(
                    "Máy “{counter_name}” (đơn vị {unit_code}, số thứ tự máy {slot}) chưa đăng ký "
                    "với máy chủ tỉnh. Hồ sơ vẫn lưu trên máy và sẽ được gửi sau khi đăng "
                    "ký."
                ).format(**names)
            )
        else:
            when = format_vn(enrolment.enrolled_at) if enrolment.enrolled_at else "?"
            self.enrolment_label.setText(
                tr(
                    "Máy chủ: {server_url} · máy số {device_id} · đơn vị {unit_code}, số thứ "
                    "tự máy {slot} · đăng ký lúc {when}"
                ).format(
                    server_url=enrolment.server_url,
                    device_id=enrolment.device_id,
                    when=when,
                    **names,
                )
            )
        needed = enrolment.device_id is None or revoked
        self.enrol_button.setVisible(needed and self.may_enrol)
        self.enrol_button.setText(
            tr("Đăng ký lại với mã mới…") if revoked else tr("Đăng ký máy với máy chủ…")
        )

    def _on_load_error(self, error: BaseException) -> None:
        self.message.show_message("error", sync_error_text(error))

    def _on_running(self, running: bool) -> None:
        self._stopping = False  # a new run, or the end of one: no stop is pending any more
        self._show_running(running)
        if running:
            self.progress.setRange(0, 0)

    def _show_running(self, running: bool) -> None:
        # A window opened just as a run began misses the run's start (the signal was queued
        # before the window connected), so progress also says "running" and enables the stop.
        self.sync_button.setEnabled(not running)
        self._by_hand_for_it_only()
        self.stop_button.setEnabled(running and not self._stopping)
        self.stop_button.setVisible(running)
        self.progress.setVisible(running)

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        self._show_running(True)  # a window opened just after the run began missed its start
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        label = (
            tr("Đang gửi hồ sơ lên tỉnh") if phase == "push" else tr("Đang nhận thay đổi từ tỉnh")
        )
        self.progress.setFormat(f"{label}: {done}/{total}")
        self.progress.setTextVisible(True)

    def _on_report(self, report: SyncReport) -> None:
        lines = report_lines(report)
        if report.stopped and report.error is None:
            self.message.show_message("warning", "\n".join(lines))
        elif report.error is None:
            self.message.show_message("success", "\n".join(lines))
        else:
            done = lines[:2] if report.sent or report.pulled else []  # what got through anyway
            self.message.show_message(
                "error",
                "\n\n".join([sync_error_text(report.error), *(["\n".join(done)] if done else [])]),
            )
        self.refresh()


def problem_cells(problem: OpProblem) -> list[str]:
    """An op in trouble as the problems' table shows it, in the clerk's language (0034)."""
    return [
        problem.dossier_code,
        op_kind_text(problem.kind),
        label_text(problem.state_label),
        note_text(problem.note, problem.reason),
        message_text(problem.advice),
    ]


def run_cells(run: RunRow) -> list[str]:
    """A sync run as the runs' table shows it, in the clerk's language (0034)."""
    counts = (run.sent, run.acked, run.duplicates, run.conflicts, run.quarantined, run.held)
    return [
        format_vn(run.finished_at),
        label_text(run.trigger),
        tr("Xong") if run.ok else tr("Lỗi"),
        *(str(count) for count in (*counts, run.pulled)),
        run_note_text(run),
    ]


def run_note_text(run: RunRow) -> str:
    """A run's note (a stop, notices for IT, its failure) in the clerk's language."""
    return note_text(run.note, run.message or "")


def update_note_text(update: UpdateRow) -> str:
    """A province change's note in the clerk's language. A row written before notes were kept
    with their values (store revision 0016) is looked up as written: a note with values in it
    shows in Vietnamese."""
    if update.note is None:
        return message_text(update.message or "")
    return message_text(update.note.template, update.note.params)


def report_lines(report: SyncReport) -> list[str]:
    """The run's summary in the clerk's language, the status line last (decision 0034)."""
    from counter_app.sync.report import STATUS_LINE  # the sync loads after the first screen

    lines = [message_text(template, params) for template, params in report.summary_parts()]
    if report.status is not None:
        now = now_vn()
        status = (message_text(t, p) for t, p in report.status.parts(now))
        lines.append(message_text(STATUS_LINE, {"status": " · ".join(status)}))
    return lines
