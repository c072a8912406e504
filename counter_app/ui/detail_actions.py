"""The lifecycle buttons of a dossier's detail: only what its state allows, each with its key.

`ActionBar` draws one button per allowed action (`counter_protocol.lifecycle.allowed_actions`);
`StepPresenter` stores a step the clerk confirmed in a StepDialog, through the `DossierSteps`
protocol, and tells the screen what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.step_dialog import StepContext
from counter_app.ui.step_specs import SPEC_BY_ACTION, StepSpec, button_text, count_of
from counter_app.ui.texts import label_text
from counter_app.ui.widgets import error_text, section_title
from counter_protocol.lifecycle import Action, StepData, allowed_actions
from counter_protocol.statuses import SubState

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from counter_app.services.accounts import SignedInUser
    from counter_app.services.dto import DossierDetail
    from counter_app.ui.detail_tables import HandoverLine
    from counter_app.ui.tasks import BackgroundTasks

REOPEN_KEY = "F2"
REOPEN_TEXT = QT_TR_NOOP("Tiếp nhận hồ sơ đã bổ sung")
# Receiving or refusing a dossier that waits for papers happens on the intake screen.
INTAKE_ACTIONS = frozenset({Action.RECEIVE, Action.REFUSE, Action.ASK_PAPERS})


class DossierSteps(Protocol):
    """What the detail asks of the LifecycleService: each step is one transaction."""

    def forward(
        self,
        code: str,
        actor: str,
        *,
        to_unit: str | None = ...,
        received_by: str | None = ...,
        handed_by: str | None = ...,
        postal_number: str | None = ...,
        note: str | None = ...,
    ) -> object: ...

    def agency_received(
        self,
        code: str,
        actor: str,
        *,
        received_by: str,
        handed_by: str | None = ...,
        note: str | None = ...,
    ) -> object: ...

    def result_received(
        self, code: str, actor: str, *, handed_by: str | None = ..., note: str | None = ...
    ) -> object: ...

    def ask_supplement(
        self,
        code: str,
        actor: str,
        reason: str,
        missing: Sequence[str] = ...,
        *,
        confirm_late: bool = ...,
        note: str | None = ...,
    ) -> object: ...

    def supplement_received(self, code: str, actor: str, note: str | None = ...) -> object: ...

    def ask_financial(
        self, code: str, actor: str, reason: str | None = ..., note: str | None = ...
    ) -> object: ...

    def financial_done(self, code: str, actor: str, note: str | None = ...) -> object: ...

    def extend(
        self, code: str, actor: str, reason: str, new_due: datetime, note: str | None = ...
    ) -> object: ...

    def extension_limit(self) -> int: ...

    def appraisal_refused(
        self, code: str, actor: str, reason: str, note: str | None = ...
    ) -> object: ...

    def stop(self, code: str, actor: str, reason: str, note: str | None = ...) -> object: ...

    def withdraw(self, code: str, actor: str, reason: str, note: str | None = ...) -> object: ...

    def control_sheet(self, code: str) -> Sequence[HandoverLine]:
        """The Mẫu 06 hand-over rows of the dossier."""
        ...


def _day(iso: str | None) -> datetime:
    return datetime.fromisoformat(iso or "")


def _forward(steps: DossierSteps, code: str, d: StepData, actor: str) -> object:
    return steps.forward(
        code,
        actor,
        to_unit=d.to_unit,
        received_by=d.received_by,
        handed_by=d.handed_by,
        postal_number=d.postal_number,
    )


def take_step(steps: DossierSteps, code: str, action: Action, d: StepData, actor: str) -> object:
    """Call the service's method for `action` with what the step's dialog collected."""
    if action is Action.FORWARD:
        return _forward(steps, code, d, actor)
    reason = d.reason or ""
    calls: dict[Action, Callable[[], object]] = {
        Action.AGENCY_RECEIVED: lambda: steps.agency_received(
            code, actor, received_by=d.received_by or "", note=d.reason
        ),
        Action.RESULT_RECEIVED: lambda: steps.result_received(
            code, actor, handed_by=d.handed_by, note=d.reason
        ),
        Action.ASK_SUPPLEMENT: lambda: steps.ask_supplement(
            code, actor, reason, d.missing, confirm_late=d.late_warning
        ),
        Action.SUPPLEMENT_RECEIVED: lambda: steps.supplement_received(code, actor, d.reason),
        Action.ASK_FINANCIAL: lambda: steps.ask_financial(code, actor, d.reason),
        Action.FINANCIAL_DONE: lambda: steps.financial_done(code, actor, d.reason),
        Action.EXTEND: lambda: steps.extend(code, actor, reason, _day(d.due_at)),
        Action.APPRAISAL_REFUSED: lambda: steps.appraisal_refused(code, actor, reason),
        Action.STOP: lambda: steps.stop(code, actor, reason),
        Action.WITHDRAW: lambda: steps.withdraw(code, actor, reason),
    }
    return calls[action]()


def offered_specs(sub_state: str) -> list[StepSpec]:
    """The step buttons a dossier in `sub_state` shows, in the state machine's order."""
    try:
        state = SubState(sub_state)
    except ValueError:
        return []
    return [SPEC_BY_ACTION[a] for a in allowed_actions(state) if a in SPEC_BY_ACTION]


