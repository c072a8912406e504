"""The late list: overdue and due-soon dossiers whose deadline runs; a supplement pause, papers
still awaited and results ready at the counter are not late."""

from __future__ import annotations

from pathlib import Path

from counter_app.domain.dossier_rules import DueState
from counter_app.services.late import LateService
from counter_app.services.search import DossierQuery, DueFilter, SearchService
from tests.counter_app.services.lifecycle_helpers import CLERK, make_counter, request, vn


def test_overdue_and_due_soon_leave_out_paused_and_waiting_dossiers(
    services, data_dir: Path
) -> None:
    counter = make_counter(services, data_dir, vn(2026, 3, 9, 9, 0))  # Monday
    late = counter.dossiers.receive(request())  # due Wednesday 11/03 09:00
    paused = counter.dossiers.receive(request())
    ready = counter.dossiers.receive(request())
    counter.dossiers.intake(request("Tờ khai theo mẫu"))  # papers awaited: no deadline
    counter.clock.set(vn(2026, 3, 10, 9, 0))
    soon = counter.dossiers.receive(request())  # due Thursday 12/03 09:00
    counter.lifecycle.forward(late, CLERK, received_by="Văn thư")
    counter.lifecycle.ask_supplement(paused, "chuyenvien", "Thiếu giấy")
    counter.lifecycle.result_received(ready, CLERK)
    listing = LateService(services.store, services.calendar, lambda: vn(2026, 3, 11, 10, 0))
    found = listing.late_list()
    assert [d.code for d in found.overdue] == [late]
    assert [d.code for d in found.due_soon] == [soon]  # within one working day of Wed 10:00
    assert found.overdue[0].due_state == DueState.OVERDUE
    assert found.overdue[0].due_at == vn(2026, 3, 11, 9, 0)
    assert found.overdue[0].sub_state == "in_transit"
    dossier_list = SearchService(services.store, services.calendar, lambda: vn(2026, 3, 11, 10, 0))
    assert [r.code for r in dossier_list.find(DossierQuery(due=DueFilter.OVERDUE))] == [late]
    states = {r.code: r.due_state for r in dossier_list.find(DossierQuery())}
    assert states[paused] == DueState.ON_TIME  # past its first date, but paused


def test_a_pause_ending_moves_the_dossier_out_of_the_late_list(services, data_dir: Path) -> None:
    counter = make_counter(services, data_dir, vn(2026, 3, 9, 9, 0))
    code = counter.dossiers.receive(request())  # due Wednesday 11/03 09:00
    counter.clock.set(vn(2026, 3, 10, 9, 0))
    counter.lifecycle.ask_supplement(code, "chuyenvien", "Thiếu giấy")
    counter.clock.set(vn(2026, 3, 16, 9, 0))  # a week later: 32 working hours paused
    counter.lifecycle.supplement_received(code, CLERK)
    at_resume = LateService(services.store, services.calendar, lambda: vn(2026, 3, 16, 9, 0))
    assert at_resume.late_list().overdue == ()
    after = LateService(services.store, services.calendar, lambda: vn(2026, 3, 17, 10, 0))
    assert [d.code for d in after.late_list().overdue] == [code]  # new date Tue 17/03 09:00
