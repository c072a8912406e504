"""Tracking numbers are used once across the PCs of a unit, offline: the province's pool is cut
into one share per PC, and a file imported on a PC is claimed at the server, which refuses the
same numbers to a second PC and tells IT (docs/decisions/0027). Real server on PostgreSQL, two
real counter stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.services.errors import ServiceError
from counter_app.services.postal import PostalReturn, PostService
from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.postal import ha_tinh_address, s10_numbers
from counter_devkit.server import ServerProcess
from counter_protocol.statuses import Status


@pytest.fixture
def two_pcs(
    server: ServerProcess, store_template: Path, tmp_path: Path
) -> Iterator[tuple[CounterPC, CounterPC]]:
    unit = sync_unit()
    pcs = [
        CounterPC(make_counter_dir(store_template, tmp_path / name, unit, slot), unit)
        for name, slot in (("a", 0), ("b", 1))
    ]
    for pc in pcs:
        pc.enrol(server)
    yield pcs[0], pcs[1]
    for pc in pcs:
        pc.close()


def return_by_post(pc: CounterPC) -> str:
    """A new dossier taken to "result at the counter", then its result posted; the number."""
    code = pc.receive(1)[0]
    pc.move(code, Status.DONE)
    request = PostalReturn(ha_tinh_address(), 20000)
    item = PostService(pc.services.store).return_by_post(code, request, "canbo")
    assert item.tracking_number is not None
    return item.tracking_number


def used_all(pc: CounterPC) -> list[str]:
    """Post results until the PC's pool is empty; the numbers it took."""
    taken = []
    while True:
        try:
            taken.append(return_by_post(pc))
        except ServiceError as exc:
            assert exc.code == "post.pool_empty"
            return taken


def test_a_published_pool_is_shared_out_and_two_offline_pcs_never_take_the_same_number(
    server: ServerProcess, two_pcs: tuple[CounterPC, CounterPC], tmp_path: Path
) -> None:
    a, b = two_pcs
    numbers = s10_numbers(20_000_000 + hash(a.unit) % 1_000_000 * 10, 11)
    pool = tmp_path / "pool.txt"
    pool.write_text("\n".join(numbers), "utf-8")
    published = server.cli("publish", "tracking-pool", "--unit", a.unit, str(pool)).stdout
    assert "6 mục" in published and "5 mục" in published  # two shares, by slot
    for pc in (a, b):
        assert pc.sync.sync_once().error is None
    # Offline from here: each PC posts results until its own share is empty.
    taken_a, taken_b = used_all(a), used_all(b)
    assert (len(taken_a), len(taken_b)) == (6, 5)
    assert sorted(taken_a + taken_b) == sorted(numbers)  # every number once, none twice
    assert a.services.tracking_pool.status().unused == 0
    for pc in (a, b):
        assert pc.sync.sync_once().error is None
    postal = server.rows(
        "SELECT e.extra->>'postal_number' FROM dossier_events e "
        "JOIN dossiers d ON d.uuid = e.dossier_uuid WHERE d.unit_code = :u AND e.kind = 'returned'",
        u=a.unit,
    )
    assert sorted(r[0] for r in postal) == sorted(numbers)
    again = server.cli("publish", "tracking-pool", "--unit", a.unit, str(pool)).stdout
    assert "đã có sẵn" in again


def test_a_file_imported_on_two_pcs_belongs_to_the_first_that_claims_it(
    server: ServerProcess, two_pcs: tuple[CounterPC, CounterPC]
) -> None:
    a, b = two_pcs
    numbers = s10_numbers(30_000_000 + hash(a.unit) % 1_000_000 * 10, 3)
    text = "\n".join(numbers)
    assert a.services.tracking_pool.import_text(text, "vnpost.txt") == 3
    assert b.services.tracking_pool.import_text(text, "vnpost-copy.txt") == 3  # offline: allowed
    assert a.sync.sync_once().error is None
    report = b.sync.sync_once()
    assert report.error is None
    assert any("từ chối 3 mã vận đơn" in n for n in report.notices)
    assert a.services.tracking_pool.status().pending_claims == 0
    status = b.services.tracking_pool.status()
    assert (status.unused, status.refused) == (0, 3)
    with pytest.raises(ServiceError, match="Hết mã vận đơn"):
        return_by_post(b)
    assert used_all(a) == numbers
    device_b = int(b.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0])
    flagged = server.rows(
        "SELECT detail->>'number' FROM audit_log WHERE event = 'tracking_clash' "
        "AND device_id = :d ORDER BY 1",
        d=device_b,
    )
    assert [r[0] for r in flagged] == numbers
    stats = server.cli("stats").stdout
    assert "Mã vận đơn bị hai máy cùng nhận" in stats and numbers[0] in stats
    owners = dict(
        server.rows("SELECT number, device_id FROM tracking_numbers WHERE unit_code = :u", u=a.unit)
    )
    device_a = int(a.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0])
    assert {owners[n] for n in numbers} == {device_a}
