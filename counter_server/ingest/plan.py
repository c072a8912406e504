"""Decide, in memory, what a batch does: duplicates, conflicts, quarantine, hold and apply order.

Nothing here touches the database. `Planner` gets what the database already holds (`Known`) and
returns a `Plan`: the receipt results and the rows to write. Ops of one dossier are applied in
their device chain order (`prev_seq`); an op whose predecessor has not arrived is held, and a held
op is applied as soon as the op it follows is.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import counter_protocol.op_reasons as msg
from counter_protocol.op_reasons import ReasonText, on_the_wire
from counter_protocol.ops import KIND_CREATE
from counter_protocol.receipt import (
    APPLIED,
    CONFLICT,
    DUPLICATE,
    FLAG_PROVINCE_CONFLICT,
    HELD,
    QUARANTINED,
    OpResult,
)
from counter_protocol.workload import WorkKey
from counter_server.ingest.explain import OpRejected
from counter_server.ingest.lifecycle import apply_event, created_sub_state
from counter_server.ingest.records import (
    DossierState,
    Entry,
    IncomingHelp,
    IncomingOp,
    Rejected,
    StoredOp,
)
from counter_server.ingest.rows import BatchInfo, dossier_row, event_row, new_op_row, update_row
from counter_server.ingest.work import event_work, help_row, help_work


@dataclass(slots=True)
class Known:
    """What the database holds that bears on one batch (read in one transaction)."""

    ops_by_id: dict[str, StoredOp] = field(default_factory=dict)
    seq_owner: dict[int, StoredOp] = field(default_factory=dict)  # this device's seqs
    dossiers: dict[str, DossierState] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)  # dossier code → uuid
    held: list[IncomingOp] = field(default_factory=list)
    predecessors: set[int] = field(default_factory=set)  # earlier identities of this PC
    help_codes: dict[str, str] = field(default_factory=dict)  # portal code → record uuid


@dataclass(slots=True)
class Step:
    """The writes of one applied op, kept apart so a careful retry can write them one by one."""

    op: IncomingOp | IncomingHelp
    dossier: dict[str, Any] | None = None  # a new dossier row
    update: dict[str, Any] | None = None  # new status and chain position of an existing dossier
    event: dict[str, Any] | None = None
    help: dict[str, Any] | None = None  # an online-help record's row
    work: list[WorkKey] = field(default_factory=list)  # what it adds to the monthly counts


@dataclass(slots=True)
class Plan:
    results: list[OpResult]
    new_rows: list[dict[str, Any]] = field(default_factory=list)
    held_updates: list[dict[str, Any]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    released: list[OpResult] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


class Planner:
    """Plans one batch of one device; use once."""

    def __init__(
        self,
        device_id: int,
        batch_id: str,
        known: Known,
        now: datetime,
        hold_limit: timedelta | None = None,
    ) -> None:
        self.device_id = device_id
        # A held op waits this long for its predecessor, then is applied without it
        # (docs/sync.md#s10).
        self.hold_limit = hold_limit
        self.batch_id = batch_id
        self.known = known
        self.now = now
        self.plan = Plan(results=[])
        self._batch = BatchInfo(device_id, batch_id, now)
        self._in_batch: dict[str, Entry] = {}
        self._batch_seqs: dict[int, str] = {}
        self._dead: set[int] = {s for s, o in known.seq_owner.items() if o.state == QUARANTINED}
        self._indexed: list[tuple[int, OpResult]] = []
        # op id → (conflict message, sub-state the server keeps) (docs/sync.md#s20)
        self._overtaken: dict[str, tuple[str, str]] = {}

    def run(self, entries: list[Entry]) -> Plan:
        candidates: list[IncomingOp] = []
        for entry in entries:
            if not self._screen(entry):
                continue
            if isinstance(entry, IncomingHelp):
                self._apply_help(entry)
            elif isinstance(entry, IncomingOp):
                candidates.append(entry)
        by_dossier: dict[str, list[IncomingOp]] = {}
        for op in [*self.known.held, *sorted(candidates, key=lambda o: o.device_seq)]:
            by_dossier.setdefault(op.dossier_uuid, []).append(op)
        for dossier_uuid, ops in by_dossier.items():
            self._resolve(dossier_uuid, ops)
        self._indexed.sort(key=lambda pair: pair[0])
        self.plan.results = [result for _, result in self._indexed]
        return self.plan

    # -- first pass: what is not new at all -------------------------------------------------

    def _screen(self, entry: Entry) -> bool:
        """Record the result of a duplicate, conflict or invalid op; True for a new valid op."""
        op_id, seq, digest = entry.op_id, entry.device_seq, entry.payload_hash
        previous = self._in_batch.get(op_id) if op_id else None
        stored = self.known.ops_by_id.get(op_id) if op_id else None
        if previous is not None or stored is not None:
            same = (previous or stored).payload_hash == digest  # type: ignore[union-attr]
            self._repeat(entry, stored, same)
            return False
        owner = self.known.seq_owner.get(seq) if seq else None
        if seq is not None and (owner is not None or seq in self._batch_seqs):
            self._conflict(entry, "seq_reused", ReasonText(msg.SEQ_REUSED, seq=seq))
            return False
        if op_id is not None and seq is not None:
            self._in_batch[op_id] = entry
            self._batch_seqs[seq] = op_id
        if isinstance(entry, Rejected):
            self._quarantine_new(entry, entry.reason, entry.message)
            return False
        return True

    def _repeat(self, entry: Entry, stored: StoredOp | None, same: bool) -> None:
        if not same:
            self._conflict(entry, "hash_mismatch", ReasonText(msg.HASH_MISMATCH))
            return
        result = self._result(entry, DUPLICATE)
        if stored is not None:
            result.prior, result.state = stored.result, stored.state
        else:
            result.prior = result.state = "same_batch"
        self.plan.counts[DUPLICATE] += 1

    def _conflict(self, entry: Entry, reason: str, message: str) -> None:
        self._result(entry, CONFLICT, reason, message)
        self.plan.counts[CONFLICT] += 1
        self.plan.conflicts.append(
            {"op_id": entry.op_id, "device_seq": entry.device_seq, "reason": reason}
        )

    # -- second pass: one dossier's chain ---------------------------------------------------

    def _resolve(self, dossier_uuid: str, ops: list[IncomingOp]) -> None:
        state = self.known.dossiers.get(dossier_uuid)
        if state is None and len(ops) == 1 and ops[0].prev_seq is None:
            self._apply_chain(None, {None: ops[0]})  # the common case: a new dossier alone
            return
        if (
            state is not None
            and state.device_id != self.device_id
            and state.device_id not in self.known.predecessors
        ):
            for op in ops:
                self._settle(op, QUARANTINED, "other_device", ReasonText(msg.OTHER_DEVICE))
            return
        waiting: dict[int | None, IncomingOp] = {}
        for op in ops:
            if op.prev_seq in waiting:
                self._settle(op, QUARANTINED, "fork", ReasonText(msg.FORK, prev=op.prev_seq))
            else:
                waiting[op.prev_seq] = op
        state = self._apply_chain(state, waiting)
        while (late := self._waited_out(state, waiting.values())) is not None:
            del waiting[late.prev_seq]
            state = self._apply_chain(self._apply_after_wait(late, state), waiting)
        for op in sorted(waiting.values(), key=lambda o: o.device_seq):
            self._leftover(op, state)

    def _waited_out(
        self, state: DossierState | None, waiting: Iterable[IncomingOp]
    ) -> IncomingOp | None:
        """The oldest held op whose predecessor is overdue (never arrived within hold_limit)."""
        if self.hold_limit is None:
            return None
        deadline = self.now - self.hold_limit
        last = state.last_device_seq if state is not None else 0
        late = [
            op
            for op in waiting
            if op.held_since is not None
            and op.held_since <= deadline
            and op.prev_seq is not None
            and op.prev_seq > last
            and op.prev_seq not in self._dead
        ]
        return min(late, key=lambda o: o.device_seq, default=None)

    def _apply_after_wait(self, op: IncomingOp, state: DossierState | None) -> DossierState | None:
        """Apply a held op over the gap its missing predecessor leaves, flagged for review."""
        hours = f"{self.hold_limit.total_seconds() / 3600:g}" if self.hold_limit else "?"
        try:
            if state is None:
                raise OpRejected("no_dossier", ReasonText(msg.NO_DOSSIER))
            state = self._apply(op, state)
        except OpRejected as exc:
            self._settle(
                op,
                QUARANTINED,
                "hold_expired",
                ReasonText(msg.HOLD_EXPIRED, prev=op.prev_seq, hours=hours, why=exc.message),
            )
            self._dead.add(op.device_seq)
            return state
        self._settle(
            op,
            APPLIED,
            "applied_after_wait",
            ReasonText(msg.APPLIED_AFTER_WAIT, prev=op.prev_seq, hours=hours),
        )
        return state

    def _apply_chain(
        self, state: DossierState | None, waiting: dict[int | None, IncomingOp]
    ) -> DossierState | None:
        cursor = state.last_device_seq if state is not None else None
        while (op := waiting.pop(cursor, None)) is not None:
            try:
                state = self._apply(op, state)
            except OpRejected as exc:
                self._settle(op, QUARANTINED, exc.reason, exc.message)
                self._dead.add(op.device_seq)
                return state
            self._settle(op, APPLIED)
            cursor = op.device_seq
        return state

    def _leftover(self, op: IncomingOp, state: DossierState | None) -> None:
        if op.kind == KIND_CREATE and state is not None:
            self._settle(
                op, QUARANTINED, "dossier_exists", ReasonText(msg.EXISTS, code=op.dossier_code)
            )
        elif state is not None and op.prev_seq is not None and op.prev_seq < state.last_device_seq:
            self._settle(op, QUARANTINED, "fork", ReasonText(msg.FORK, prev=op.prev_seq))
        elif op.prev_seq in self._dead:
            self._settle(
                op,
                QUARANTINED,
                "after_quarantined",
                ReasonText(msg.AFTER_DEAD, prev=op.prev_seq),
            )
            self._dead.add(op.device_seq)
        elif op.row_seq is None:
            self._settle(op, HELD, "waiting_prev", ReasonText(msg.WAITING, prev=op.prev_seq))

    def _apply(self, op: IncomingOp, state: DossierState | None) -> DossierState:
        if state is None:
            return self._apply_create(op)
        event = op.event
        moved = apply_event(
            state.status, state.sub_state, state.device_sub_state, event, state.due_at
        )
        if event.event_seq <= state.last_event_seq:
            raise OpRejected("bad_event_seq", ReasonText(msg.EVENT_SEQ, seq=event.event_seq))
        new = dataclasses.replace(
            state,
            status=moved.status,
            last_device_seq=op.device_seq,
            last_event_seq=event.event_seq,
            sub_state=moved.sub_state,
            device_sub_state=moved.device_sub_state,
            due_at=moved.due_at,
        )
        if moved.conflict is not None:
            self._overtaken[op.op_id] = (moved.conflict, moved.sub_state)
        event_data = event_row(op, self.device_id, self.now, moved.conflict)
        work = event_work(op.unit_code, state.channel, state.at_home, event)
        self.plan.steps.append(
            Step(op, update=update_row(new, self.now), event=event_data, work=work)
        )
        self.known.dossiers[state.uuid] = new
        return new

    def _apply_create(self, op: IncomingOp) -> DossierState:
        owner = self.known.codes.get(op.dossier_code)
        if owner is not None and owner != op.dossier_uuid:
            raise OpRejected("code_taken", ReasonText(msg.CODE_TAKEN, code=op.dossier_code))
        if op.create is None:  # an event op whose dossier the server does not hold
            raise OpRejected("no_dossier", ReasonText(msg.NO_DOSSIER))
        sub_state = created_sub_state(op.create)
        due = op.create.due_at
        state = DossierState(
            op.dossier_uuid,
            op.dossier_code,
            self.device_id,
            op.create.status,
            op.device_seq,
            op.event.event_seq,
            sub_state,
            sub_state,
            datetime.fromisoformat(due) if due else None,
            op.create.channel,
            op.create.received_at_home,
        )
        row = dossier_row(op, self.device_id, self.now) | {
            "sub_state": sub_state,
            "device_sub_state": sub_state,
        }
        work = event_work(op.unit_code, state.channel, state.at_home, op.event)
        self.plan.steps.append(Step(op, dossier=row, work=work))
        self.known.codes[op.dossier_code] = op.dossier_uuid
        self.known.dossiers[op.dossier_uuid] = state
        return state

    def _apply_help(self, op: IncomingHelp) -> None:
        """An online-help record: counted once across the province. A portal code another
        record holds (another counter's, or this one's under another id) is a conflict."""
        owner = self.known.help_codes.get(op.portal_code)
        if owner is not None:
            self._conflict(op, "portal_code_taken", ReasonText(msg.HELP_TAKEN, code=op.portal_code))
            return
        self.known.help_codes[op.portal_code] = op.dossier_uuid
        row = help_row(op, self.device_id, self.now)
        self.plan.steps.append(Step(op, help=row, work=help_work(op)))
        self.plan.counts[APPLIED] += 1
        entry = self._result(op, APPLIED)
        if op.clock_flag:
            entry.clock = op.clock_flag
        self.plan.new_rows.append(new_op_row(op, self._batch, APPLIED, "", ""))

    # -- recording outcomes -----------------------------------------------------------------

    def _settle(self, op: IncomingOp, result: str, reason: str = "", message: str = "") -> None:
        self.plan.counts[result] += 1
        if op.row_seq is not None:  # a held op from an earlier batch
            self._release(op, result, reason, message)
            return
        overtaken = self._overtaken.get(op.op_id) if result == APPLIED else None
        if overtaken is not None and not reason:
            reason, message = FLAG_PROVINCE_CONFLICT, overtaken[0]
        entry = self._result(op, result, reason, message)
        if overtaken is not None:
            entry.flag, entry.sub_state = FLAG_PROVINCE_CONFLICT, overtaken[1]
        if op.clock_flag:
            entry.clock = op.clock_flag
        self.plan.new_rows.append(new_op_row(op, self._batch, result, reason, message))

    def _release(self, op: IncomingOp, result: str, reason: str, message: str) -> None:
        overtaken = self._overtaken.get(op.op_id) if result == APPLIED else None
        message = message or (overtaken[0] if overtaken else "")
        self.plan.held_updates.append(
            {
                "b_seq": op.row_seq,
                "state": result,
                "reason": reason or None,
                "message": message or None,
                "resolved_at": self.now,
            }
        )
        text, template, params = on_the_wire(message)
        self.plan.released.append(
            OpResult(
                op_id=op.op_id,
                device_seq=op.device_seq,
                result=result,
                reason=reason or "released",
                message=text,
                template=template,
                params=params,
                flag=FLAG_PROVINCE_CONFLICT if overtaken is not None else None,
                sub_state=overtaken[1] if overtaken is not None else None,
            )
        )

    def _quarantine_new(self, entry: Rejected, reason: str, message: str) -> None:
        self._result(entry, QUARANTINED, reason, message)
        self.plan.counts[QUARANTINED] += 1
        if entry.op_id is not None and entry.device_seq is not None:
            self.plan.new_rows.append(new_op_row(entry, self._batch, QUARANTINED, reason, message))

    def _result(self, entry: Entry, result: str, reason: str = "", message: str = "") -> OpResult:
        text, template, params = on_the_wire(message)
        out = OpResult(
            op_id=entry.op_id,
            device_seq=entry.device_seq,
            result=result,
            reason=reason or None,
            message=text,
            template=template,
            params=params,
        )
        self._indexed.append((entry.index, out))
        return out
