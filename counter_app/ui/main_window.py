"""The main window: three tabs (Tiếp nhận, Danh sách hồ sơ, Trả kết quả) and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from counter_app.ui.dossier_detail import DossierDetailDialog
from counter_app.ui.dossier_list import DossierListView
from counter_app.ui.intake_view import IntakeView
from counter_app.ui.return_view import ReturnView
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import BusyBar, error_text

TAB_INTAKE, TAB_LIST, TAB_RETURN = range(3)


class MainWindow(QMainWindow):
    """Built after sign-in; `user` is the SignedInUser, `identity` the CounterIdentity."""

    def __init__(self, services, runner: TaskRunner, user, identity, parent=None) -> None:
        super().__init__(parent)
        self._services, self._runner = services, runner
        self.user, self.identity = user, identity
        self.setWindowTitle(f"Quầy Một cửa — {identity.counter_name} — {identity.unit_name}")
        self.intake = IntakeView(services, runner, user.username)
        self.dossiers = DossierListView(services, runner)
        self.returns = ReturnView(services, runner, user.username)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.intake, "Tiếp nhận hồ sơ (F2)")
        self.tabs.addTab(self.dossiers, "Danh sách hồ sơ (F3)")
        self.tabs.addTab(self.returns, "Trả kết quả (F4)")
        self.setCentralWidget(self.tabs)
        self.detail_dialog: DossierDetailDialog | None = None
        self._build_status_bar()
        self._connect()
        runner.error_handler = self._on_unexpected_error
        self.resize(1280, 860)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.clerk_label = QLabel(f"Cán bộ: {self.user.full_name} ({self.user.username})")
        self.counter_label = QLabel(
            f"{self.identity.counter_name} · {self.identity.unit_name} ({self.identity.unit_code})")
        self.sync_label = QLabel("Đồng bộ: chưa cấu hình")
        self.busy_bar = BusyBar()
        bar.addWidget(self.clerk_label)
        bar.addWidget(self.counter_label, 1)
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.sync_label)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._on_tab_changed)
        for key, tab in ((Qt.Key.Key_F2, TAB_INTAKE), (Qt.Key.Key_F3, TAB_LIST),
                         (Qt.Key.Key_F4, TAB_RETURN)):
            QShortcut(QKeySequence(key), self, activated=lambda t=tab: self.show_tab(t))
        self.dossiers.open_dossier.connect(self.open_dossier)
        self.intake.dossier_saved.connect(lambda _code: self.dossiers.model.refresh())
        self.returns.dossier_returned.connect(lambda _code: self.dossiers.model.refresh())
        self._runner.busy_changed.connect(self.busy_bar.setVisible)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self._on_tab_changed(index)

    def _on_tab_changed(self, index: int) -> None:
        if index == TAB_INTAKE:
            self.intake.focus_first_field()
        elif index == TAB_LIST:
            if self.dossiers.model.rowCount() == 0 and not self.dossiers.model.loading:
                self.dossiers.apply_filters()
            self.dossiers.search_edit.setFocus()
        elif index == TAB_RETURN:
            self.returns.focus_first_field()

    def set_sync_status(self, text: str) -> None:
        """The sync issue fills this (last sync time, pending count, offline…)."""
        self.sync_label.setText(text)

    def open_dossier(self, code: str) -> None:
        self.detail_dialog = DossierDetailDialog(self._services, self._runner, code, self)
        self.detail_dialog.open()

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        self.intake.focus_first_field()

    def _on_unexpected_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, "Có lỗi", error_text(error))
