"""The lifecycle buttons of a dossier's detail: only what its state allows, each with its key.

`ActionBar` draws one button per allowed action (`counter_protocol.lifecycle.allowed_actions`);
`StepPresenter` stores a step the clerk confirmed in a StepDialog, through the `DossierSteps`
protocol, and tells the screen what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.ui.qt_compat import emit
from counter_app.ui.step_dialog import StepContext
from counter_app.ui.step_specs import SPEC_BY_ACTION, StepSpec, button_text, count_of
from counter_app.ui.widgets import error_text, section_title
from counter_protocol.lifecycle import Action, StepData, allowed_actions
from counter_protocol.statuses import SubState

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from counter_app.services.accounts import SignedInUser
    from counter_app.services.dto import DossierDetail
    from counter_app.ui.tasks import BackgroundTasks

REOPEN_KEY = "F2"
REOPEN_TEXT = f"Tiếp nhận hồ sơ đã bổ sung ({REOPEN_KEY})"
# Receiving or refusing a dossier that waits for papers happens on the intake screen.
INTAKE_ACTIONS = frozenset({Action.RECEIVE, Action.REFUSE, Action.ASK_PAPERS})


class DossierSteps(Protocol):
    """What the detail asks of the lifecycle service: one step, one transaction."""

    def take_step(self, code: str, action: Action, data: StepData, *, actor: str) -> object: ...


def offered_specs(sub_state: str) -> list[StepSpec]:
    """The step buttons a dossier in `sub_state` shows, in the state machine's order."""
    try:
        state = SubState(sub_state)
    except ValueError:
        return []
    return [SPEC_BY_ACTION[a] for a in allowed_actions(state) if a in SPEC_BY_ACTION]


def can_reopen(sub_state: str) -> bool:
    return sub_state == SubState.AWAITING_PAPERS


def step_context(detail: DossierDetail, action: Action, user: SignedInUser) -> StepContext:
    """Defaults and earlier requests for the dialog of `action` on this dossier."""
    kinds = [event.kind for event in detail.events]
    defaults = {"to_unit": detail.agency_name, "handed_by": user.full_name}
    if action is not Action.FORWARD:
        defaults.pop("handed_by")
    return StepContext(
        code=detail.code,
        defaults=defaults,
        earlier=count_of(kinds, action),
        supervisor=user.role == "supervisor",
        due_at=detail.due_at,
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
        self._screen.show_message("info", f"Đang lưu: {action.label}…")
        steps, actor = self._steps, self._actor
        self._tasks.run_db(
            lambda: steps.take_step(code, action, data, actor=actor),
            lambda _result: self._stored(action),
            lambda error: self._failed(action, error),
            owner=self._owner,
        )

    def _stored(self, action: Action) -> None:
        self.running = False
        self._screen.set_busy(False)
        self._screen.show_message("success", f"Đã lưu: {action.label}.")
        self._screen.step_stored(action)

    def _failed(self, action: Action, error: BaseException) -> None:
        self.running = False
        self._screen.set_busy(False)
        self._screen.show_message("error", f"Chưa lưu “{action.label}”: {error_text(error)}")


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
        self._layout.addWidget(section_title("Xử lý hồ sơ"))
        self.empty_label = QLabel("Hồ sơ đã kết thúc: không còn bước nào.")
        self.empty_label.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        self._shortcuts: list[QShortcut] = []

    def show_actions(self, sub_state: str, keys_owner: QWidget) -> None:
        """Buttons for what `sub_state` allows; the shortcuts are attached to `keys_owner`."""
        self._clear()
        if can_reopen(sub_state):
            self._add("reopen", REOPEN_TEXT, REOPEN_KEY, keys_owner, lambda: emit(self.reopen))
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
        button.setToolTip(f"Phím tắt: {shortcut}")
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
