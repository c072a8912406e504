"""Re-opening a dossier that waits for papers (Mẫu 02 issued) on the intake screen, by its code.

The applicant comes back with the missing papers and the Mẫu 02 whose barcode is the dossier's
code; scanned into the scan box, the stored dossier fills the form, to be received (Mẫu 01) or
refused (Mẫu 03) under the same code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from counter_app.ui.i18n import tr
from counter_app.ui.widgets import error_text
from counter_protocol.statuses import SubState

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from counter_app.services.dto import DossierDetail
    from counter_app.services.procedures import ProcedureInfo
    from counter_app.ui.tasks import BackgroundTasks


class StoredDossiers(Protocol):
    """What re-opening asks of the DetailService."""

    def get(self, code: str) -> DossierDetail: ...


class ProcedureByCode(Protocol):
    def get(self, code: str) -> ProcedureInfo: ...


class ReopenScreen(Protocol):
    """The intake screen, as re-opening uses it."""

    def fill_reopened(self, detail: DossierDetail, info: ProcedureInfo) -> None: ...

    def show_message(self, kind: str, text: str) -> None: ...


def reopen_dossier(
    screen: ReopenScreen,
    details: StoredDossiers,
    procedures: ProcedureByCode,
    tasks: BackgroundTasks,
    code: str,
    owner: QObject | None = None,
) -> None:
    """Read the dossier on the store lane; fill the screen if it waits for papers."""

    def load() -> tuple[DossierDetail, ProcedureInfo]:
        detail = details.get(code)
        return detail, procedures.get(detail.procedure_code)

    def loaded(found: tuple[DossierDetail, ProcedureInfo]) -> None:
        detail, info = found
        if detail.sub_state != SubState.AWAITING_PAPERS:
            screen.show_message(
                "warning",
                tr("Hồ sơ {code} không chờ bổ sung giấy tờ: mở ở Danh sách hồ sơ (F3).").format(
                    code=detail.code
                ),
            )
            return
        screen.fill_reopened(detail, info)

    tasks.run_db(
        load, loaded, lambda error: screen.show_message("error", error_text(error)), owner=owner
    )
