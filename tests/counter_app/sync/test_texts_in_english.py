"""What a sync and a catalogue refusal say reads English on an English counter, and the very same
Vietnamese as before on a Vietnamese one, in the log and from an older server (decision 0034):
the damaged-op notes, the server's refusals with values in them, the place a catalogue names."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from counter_app.services.catalogue import parse_catalogue_text
from counter_app.services.errors import ServiceError
from counter_app.sync.client import classify_refusal
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.ui.sync_status import sync_error_text
from counter_app.ui.sync_window import report_lines
from counter_app.ui.texts import message_text
from counter_app.ui.widgets import error_text
from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.postal import s10_numbers
from counter_devkit.server import ServerProcess
from counter_protocol.refusal import parse_refusal
from tests.counter_app.sync.test_damaged_payload import flip_a_digit_of_the_cccd
from tests.counter_app.ui.translators import compile_ts, installed

DAYS_400 = timedelta(days=400)
SAMPLE_CATALOGUE = (
    Path(__file__).resolve().parents[3] / "resources" / "catalogue" / "ha-tinh-sample.json"
)


@pytest.fixture(scope="module")
def messages_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_ts("messages_en.ts", tmp_path_factory.mktemp("qm"))


@pytest.fixture
def behind_pc(counter_dir: Path) -> Iterator[CounterPC]:
    """A PC whose signed requests say a time 400 days before the server's."""

    def wire_clock() -> datetime:
        return datetime.now().astimezone() - DAYS_400

    pc = CounterPC(counter_dir, CounterPC.unit_of(counter_dir), wire_clock=wire_clock)
    yield pc
    pc.close()


def test_a_damaged_op_note_reads_english_and_stays_vietnamese_in_the_log(
    qapp, sqlite_server: ServerProcess, pc: CounterPC, messages_en: Path
) -> None:
    pc.enrol(sqlite_server)
    codes = pc.receive(2)
    ((seq,),) = pc.sql(
        "SELECT o.device_seq FROM outbox o JOIN dossiers d ON d.uuid = o.dossier_uuid "
        "WHERE d.code = ? ORDER BY o.device_seq LIMIT 1",
        codes[1],
    )
    flip_a_digit_of_the_cccd(pc.data_dir / "counter.sqlite3", seq)

    report = pc.sync.sync_once()

    vietnamese = (
        f"Thao tác #{seq} của hồ sơ {codes[1]} bị hỏng trên máy (dữ liệu đã lưu không khớp mã "
        "kiểm tra SHA-256): không gửi thao tác này và các thao tác sau của cùng hồ sơ. Báo bộ "
        "phận CNTT khôi phục kho từ bản sao lưu (counter-app backup list)."
    )
    assert report.notices == [vietnamese]
    assert report_lines(report)[0] == vietnamese  # a Vietnamese counter: word for word
    ((logged,),) = pc.sql("SELECT message FROM sync_log ORDER BY id DESC LIMIT 1")
    assert vietnamese in logged
    ((marked,),) = pc.sql("SELECT last_error FROM outbox WHERE device_seq = ?", seq)
    assert marked == vietnamese
    with installed(messages_en):
        english = report_lines(report)[0]
    assert english == (
        f"Operation #{seq} of dossier {codes[1]} is damaged on this PC (the stored data does "
        "not match its SHA-256 check): this operation and the later ones of the same dossier "
        "are not sent. Ask the IT unit to restore the store from a backup (counter-app backup "
        "list)."
    )


def test_the_servers_clock_refusal_reads_english_with_its_values(
    qapp, sqlite_server: ServerProcess, behind_pc: CounterPC, messages_en: Path
) -> None:
    behind_pc.enrol(sqlite_server)
    behind_pc.receive(1)

    error = behind_pc.sync.sync_once().error

    assert isinstance(error, SyncError) and error.kind == FailureKind.CLOCK
    assert error.message.startswith("Đồng hồ của máy này chậm hơn giờ máy chủ tỉnh 400 ngày (máy")
    assert error.message.endswith("máy chủ chỉ nhận yêu cầu lệch tối đa 10 phút.")
    assert error.template != error.message  # the server sent its template and values
    assert sync_error_text(error).split("\n")[0] == error.message  # Vietnamese: as sent
    ((logged,),) = behind_pc.sql("SELECT message FROM sync_log ORDER BY id DESC LIMIT 1")
    assert logged.startswith(error.message)
    with installed(messages_en):
        english = sync_error_text(error).split("\n")[0]
    assert english.startswith("This PC's clock is 400 days behind the provincial server's time")
    assert english.endswith("the server only accepts requests off by at most 10 minutes.")


