"""Saving an intake, without widgets: check the form, store the dossier, then render its slip.

The intake screen (IntakeView) draws and reads fields; this presenter decides what happens when
the clerk presses Ctrl+S / F9, through the small `IntakeScreen` protocol, so the flow is tested
with a plain object standing in for the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from counter_app.domain.validation import ValidationIssue
from counter_app.services.clock import CLOCK_SUSPECT
from counter_app.ui.widgets import error_text

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from counter_app.services.dto import IntakeRequest
    from counter_app.ui.slip_preview import SlipRenderer
    from counter_app.ui.tasks import BackgroundTasks


class DossierIntake(Protocol):
    """What saving asks of the DossierService."""

    def receive(self, request: IntakeRequest, *, clock_confirmed: bool = False) -> str: ...


class IntakeScreen(Protocol):
    """What the presenter does to the intake screen."""

    def check_all(self) -> tuple[IntakeRequest, list[ValidationIssue]]:
        """The request as the form stands and every issue, each now shown under its field."""
        ...

    def shows_field(self, key: str) -> bool:
        """Whether an issue of this field has a place under a field on the screen."""
        ...

    def focus_field(self, key: str) -> None: ...

    def show_message(self, kind: str, text: str) -> None: ...

    def set_saving(self, saving: bool) -> None:
        """While a save runs, the save button is off."""
        ...

    def reset_form(self) -> None: ...

    def announce_saved(self, code: str) -> None:
        """Tell the rest of the window (the list, the sync) that a dossier was stored."""
        ...

    def show_slip(self, code: str, pdf: bytes) -> None: ...

    def ask_clock_confirmation(self, text: str, on_confirmed: Callable[[], None]) -> None:
        """Ask the clerk whether the date shown is right; call `on_confirmed` if they say so."""
        ...


class IntakePresenter:
    """Commits first; the slip is rendered only after the commit: a failed print loses nothing."""

    def __init__(
        self,
        screen: IntakeScreen,
        dossiers: DossierIntake,
        slips: SlipRenderer,
        tasks: BackgroundTasks,
        owner: QObject | None = None,
    ) -> None:
        self._screen, self._dossiers, self._slips = screen, dossiers, slips
        self._tasks, self._owner = tasks, owner
        self.saving = False
        self.last_code: str | None = None

    def save_and_print(self) -> None:
        """Store the dossier if nothing blocks it; then render its slip and show it."""
        if self.saving:
            return  # a second Ctrl+S while the first is being stored
        request, issues = self._screen.check_all()
        blocking = [i for i in issues if i.blocking]
        if blocking:
            self._refuse(blocking)
            return
        self._save(request, clock_confirmed=False)

    def _save(self, request: IntakeRequest, *, clock_confirmed: bool) -> None:
        self.saving = True
        self._screen.set_saving(True)
        self._screen.show_message("info", "Đang lưu hồ sơ…")
        dossiers = self._dossiers
        self._tasks.run_db(
            lambda: dossiers.receive(request, clock_confirmed=clock_confirmed),
            self._on_saved,
            lambda error: self._on_save_failed(error, request),
            owner=self._owner,
        )

    def _refuse(self, blocking: Sequence[ValidationIssue]) -> None:
        loose = [i.message for i in blocking if not self._screen.shows_field(i.field)]
        text = f"Chưa lưu: còn {len(blocking)} lỗi cần sửa (chữ đỏ dưới ô nhập)."
        self._screen.show_message("error", "\n".join([text, *loose]))
        self._screen.focus_field(blocking[0].field)

    def _on_saved(self, code: str) -> None:
        self.saving = False
        self.last_code = code
        screen = self._screen
        screen.set_saving(False)
        screen.reset_form()
        screen.show_message("success", f"Đã lưu hồ sơ {code}. Đang tạo giấy tiếp nhận…")
        screen.announce_saved(code)
        slips = self._slips
        self._tasks.run_io(
            lambda: slips.render_for(code),
            lambda pdf: self._on_slip(code, pdf),
            lambda error: self._on_slip_failed(code, error),
            owner=self._owner,
        )

    def _on_save_failed(self, error: BaseException, request: IntakeRequest) -> None:
        self.saving = False
        self._screen.set_saving(False)
        if getattr(error, "code", None) == CLOCK_SUSPECT:  # nothing stored: the clerk decides
            self._screen.show_message("warning", f"Chưa lưu: {error_text(error)}")
            self._screen.ask_clock_confirmation(
                error_text(error), lambda: self._save(request, clock_confirmed=True)
            )
            return
        issues: Sequence[ValidationIssue] = getattr(error, "issues", None) or ()
        if issues:  # the service's own check refused it: show where, as for the form's
            self._screen.check_all()
            self._refuse([i for i in issues if i.blocking] or list(issues))
            return
        self._screen.show_message("error", f"Chưa lưu được hồ sơ: {error_text(error)}")

    def _on_slip(self, code: str, pdf: bytes) -> None:
        self._screen.show_message("success", f"Đã lưu hồ sơ {code}. Giấy tiếp nhận đã sẵn sàng.")
        self._screen.show_slip(code, pdf)

    def _on_slip_failed(self, code: str, error: BaseException) -> None:
        self._screen.show_message(
            "warning",
            f"Đã lưu hồ sơ {code} nhưng chưa tạo được giấy tiếp nhận: "
            f"{error_text(error)}. Có thể in lại từ Danh sách hồ sơ.",
        )
