"""The happy path end to end: enrol after working offline, push, province updates, return."""

from __future__ import annotations

from counter_app.domain.statuses import Status
from counter_app.sync.errors import FailureKind
from tests.integration.conftest import ServerProcess
from tests.sync.helpers import CounterPC, assert_converged, server_dossiers


def test_work_before_enrolment_is_sent_after_it(sqlite_server: ServerProcess, pc: CounterPC) -> None:
    codes = pc.receive(3)
    pc.move(codes[0], Status.PROCESSING)
    early = pc.sync.sync_once()
    assert early.error is not None and early.error.kind == FailureKind.NOT_ENROLLED
    assert pc.states() == {"queued": 4}
    pc.enrol(sqlite_server)
    report = pc.sync.sync_once()
    assert report.error is None, report.error
    assert (report.sent, report.acked, report.batches) == (4, 4, 1)
    assert report.status is not None and report.status.all_sent
    assert [r[1] for r in server_dossiers(sqlite_server, pc.unit)] == sorted(codes)
    assert_converged(sqlite_server, pc)