def test_the_server_sends_its_template_and_values_beside_the_same_message(
    sqlite_server: ServerProcess,
) -> None:
    fixed = httpx.get(sqlite_server.base_url + "/no-such-path", timeout=30)
    assert set(fixed.json()) == {"error", "message"}  # no values: the body is as it was
    reply = httpx.post(sqlite_server.base_url + "/sync/v1/enrol", content=b"{}", timeout=30)
    assert reply.status_code == 400
    refusal = reply.json()
    assert refusal["message"] == "Thiếu hoặc sai trường “code”."
    assert refusal["template"] == "Thiếu hoặc sai trường “{name}”."
    assert refusal["params"] == {"name": "code"}


def test_a_refusal_from_an_older_server_shows_its_message_as_it_came(
    qapp, messages_en: Path
) -> None:
    said = (
        "Số thứ tự máy (slot) 3 hoặc mã máy này vừa được đăng ký ở một yêu cầu khác. "
        "Hãy kiểm tra lại danh sách máy."
    )
    older = classify_refusal(httpx.Response(409, json={"error": "slot_taken", "message": said}))
    newer = classify_refusal(
        httpx.Response(
            409,
            json={
                "error": "slot_taken",
                "message": said,
                "template": said.replace(" 3 ", " {slot} "),
                "params": {"slot": 3},
            },
        )
    )
    assert older.message == newer.message == said
    assert (older.template, older.params) == (said, {})
    with installed(messages_en):
        assert message_text(older.template, older.params) == said
        assert message_text(newer.template, newer.params).startswith(
            "PC number 3 or this PC's identity has just been enrolled by another request."
        )


@pytest.mark.parametrize(
    "sent",
    [
        {"template": "Khác hẳn {slot}.", "params": {"slot": 3}},  # does not give the message back
        {"template": "{slot.__class__}", "params": {"slot": 3}},  # lookups are not followed
        {"template": "{slot}", "params": {"slot": [3]}},  # values are text or whole numbers
        {"template": 7, "params": "x"},
    ],
)
def test_a_template_that_does_not_fit_its_message_is_not_used(sent: dict[str, object]) -> None:
    content = json.dumps({"error": "slot_taken", "message": "Số 3.", **sent}).encode()
    assert parse_refusal(content).shown() == ("Số 3.", {})
    refused = classify_refusal(httpx.Response(409, content=content))
    assert (refused.message, refused.template) == ("Số 3.", "Số 3.")


def _catalogue_without_a_procedure_name() -> str:
    text = SAMPLE_CATALOGUE.read_text(encoding="utf-8")
    document = json.loads(text)
    procedure = document["procedures"][0]
    del procedure["name"]
    return json.dumps(document, ensure_ascii=False)


def test_the_place_a_catalogue_refusal_names_reads_english(qapp, messages_en: Path) -> None:
    text = _catalogue_without_a_procedure_name()
    code = json.loads(text)["procedures"][0]["code"]
    with pytest.raises(ServiceError) as refused:
        parse_catalogue_text(text, "danh-muc.json")
    vietnamese = f"Danh mục danh-muc.json không hợp lệ: Thủ tục {code}: thiếu trường “name”."
    assert refused.value.message == vietnamese  # the command line and the log
    assert error_text(refused.value).startswith(vietnamese)  # a Vietnamese counter
    with installed(messages_en):
        english = error_text(refused.value)
    assert f"Procedure {code}: the field “name” is missing." in english
    assert "Thủ tục" not in english


@pytest.fixture
def two_pcs(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> Iterator[tuple[CounterPC, CounterPC]]:
    unit = sync_unit()
    pcs = [
        CounterPC(make_counter_dir(store_template, tmp_path / name, unit, slot), unit)
        for name, slot in (("a", 0), ("b", 1))
    ]
    for pc in pcs:
        pc.enrol(sqlite_server)
    yield pcs[0], pcs[1]
    for pc in pcs:
        pc.close()


def test_the_servers_reason_for_a_refused_tracking_number_reads_english(
    qapp, two_pcs: tuple[CounterPC, CounterPC], messages_en: Path
) -> None:
    a, b = two_pcs
    numbers = s10_numbers(40_000_000 + hash(a.unit) % 1_000_000 * 10, 2)
    for pc in (a, b):
        pc.services.tracking_pool.import_text("\n".join(numbers), "vnpost.txt")
    assert a.sync.sync_once().error is None

    report = b.sync.sync_once()

    device_a = int(a.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0])
    reason = (
        f"Mã {numbers[0]} đã thuộc máy số {device_a} của đơn vị {a.unit}; máy này không dùng "
        "mã này. Bộ phận CNTT đã được báo."
    )
    note = f"Máy chủ từ chối 2 mã vận đơn nạp từ tệp (máy khác đã giữ), ví dụ: {reason}"
    assert report.notices == [note]  # the log's words, as before
    assert report_lines(report)[0] == note
    with installed(messages_en):
        english = report_lines(report)[0]
    assert english == (
        "The server refused 2 tracking numbers loaded from the file (another PC holds them), "
        f"for example: The number {numbers[0]} already belongs to PC no. {device_a} of unit "
        f"{a.unit}; this PC does not use it. The IT unit has been told."
    )
