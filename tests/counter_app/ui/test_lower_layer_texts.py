"""Errors and labels from below the screens: English on an English counter, the same Vietnamese
as before on a Vietnamese one (decision 0034)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from counter_app.domain.personal_ids import validate_personal_id
from counter_app.domain.validation import ValidationError
from counter_app.services.accounts import WRONG_CREDENTIALS
from counter_app.services.admin_log import CONSOLE
from counter_app.services.errors import ServiceError
from counter_app.sync.client import SyncClient
from counter_app.sync.errors import SyncError
from counter_app.ui.i18n import install_language
from counter_app.ui.login import LoginDialog
from counter_app.ui.sync_status import sync_error_text
from counter_app.ui.texts import message_text, status_text, user_error_text
from counter_app.ui.widgets import error_text
from counter_devkit.stores import TEST_PASSWORD
from counter_protocol.lifecycle import Action, LifecycleError, next_state
from counter_protocol.statuses import Status
from tests.counter_app.ui.helpers import CLERK, type_text
from tests.counter_app.ui.translators import compile_ts, installed

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def messages_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_ts("messages_en.ts", tmp_path_factory.mktemp("qm"))


def _refused_login(qtbot, services, runner, password: str) -> str:
    dialog = LoginDialog(services.accounts, runner, "Quầy số 1")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.username_edit, CLERK)
    type_text(dialog.password_edit, password)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.kind == "error")
    return dialog.message.text()


def test_a_refused_log_in_reads_english_on_an_english_counter(qtbot, services, runner, messages_en):
    with installed(messages_en):
        shown = _refused_login(qtbot, services, runner, "wrong-password")
    assert shown == "Wrong user name or password."


def test_a_refused_log_in_is_unchanged_in_vietnamese(qtbot, services, runner):
    assert _refused_login(qtbot, services, runner, "sai-mat-khau") == WRONG_CREDENTIALS


def test_a_service_refusal_with_values_translates_its_template_then_fills_it(services, messages_en):
    with pytest.raises(ServiceError) as refused:
        services.accounts.create_user("x" * 61, "Lê Văn B", "clerk", TEST_PASSWORD, by=CONSOLE)
    vietnamese = refused.value.message
    assert "(tối đa 60 ký tự)" in vietnamese  # the CLI, the log and the wire keep it
    assert error_text(refused.value) == vietnamese
    with installed(messages_en):
        english = error_text(refused.value)
    assert english.startswith("A user name may contain only unaccented letters")
    assert english.endswith("(at most 60 characters).")


def test_labels_inside_a_message_are_translated_too(messages_en):
    with pytest.raises(LifecycleError) as refused:
        next_state(None, Action.RETURN)
    with installed(messages_en):
        english = user_error_text(refused.value)
        status = status_text(Status.DONE)
    assert english == "“Return the result” cannot be the first step of a dossier."
    assert status == "Processed"
    assert status_text(Status.DONE) == "Đã xử lý xong"


def test_a_refused_field_reads_english_with_its_values(messages_en):
    with pytest.raises(ValidationError) as refused:
        validate_personal_id("0123456")
    with installed(messages_en):
        english = error_text(refused.value)
    assert english == (
        "A citizen ID number has 12 digits (an old ID card 9); the number typed has 7 digits."
    )
    assert refused.value.message.startswith("Số CCCD phải gồm 12 chữ số")


def test_a_translation_that_does_not_fit_its_values_shows_the_vietnamese():
    # No translator: the template is its own translation, formatted as the service did.
    assert message_text("Hồ sơ {code} đã trả.", {"code": "H27-1"}) == "Hồ sơ H27-1 đã trả."


def test_every_marked_text_has_its_english():
    """lupdate over the lower layers finds nothing new and nothing untranslated."""
    done = subprocess.run(
        [sys.executable, "scripts/i18n_messages.py", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_sync_refusal_reads_english_in_the_sync_window(messages_en, monkeypatch):
    monkeypatch.delenv("COUNTER_ALLOW_INSECURE_HTTP", raising=False)
    with pytest.raises(SyncError) as refused:
        SyncClient("http://dongbo.example.vn")
    with installed(messages_en):
        english = sync_error_text(refused.value)
    assert english.startswith("The server address “http://dongbo.example.vn” uses unencrypted")
    assert english.endswith(
        "\nUse the provincial server's https:// address; ask the IT unit if you do not have it."
    )
    vietnamese = sync_error_text(refused.value)
    assert vietnamese == f"{refused.value.message}\n{refused.value.advice}"
    assert vietnamese.startswith("Địa chỉ máy chủ “http://dongbo.example.vn” dùng http://")


def test_statuses_and_states_on_the_detail_read_english(messages_en):
    from counter_app.ui.detail_fields import sub_state_text
    from counter_app.ui.detail_tables import status_text as history_status

    with installed(messages_en):
        english = (history_status(int(Status.RETURNED)), sub_state_text("result_at_counter"))
    assert english == ("Result returned", "Result ready for pick-up")
    assert history_status(int(Status.RETURNED)) == "Đã trả kết quả"


def test_the_history_s_steps_read_english(messages_en):
    from counter_app.ui.detail_tables import event_kind_text

    with installed(messages_en):
        english = (event_kind_text("received"), event_kind_text("returned"))
    assert english == ("Receive the dossier", "Return the result")
    assert event_kind_text("received") == "Tiếp nhận hồ sơ"


@pytest.fixture
def language(qapp) -> Iterator[Callable[[str], list[Path]]]:
    """The program's own language switch (counter_app/ui/i18n.py), back to Vietnamese after."""
    yield lambda chosen: install_language(qapp, chosen)
    install_language(qapp, "vi")


