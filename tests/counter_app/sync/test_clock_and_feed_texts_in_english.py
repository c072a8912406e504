"""The counter's own clock warning and the notes on province changes read English on an English
counter, and the very same Vietnamese as before on a Vietnamese one, in the store and the log
(decision 0034)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from counter_app.domain.vntime import now_vn
from counter_app.services.clock import ClockSuspect
from counter_app.sync.views import UpdateRow
from counter_app.ui.sync_window import update_note_text
from counter_app.ui.widgets import error_text
from counter_devkit.counter_pc import CounterPC
from counter_devkit.server import ServerProcess
from counter_protocol.feed import CHANGE_CATALOGUE, CHANGE_TRACKING_POOL
from tests.counter_app.sync.test_feed_reset_apply import a_page, apply, change
from tests.counter_app.ui.translators import compile_ts, installed

DAYS_400 = timedelta(days=400)
WHEN = r"\d\d/\d\d/\d{4} \d\d:\d\d"
VIETNAMESE = re.compile(r"[À-ỹĐđ]")
SAMPLE_CATALOGUE = (
    Path(__file__).resolve().parents[3] / "resources" / "catalogue" / "ha-tinh-sample.json"
)


@pytest.fixture(scope="module")
def messages_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_ts("messages_en.ts", tmp_path_factory.mktemp("qm"))


class MovableClock:
    """This PC's wall clock: the true time plus `offset`, which the test moves."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return now_vn() + self.offset


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def moved_pc(counter_dir: Path, clock: MovableClock) -> Iterator[CounterPC]:
    pc = CounterPC(counter_dir, CounterPC.unit_of(counter_dir), clock=clock)
    yield pc
    pc.close()


def _refusal(pc: CounterPC) -> ClockSuspect:
    with pytest.raises(ClockSuspect) as refused:
        pc.receive(1)
    return refused.value


def test_a_clock_behind_the_servers_is_warned_in_english(
    qapp, sqlite_server: ServerProcess, moved_pc: CounterPC, clock: MovableClock, messages_en: Path
) -> None:
    clock.offset = -DAYS_400
    moved_pc.enrol(sqlite_server)
    moved_pc.sync.sync_once()  # refused: the server's time is kept as the latest reading

    refusal = _refusal(moved_pc)

    said = (
        rf"Lần liên lạc gần nhất với máy chủ tỉnh \({WHEN}\), đồng hồ máy này chậm 400 ngày so "
        r"với giờ máy chủ\. Ngày giờ của máy có thể đang sai: mã hồ sơ và ngày hẹn trả trên giấy "
        r"tiếp nhận sẽ sai theo\."
    )
    assert re.fullmatch(said, refusal.message)  # the command line and the log: as before
    assert refusal.advice.startswith("Kiểm tra ngày giờ ở góc màn hình")
    assert error_text(refusal) == refusal.one_line()  # a Vietnamese counter: word for word
    with installed(messages_en):
        english = error_text(refusal)
    assert re.match(
        rf"At the last contact with the provincial server \({WHEN}\), this PC's clock was 400 "
        r"days behind the server's time\.",
        english,
    )
    assert "Check the date and time in the corner of the screen" in english
    assert not VIETNAMESE.search(english)


def test_a_clock_set_back_behind_what_is_stored_is_warned_in_english(
    qapp, moved_pc: CounterPC, clock: MovableClock, messages_en: Path
) -> None:
    moved_pc.receive(1)
    clock.offset = -DAYS_400

    refusal = _refusal(moved_pc)

    said = (
        rf"Đồng hồ máy này đang là {WHEN}, sớm hơn thời điểm mới nhất đã ghi trên máy \({WHEN}\)"
        r"\. Ngày giờ của máy có thể đang sai: mã hồ sơ và ngày hẹn trả trên giấy tiếp nhận sẽ "
        r"sai theo\."
    )
    assert re.fullmatch(said, refusal.message)
    with installed(messages_en):
        english = error_text(refusal)
    assert re.match(rf"This PC's clock says {WHEN}, earlier than the latest time", english)
    assert not VIETNAMESE.search(english)


def _catalogue_without_a_procedure_name() -> tuple[dict[str, object], str]:
    document = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    procedure = document["procedures"][0]
    del procedure["name"]
    return document, procedure["code"]


def test_a_province_change_not_applied_is_noted_in_english(
    qapp, pc: CounterPC, messages_en: Path
) -> None:
    document, code = _catalogue_without_a_procedure_name()
    catalogue = {"version": "v-bad", "sha256": "0" * 64, "effective_from": "2026-01-01"}
    pool = {"unit_code": "000.00.00.X99", "numbers": ["EA000000001VN"]}
    apply(
        pc,
        a_page(
            [
                change(1, CHANGE_CATALOGUE, {**catalogue, "document": document}),
                change(2, CHANGE_TRACKING_POOL, pool),
            ]
        ),
    )

    rows = {row.change_seq: row for row in pc.sync.recent_updates()}
    vietnamese = {
        1: f"Danh mục v-bad không hợp lệ: Thủ tục {code}: thiếu trường “name”.",
        2: "Mã vận đơn dành cho đơn vị khác (000.00.00.X99).",
    }
    stored = dict(pc.sql("SELECT change_seq, message FROM province_updates"))
    assert stored == vietnamese  # the record: as before
    assert {seq: update_note_text(row) for seq, row in rows.items()} == vietnamese
    with installed(messages_en):
        english = {seq: update_note_text(row) for seq, row in rows.items()}
    assert english == {
        1: f"The catalogue v-bad is not valid: Procedure {code}: the field “name” is missing.",
        2: "The tracking numbers are for another unit (000.00.00.X99).",
    }


def test_a_note_written_before_its_values_were_kept_shows_as_written(
    qapp, messages_en: Path
) -> None:
    with_values = UpdateRow(
        1, "catalogue", "v1", "unchanged", "Danh mục v1 đã có trên máy.", now_vn()
    )
    fixed = UpdateRow(
        2, "tracking_pool", "x", "unchanged", "Các mã vận đơn này đã có trên máy.", now_vn()
    )
    with installed(messages_en):
        assert update_note_text(with_values) == "Danh mục v1 đã có trên máy."
        assert update_note_text(fixed) == "These tracking numbers are already on this PC."
