"""The demo's bulk rows are the rows the services write: one dossier of each path is replayed on a
second store through the real intake, lifecycle and return services, at the demo's own instants,
and the two stores must hold the same dossier columns, events and issued forms (but the numbers
each store counts itself: code, logbook and form numbers)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any

import orjson
import pytest

from counter_app.services.demo import ensure_demo_store, fill_demo
from counter_app.services.demo_plan import PATHS
from counter_protocol.lifecycle import Action, read_step
from counter_protocol.timefmt import parse_time

COLUMNS = (
    "status, sub_state, received_at, due_at, first_due_at, paused_at, supplement_requests, "
    "extensions, ended_at, returned_at, log_book, competent_code, competent_name, form_rules"
)


class Replay:
    """A second store whose services run at the instant the test sets."""

    def __init__(self, data_dir: str) -> None:
        from counter_app.app import build_services
        from counter_app.services.dossiers import DossierService
        from counter_app.services.lifecycle import LifecycleService
        from counter_app.services.returns import ReturnService

        self.at = datetime.now().astimezone()
        self.services = build_services(data_dir)
        ensure_demo_store(self.services.store)
        store, calendar, clock = self.services.store, self.services.calendar, lambda: self.at
        self.intake = DossierService(store, calendar.due, clock)
        self.lifecycle = LifecycleService(store, calendar, clock)
        self.returns = ReturnService(store, clock)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Replay]]:
    from counter_app.app import build_services

    demo = build_services(str(tmp_path_factory.mktemp("demo")))
    fill_demo(demo.store, demo.calendar, 60, seed=21)
    replay = Replay(str(tmp_path_factory.mktemp("replay")))
    yield demo, replay
    demo.close()
    replay.services.close()


def rows(services: Any, sql: str, *params: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(services.store.paths.db_file)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def take_intake(replay: Replay, detail: Any, first: Any) -> str:
    """The first step through `DossierService.intake`, with the checklist as it was then."""
    step = read_step(first.extra)
    missing = set(step.missing)
    components = tuple(replace(c, provided=c.name not in missing) for c in detail.components)
    from counter_app.services.dto import IntakeRequest

    request = IntakeRequest(
        procedure_code=detail.procedure_code, applicant=detail.applicant, components=components,
        clerk=detail.received_by, channel=detail.channel, result_delivery=detail.result_delivery,
        delivery_address=detail.delivery_address, fees=detail.fees,
    )  # fmt: skip
    refuse = step.reason if first.kind == Action.REFUSE else None
    guidance = step.reason if first.kind == Action.ASK_PAPERS else None
    result = replay.intake.intake(
        request, refuse_reason=refuse, guidance=guidance, clock_confirmed=True
    )
    return result.code


def take_step(replay: Replay, code: str, detail: Any, event: Any) -> None:
    """A later step through the lifecycle (or return) service, with what the event records."""
    s, actor, life = read_step(event.extra), event.actor, replay.lifecycle
    kind = Action(event.kind)
    calls = {
        Action.RECEIVE: lambda: life.receive_supplemented(code, detail.components, actor),
        Action.FORWARD: lambda: life.forward(code, actor, received_by=s.received_by),
        Action.AGENCY_RECEIVED: lambda: life.agency_received(
            code, actor, received_by=s.received_by or ""
        ),
        Action.ASK_SUPPLEMENT: lambda: life.ask_supplement(
            code, actor, s.reason or "", s.missing, confirm_late=True
        ),
        Action.SUPPLEMENT_RECEIVED: lambda: life.supplement_received(code, actor),
        Action.ASK_FINANCIAL: lambda: life.ask_financial(code, actor, s.reason),
        Action.FINANCIAL_DONE: lambda: life.financial_done(code, actor),
        Action.EXTEND: lambda: life.extend(code, actor, s.reason or "", parse_time(s.due_at)),
        Action.RESULT_RECEIVED: lambda: life.result_received(code, actor),
        Action.APPRAISAL_REFUSED: lambda: life.appraisal_refused(code, actor, s.reason or ""),
        Action.STOP: lambda: life.stop(code, actor, s.reason or ""),
        Action.WITHDRAW: lambda: life.withdraw(code, actor, s.reason or ""),
        Action.REFUSE: lambda: life.refuse(code, actor, s.reason or ""),
        Action.RETURN: lambda: replay.returns.return_result(
            code, s.receiver_name or "", s.receiver_id_number or "", actor, True
        ),
    }  # fmt: skip
    calls[kind]()


def history(services: Any, code: str) -> tuple[Any, ...]:
    (dossier_id,) = rows(services, "select id from dossiers where code = ?", code)[0]
    events = [
        (kind, at, from_status, to_status, orjson.loads(data) if data else None)
        for kind, at, from_status, to_status, data in rows(
            services,
            "select kind, at, from_status, to_status, data_json from dossier_events "
            "where dossier_id = ? order by seq",
            dossier_id,
        )
    ]
    forms = [
        (form_no, template, issued_at, issued_by, event_seq, _comparable(data, code))
        for form_no, template, issued_at, issued_by, event_seq, data in rows(
            services,
            "select form_no, template, issued_at, issued_by, event_seq, data_json "
            "from issued_forms where dossier_id = ? order by id",
            dossier_id,
        )
    ]
    columns = rows(services, f"select {COLUMNS} from dossiers where id = ?", dossier_id)[0]
    return columns, events, forms


def _comparable(data_json: str, code: str) -> Any:
    """A form's data without what each store numbers itself."""
    text = data_json.replace(code, "<code>")
    data = orjson.loads(text)
    for key in ("document_number", "log_seq"):
        data["data"].pop(key, None)
    return data


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_the_services_write_the_demo_s_rows(stores: tuple[Any, Replay], path: Any) -> None:
    demo, replay = stores
    kinds = " ".join(str(a) for a in path.actions)
    (code,) = rows(
        demo,
        "select d.code from dossiers d where (select group_concat(kind, ' ') from "
        "(select kind from dossier_events e where e.dossier_id = d.id order by seq)) = ? "
        "order by d.id desc limit 1",
        kinds,
    )[0]
    detail = demo.details.get(code)
    events = rows(
        demo,
        "select kind, at, actor, data_json from dossier_events e join dossiers d "
        "on d.id = e.dossier_id where d.code = ? order by seq",
        code,
    )
    events = [
        _Event(k, parse_time(at), actor, orjson.loads(d) if d else None)
        for k, at, actor, d in events
    ]
    replay.at = events[0].at
    new_code = take_intake(replay, detail, events[0])
    for event in events[1:]:
        replay.at = event.at
        take_step(replay, new_code, detail, event)
    mine, theirs = history(demo, code), history(replay.services, new_code)
    assert mine[0] == theirs[0]  # the dossier's lifecycle columns
    assert mine[1] == theirs[1]  # every event, its step data included
    for drawn, written in zip(mine[2], theirs[2], strict=True):  # every form, as drawn
        assert drawn[:5] == written[:5]
        assert drawn[5] == written[5], _differences(drawn[5]["data"], written[5]["data"])


def _differences(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (a.get(key), b.get(key)) for key in a.keys() | b.keys() if a.get(key) != b.get(key)
    }


class _Event:
    def __init__(self, kind: str, at: datetime, actor: str, extra: Any) -> None:
        self.kind, self.at, self.actor, self.extra = kind, at, actor, extra
