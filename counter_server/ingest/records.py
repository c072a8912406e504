"""The records passed between the ingest steps: a checked op, a rejected op, an op already stored.

Each step imports these from here, never from another step, so checks, planning and row
building stay free of import cycles (pyproject's import-linter contract holds them apart).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_protocol.ops import CreateData, EventData, HelpData, OpKind


@dataclass(slots=True)
class IncomingOp:
    """A well-formed op (or a held one read back) after the server's checks: its wire fields
    (ops.Op) in canonical form, with what the planner needs at hand."""

    body: bytes  # the op's JSON exactly as received: hashed, and kept unless applied at once
    op_id: str
    device_seq: int
    kind: OpKind
    dossier_uuid: str
    dossier_code: str
    unit_code: str
    prev_seq: int | None
    created_at: datetime
    created_text: str
    payload_hash: str
    create: CreateData | None  # a create op's data
    event: EventData  # the op's event (a create op's first event)
    data_json: bytes  # the op's `data` as received: a new dossier's row keeps it
    index: int = -1  # position in the batch; -1 for a held op from an earlier batch
    row_seq: int | None = None  # ops.seq of a held op already stored
    held_since: datetime | None = None  # when a held op was received
    clock_flag: str | None = None


@dataclass(slots=True)
class Rejected:
    """An op that failed its checks; stored (quarantined) if it has an op id and a device_seq."""

    index: int
    raw: Any
    op_id: str | None
    device_seq: int | None
    payload_hash: str | None
    reason: str
    message: str
    clock_flag: str | None = None


@dataclass(slots=True, frozen=True)
class StoredOp:
    op_id: str
    device_id: int
    device_seq: int
    payload_hash: str
    result: str
    state: str


@dataclass(slots=True)
class IncomingHelp:
    """A well-formed online-help record op (ops.HelpData): no dossier; `dossier_uuid` is the
    record's uuid and `portal_code` the national portal's dossier code (its envelope's
    `dossier_code`)."""

    body: bytes
    op_id: str
    device_seq: int
    kind: OpKind
    dossier_uuid: str
    portal_code: str
    unit_code: str
    created_at: datetime
    created_text: str
    payload_hash: str
    help: HelpData
    helped_at: datetime
    index: int = -1
    clock_flag: str | None = None
    prev_seq: None = None


Entry = IncomingOp | IncomingHelp | Rejected


@dataclass(slots=True)
class DossierState:
    uuid: str
    code: str
    device_id: int
    status: int
    last_device_seq: int
    last_event_seq: int
    sub_state: str | None = None  # None: a row from before sub-states (its status decides)
    device_sub_state: str | None = None
    due_at: datetime | None = None
    channel: int = 1  # what the work counts read (counter_protocol/workload.py)
    at_home: bool = False