def can_reopen(sub_state: str) -> bool:
    return sub_state == SubState.AWAITING_PAPERS


def step_context(
    detail: DossierDetail, action: Action, user: SignedInUser, extension_limit: int = 1
) -> StepContext:
    """Defaults and earlier requests for the dialog of `action` on this dossier."""
    kinds = [event.kind for event in detail.events]
    # The agency defaults to the dossier's competent one (the service fills its code).
    defaults = {"handed_by": user.full_name} if action is Action.FORWARD else {}
    return StepContext(
        code=detail.code,
        defaults=defaults,
        earlier=count_of(kinds, action),
        due_at=detail.due_at,
        extension_limit=extension_limit,
    )


class StepScreen(Protocol):
    """What the presenter does to the detail screen."""

    def show_message(self, kind: str, text: str) -> None: ...

    def set_busy(self, busy: bool) -> None: ...

    def step_stored(self, action: Action) -> None:
        """Reload the dossier (its state, forms and history changed)."""
        ...


class StepPresenter:
    """Stores one confirmed step on the store lane; the screen reloads when it is stored."""

    def __init__(
        self,
        screen: StepScreen,
        steps: DossierSteps,
        tasks: BackgroundTasks,
        actor: str,
        owner: QObject | None = None,
    ) -> None:
        self._screen, self._steps, self._tasks = screen, steps, tasks
        self._actor, self._owner = actor, owner
        self.running = False

    def perform(self, code: str, action: Action, data: StepData) -> None:
        if self.running:
            return
        self.running = True
        self._screen.set_busy(True)
        self._screen.show_message(
            "info", tr("Đang lưu: {label}…").format(label=label_text(action.label))
        )
        steps, actor = self._steps, self._actor
        self._tasks.run_db(
            lambda: take_step(steps, code, action, data, actor),
            lambda _result: self._stored(action),
            lambda error: self._failed(action, error),
            owner=self._owner,
        )

    def _stored(self, action: Action) -> None:
        self.running = False
        self._screen.set_busy(False)
        self._screen.show_message(
            "success", tr("Đã lưu: {label}.").format(label=label_text(action.label))
        )
        self._screen.step_stored(action)

    def _failed(self, action: Action, error: BaseException) -> None:
        self.running = False
        self._screen.set_busy(False)
        self._screen.show_message(
            "error",
            tr("Chưa lưu “{label}”: {error_text}").format(
                label=label_text(action.label), error_text=error_text(error)
            ),
        )


class ActionBar(QWidget):
    """A column of step buttons; their keys work anywhere in the dialog that owns the bar.

    Signals:
        chosen(str): the Action value the clerk asked for.
        reopen(): receive the awaited papers on the intake screen.
    """

    chosen = Signal(str)
    reopen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(section_title(tr("Xử lý hồ sơ")))
        self.empty_label = QLabel(tr("Hồ sơ đã kết thúc: không còn bước nào."))
        self.empty_label.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        self._shortcuts: list[QShortcut] = []

    def show_actions(self, sub_state: str, keys_owner: QWidget) -> None:
        """Buttons for what `sub_state` allows; the shortcuts are attached to `keys_owner`."""
        self._clear()
        if can_reopen(sub_state):
            self._add(
                "reopen",
                f"{tr(REOPEN_TEXT)} ({REOPEN_KEY})",
                REOPEN_KEY,
                keys_owner,
                lambda: emit(self.reopen),
            )
        for spec in offered_specs(sub_state):
            self._add(
                spec.action.value,
                button_text(spec),
                spec.shortcut,
                keys_owner,
                partial(emit, self.chosen, spec.action.value),
            )
        self._layout.addWidget(self.empty_label)
        self.empty_label.setVisible(not self.buttons)
        self._layout.addStretch(1)

    def _add(
        self, key: str, text: str, shortcut: str, owner: QWidget, act: Callable[[], None]
    ) -> None:
        button = QPushButton(text)
        button.setToolTip(tr("Phím tắt: {shortcut}").format(shortcut=shortcut))
        button.setStyleSheet("text-align: left; padding: 5px 10px;")
        button.clicked.connect(act)
        self._layout.addWidget(button)
        self.buttons[key] = button
        keys = QShortcut(QKeySequence(shortcut), owner, act)
        keys.setContext(Qt.ShortcutContext.WindowShortcut)
        self._shortcuts.append(keys)

    def _clear(self) -> None:
        for keys in self._shortcuts:
            keys.setEnabled(False)
            keys.deleteLater()
        self._shortcuts.clear()
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        while self._layout.count() > 1:  # the title stays
            self._layout.takeAt(1)

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)
