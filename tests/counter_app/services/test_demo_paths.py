"""The demo walks every lifecycle path, and what it wrote reads back through the real services:
each path and status is there, every event's extra is typed step data, the routing allows each
procedure, and a sample of each path opens in the detail service and prints every one of its
forms through the forms service, as a reprint."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

from counter_app.domain.routing import receivable_procedures
from counter_app.services.demo import DEMO_UNIT, fill_demo
from counter_app.services.demo_plan import PATHS
from counter_app.services.steps import FORM_OF
from counter_protocol.catalogue.document import parse_catalogue
from counter_protocol.lifecycle import Action, read_step
from counter_protocol.statuses import Status
from tests.counter_app.documents.pdftools import flat, pdf_text

DOSSIERS = 1500
SAMPLE = 2  # dossiers of each path opened and printed


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from counter_app.app import build_services

    services = build_services(str(tmp_path_factory.mktemp("demo-paths")))
    fill_demo(services.store, services.calendar, DOSSIERS, seed=11)
    yield services
    services.close()


def query(services: Any, sql: str, *params: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(services.store.paths.db_file)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def by_path(services: Any) -> dict[tuple[str, ...], list[str]]:
    """Dossier codes by the kinds of their events, in order."""
    rows = query(
        services,
        "select d.code, group_concat(e.kind, ' ') from dossiers d join "
        "(select * from dossier_events order by dossier_id, seq) e on e.dossier_id = d.id "
        "group by d.id order by d.id",
    )
    found: dict[tuple[str, ...], list[str]] = {}
    for code, kinds in rows:
        found.setdefault(tuple(kinds.split(" ")), []).append(code)
    return found


def test_every_path_and_every_status_is_there(demo: Any) -> None:
    found = by_path(demo)
    expected = {tuple(str(a) for a in path.actions): path for path in PATHS}
    assert set(found) == set(expected)
    for kinds, codes in found.items():
        statuses = {
            s for (s,) in query(demo, "select status from dossiers where code = ?", codes[0])
        }
        assert statuses == {int(expected[kinds].status)}
    assert {s for (s,) in query(demo, "select distinct status from dossiers")} == {
        int(s) for s in Status
    }
    twice = query(demo, "select count(*) from dossiers where supplement_requests = 2")
    assert twice[0][0] > 0


def test_every_event_extra_is_step_data(demo: Any) -> None:
    rows = query(demo, "select kind, data_json from dossier_events")
    for kind, data in rows:
        step = read_step(orjson.loads(data) if data else None)
        if kind == Action.RECEIVE:
            assert step.due_at and step.competent_code and step.competent_name
        if kind in (Action.REFUSE, Action.STOP, Action.WITHDRAW, Action.EXTEND):
            assert step.reason
        if kind == Action.ASK_PAPERS:
            assert step.missing
        if kind == Action.RETURN:
            assert step.receiver_name


def test_only_procedures_the_unit_may_receive(demo: Any) -> None:
    (document,) = query(demo, "select document from catalogue_versions where is_current = 1")[0]
    allowed = {p.code for p in receivable_procedures(parse_catalogue(document), DEMO_UNIT)}
    used = {code for (code,) in query(demo, "select distinct procedure_code from dossiers")}
    assert used and used <= allowed


def test_each_step_issued_its_form(demo: Any) -> None:
    rows = query(
        demo,
        "select e.kind, f.form_no from dossier_events e left join issued_forms f "
        "on f.dossier_id = e.dossier_id and f.event_seq = e.seq",
    )
    for kind, form_no in rows:
        assert form_no == FORM_OF.get(Action(kind)), kind


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_a_sample_of_each_path_opens_and_reprints_every_form(demo: Any, path: Any) -> None:
    kinds = tuple(str(a) for a in path.actions)
    for code in by_path(demo)[kinds][:SAMPLE]:
        detail = demo.details.get(code)
        assert [e.kind for e in detail.events] == list(kinds)
        views = demo.forms.forms_of(code)
        assert [v.form_no for v in views] == [FORM_OF[a] for a in path.actions if a in FORM_OF]
        for view in views:
            printed = demo.forms.print_form(view.form_id, actor="kiemtra")
            text = flat(pdf_text(printed.pdf))
            assert printed.reprint and "Bản in lại" in text
            assert code in text and detail.applicant.full_name in text, view.title
