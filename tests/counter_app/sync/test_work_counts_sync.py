"""Three counters do a month's work and sync to the real server over HTTP (PostgreSQL): the
province's monthly counts, as `counter-server workload` writes them, equal the sum of the three
counters' own books for the same month, computed over each store's rows with the same rule
(docs/domain.md#work-counts); sending everything again changes nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from counter_app.domain.appointments import HelpKind
from counter_app.domain.kinds import Channel
from counter_app.domain.reports import Period
from counter_app.services.dto import ComponentInput
from counter_app.services.home_visits import VisitRequest
from counter_app.services.online_help import HelpInput
from counter_app.services.postal import PostalReturn
from counter_app.services.work_counts import WorkloadService
from counter_app.sync.ledger import requeue_acknowledged
from counter_devkit.counter_pc import CounterPC, assert_converged, make_counter_dir, sync_unit
from counter_devkit.intake import intake
from counter_devkit.lifecycle_steps import take_step
from counter_devkit.postal import ha_tinh_address, s10_numbers
from counter_devkit.server import Databases, ServerProcess
from counter_protocol.lifecycle import Action
from counter_protocol.timefmt import VN_TZ, to_vn
from counter_protocol.workload import TASKS, Task, WorkKey, month_of, month_span

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    dbs = Databases()
    proc = ServerProcess(dbs.new(), tmp_path_factory.mktemp("work-server") / "server.log")
    proc.start()
    yield proc
    proc.stop()
    dbs.drop_all()


@pytest.fixture
def counters(store_template: Path, tmp_path: Path) -> Iterator[list[CounterPC]]:
    pcs = []
    for n in range(3):
        folder = make_counter_dir(store_template, tmp_path / f"counter{n}", sync_unit())
        pcs.append(CounterPC(folder, CounterPC.unit_of(folder)))
    yield pcs
    for pc in pcs:
        pc.close()


def next_working_day(pc: CounterPC) -> date:
    calendar = pc.services.calendar.calendar()
    day = to_vn(datetime.now(VN_TZ)).date() + timedelta(days=1)
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def a_month_of_work(pc: CounterPC, n: int) -> None:
    """What counter `n` does: more of each thing the higher `n`, by two clerks."""
    for code in pc.receive(2 + n):  # at the counter, by "canbo"
        take_step(pc, code, Action.FORWARD)
        take_step(pc, code, Action.RESULT_RECEIVED)
    returned = [r[0] for r in pc.sql("SELECT code FROM dossiers ORDER BY id")]
    take_step(pc, returned[0], Action.RETURN)  # handed over at the counter
    post_result(pc, returned[1], n)  # the result sent by post
    posted_in = replace(intake(id_number=f"04219570{n:04d}"), channel=Channel.POSTAL)
    for _ in range(n + 1):
        pc.dossiers.receive(replace(posted_in, clerk="quantri"))
    pc.dossiers.intake(intake(id_number=f"04219580{n:04d}"), refuse_reason="Không thuộc thẩm quyền")
    missing = replace(intake(id_number=f"04219590{n:04d}"), components=_one_paper(False))
    asked = pc.dossiers.intake(missing).code  # papers asked for: not a receipt yet
    pc.lifecycle.receive_supplemented(asked, _one_paper(True), "quantri")  # now it is
    day = next_working_day(pc)
    start = datetime(day.year, day.month, day.day, 8, tzinfo=VN_TZ)
    visit = pc.services.home_visits.book(_visit(start))
    pc.services.home_visits.receive_at_home(visit, intake(id_number=f"04219560{n:04d}"))
    for k in range(n + 1):
        pc.services.online_help.add(_help(f"G22.99-{pc.unit}-{k}", "quantri" if k else "canbo"))


def post_result(pc: CounterPC, code: str, n: int) -> None:
    """The result sent by post, as the clerk does it: a tracking number from this PC's pool."""
    pc.services.tracking_pool.import_text("\n".join(s10_numbers(2000 + 10 * n, 1)), "vnpost.txt")
    request = PostalReturn(ha_tinh_address(), 25000, weight_g=250, receipt=f"BC26/{n + 1}")
    pc.services.post.return_by_post(code, request, "quantri")


def _one_paper(provided: bool) -> tuple[ComponentInput, ...]:
    return (ComponentInput("Bản chính giấy tờ", 1, 0, provided),)