def test_the_shipped_catalogues_are_what_the_language_switch_loads(qtbot, language):
    vietnamese = {path.name for path in language("vi")}
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = [a.text().split("\t")[0] for a in edit.createStandardContextMenu().actions()]
    assert "qtbase_vi.qm" in vietnamese and "&Sao chép" in menu
    english = {path.name for path in language("en")}
    with pytest.raises(ValidationError) as refused:
        validate_personal_id("")
    assert "messages_en.qm" in english
    assert error_text(refused.value) == "The ID card number is missing."


def test_the_lists_due_column_reads_english(messages_en):
    from counter_app.domain.dossier_rules import DueState
    from counter_app.ui.texts import label_text

    with installed(messages_en):
        english = [label_text(s.label) for s in (DueState.DUE_SOON, DueState.AWAITING_PICKUP)]
    assert english == ["Due soon", "Result ready for pick-up"]
    assert label_text(DueState.DUE_SOON.label) == "Sắp đến hạn"


def test_a_step_named_in_lower_case_inside_a_refusal_reads_english(messages_en):
    from counter_app.services.steps import require_reason

    with pytest.raises(ServiceError) as refused:
        require_reason(Action.REFUSE, "  ")
    vietnamese = refused.value.message
    assert vietnamese == f"Cần ghi rõ lý do khi “{Action.REFUSE.label.lower()}”."
    with installed(messages_en):
        english = error_text(refused.value)
    assert english == "A reason is required to “refuse the dossier”."


def test_set_up_and_enrolment_refusals_read_english(blank_services, messages_en):
    from counter_app.sync.enrol import normalise_url

    with pytest.raises(ServiceError) as bad_url:
        normalise_url("dongbo")
    with pytest.raises(ServiceError) as bad_slot:  # the code's own refusal passed on
        blank_services.setup.first_run(
            "000.23.05.H27", "Quầy 1", 12, "admin", "Lê A", TEST_PASSWORD
        )
    assert bad_slot.value.message == "Số thứ tự máy (slot) phải từ 0 đến 9, không phải 12."
    with installed(messages_en):
        texts = [error_text(bad_url.value), error_text(bad_slot.value)]
    assert texts == [
        "The server address “dongbo” is not valid (for example: https://dongbo.hatinh.gov.vn).",
        "The PC number must be from 0 to 9, not 12.",
    ]


def test_a_scanned_card_refusal_names_its_field_in_english(messages_en):
    from counter_app.domain.cccd_qr import parse_cccd_qr

    with pytest.raises(ValidationError) as refused:
        parse_cccd_qr("042098001234|123456789|Nguyễn Văn A|0101199|Nam|Hà Tĩnh|01012020")
    assert "Trường ngày sinh trên mã QR" in refused.value.message
    with installed(messages_en):
        english = error_text(refused.value)
    assert (
        english == "The date of birth in the QR code must be 8 digits (ddmmyyyy); read “0101199”."
    )


