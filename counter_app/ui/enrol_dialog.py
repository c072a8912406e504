"""“Đăng ký máy với máy chủ”: the enrolment dialog the sync window opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.i18n import tr
from counter_app.ui.sync_status import SyncController, sync_error_text
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import MessageBar, ok_cancel_buttons

if TYPE_CHECKING:
    from counter_app.sync.enrol import EnrolResult


class EnrolDialog(QDialog):
    """“Đăng ký máy với máy chủ”: address and one-time code; the server's refusal, in words."""

    def __init__(
        self, controller: SyncController, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Đăng ký máy với máy chủ"))
        self._controller, self._tasks = controller, tasks
        self.result_value: EnrolResult | None = None
        self.server_edit = QLineEdit(placeholderText="https://dongbo.…gov.vn")
        self.code_edit = QLineEdit(placeholderText=tr("ví dụ ABCD-2345"))
        self.message = MessageBar()
        self.buttons = ok_cancel_buttons(self, tr("Đăng ký"), tr("Đóng"))
        self.buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        hint = QLabel(
            tr(
                "Bộ phận CNTT cấp địa chỉ máy chủ và mã đăng ký dùng một lần. Đăng ký "
                "xong, máy sẽ gửi mọi hồ sơ đã lưu, kể cả hồ sơ lưu trước khi đăng ký."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        form.addRow(tr("Địa chỉ máy chủ:"), self.server_edit)
        form.addRow(tr("Mã đăng ký:"), self.code_edit)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.server_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not server or not code:
            self.message.show_message("error", tr("Nhập địa chỉ máy chủ và mã đăng ký."))
            return
        self.buttons.setEnabled(False)
        self.message.show_message("info", tr("Đang đăng ký với máy chủ…"))
        sync = self._controller.sync
        self._tasks.run_io(
            lambda: sync.enrol(server, code), self._on_enrolled, self._on_refused, owner=self
        )

    def _on_enrolled(self, result: EnrolResult) -> None:
        self.result_value = result
        self.buttons.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setVisible(False)
        self.message.show_message(
            "success",
            tr(
                "Đã đăng ký: máy số {device_id}, đơn vị {unit_code}, số thứ tự máy {slot}. Máy "
                "sẽ bắt đầu gửi hồ sơ ngay."
            ).format(device_id=result.device_id, unit_code=result.unit_code, slot=result.slot),
        )
        self._controller.sync_now()

    def _on_refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.show_message("error", sync_error_text(error))
