"""Qt's own menus and dialogs in Vietnamese: PySide6 ships no qtbase_vi.qm, the program ships
resources/translations/qtbase_vi.ts (decision 0034)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QSpinBox

from counter_app.ui.file_dialogs import save_file_dialog
from counter_app.ui.i18n import install_language
from tests.counter_app.ui.translators import compile_ts, installed


@pytest.fixture(scope="module")
def qtbase_vi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_ts("qtbase_vi.ts", tmp_path_factory.mktemp("qm"))


def _menu_texts(menu) -> list[str]:
    """The entries' words, without the shortcut shown after a tab."""
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def test_a_fields_context_menu_reads_vietnamese(qtbot, qtbase_vi):
    edit = QLineEdit("Nguyễn Văn An")
    qtbot.addWidget(edit)
    with installed(qtbase_vi):
        texts = _menu_texts(edit.createStandardContextMenu())
    assert texts[:7] == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]


def test_an_english_counter_gets_qts_english_menu(qtbot, qapp):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    try:
        install_language(qapp, "en")
        english = _menu_texts(edit.createStandardContextMenu())
    finally:
        install_language(qapp, "vi")
    assert "&Undo" in english
    assert "&Hoàn tác" in _menu_texts(edit.createStandardContextMenu())


def test_a_text_box_and_a_number_box_menus_read_vietnamese(qtbot, qtbase_vi):
    text, spin = QPlainTextEdit("ghi chú"), QSpinBox()
    qtbot.addWidget(text)
    qtbot.addWidget(spin)
    with installed(qtbase_vi):
        text_menu = _menu_texts(text.createStandardContextMenu())
        spin.lineEdit().selectAll()
        spin_menu = spin.lineEdit().createStandardContextMenu()
    assert "&Sao chép" in text_menu and "Chọn tất cả" in text_menu
    assert "&Dán" in _menu_texts(spin_menu)


def test_a_message_boxs_standard_buttons_read_vietnamese(qtbot, qtbase_vi):
    buttons = QMessageBox.StandardButton
    with installed(qtbase_vi):
        box = QMessageBox()
        qtbot.addWidget(box)
        box.setStandardButtons(
            buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No | buttons.Save | buttons.Close
        )
        texts = {b: box.button(b).text() for b in (buttons.Ok, buttons.Cancel, buttons.Yes)}
        texts |= {b: box.button(b).text() for b in (buttons.No, buttons.Save, buttons.Close)}
    assert texts == {
        buttons.Ok: "Đồng ý",
        buttons.Cancel: "Hủy",
        buttons.Yes: "&Có",
        buttons.No: "&Không",
        buttons.Save: "Lưu",
        buttons.Close: "Đóng",
    }


def test_the_programs_save_dialog_reads_vietnamese(qtbot, qtbase_vi, tmp_path):
    with installed(qtbase_vi):
        dialog = save_file_dialog(
            None, "Lưu báo cáo", str(tmp_path / "bao-cao.xlsx"), "Excel (*.xlsx)"
        )
        qtbot.addWidget(dialog)
        dialog.show()
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        buttons = {b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()}
    assert labels["lookInLabel"] == "&Tìm trong:"
    assert labels["fileNameLabel"] == "&Tên tệp:"
    assert labels["fileTypeLabel"] == "&Loại tệp:"
    assert {"&Lưu", "Hủy"} <= buttons, buttons
    assert dialog.windowTitle() == "Lưu báo cáo"
