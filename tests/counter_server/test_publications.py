"""Publications via the CLI: catalogue versions, calendar years, S10 pools; bad files refused."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx

from counter_devkit.fake_device import FakeDevice
from counter_devkit.server import ServerProcess, unique_unit
from counter_protocol.feed import CHANGE_CALENDAR, CHANGE_CATALOGUE, CHANGE_TRACKING_POOL, Change
from counter_protocol.tracking import s10_check_digit
from tests.counter_server.conftest import ROOT

SAMPLE = ROOT / "resources" / "catalogue" / "ha-tinh-sample.json"


def kinds(device: FakeDevice, client: httpx.Client, cursor: int, kind: str) -> list[Change]:
    return [c for c in device.pull(client, cursor, 5000).changes if c.kind == kind]


def refused(done: object) -> str:
    assert getattr(done, "returncode", 0) == 1
    lines = getattr(done, "stderr", "").strip().splitlines()
    assert len(lines) == 1, lines
    return str(lines[0])


def count(server: ServerProcess, kind: str) -> int:
    return int(server.scalar("SELECT count(*) FROM publications WHERE kind = :k", k=kind))


def _unique_version(doc: dict[str, object]) -> str:
    """Counters of other tests pull this version from the shared server and stamp it on the
    dossiers they send: it must stay within the wire's limit."""
    return f"{doc['version']}-{uuid.uuid4().hex[:8]}"


def test_catalogue_versions(server: ServerProcess, client: httpx.Client, tmp_path: Path) -> None:
    device = server.device()
    start = device.pull(client, 0, 5000).next_cursor
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    version = _unique_version(doc)
    good = tmp_path / "catalogue.json"
    good.write_text(json.dumps(doc | {"version": version}, ensure_ascii=False), encoding="utf-8")
    assert "thay đổi #" in server.cli("publish", "catalogue", str(good)).stdout
    assert "đã có sẵn" in server.cli("publish", "catalogue", str(good)).stdout
    changes = kinds(device, client, start, CHANGE_CATALOGUE)
    assert [c.payload["version"] for c in changes] == [version]
    assert changes[0].payload["document"]["procedures"] == doc["procedures"]
    changed = tmp_path / "changed.json"
    changed.write_text(
        json.dumps(doc | {"version": version, "notice": "khác"}, ensure_ascii=False),
        encoding="utf-8",
    )
    assert "phiên bản mới" in refused(server.cli("publish", "catalogue", str(changed), check=False))
    newer = tmp_path / "newer.json"
    newer.write_text(
        json.dumps(doc | {"version": version + ".2"}, ensure_ascii=False), encoding="utf-8"
    )
    server.cli("publish", "catalogue", str(newer))
    versions = server.rows(
        "SELECT key FROM publications WHERE kind = 'catalogue' AND key LIKE :v ORDER BY id",
        v=version + "%",
    )
    assert [v[0] for v in versions] == [version, version + ".2"]  # the old one is kept