def test_the_sync_status_line_reads_english_and_keeps_its_vietnamese(messages_en, monkeypatch):
    from datetime import datetime, timedelta

    from counter_app.sync.status import SyncStatus
    from counter_app.ui.sync_status import status_line
    from counter_protocol.timefmt import VN_TZ

    now = datetime(2026, 12, 5, 9, 0, tzinfo=VN_TZ)
    status = SyncStatus(
        enrolled=False, server_url=None, revoked=False, pending_ops=3, pending_dossiers=2,
        oldest_pending_at=now - timedelta(hours=3), held=0, errors=1, unconfirmed=0,
        not_applied_updates=0, last_success_at=None, last_success_clock_wrong=False,
        last_error=None,
    )  # fmt: skip
    assert (
        status.text(now) == "Chưa đăng ký với máy chủ tỉnh · 2 hồ sơ chờ gửi, cũ nhất 3 giờ · 1 lỗi"
    )
    monkeypatch.setattr("counter_app.ui.sync_status.now_vn", lambda: now)
    with installed(messages_en):
        line = status_line(status)
    english = "Not enrolled with the provincial server · 2 dossiers waiting to be sent, oldest 3 h"
    assert line.endswith(f": {english} · 1 errors")  # the prefix is the screens' own catalogue


def test_the_servers_refusals_read_english_on_the_counter(messages_en):
    import httpx

    from counter_app.sync.client import classify_refusal

    expired = "Mã đăng ký máy đã hết hạn. Hãy xin mã mới."
    body = f'{{"error": "code_expired", "message": "{expired}"}}'.encode()
    refused = classify_refusal(httpx.Response(403, content=body))
    unreachable = classify_refusal(httpx.Response(503, content=b""))
    assert refused.message == expired  # the server's own words, as before
    assert unreachable.message == "Máy chủ tỉnh đang gặp sự cố (mã 503)."
    with installed(messages_en):
        texts = [message_text(e.template, e.params) for e in (refused, unreachable)]
    assert texts == [
        "The enrolment code has expired. Ask for a new one.",
        "The provincial server has a problem (code 503).",
    ]


def test_a_sync_runs_summary_reads_english_and_keeps_its_vietnamese(messages_en):
    from datetime import datetime

    from counter_app.sync.report import SyncReport
    from counter_app.ui.sync_window import report_lines
    from counter_protocol.timefmt import VN_TZ

    report = SyncReport(
        "manual", datetime(2026, 12, 5, 9, 0, tzinfo=VN_TZ), batches=1, bytes_sent=2048,
        sent=3, acked=3, pulled=2, pull_applied=1, pull_unchanged=1, province_conflicts=1,
    )  # fmt: skip
    assert report.summary_lines(report.started_at) == [
        "Gửi: 3 thao tác trong 1 lô (2.0 KB); máy chủ xác nhận 3, trùng (đã có) 0, xung đột 0, "
        "cách ly 0, chờ thao tác trước 0.",
        "Nhận từ tỉnh: 2 thay đổi (áp dụng 1, đã có 1).",
        "Có 1 thay đổi không khớp giữa tỉnh và máy này: cả hai đều được lưu, xem danh sách xung "
        "đột hồ sơ.",
    ]
    with installed(messages_en):
        english = report_lines(report)
    assert english[1] == "Received from the province: 2 changes (applied 1, already here 1)."
    assert english[0].startswith("Sent: 3 operations in 1 batches (2.0 KB)")
    assert english[2].startswith("1 changes differ between the province and this PC")


def test_the_note_after_the_server_lost_data_reads_english_and_is_logged_in_vietnamese(
    messages_en,
):
    from datetime import datetime

    from counter_app.sync.pull import OPS_LOST
    from counter_app.sync.report import SyncReport
    from counter_app.ui.sync_window import report_lines
    from counter_protocol.timefmt import VN_TZ

    report = SyncReport("auto", datetime(2026, 12, 5, 9, 0, tzinfo=VN_TZ))
    report.add_notice(OPS_LOST, 7, {"missing": 2, "count": 7})
    assert report.requeued == 7
    assert report.notices == [OPS_LOST.format(missing=2, count=7)]  # what sync_log keeps
    assert "không còn 2 thao tác" in report.notices[0]
    with installed(messages_en):
        english = report_lines(report)
    assert english[0].startswith("The provincial server no longer holds 2 operations")
    assert "sends again 7 confirmed operations" in english[0]
