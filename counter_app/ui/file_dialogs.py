"""Where to save a file: Qt's own file dialog, so it speaks the clerk's language.

The native Windows dialog follows the language of Windows, not the one chosen for the counter
(`--lang`, the setting): a clerk working in English on a Vietnamese Windows, or the other way
round, would meet a dialog in the other language. Qt's widget-based dialog is translated with
the rest of the program (Vietnamese from resources/translations/qtbase_vi.ts, decision 0034).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget


def save_file_dialog(
    parent: QWidget | None, title: str, suggested: str, filters: str
) -> QFileDialog:
    """The dialog, not yet shown (a test reads its labels; `ask_save_path` runs it)."""
    dialog = QFileDialog(parent, title, suggested, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(suggested)
    return dialog


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """The path the clerk chose, or "" when they cancelled."""
    dialog = save_file_dialog(parent, title, suggested, filters)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]
