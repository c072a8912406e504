"""What the province publishes down to counters: catalogue versions, calendar years, S10 pools.

Every file is validated whole before anything is written; then the publication, its pull-feed
change(s) and (for pools) its numbers are written in one transaction. Publishing the same content
again is a no-op; a catalogue version is never overwritten with different content.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import msgspec
import orjson
from msgspec import Struct
from sqlalchemy import Connection, Engine, insert, select

from counter_protocol.catalogue.document import parse_catalogue
from counter_protocol.catalogue.reader import CatalogueError
from counter_protocol.codes import CodeError, check_agency_code
from counter_protocol.encoding import canonical_json, sha256_hex
from counter_protocol.feed import (
    CHANGE_CALENDAR,
    CHANGE_CATALOGUE,
    CHANGE_TRACKING_POOL,
    CalendarChange,
    CalendarDay,
    CatalogueChange,
    TrackingPoolChange,
)
from counter_protocol.tracking import normalise_tracking_number, s10_fault
from counter_server import audit
from counter_server.changes import add_change
from counter_server.db import write_transaction
from counter_server.devices import ensure_unit
from counter_server.errors import Refused
from counter_server.models import Device, Publication, TrackingNumber

CALENDAR_HEADER = ("date", "kind", "name")
CALENDAR_KINDS = ("holiday", "workday")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Published:
    kind: str
    key: str
    change_seq: int | None  # None: identical content was already published
    count: int


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused("unreadable", f"Không đọc được tệp {path}: {exc}") from exc


def _one_line(errors: list[str]) -> str:
    more = f" (và {len(errors) - 1} lỗi khác)" if len(errors) > 1 else ""
    return errors[0] + more


# -- catalogue ---------------------------------------------------------------------------------


def publish_catalogue(engine: Engine, path: Path) -> Published:
    text = read_text(path)
    try:
        catalogue = parse_catalogue(text)
    except CatalogueError as exc:
        raise Refused("bad_catalogue", " ".join(str(exc).split())) from exc
    payload = CatalogueChange(
        version=catalogue.version,
        sha256=catalogue.sha256,
        effective_from=catalogue.effective_from.isoformat(),
        document=orjson.loads(text.encode()),
    )
    return _publish(
        engine,
        CHANGE_CATALOGUE,
        catalogue.version,
        catalogue.sha256,
        payload,
        path.name,
        None,
        count=len(catalogue.procedures),
    )


def _publish(
    engine: Engine,
    kind: str,
    key: str,
    digest: str,
    payload: Struct,
    source: str,
    unit_code: str | None,
    count: int,
    conn: Connection | None = None,
) -> Published:
    if conn is None:
        with write_transaction(engine) as own:
            return _publish(engine, kind, key, digest, payload, source, unit_code, count, own)
    t = Publication.__table__.c
    earlier = conn.execute(select(t.sha256).where(t.kind == kind, t.key == key)).scalars().all()
    if digest in earlier:
        return Published(kind, key, None, count)
    if kind == CHANGE_CATALOGUE and earlier:
        raise Refused(
            "version_exists",
            f"Phiên bản danh mục “{key}” đã được công bố với nội "
            "dung khác; hãy đặt số phiên bản mới.",
        )
    seq = add_change(conn, kind, unit_code, payload)
    conn.execute(
        insert(Publication),
        [
            {
                "kind": kind,
                "key": key,
                "sha256": digest,
                "payload": msgspec.to_builtins(payload),
                "source_name": source,
                "published_at": datetime.now(UTC),
                "change_seq": seq,
            }
        ],
    )
    audit.record(conn, "published", kind=kind, key=key, sha256=digest, source=source)
    return Published(kind, key, seq, count)


# -- calendar ----------------------------------------------------------------------------------


def parse_calendar_csv(text: str) -> dict[int, list[CalendarDay]]:
    """`date,kind,name` rows (header first) grouped by year; Refused on the first bad file."""
    rows = list(csv.reader(io.StringIO(text)))
    errors: list[str] = []
    if not rows or tuple(c.strip().lower() for c in rows[0]) != CALENDAR_HEADER:
        errors.append("Dòng 1: dòng tiêu đề phải là “date,kind,name”.")
    seen: dict[date, int] = {}
    years: dict[int, list[CalendarDay]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        problem = _calendar_row(row, number, seen, years)
        if problem:
            errors.append(f"Dòng {number}: {problem}")
    if not errors and not years:
        errors.append("Tệp lịch không có dòng ngày nào.")
    if errors:
        raise Refused("bad_calendar", "Tệp lịch bị từ chối, chưa công bố gì. " + _one_line(errors))
    return {year: sorted(days, key=lambda d: d.date) for year, days in sorted(years.items())}


def _calendar_row(
    row: list[str], number: int, seen: dict[date, int], years: dict[int, list[CalendarDay]]
) -> str | None:
    if len(row) != 3:
        return f"cần đúng 3 cột date,kind,name, dòng này có {len(row)} cột."
    date_text, kind, name = (cell.strip() for cell in row)
    try:
        day = date.fromisoformat(date_text) if _ISO_DATE.fullmatch(date_text) else None
    except ValueError:
        day = None
    if day is None:
        return f"ngày “{date_text}” không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2026-02-16)."
    if kind.lower() not in CALENDAR_KINDS:
        return f"loại “{kind}” không hợp lệ (chỉ nhận holiday hoặc workday)."
    if not name:
        return "thiếu tên ngày (cột name)."
    if day in seen:
        return f"ngày {day:%d/%m/%Y} đã có ở dòng {seen[day]}."
    seen[day] = number
    years.setdefault(day.year, []).append(
        CalendarDay(
            date=day.isoformat(), kind=kind.lower(), name=unicodedata.normalize("NFC", name)
        )
    )
    return None


def publish_calendar(engine: Engine, path: Path) -> list[Published]:
    """One publication (and one pull change) per year present in the file; all or none."""
    years = parse_calendar_csv(read_text(path))
    done: list[Published] = []
    with write_transaction(engine) as conn:
        for year, days in years.items():
            payload = CalendarChange(year=year, days=days)
            digest = sha256_hex(canonical_json(payload))
            done.append(
                _publish(
                    engine,
                    CHANGE_CALENDAR,
                    str(year),
                    digest,
                    payload,
                    path.name,
                    None,
                    len(days),
                    conn,
                )
            )
    return done


# -- tracking-number pools ---------------------------------------------------------------------


def parse_tracking_pool(text: str) -> list[str]:
    """One S10 number per line (blank lines ignored); Refused naming the first bad line."""
    numbers: list[str] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        code = normalise_tracking_number(line)
        fault = s10_fault(code)
        if fault is not None:
            errors.append(f"Dòng {number}: {fault[1]}")
            continue
        if code in seen:
            errors.append(f"Dòng {number}: mã {code} trùng với dòng {seen[code]}.")
            continue
        seen[code] = number
        numbers.append(code)
    if not errors and not numbers:
        errors.append("Tệp không có mã vận đơn nào.")
    if errors:
        raise Refused(
            "bad_pool", "Tệp mã vận đơn bị từ chối, chưa công bố gì. " + _one_line(errors)
        )
    return numbers


def publish_tracking_pool(
    engine: Engine, unit_code: str, path: Path, device_id: int | None = None
) -> list[Published]:
    """The file's numbers split into one share per active PC of the unit (or all of them to
    `device_id`), each share its own publication and pull change naming its PC; all or none
    (docs/decisions/0027). The very same numbers again for the same unit are a no-op."""
    try:
        check_agency_code(unit_code)
    except CodeError as exc:
        raise Refused("bad_unit", str(exc)) from exc
    numbers = parse_tracking_pool(read_text(path))
    with write_transaction(engine) as conn:
        ensure_unit(conn, unit_code)
        if _published_already(conn, numbers, unit_code):
            return [Published(CHANGE_TRACKING_POOL, unit_code, None, len(numbers))]
        owners = _share_owners(conn, unit_code, device_id)
        return [
            _publish_share(engine, conn, unit_code, owner, share, path.name)
            for owner, share in zip(owners, split_shares(sorted(numbers), len(owners)), strict=True)
            if share
        ]


def split_shares(numbers: list[str], parts: int) -> list[list[str]]:
    """`numbers` cut into `parts` runs in order, the first ones one longer when it does not
    divide evenly."""
    size, extra = divmod(len(numbers), parts)
    shares, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        shares.append(numbers[start:end])
        start = end
    return shares


def _share_owners(conn: Connection, unit_code: str, device_id: int | None) -> list[int]:
    """The active PCs of the unit by slot (or the one named), each of which gets a share."""
    d = Device.__table__.c
    query = select(d.id).where(d.unit_code == unit_code, d.status == "active").order_by(d.slot)
    if device_id is not None:
        query = query.where(d.id == device_id)
    owners = list(conn.execute(query).scalars())
    if not owners:
        which = f"máy số {device_id} đang hoạt động" if device_id is not None else "máy nào"
        raise Refused(
            "no_device",
            f"Tệp mã vận đơn bị từ chối, chưa công bố gì. Đơn vị {unit_code} chưa có {which} "
            "đã đăng ký; mã vận đơn được chia cho từng máy, hãy đăng ký máy trước.",
        )
    return owners


def _publish_share(
    engine: Engine, conn: Connection, unit_code: str, owner: int, share: list[str], source: str
) -> Published:
    digest = sha256_hex("\n".join(share).encode())
    payload = TrackingPoolChange(unit_code=unit_code, numbers=share, device_id=owner)
    key = f"{unit_code}/{owner}"
    done = _publish(
        engine, CHANGE_TRACKING_POOL, key, digest, payload, source, unit_code, len(share), conn
    )
    pub_id = conn.execute(
        select(Publication.__table__.c.id).where(
            Publication.__table__.c.change_seq == done.change_seq
        )
    ).scalar_one()
    conn.execute(
        insert(TrackingNumber),
        [
            {"number": n, "unit_code": unit_code, "publication_id": pub_id, "device_id": owner}
            for n in share
        ],
    )
    return done


def _published_already(conn: Connection, numbers: list[str], unit_code: str) -> bool:
    """True when every number is already this unit's; refused when any belongs elsewhere or
    only some were published (a file that overlaps an earlier one)."""
    t = TrackingNumber.__table__.c
    taken = conn.execute(
        select(t.number, t.unit_code).where(t.number.in_(numbers)).order_by(t.number)
    ).all()
    if len(taken) == len(numbers) and all(row.unit_code == unit_code for row in taken):
        return True
    if taken:
        first = taken[0]
        more = f" (và {len(taken) - 1} mã khác)" if len(taken) > 1 else ""
        raise Refused(
            "number_taken",
            f"Tệp mã vận đơn bị từ chối, chưa công bố gì. Mã "
            f"{first.number} đã được cấp cho đơn vị {first.unit_code}{more}.",
        )
    return False
