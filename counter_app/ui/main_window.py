"""The main window: the tabs (Tiếp nhận, Danh sách, Trả kết quả, Quá hạn, Báo cáo, then the post
office's own in ui/service_tabs.py) and the status bar."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from counter_app.domain.roles import Permission, may
from counter_app.domain.vntime import now_vn
from counter_app.ui.account_menu import AccountMenu, AccountServices, hide_tabs_for_role
from counter_app.ui.detail_actions import DossierSteps
from counter_app.ui.dossier_detail import DetailServices, DossierDetailDialog
from counter_app.ui.dossier_list import DossierFinder, DossierListView
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.intake_presenter import DossierIntake, IntakeOutcomes
from counter_app.ui.intake_view import DueDates, IntakeProcedures, IntakeView
from counter_app.ui.keyboard import enter_presses_buttons
from counter_app.ui.late_view import LateDossiers, LateView
from counter_app.ui.narrow_fit import KeepEndLabel, keep_every_tab_on_the_bar
from counter_app.ui.report_view import PeriodReports, ReportView
from counter_app.ui.return_presenter import ReturnDesk
from counter_app.ui.return_view import PostCounter, ReturnView
from counter_app.ui.service_tabs import Cashier, OfficeServices, ServiceTabs
from counter_app.ui.slip_preview import SlipRenderer
from counter_app.ui.sync_status import SyncButton, SyncController, status_line, watch_network
from counter_app.ui.sync_window import SyncWindow
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import BusyIndicator, error_text
from counter_app.ui.window_fit import fit_window, remember_sizes_for

if TYPE_CHECKING:
    from counter_app.services.accounts import SignedInUser
    from counter_app.services.setup import CounterIdentity
    from counter_app.sync.service import SyncService

TAB_INTAKE, TAB_LIST, TAB_RETURN, TAB_LATE, TAB_REPORT = range(5)


class LifecycleDesk(DossierSteps, IntakeOutcomes, Protocol):
    """The lifecycle service as the intake screen and the dossier detail use it."""


class TabServices(DetailServices, AccountServices, OfficeServices, Protocol):
    """The services the tabs use, each typed as its tab asks (app.Services is one)."""

    @property
    def lifecycle(self) -> LifecycleDesk: ...
    @property
    def post(self) -> PostCounter: ...
    @property
    def procedures(self) -> IntakeProcedures: ...
    @property
    def calendar(self) -> DueDates: ...
    @property
    def dossiers(self) -> DossierIntake: ...
    @property
    def slips(self) -> SlipRenderer: ...
    @property
    def search(self) -> DossierFinder: ...
    @property
    def returns(self) -> ReturnDesk: ...
    @property
    def late(self) -> LateDossiers: ...
    @property
    def reports(self) -> PeriodReports: ...
    @property
    def fees(self) -> Cashier: ...


def intake_view(services: TabServices, runner: TaskRunner, user: SignedInUser) -> IntakeView:
    """The intake tab on the services it uses; a supervisor may receive an incomplete dossier."""
    return IntakeView(
        services.procedures,
        services.calendar,
        services.dossiers,
        services.slips,
        runner,
        user.username,
        outcomes=services.lifecycle,
        forms=services.forms,
        details=services.details,
        homes=services.home_visits,
        supervisor=may(user.role, Permission.OVERRIDE),
        postal_units=services.post.units,
    )


SYNC_LABEL_MARGIN = 6  # pixels between the sync text and the window's right edge

SYNC_PHASE_WORDS = {
    "push": QT_TR_NOOP("Đồng bộ: đang gửi hồ sơ lên tỉnh"),
    "pull": QT_TR_NOOP("Đồng bộ: đang nhận thay đổi từ tỉnh"),
}


class MainWindow(QMainWindow):
    """Built after sign-in. With `sync`, the status bar shows the honest sync status and a
    “Đồng bộ” button; `start_sync()` starts the background runs once the window is shown.

    Signals: switch_requested() (the next clerk signs in), quit_requested() (sign out, quit).
    """

    switch_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        services: TabServices,
        runner: TaskRunner,
        user: SignedInUser,
        identity: CounterIdentity,
        sync: SyncService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services, self._runner = services, runner
        self.user, self.identity = user, identity
        self.setWindowTitle(
            tr("Quầy Một cửa — {counter_name} — {unit_name}").format(
                counter_name=identity.counter_name, unit_name=identity.unit_name
            )
        )
        self.intake = intake_view(services, runner, user)
        self.dossiers = DossierListView(services.search, runner)
        self.returns = ReturnView(
            services.returns, runner, user.username, post=services.post, fees=services.fees
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.intake, tr("Tiếp nhận hồ sơ (F2)"))
        self.tabs.addTab(self.dossiers, tr("Danh sách hồ sơ (F3)"))
        self.tabs.addTab(self.returns, tr("Trả kết quả (F4)"))
        self.late = LateView(services.late, runner)
        self.tabs.addTab(self.late, tr("Quá hạn và sắp đến hạn (F6)"))
        self.report = ReportView(services.reports, runner, now_vn().date())
        self.tabs.addTab(self.report, tr("Báo cáo (F11)"))
        self.office = ServiceTabs(
            self, self.tabs, self.intake, services, runner, user, self.open_dossier
        )
        self.setCentralWidget(self.tabs)
        self.shift: object = None  # the ui.shift.Shift that opened this window, if any
        self.account_menu = AccountMenu(self, services, runner, user)
        self.account_menu.switch_action.triggered.connect(self.switch_requested)
        self.account_menu.quit_action.triggered.connect(self.quit_requested)
        needs: dict[QWidget, Permission] = {
            self.intake: Permission.RECEIVE,
            self.returns: Permission.RETURN,
            self.report: Permission.REPORTS,
            **dict.fromkeys(self.office.pages, Permission.RECEIVE),
        }
        hide_tabs_for_role(self.tabs, user.role, needs)
        keep_every_tab_on_the_bar(self.tabs)
        self.detail_dialog: DossierDetailDialog | None = None
        self.sync_window: SyncWindow | None = None
        self._build_status_bar()
        self._connect()
        self.sync_controller = self._attach_sync(sync) if sync is not None else None
        runner.error_handler = self._on_unexpected_error
        remember_sizes_for(user.username)
        fit_window(self, "main", 1280, 860)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.clerk_label = QLabel(
            tr("Cán bộ: {full_name} ({username})").format(
                full_name=self.user.full_name, username=self.user.username
            )
        )
        identity = self.identity
        self.counter_label = KeepEndLabel(  # the names give way on a narrow screen, the code not
            f"{identity.counter_name} · {identity.unit_name}", f" ({identity.unit_code})"
        )
        self.sync_label = QLabel(tr("Đồng bộ: chưa cấu hình"))
        self.sync_label.setContentsMargins(0, 0, SYNC_LABEL_MARGIN, 0)  # off the window's edge
        self.busy_bar = BusyIndicator()
        bar.addWidget(self.clerk_label)
        bar.addWidget(self.counter_label, 1)
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.sync_label)

    def _attach_sync(self, sync: SyncService) -> SyncController:
        """The sync button and status line; a saved or returned dossier is sent soon."""
        controller = SyncController(sync, self._runner, parent=self)
        button = SyncButton(controller)
        self.statusBar().addPermanentWidget(button)
        controller.status_changed.connect(lambda status: self.set_sync_status(status_line(status)))
        controller.progress.connect(self._show_sync_progress)
        controller.running.connect(
            lambda running: (
                None if running else self.busy_bar.show_activity(self._runner.activity())
            )
        )
        button.clicked.connect(self.open_sync_window)
        self.intake.dossier_saved.connect(controller.poke)
        self.returns.dossier_returned.connect(controller.poke)
        self.set_sync_status(status_line(None))
        return controller

    def _show_sync_progress(self, phase: str, done: int, total: int) -> None:
        words = tr(SYNC_PHASE_WORDS.get(phase, QT_TR_NOOP("Đồng bộ:")))
        self.busy_bar.show_progress(words, done, total)

    def _on_sync_running(self, running: bool) -> None:
        if not running:  # back to whatever else is still going on, if anything
            self.busy_bar.show_activity(self._runner.activity())

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._on_tab_changed)
        for key, tab in (
            (Qt.Key.Key_F2, TAB_INTAKE),
            (Qt.Key.Key_F3, TAB_LIST),
            (Qt.Key.Key_F4, TAB_RETURN),
            (Qt.Key.Key_F6, TAB_LATE),
            (Qt.Key.Key_F11, TAB_REPORT),
        ):
            QShortcut(QKeySequence(key), self, partial(self.show_tab, tab))
        self.dossiers.open_dossier.connect(self.open_dossier)
        self.late.open_dossier.connect(self.open_dossier)
        self.intake.dossier_saved.connect(lambda _code: self.dossiers.model.refresh())
        self.returns.dossier_returned.connect(lambda _code: self.dossiers.model.refresh())
        self._runner.activity_changed.connect(self.busy_bar.show_activity)
        enter_presses_buttons(self)

    def start_sync(self) -> None:
        """Background sync (single-flight, backoff, a retry within seconds of the link coming
        back), stopped when the program quits."""
        controller = self.sync_controller
        if controller is None:
            return
        watch_network(controller)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(controller.stop)
        controller.start()

    def show_tab(self, index: int) -> None:
        if not self.tabs.isTabVisible(index):
            return  # the role does not do this work (ui/account_menu.py)
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
        elif index == TAB_LATE:
            self.late.refresh()
            self.late.table.setFocus()
        elif index == TAB_REPORT and self.report.report is None:
            self.report.refresh()  # the first visit counts this month; later ones keep the period

    def set_sync_status(self, text: str) -> None:
        """The status bar's sync line (last sync time, pending count, offline…)."""
        self.sync_label.setText(text)

    def open_sync_window(self) -> SyncWindow | None:
        """The one sync window: shown again (and refreshed) if it is already open."""
        if self.sync_controller is None:
            return None
        window = self.sync_window
        if window is None or not shiboken6.isValid(window):
            window = self.sync_window = SyncWindow(self.sync_controller, self._runner, self)
            window.may_enrol = may(self.user.role, Permission.ENROL)  # enrolment is IT's
        window.show()
        window.raise_()
        window.refresh()
        return window

    def open_dossier(self, code: str) -> None:
        dialog = DossierDetailDialog(self._services, self._runner, self.user, code, self)
        dialog.dossier_changed.connect(lambda _code: self.dossiers.model.refresh())
        dialog.dossier_changed.connect(lambda _code: self._refresh_late())
        if self.sync_controller is not None:
            dialog.dossier_changed.connect(self.sync_controller.poke)
        dialog.reopen_requested.connect(self.reopen_in_intake)
        self.detail_dialog = dialog
        dialog.open()

    def _refresh_late(self) -> None:
        if self.tabs.currentIndex() == TAB_LATE:
            self.late.refresh()

    def reopen_in_intake(self, code: str) -> None:
        """A dossier waiting for papers: back on the intake screen, to be received or refused."""
        self.show_tab(TAB_INTAKE)
        self.intake.reopen(code)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        self._on_tab_changed(self.tabs.currentIndex())

    def _on_unexpected_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, tr("Có lỗi"), error_text(error))