def _visit(start: datetime) -> VisitRequest:
    return VisitRequest(
        clerk="canbo",
        start=start,
        end=start + timedelta(hours=1),
        citizen_name="Trần Văn An",
        phone="0912 345 678",
        address="Xóm 2, xã Thạch Hà, tỉnh Hà Tĩnh",
        procedure_code="2.000815",
    )


def _help(code: str, clerk: str) -> HelpInput:
    return HelpInput(
        portal_code=code,
        kind=HelpKind.PARTIAL,
        procedure_code="2.000815",
        citizen_name="Lê Thị Cúc",
        clerk=clerk,
    )


def province_counts(server: ServerProcess, month: str, units: set[str], out: Path) -> Counter[Any]:
    """The province's figures for `month` from the Excel file `counter-server workload` writes."""
    server.cli("workload", "--month", month, "--out", str(out))
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    found: Counter[WorkKey] = Counter()
    for row in sheet.iter_rows(min_row=4, values_only=True):
        if row[0] in units:
            for task, n in zip(TASKS, row[3:], strict=True):
                if n:
                    found[WorkKey(month, str(row[0]), str(row[2]), task)] = int(n)
    return found


def books(pcs: list[CounterPC], month: str) -> Counter[WorkKey]:
    """The counters' figures for `month`, as the app's report shows them (checked equal to the
    counter's work-count service on the same store)."""
    total: Counter[WorkKey] = Counter()
    first, end = month_span(month)
    period = Period(first.date(), (end - timedelta(days=1)).date())
    for pc in pcs:
        counts = WorkloadService(pc.services.store).counts(month)
        shown = Counter(
            {
                WorkKey(line.month, line.unit_code, line.clerk, task): n
                for line in pc.services.reports.report(period).work
                for task, n in line.counts.items()
                if n
            }
        )
        assert shown == counts
        total += counts
    return total


def test_the_provinces_month_is_the_sum_of_the_counters_books(
    pg_server: ServerProcess, counters: list[CounterPC], tmp_path: Path
) -> None:
    for n, pc in enumerate(counters):
        pc.enrol(pg_server)
        a_month_of_work(pc, n)
        report = pc.sync.sync_once()
        assert report.error is None, report.error
        assert_converged(pg_server, pc)
    units = {pc.unit for pc in counters}
    months = {month_of(datetime.now(VN_TZ)), month_of(datetime.now(VN_TZ) + timedelta(days=7))}
    for month in sorted(months):
        assert province_counts(pg_server, month, units, tmp_path / f"{month}.xlsx") == books(
            counters, month
        )
    everything = sum((books(counters, m) for m in months), Counter[WorkKey]())
    per_task = Counter[Task]()
    for key, n in everything.items():
        per_task[key.task] += n
    # 3 counters: 2+n at the counter, n+1 by post, 1 after papers, 1 at home; refusals never.
    assert per_task == {
        Task.RECEIVED: 9 + 6 + 3 + 3,
        Task.RETURNED: 6,
        Task.BY_POST: 6 + 3,
        Task.AT_HOME: 3,
        Task.ONLINE_HELP: 6,
    }

    for pc in counters:  # everything sent again (as after a server restore): no second count
        with pc.services.store.write() as session:
            requeue_acknowledged(session)
        assert pc.sync.sync_once().error is None
    for month in sorted(months):
        assert province_counts(pg_server, month, units, tmp_path / f"again-{month}.xlsx") == (
            books(counters, month)
        )


def test_a_portal_code_two_counters_helped_with_counts_once_and_the_second_sees_why(
    pg_server: ServerProcess, counters: list[CounterPC], tmp_path: Path
) -> None:
    first, second = counters[0], counters[1]
    code = f"G22.99-{first.unit}-CHUNG"
    for pc, clerk in ((first, "canbo"), (second, "quantri")):
        pc.enrol(pg_server)
        pc.services.online_help.add(_help(code, clerk))
        assert pc.sync.sync_once().error is None
    assert second.states() == {"conflict": 1}
    [problem] = second.sync.problems()
    assert problem.dossier_code == code and "không được tính thêm" in problem.reason
    month = month_of(datetime.now(VN_TZ))
    units = {first.unit, second.unit}
    assert province_counts(pg_server, month, units, tmp_path / "once.xlsx") == {
        WorkKey(month, first.unit, "canbo", Task.ONLINE_HELP): 1
    }
