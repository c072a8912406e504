"""The settings screen's refusals read English on an English counter, and the very same
Vietnamese as before on a Vietnamese one and in the service's refusal (decision 0034)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from counter_app.services.counter_settings import SettingsInvalid, settings_problems
from counter_app.ui.i18n import install_language
from counter_app.ui.texts import message_text
from tests.counter_app.ui.english import is_vietnamese
from tests.counter_app.ui.helpers import wait_idle

PLACE_VI = "Địa danh ghi trên phiếu: 1 đến 60 ký tự."
ORDER_VI = "Các buổi làm việc phải theo thứ tự và không chồng lên nhau."


@pytest.fixture
def language(qapp) -> Iterator[object]:
    yield lambda name: install_language(qapp, name)
    install_language(qapp, "vi")


def _refused_on_screen(qtbot, services, runner) -> dict[str, str]:
    """The problems shown under the fields after saving a bad place name and bad sessions."""
    from counter_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(services.settings, runner, "quantri", printers=[])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.place_edit.setText(" ")
    dialog.sessions_edit.setText("13:30-17:00,07:00-11:30")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.kind == "error")
    wait_idle(qtbot, runner)
    return {name: m.text() for name, m in dialog.messages.items() if m.isVisibleTo(dialog)}


def test_the_settings_refusals_are_english_on_an_english_counter(
    qtbot, services, runner, language
) -> None:
    language("en")
    english = _refused_on_screen(qtbot, services, runner)
    assert english == {
        "sessions": "Working sessions must be in order and must not overlap.",
        "place_name": "The place name on forms: 1 to 60 characters.",
    }
    assert not any(is_vietnamese(text) for text in english.values())
    values = replace(services.settings.current(), slip_size="A3", due_soon_days="0")
    shown = {k: message_text(p.template, p.params) for k, p in settings_problems(values).items()}
    assert shown == {
        "slip_size": "The slip size can only be: A4, A5, 80 mm roll.",
        "due_soon_days": "The “due soon” threshold is a number of working days from 1 to 30.",
    }


def test_the_settings_refusals_stay_as_before_on_a_vietnamese_counter(
    qtbot, services, runner, language
) -> None:
    language("vi")
    assert _refused_on_screen(qtbot, services, runner) == {
        "sessions": ORDER_VI,
        "place_name": PLACE_VI,
    }
    current = services.settings.current()
    with pytest.raises(SettingsInvalid) as refused:  # the service's own words: Vietnamese
        services.settings.save(replace(current, slip_size="A3", printer="x" * 201), by="cntt")
    assert {k: str(v) for k, v in refused.value.problems.items()} == {
        "slip_size": "Khổ phiếu chỉ nhận: A4, A5, giấy cuộn 80 mm.",
        "printer": "Tên máy in quá dài.",
    }
    assert (
        refused.value.message == "Khổ phiếu chỉ nhận: A4, A5, giấy cuộn 80 mm.\nTên máy in quá dài."
    )
