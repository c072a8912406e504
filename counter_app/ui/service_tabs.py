"""The post office's tabs of the main window: Hẹn tại nhà (F7), Hỗ trợ trực tuyến (F8) and Thu phí
(F10); the fee window after an intake's slip; an appointment received through the intake."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

from counter_app.ui.i18n import tr
from counter_app.ui.lazy_page import LazyPage, content_as
from counter_app.ui.widgets import error_text

if TYPE_CHECKING:  # the tabs' modules load when a tab is first shown (ui/lazy_page.py)
    from counter_app.services.accounts import SignedInUser
    from counter_app.services.home_visit_views import VisitView
    from counter_app.services.procedures import ProcedureInfo
    from counter_app.ui.dossier_detail import DossierDetails
    from counter_app.ui.fee_dialog import FeeDialog
    from counter_app.ui.fee_ledger_dialog import FeeLedger
    from counter_app.ui.fees_view import CashDesk, ClerkList, FeesView
    from counter_app.ui.intake_presenter import HomeIntake
    from counter_app.ui.intake_view import IntakeProcedures, IntakeView
    from counter_app.ui.online_help_view import HelpDesk, OnlineHelpView
    from counter_app.ui.tasks import TaskRunner
    from counter_app.ui.visits_view import VisitDesk, VisitsView

TAB_KEYS = (Qt.Key.Key_F7, Qt.Key.Key_F8, Qt.Key.Key_F10)


if TYPE_CHECKING:

    class HomeDesk(VisitDesk, HomeIntake, Protocol):
        """The HomeVisitService as the tab and the intake use it."""

    class Cashier(FeeLedger, CashDesk, Protocol):
        """The FeeService as the fee windows and the cash report tab use it."""


class OfficeServices(Protocol):
    """The services these tabs use (services.wiring.Services is one)."""

    @property
    def home_visits(self) -> HomeDesk: ...
    @property
    def online_help(self) -> HelpDesk: ...
    @property
    def fees(self) -> Cashier: ...
    @property
    def accounts(self) -> ClerkList: ...
    @property
    def procedures(self) -> IntakeProcedures: ...
    @property
    def details(self) -> DossierDetails: ...


class ServiceTabs(QObject):
    """Adds the three tabs to `tabs` and their keys to `window`, each built when first shown;
    `show_intake` brings the intake tab forward (the window's own tab keys stay the window's)
    and gives its screen; `intake_built` ties the intake, once built, to these tabs."""

    def __init__(
        self,
        window: QWidget,
        tabs: QTabWidget,
        show_intake: Callable[[], IntakeView],
        services: OfficeServices,
        runner: TaskRunner,
        user: SignedInUser,
        open_dossier: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window, self._tabs, self._show_intake = window, tabs, show_intake
        self._services, self._runner, self._clerk = services, runner, user.username
        self._open_dossier = open_dossier
        self.fee_dialog: FeeDialog | None = None
        self._visits_page = LazyPage(self._build_visits)
        self._help_page = LazyPage(self._build_help)
        self._fees_page = LazyPage(self._build_fees)
        self.pages: tuple[LazyPage, ...] = (self._visits_page, self._help_page, self._fees_page)
        titles = (
            tr("Hẹn tại nhà (F7)"),
            tr("Hỗ trợ nộp trực tuyến (F8)"),
            tr("Thu phí, lệ phí (F10)"),
        )
        for page, title, key in zip(self.pages, titles, TAB_KEYS, strict=True):
            tabs.addTab(page, title)
            QShortcut(QKeySequence(key), window, partial(self.show_page, page))
        tabs.currentChanged.connect(self._on_tab_changed)

    @property
    def visits(self) -> VisitsView:
        from counter_app.ui.visits_view import VisitsView

        return content_as(self._visits_page, VisitsView)

    @property
    def online_help(self) -> OnlineHelpView:
        from counter_app.ui.online_help_view import OnlineHelpView

        return content_as(self._help_page, OnlineHelpView)

    @property
    def fees(self) -> FeesView:
        from counter_app.ui.fees_view import FeesView

        return content_as(self._fees_page, FeesView)

    def _build_visits(self) -> QWidget:
        from counter_app.ui.visits_view import VisitsView

        services = self._services
        visits = VisitsView(
            services.home_visits,
            services.procedures,
            services.accounts,
            self._runner,
            self._clerk,
        )
        visits.receive_requested.connect(self.receive_at_home)
        visits.open_dossier.connect(self._open_dossier)
        return visits

    def _build_help(self) -> QWidget:
        from counter_app.ui.online_help_view import OnlineHelpView

        services = self._services
        return OnlineHelpView(services.online_help, services.procedures, self._runner, self._clerk)

    def _build_fees(self) -> QWidget:
        from counter_app.ui.fees_view import FeesView

        fees = FeesView(self._services.fees, self._services.accounts, self._runner, self._clerk)
        fees.open_dossier.connect(self._open_dossier)
        return fees

    def intake_built(self, intake: IntakeView) -> None:
        """After a slip, the fee window; a saved dossier may be a booked visit received."""
        intake.slip_closed.connect(self.collect_at_receipt)
        intake.dossier_saved.connect(lambda _code: self._refresh_if_built(self._visits_page))

    def show_page(self, page: QWidget) -> None:
        """Show a tab given by its page or its screen."""
        for lazy in self.pages:
            if page is lazy or (lazy.is_built and lazy.content() is page):
                page = lazy
        self._tabs.setCurrentWidget(page)

    def _on_tab_changed(self, index: int) -> None:
        page = self._tabs.widget(index)
        if isinstance(page, LazyPage) and page in self.pages:
            screen = page.content()
            screen.refresh()  # type: ignore[attr-defined]
            screen.focus_first_field()  # type: ignore[attr-defined]

    def _refresh_if_built(self, page: LazyPage) -> None:
        if page.is_built:
            page.content().refresh()  # type: ignore[attr-defined]

    def collect_at_receipt(self, code: str) -> None:
        """After the slip of a dossier received (not of papers asked, nor of a refusal): the fee
        window, when the dossier owes something at receipt."""
        details = self._services.details
        self._runner.run_db(
            lambda: details.get(code).status,
            lambda status: self._open_fees_if_received(code, status),
            owner=self,
        )

    def _open_fees_if_received(self, code: str, status: int) -> None:
        from counter_app.domain.kinds import FeeCollection
        from counter_app.ui.fee_dialog import open_when_owed
        from counter_protocol.statuses import Status

        if status != Status.RECEIVED:
            return
        open_when_owed(
            self._window,
            self._services.fees,
            self._runner,
            self._clerk,
            code,
            FeeCollection.AT_RECEIPT,
            self._fee_dialog_opened,
        )

    def _fee_dialog_opened(self, dialog: FeeDialog) -> None:
        self.fee_dialog = dialog
        dialog.recorded.connect(lambda _code: self._refresh_fees())

    def _refresh_fees(self) -> None:
        if self._tabs.currentWidget() is self._fees_page:
            self.fees.refresh()

    def receive_at_home(self, visit: VisitView) -> None:
        """The intake, pre-filled from the appointment, saving through it."""
        procedures, code = self._services.procedures, visit.procedure_code
        self._runner.run_db(
            lambda: procedures.get(code),
            lambda info: self._fill_intake(visit, info),
            lambda error: self.visits.message.show_message("error", error_text(error)),
            owner=self,
        )

    def _fill_intake(self, visit: VisitView, info: ProcedureInfo) -> None:
        self._show_intake().fill_home_visit(visit, info)
