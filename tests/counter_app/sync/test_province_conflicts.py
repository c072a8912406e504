"""A province change that does not fit the counter's state (our later steps not yet at the
server): taken, recorded, and listed as a conflict for the clerk (docs/sync.md#s20)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from counter_app.services import province_updates as pu
from counter_app.services.conflicts import ConflictService
from counter_app.services.errors import NotFound
from counter_devkit.counter_pc import CounterPC
from counter_devkit.lifecycle_steps import take_step
from counter_protocol.lifecycle import Action


def province_change(pc: CounterPC, code: str, to_status: int) -> pu.Outcome:
    uuid = pc.sql("SELECT uuid FROM dossiers WHERE code = ?", code)[0][0]
    change = pu.ProvinceStatus(
        change_seq=7,
        dossier_uuid=uuid,
        dossier_code=code,
        to_status=to_status,
        actor="Sở Tư pháp",
        at=datetime(2026, 12, 4, 9, 0, tzinfo=UTC),
    )
    with pc.services.store.write() as session:
        return pu.apply_province_status(session, change)


def test_a_change_that_does_not_fit_is_taken_and_listed(pc: CounterPC) -> None:
    code = pc.receive(1)[0]
    take_step(pc, code, Action.WITHDRAW)  # queued, not yet at the server
    outcome = province_change(pc, code, 9)  # the province says the result is ready
    assert outcome.result == pu.APPLIED and outcome.conflict
    assert pc.sql("SELECT status, sub_state FROM dossiers WHERE code = ?", code) == [
        (9, "result_at_counter")
    ]
    events = pc.sql("SELECT kind, origin FROM dossier_events ORDER BY seq")
    assert events == [
        ("received", "counter"),
        ("withdrawn", "counter"),
        ("province_status", "province"),
    ]
    service = pc.services.conflicts
    [conflict] = service.list_conflicts(unseen_only=True)
    assert (conflict.dossier_code, conflict.source, conflict.change_seq) == (code, "pull", 7)
    assert "Đã xử lý xong" in conflict.message and "Công dân đã rút hồ sơ" in conflict.message
    seen = service.mark_seen(conflict.id, "Trần Văn IT")
    assert seen.seen_by == "Trần Văn IT" and seen.seen_at is not None
    assert service.list_conflicts(unseen_only=True) == []
    assert service.unseen_count() == 0
    with pytest.raises(NotFound):
        service.mark_seen(conflict.id + 100, "Trần Văn IT")


def test_a_change_that_fits_writes_no_conflict(pc: CounterPC) -> None:
    code = pc.receive(1)[0]
    outcome = province_change(pc, code, 4)
    assert outcome == pu.Outcome(pu.APPLIED)
    assert ConflictService(pc.services.store).list_conflicts() == []


def test_a_conflict_reads_english_on_an_english_counter_and_stays_vietnamese(
    qapp, pc: CounterPC, tmp_path
) -> None:
    """The conflict row keeps the Vietnamese, word for word; the dossier's detail shows it in
    the clerk's language, the two statuses named in English too (decision 0034)."""
    import re

    from counter_app.ui.detail_tables import conflict_rows
    from tests.counter_app.ui.translators import compile_ts, installed

    code = pc.receive(1)[0]
    take_step(pc, code, Action.WITHDRAW)
    province_change(pc, code, 9)
    [conflict] = pc.services.conflicts.list_conflicts()
    [(stored,)] = pc.sql("SELECT message FROM dossier_conflicts")
    assert conflict.message == stored and stored.startswith(f"Hồ sơ {code}: tỉnh (Sở Tư pháp)")
    assert conflict_rows([conflict])[0][1] == stored  # a Vietnamese counter: as written

    messages, labels = compile_ts("messages_en.ts", tmp_path), compile_ts("app_en.ts", tmp_path)
    with installed(messages), installed(labels):
        english = conflict_rows([conflict])[0][1]
    assert english.startswith(f"Dossier {code}: the province (Sở Tư pháp) moved")
    assert not re.search(r"[À-ỹĐđ]", english.replace("Sở Tư pháp", ""))
