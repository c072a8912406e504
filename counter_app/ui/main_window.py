"""The main window: the tabs (Tiếp nhận, Danh sách, Trả kết quả, Quá hạn, Báo cáo, then the post
office's own in ui/service_tabs.py) and the status bar."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol, cast

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from counter_app.domain.roles import Permission, may
from counter_app.ui.account_menu import AccountMenu, hide_tabs_for_role
from counter_app.ui.dossier_list import DossierListView
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.keyboard import enter_presses_buttons
from counter_app.ui.lazy_page import LazyPage, content_as
from counter_app.ui.leave_guard import LeaveGuard
from counter_app.ui.narrow_fit import KeepEndLabel, keep_every_tab_on_the_bar
from counter_app.ui.service_tabs import ServiceTabs
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import BusyIndicator, error_text
from counter_app.ui.window_fit import fit_window, remember_sizes_for

if TYPE_CHECKING:
    # The other tabs' modules load when a tab is first shown (ui/lazy_page.py).
    from counter_app.services.accounts import SignedInUser
    from counter_app.services.setup import CounterIdentity
    from counter_app.sync.service import SyncService
    from counter_app.ui.account_menu import AccountServices
    from counter_app.ui.detail_actions import DossierSteps
    from counter_app.ui.dossier_detail import DetailServices, DossierDetailDialog
    from counter_app.ui.dossier_list import DossierFinder
    from counter_app.ui.intake_presenter import DossierIntake, IntakeOutcomes
    from counter_app.ui.intake_view import DueDates, IntakeProcedures, IntakeView
    from counter_app.ui.late_view import LateDossiers, LateView
    from counter_app.ui.report_view import PeriodReports, ReportView
    from counter_app.ui.return_presenter import ReturnDesk
    from counter_app.ui.return_view import PostCounter, ReturnView
    from counter_app.ui.service_tabs import Cashier, OfficeServices
    from counter_app.ui.slip_preview import SlipRenderer
    from counter_app.ui.sync_status import SyncController
    from counter_app.ui.sync_window import SyncWindow

TAB_INTAKE, TAB_LIST, TAB_RETURN, TAB_LATE, TAB_REPORT = range(5)


if TYPE_CHECKING:

    class LifecycleDesk(DossierSteps, IntakeOutcomes, Protocol):
        """The lifecycle service as the intake screen and the dossier detail use it."""

    class TabServices(DetailServices, AccountServices, OfficeServices, Protocol):
        """The services the tabs use, each typed as its tab asks (services.wiring.Services is
        one)."""

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
    from counter_app.ui.intake_view import IntakeView

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
    """Built after sign-in, on the dossier list (today's dossiers); the other tabs are built when
    first shown (ui/lazy_page.py). `attach_sync` adds the honest sync status and the “Đồng bộ”
    button to the status bar, `start_sync()` the background runs.

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
        self.dossiers = DossierListView(services.search, runner)
        self._build_tabs()
        self.setCentralWidget(self.tabs)
        self.shift: object = None  # the ui.shift.Shift that opened this window, if any
        self.account_menu = AccountMenu(self, services, runner, user)
        self.leave_guard = LeaveGuard(self, self._intake_page)
        self.leave_guard.guard(self.account_menu.switch_action, self.switch_requested.emit)
        self.leave_guard.guard(self.account_menu.quit_action, self.quit_requested.emit)
        self.detail_dialog: DossierDetailDialog | None = None
        self.sync_window: SyncWindow | None = None
        self.sync_controller: SyncController | None = None
        self._build_status_bar()
        self._connect()
        if sync is not None:
            self.attach_sync(sync)
        runner.error_handler = self._on_unexpected_error
        remember_sizes_for(user.username)
        fit_window(self, "main", 1280, 860)

    def _build_tabs(self) -> None:
        """Every tab on the bar at once (titles, keys, the role's rule); only the list built."""
        self._intake_page = LazyPage(self._build_intake, self._intake_built)
        self._returns_page = LazyPage(self._build_returns, self._returns_built)
        self._late_page = LazyPage(self._build_late, self._late_built)
        self._report_page = LazyPage(self._build_report)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._intake_page, tr("Tiếp nhận hồ sơ (F2)"))
        self.tabs.addTab(self.dossiers, tr("Danh sách hồ sơ (F3)"))
        self.tabs.addTab(self._returns_page, tr("Trả kết quả (F4)"))
        self.tabs.addTab(self._late_page, tr("Quá hạn và sắp đến hạn (F6)"))
        self.tabs.addTab(self._report_page, tr("Báo cáo (F11)"))
        self.office = ServiceTabs(
            self,
            self.tabs,
            self._show_intake,
            self._services,
            self._runner,
            self.user,
            self.open_dossier,
        )
        needs: dict[QWidget, Permission] = {
            self._intake_page: Permission.RECEIVE,
            self._returns_page: Permission.RETURN,
            self._report_page: Permission.REPORTS,
            **dict.fromkeys(self.office.pages, Permission.RECEIVE),
        }
        hide_tabs_for_role(self.tabs, self.user.role, needs)
        keep_every_tab_on_the_bar(self.tabs)
        self.tabs.setCurrentWidget(self.dossiers)

    @property
    def intake(self) -> IntakeView:
        from counter_app.ui.intake_view import IntakeView

        return content_as(self._intake_page, IntakeView)

    @property
    def returns(self) -> ReturnView:
        from counter_app.ui.return_view import ReturnView

        return content_as(self._returns_page, ReturnView)

    @property
    def late(self) -> LateView:
        from counter_app.ui.late_view import LateView

        return content_as(self._late_page, LateView)

    @property
    def report(self) -> ReportView:
        from counter_app.ui.report_view import ReportView

        return content_as(self._report_page, ReportView)

    def _build_intake(self) -> QWidget:
        return intake_view(self._services, self._runner, self.user)

    def _intake_built(self, view: QWidget) -> None:
        intake = cast("IntakeView", view)
        intake.dossier_saved.connect(self._dossier_changed)
        self.office.intake_built(intake)

    def _build_returns(self) -> QWidget:
        from counter_app.ui.return_view import ReturnView

        services = self._services
        return ReturnView(
            services.returns,
            self._runner,
            self.user.username,
            post=services.post,
            fees=services.fees,
        )

    def _returns_built(self, view: QWidget) -> None:
        cast("ReturnView", view).dossier_returned.connect(self._dossier_changed)

    def _build_late(self) -> QWidget:
        from counter_app.ui.late_view import LateView

        return LateView(self._services.late, self._runner)

    def _late_built(self, view: QWidget) -> None:
        cast("LateView", view).open_dossier.connect(self.open_dossier)

    def _build_report(self) -> QWidget:
        from counter_app.domain.vntime import now_vn
        from counter_app.ui.report_view import ReportView

        return ReportView(self._services.reports, self._runner, now_vn().date())

    def _show_intake(self) -> IntakeView:
        self.show_tab(TAB_INTAKE)
        return self.intake

    def _dossier_changed(self, _code: str) -> None:
        """Saved or returned: the list shows it, and it is sent soon."""
        self.dossiers.model.refresh()
        if self.sync_controller is not None:
            self.sync_controller.poke()

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

    def attach_sync(self, sync: SyncService) -> SyncController:
        """The sync button and status line (once); a saved or returned dossier is sent soon."""
        if self.sync_controller is not None:
            return self.sync_controller
        from counter_app.ui.sync_status import SyncButton, SyncController, status_line

        controller = self.sync_controller = SyncController(sync, self._runner, parent=self)
        button = SyncButton(controller)
        self.statusBar().addPermanentWidget(button)
        controller.status_changed.connect(lambda status: self.set_sync_status(status_line(status)))
        controller.progress.connect(self._show_sync_progress)
        controller.running.connect(self._on_sync_running)
        button.clicked.connect(self.open_sync_window)
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
        self._runner.activity_changed.connect(self.busy_bar.show_activity)
        enter_presses_buttons(self)

    def start_sync(self) -> None:
        """Background sync (single-flight, backoff, a retry within seconds of the link coming
        back), stopped when the program quits."""
        controller = self.sync_controller
        if controller is None:
            return
        from counter_app.ui.sync_status import watch_network

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
        from counter_app.ui.sync_window import SyncWindow

        window = self.sync_window
        if window is None or not shiboken6.isValid(window):
            window = self.sync_window = SyncWindow(self.sync_controller, self._runner, self)
            window.may_enrol = may(self.user.role, Permission.ENROL)  # enrolment is IT's
            window.may_sync = may(self.user.role, Permission.SYNC)
        window.show()
        window.raise_()
        window.refresh()
        return window

    def open_dossier(self, code: str) -> None:
        from counter_app.ui.dossier_detail import DossierDetailDialog

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

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if self.leave_guard.may_close(event):  # else asked first, closed again if agreed
            super().closeEvent(event)

    def _on_unexpected_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, tr("Có lỗi"), error_text(error))
