"""A demo store is made of dossiers the counter can use: each opens, prints and has sound times.

One store of a few hundred dossiers (fixed seed) is made for the module; every status it holds is
sampled, opened through the detail service and printed through the slip service, as
`counter-app print` does.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Date

from counter_app.models.base import Base
from counter_app.models.types import IsoDate, VnDateTime
from counter_app.services.demo import fill_demo
from counter_app.services.errors import ServiceError
from counter_protocol.statuses import Status
from tests.counter_app.documents.pdftools import flat, pdf_text

DOSSIERS = 300
SAMPLE = 3  # dossiers opened and printed per status


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from counter_app.app import build_services

    services = build_services(str(tmp_path_factory.mktemp("demo")))
    fill_demo(services.store, services.calendar, DOSSIERS, seed=7)
    yield services
    services.close()


def query(services, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(services.store.paths.db_file)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def samples(services) -> dict[int, list[str]]:
    by_status: dict[int, list[str]] = {}
    for status, code in query(services, "select status, code from dossiers order by id"):
        by_status.setdefault(status, []).append(code)
    return {status: codes[:SAMPLE] for status, codes in by_status.items()}


def test_the_store_holds_every_status(demo) -> None:
    assert set(samples(demo)) == {int(s) for s in Status}


@pytest.mark.parametrize("status", [int(s) for s in Status])
def test_each_status_opens_and_a_received_one_prints(demo, status: int, tmp_path: Path) -> None:
    for code in samples(demo)[status]:
        detail = demo.details.get(code)
        assert (detail.code, detail.status) == (code, status)
        assert [e.seq for e in detail.events] == list(range(1, len(detail.events) + 1))
        assert detail.events[-1].to_status == status
        assert (detail.returned_at is not None) == (status == Status.RETURNED)
        if detail.returned_at is not None:
            assert detail.returned_at == detail.events[-1].at
        if status in (Status.NEW, Status.NOT_RECEIVED):  # never received: no Mẫu 01
            with pytest.raises(ServiceError) as refused:
                demo.slips.save_pdf(code, tmp_path / f"{code}.pdf")
            assert refused.value.code == "forms.no_receipt"
            continue
        out = demo.slips.save_pdf(code, tmp_path / f"{code}.pdf")
        text = flat(pdf_text(out.read_bytes()))
        assert code in text and detail.applicant.full_name in text


def _time_columns() -> list[tuple[str, str, bool]]:
    """(table, column, is a zoned instant) of every time column in the store's definitions."""
    return [
        (table.name, column.name, isinstance(column.type, VnDateTime))
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, VnDateTime | IsoDate | Date)
    ]


def test_every_time_column_holds_a_zoned_iso_time(demo) -> None:
    checked = 0
    for table, column, zoned in _time_columns():
        for (text,) in query(demo, f"select {column} from {table} where {column} is not null"):
            if zoned:
                moment = datetime.fromisoformat(text)
                assert moment.utcoffset() == timedelta(hours=7), (table, column, text)
            else:
                datetime.strptime(text, "%Y-%m-%d")
            checked += 1
    returned = query(demo, "select count(*) from dossiers where returned_at is not null")[0][0]
    assert returned == query(demo, "select count(*) from dossiers where status = 10")[0][0] > 0
    assert checked > DOSSIERS * 4


def test_fees_are_the_catalogue_s_and_what_is_due_at_receipt_is_paid(demo) -> None:
    rows = query(
        demo,
        "select d.fees_json, p.fees_json from dossiers d "
        "join procedures p on p.id = d.procedure_id",
    )
    for stored, catalogue in rows:
        expected = [
            {
                "kind": f["kind"],
                "name": f["name"],
                "amount": f["amount"],
                "collected": f["collected"],
                "paid": f["collected"] == "at_receipt",
            }
            for f in json.loads(catalogue)
        ]
        assert json.loads(stored) == expected
    assert any(json.loads(stored) for stored, _ in rows)


def test_ids_and_phones_are_stored_as_the_services_store_them(demo) -> None:
    from counter_app.domain.identifiers import normalise_id_number, normalise_phone

    for id_number, phone in query(demo, "select id_number, phone from applicants"):
        assert (normalise_id_number(id_number), normalise_phone(phone)) == (id_number, phone)


def test_a_demo_made_at_night_has_every_time_inside_the_counter_s_hours(tmp_path, monkeypatch):
    """Made at 00:14 on a Monday, nothing is received or done at midnight (it once was): the
    demo is written as at the last moment the counter was open, the Friday before."""
    from counter_app import app
    from counter_app.services import demo as demo_module
    from counter_protocol.timefmt import VN_TZ

    night = datetime(2026, 12, 7, 0, 14, tzinfo=VN_TZ)
    monkeypatch.setattr(demo_module, "now_vn", lambda: night)
    services = app.build_services(str(tmp_path))
    try:
        fill_demo(services.store, services.calendar, 400, seed=3)
        cal = services.calendar.calendar()
        times = query(services, "select received_at from dossiers")
        times += query(services, "select at from dossier_events")
    finally:
        services.close()
    for (text,) in times:
        moment = datetime.fromisoformat(text)
        assert moment <= datetime(2026, 12, 4, 17, 0, tzinfo=VN_TZ), text
        assert cal.next_working_instant(moment) == moment, text  # inside a session