def test_a_version_longer_than_dossiers_carry_is_refused(
    server: ServerProcess, tmp_path: Path
) -> None:
    """A dossier carries its catalogue version and the server takes 40 characters: a longer
    version once stranded every dossier received under it in quarantine."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    before = count(server, "catalogue")
    for version, accepted in (("V" * 41, False), ("W" * 36 + uuid.uuid4().hex[:4], True)):
        path = tmp_path / f"{version}.json"
        path.write_text(json.dumps(doc | {"version": version}, ensure_ascii=False), "utf-8")
        done = server.cli("publish", "catalogue", str(path), check=False)
        if accepted:
            assert done.returncode == 0, done.stderr
        else:
            assert "dài 41 ký tự; tối đa 40 ký tự" in refused(done)
    assert count(server, "catalogue") == before + 1


def test_a_bad_catalogue_is_refused_with_one_line(server: ServerProcess, tmp_path: Path) -> None:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["version"] = f"bad-{uuid.uuid4().hex[:8]}"
    doc["procedures"][0]["code"] = "1.23"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = count(server, "catalogue")
    assert "1.23" in refused(server.cli("publish", "catalogue", str(bad), check=False))
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ', encoding="utf-8")
    assert "JSON" in refused(server.cli("publish", "catalogue", str(broken), check=False))
    missing = refused(server.cli("publish", "catalogue", str(tmp_path / "nope.json"), check=False))
    assert "Không đọc được" in missing
    assert count(server, "catalogue") == before


def test_calendar_years(server: ServerProcess, client: httpx.Client, tmp_path: Path) -> None:
    device = server.device()
    start = device.pull(client, 0, 5000).next_cursor
    csv = tmp_path / "calendar.csv"
    year = 2090
    csv.write_text(
        f"date,kind,name\n{year}-01-01,holiday,Tết Dương lịch\n"
        f"{year}-04-30,holiday,Ngày Giải phóng\n{year}-05-09,workday,Làm bù\n"
        f"{year + 1}-01-01,holiday,Tết Dương lịch\n",
        encoding="utf-8",
    )
    server.cli("publish", "calendar", str(csv))
    changes = kinds(device, client, start, CHANGE_CALENDAR)
    by_year = {c.payload["year"]: c.payload["days"] for c in changes}
    assert sorted(by_year) == [year, year + 1]
    assert by_year[year][2] == {"date": f"{year}-05-09", "kind": "workday", "name": "Làm bù"}


def test_a_bad_calendar_is_refused_whole(server: ServerProcess, tmp_path: Path) -> None:
    before = count(server, "calendar")
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "date,kind,name\n2099-01-01,holiday,Tết\n2099-02-30,holiday,Sai\n"
        "2099-03-01,vacation,Sai nữa\n",
        encoding="utf-8",
    )
    line = refused(server.cli("publish", "calendar", str(csv), check=False))
    assert "Dòng 3" in line and "2099-02-30" in line and "1 lỗi khác" in line
    no_header = tmp_path / "no_header.csv"
    no_header.write_text("2099-01-01,holiday,Tết\n", encoding="utf-8")
    assert "Dòng 1" in refused(server.cli("publish", "calendar", str(no_header), check=False))
    assert count(server, "calendar") == before


def s10(serial: int, prefix: str = "EE") -> str:
    digits = f"{serial:08d}"
    return f"{prefix}{digits}{s10_check_digit(digits)}VN"


def test_tracking_pool(server: ServerProcess, client: httpx.Client, tmp_path: Path) -> None:
    device = server.device()
    other = server.device()
    starts = [d.pull(client, 0, 5000).next_cursor for d in (device, other)]
    base = 10_000_000 + device.device_id * 1000 if device.device_id else 0
    numbers = [s10(base + i) for i in range(20)]
    pool = tmp_path / "pool.txt"
    pool.write_text("\n".join(numbers) + "\n\n", encoding="utf-8")
    assert (
        "20 mục"
        in server.cli("publish", "tracking-pool", "--unit", device.unit_code, str(pool)).stdout
    )
    got = kinds(device, client, starts[0], CHANGE_TRACKING_POOL)
    assert [c.payload["numbers"] for c in got] == [numbers]
    assert kinds(other, client, starts[1], CHANGE_TRACKING_POOL) == []
    assert (
        "đã có sẵn"
        in server.cli("publish", "tracking-pool", "--unit", device.unit_code, str(pool)).stdout
    )
    line = refused(
        server.cli("publish", "tracking-pool", "--unit", other.unit_code, str(pool), check=False)
    )
    assert numbers[0] in line and device.unit_code in line


def test_a_bad_tracking_pool_is_refused_whole(server: ServerProcess, tmp_path: Path) -> None:
    unit = unique_unit()
    pool = tmp_path / "pool.txt"
    pool.write_text("EE123456785VN\nEE123456784VN\n", encoding="utf-8")
    line = refused(server.cli("publish", "tracking-pool", "--unit", unit, str(pool), check=False))
    assert "Dòng 2" in line and "EE123456784VN" in line
    assert server.scalar("SELECT count(*) FROM tracking_numbers WHERE unit_code = :u", u=unit) == 0
    bad_unit = refused(
        server.cli("publish", "tracking-pool", "--unit", "H27", str(pool), check=False)
    )
    assert "H27" in bad_unit
