"""One dossier in full: its fields, the steps its state allows, forms, hand-overs and history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.detail_actions import ActionBar, DossierSteps, StepPresenter, step_context
from counter_app.ui.detail_fields import detail_fields, shown_fields
from counter_app.ui.detail_tables import (
    CONFLICT_HEADERS,
    FORM_HEADERS,
    HANDOVER_HEADERS,
    HISTORY_HEADERS,
    ConflictLine,
    HandoverLine,
    IssuedFormLine,
    ReadOnlyTable,
    conflict_rows,
    form_rows,
    form_title,
    handover_rows,
    history_rows,
)
from counter_app.ui.fee_ledger_dialog import COLLECT_KEY as FEES_KEY
from counter_app.ui.fee_ledger_dialog import FeeLedger, FeeLedgerDialog
from counter_app.ui.i18n import tr
from counter_app.ui.postal_panel import PostalPanel
from counter_app.ui.qt_compat import emit
from counter_app.ui.slip_preview import SlipPreviewDialog
from counter_app.ui.step_dialog import StepDialog
from counter_app.ui.step_specs import SPEC_BY_ACTION
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import MessageBar, error_text
from counter_app.ui.window_fit import fit_window
from counter_protocol.lifecycle import Action

if TYPE_CHECKING:
    from counter_app.services.accounts import SignedInUser
    from counter_app.services.dto import DossierDetail


class DossierDetails(Protocol):
    """What the dialog asks of the DetailService."""

    def get(self, code: str) -> DossierDetail: ...


class DossierForms(Protocol):
    """What the dialog asks of the FormService: the forms issued, printed again on demand."""

    def forms_of(self, code: str) -> Sequence[IssuedFormLine]: ...

    def preview(self, form_id: int) -> bytes:
        """The form as first drawn, for the screen (no print recorded)."""
        ...

    def print_form(self, form_id: int, *, actor: str) -> PrintedPdf:
        """A recorded print: marked “Bản in lại” with its date when printed before."""
        ...


class PrintedPdf(Protocol):
    @property
    def pdf(self) -> bytes: ...


class DossierConflicts(Protocol):
    """What the dialog asks of the conflicts service (the province changed the dossier too)."""

    def list_conflicts(
        self, *, unseen_only: bool = False, dossier_code: str | None = None
    ) -> Sequence[ConflictLine]: ...

    def mark_seen(self, conflict_id: int, actor: str) -> object: ...


class DetailServices(Protocol):
    """The services the detail uses (services.wiring.Services is one)."""

    @property
    def details(self) -> DossierDetails: ...
    @property
    def lifecycle(self) -> DossierSteps: ...
    @property
    def forms(self) -> DossierForms: ...
    @property
    def conflicts(self) -> DossierConflicts: ...
    @property
    def fees(self) -> FeeLedger: ...


@dataclass(frozen=True)
class DetailBundle:
    """Everything the dialog shows, read in one trip to the store lane."""

    detail: DossierDetail
    forms: tuple[IssuedFormLine, ...]
    conflicts: tuple[ConflictLine, ...]
    handovers: tuple[HandoverLine, ...]
    extension_limit: int  # re-appointments the counter allows (a setting)


class DossierDetailDialog(QDialog):
    """Loads the dossier in the background; a step stored reloads it and opens its new form.

    Signals:
        reopen_requested(str): receive the awaited papers of this dossier on the intake screen.
        dossier_changed(str): a step was stored (the list and the sync follow).
    """

    reopen_requested = Signal(str)
    dossier_changed = Signal(str)

    def __init__(
        self,
        services: DetailServices,
        runner: TaskRunner,
        user: SignedInUser,
        code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Hồ sơ {code}").format(code=code))
        self._services, self._runner, self.user, self.code = services, runner, user, code
        self.detail: DossierDetail | None = None
        self.extension_limit = 1
        self.forms: tuple[IssuedFormLine, ...] = ()
        self.conflicts: tuple[ConflictLine, ...] = ()
        self.preview: SlipPreviewDialog | None = None
        self.step_dialog: StepDialog | None = None
        self._forms_before: set[int] | None = None  # set while a stored step's form is awaited
        self.presenter = StepPresenter(self, services.lifecycle, runner, user.username, self)
        self._make_widgets()
        self._layout()
        self._connect()
        fit_window(self, "dossier_detail", 1240, 700)
        self.load()

    def _make_widgets(self) -> None:
        self.fields_widget = QWidget()
        self.fields_form = QFormLayout(self.fields_widget)
        self.action_bar = ActionBar()
        self.events_table = ReadOnlyTable(HISTORY_HEADERS)
        self.forms_table = ReadOnlyTable(FORM_HEADERS)
        self.handover_table = ReadOnlyTable(HANDOVER_HEADERS)
        self.conflicts_table = ReadOnlyTable(CONFLICT_HEADERS)
        # Screens built on services without the post service (older test doubles) show no tab.
        post = getattr(self._services, "post", None)
        self.postal_panel = PostalPanel(post, self._runner, self.user.username) if post else None
        self.reprint_button = QPushButton(tr("In lại phiếu đã chọn (Ctrl+P)"))
        self.seen_button = QPushButton(tr("Đã xem (Ctrl+D)"))
        self.tabs = QTabWidget()
        self.message = MessageBar()
        self.close_button = QPushButton(tr("Đóng (Esc)"))
        self.fees_button = QPushButton(tr("Phí, lệ phí ({FEES_KEY})").format(FEES_KEY=FEES_KEY))
        self.fee_ledger: FeeLedgerDialog | None = None

    def _layout(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.fields_widget)
        top = QHBoxLayout()
        top.addWidget(scroll, 1)
        self.action_bar.setFixedWidth(330)
        top.addWidget(self.action_bar)
        self.tabs.addTab(self.events_table, tr("Quá trình xử lý"))
        self.tabs.addTab(_with_button(self.forms_table, self.reprint_button), tr("Phiếu đã in"))
        self.tabs.addTab(self.handover_table, tr("Giao nhận hồ sơ (Mẫu 06)"))
        self.tabs.addTab(_with_button(self.conflicts_table, self.seen_button), tr("Khác với tỉnh"))
        if self.postal_panel is not None:
            self.tabs.addTab(self.postal_panel, tr("Bưu gửi"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addStretch(0)  # keeps Đóng its own size while no message is shown
        bottom.addWidget(self.fees_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 5)
        layout.addWidget(self.tabs, 4)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.action_bar.chosen.connect(lambda value: self.open_step(Action(value)))
        self.action_bar.reopen.connect(self._reopen)
        self.reprint_button.clicked.connect(self.reprint)
        self.seen_button.clicked.connect(self.mark_seen)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+P"), self, self.reprint)
        QShortcut(QKeySequence("Ctrl+D"), self, self.mark_seen)
        self.fees_button.clicked.connect(self.open_fees)
        QShortcut(QKeySequence(FEES_KEY), self, self.open_fees)

    def open_fees(self) -> None:
        """The dossier's fee ledger: collect, refund or correct (new entries, never edits)."""
        dialog = self.fee_ledger = FeeLedgerDialog(
            self._services.fees, self._runner, self.user.username, self.code, self
        )
        dialog.open()

    # --- loading --------------------------------------------------------------------------------

    def load(self) -> None:
        self.message.show_message("info", tr("Đang tải hồ sơ…"))
        if self.postal_panel is not None:
            self.postal_panel.load(self.code)
        services, code = self._services, self.code
        self._runner.run_db(
            lambda: DetailBundle(
                services.details.get(code),
                tuple(services.forms.forms_of(code)),
                tuple(services.conflicts.list_conflicts(dossier_code=code)),
                tuple(services.lifecycle.control_sheet(code)),
                services.lifecycle.extension_limit(),
            ),
            self._show,
            self._load_failed,
            owner=self,
        )

    def _show(self, bundle: DetailBundle) -> None:
        self.detail, self.forms, self.conflicts = bundle.detail, bundle.forms, bundle.conflicts
        self.extension_limit = bundle.extension_limit
        self.message.clear_message()
        self._fill_fields(bundle.detail)
        self.action_bar.show_actions(bundle.detail.sub_state, self)
        self.events_table.set_rows(history_rows(bundle.detail.events))
        self.forms_table.set_rows(form_rows(bundle.forms))
        self.handover_table.set_rows(handover_rows(bundle.handovers))
        self.conflicts_table.set_rows(conflict_rows(bundle.conflicts))
        unseen = sum(1 for c in bundle.conflicts if c.seen_at is None)
        self.tabs.setTabText(
            3,
            tr("Khác với tỉnh ({unseen} chưa xem)").format(unseen=unseen)
            if unseen
            else tr("Khác với tỉnh"),
        )
        self.reprint_button.setEnabled(bool(bundle.forms))
        self.seen_button.setEnabled(unseen > 0)
        self._open_new_form()

    def _fill_fields(self, detail: DossierDetail) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        for label, value in shown_fields(detail_fields(detail)):
            value_label = QLabel(value)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_form.addRow(f"{label}:", value_label)

    def _load_failed(self, error: BaseException) -> None:
        self.message.show_message("error", error_text(error))
        self.reprint_button.setEnabled(False)

    # --- lifecycle steps ------------------------------------------------------------------------

    def open_step(self, action: Action) -> None:
        """The step's dialog; OK stores the step through the presenter."""
        if self.detail is None or self.presenter.running:
            return
        context = step_context(self.detail, action, self.user, self.extension_limit)
        dialog = StepDialog(SPEC_BY_ACTION[action], context)
        dialog.setParent(self, dialog.windowFlags())
        dialog.accepted.connect(lambda: self._step_confirmed(action, dialog))
        self.step_dialog = dialog
        dialog.open()

    def _step_confirmed(self, action: Action, dialog: StepDialog) -> None:
        if dialog.data is not None:
            self._forms_before = {form.form_id for form in self.forms}
            self.presenter.perform(self.code, action, dialog.data)

    def show_message(self, kind: str, text: str) -> None:
        self.message.show_message(kind, text)

    def set_busy(self, busy: bool) -> None:
        self.action_bar.set_enabled(not busy)

    def step_stored(self, action: Action) -> None:
        emit(self.dossier_changed, self.code)
        self.load()

    def _open_new_form(self) -> None:
        """After a step, the form it issued opens for printing (Mẫu 02, 04, 05…)."""
        before, self._forms_before = self._forms_before, None
        new = [form for form in self.forms if before is not None and form.form_id not in before]
        if new:
            self._render(new[-1], reprint=False)

    def _reopen(self) -> None:
        emit(self.reopen_requested, self.code)
        self.accept()

    # --- forms and conflicts --------------------------------------------------------------------

    def reprint(self) -> None:
        row = self.forms_table.currentRow()
        if 0 <= row < len(self.forms):
            self._render(self.forms[row], reprint=True)

    def _render(self, form: IssuedFormLine, *, reprint: bool) -> None:
        self.reprint_button.setEnabled(False)
        forms, actor, form_id = self._services.forms, self.user.username, form.form_id
        self._runner.run_io(
            lambda: (
                forms.print_form(form_id, actor=actor).pdf if reprint else forms.preview(form_id)
            ),
            lambda pdf: self._open_preview(form, pdf),
            self._print_failed,
            owner=self,
            what=tr("Đang lập mẫu để in…"),
        )

    def _open_preview(self, form: IssuedFormLine, pdf: bytes) -> None:
        self.reprint_button.setEnabled(True)
        title = f"{form.title or form_title(form.form_no)} — {self.code}"
        self.preview = SlipPreviewDialog(pdf, self.code, self, title=title)
        self.preview.open()

    def _print_failed(self, error: BaseException) -> None:
        self.reprint_button.setEnabled(True)
        self.message.show_message(
            "error", tr("Không tạo được phiếu: {error_text}").format(error_text=error_text(error))
        )

    def mark_seen(self) -> None:
        row = self.conflicts_table.currentRow()
        if not 0 <= row < len(self.conflicts) or self.conflicts[row].seen_at is not None:
            return
        conflicts, actor = self._services.conflicts, self.user.username
        conflict_id = self.conflicts[row].id
        self._runner.run_db(
            lambda: conflicts.mark_seen(conflict_id, actor),
            lambda _none: self.load(),
            lambda error: self.message.show_message("error", error_text(error)),
            owner=self,
        )


def _with_button(table: QWidget, button: QPushButton) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(table, 1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    layout.addLayout(row)
    return box
