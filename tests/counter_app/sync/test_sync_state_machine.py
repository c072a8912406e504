"""The outbox against a reference model: random pushes, lost replies, crashes and replays.

Whatever the interleaving, the server holds each op exactly once, the counter acknowledges
nothing the server does not hold, and once the network behaves every op is acknowledged.
A real counter store and the session's real server; few steps per example in CI
(`HYPOTHESIS_PROFILE=long` or scripts/fuzz.sh runs many more).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import httpx
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from counter_devkit.counter_pc import CounterPC, assert_converged, make_counter_dir, sync_unit
from counter_devkit.server import ServerProcess
from counter_protocol.transport import PUSH_PATH

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
EXAMPLES = int(os.environ.get("FUZZ_STATEFUL_EXAMPLES", 200 if LONG else 15))
STEPS = 25 if LONG else 8


class LossyTransport(httpx.BaseTransport):
    """The real network, except that it can lose the reply to the next push (the server has
    stored the batch; the counter never sees the receipt). It keeps the last push to replay."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.lose_next_reply = False
        self.last_push: tuple[bytes, dict[str, str]] | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path != PUSH_PATH:
            return response
        self.last_push = (request.read(), dict(request.headers))
        if self.lose_next_reply:
            self.lose_next_reply = False
            response.read()
            response.close()
            raise httpx.ReadError("reply lost", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def _device_id(pc: CounterPC) -> int:
    return int(pc.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0])


def _machine(server: ServerProcess, template: Path) -> type[RuleBasedStateMachine]:
    class OutboxMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.folder = Path(tempfile.mkdtemp(prefix="outbox-sm-"))
            unit = sync_unit()
            self.counter_dir = make_counter_dir(template, self.folder / "pc", unit)
            self.transport = LossyTransport()
            self.pc = CounterPC(self.counter_dir, unit, transport=self.transport)
            self.pc.enrol(server)
            self.made: set[str] = set()  # the reference model: dossiers committed at the counter

        @rule(count=st.integers(1, 3))
        def receive(self, count: int) -> None:
            before = self.pc.dossier_uuids()
            self.pc.receive(count)
            self.made |= self.pc.dossier_uuids() - before

        @rule()
        def sync(self) -> None:
            self.pc.sync.sync_once()

        @rule()
        def sync_losing_the_reply(self) -> None:
            self.transport.lose_next_reply = True
            self.pc.sync.sync_once()
            self.transport.lose_next_reply = False

        @rule()
        def crash_and_reopen(self) -> None:
            self.pc.close()
            self.pc = CounterPC(self.counter_dir, self.pc.unit, transport=self.transport)

        @rule()
        def replay_last_batch(self) -> None:
            if self.transport.last_push is None:
                return
            body, headers = self.transport.last_push
            reply = httpx.post(
                f"{server.base_url}{PUSH_PATH}", content=body, headers=headers, timeout=30
            )
            assert reply.status_code == 200, reply.text

        @invariant()
        def server_holds_each_op_once_and_every_ack(self) -> None:
            assert self.pc.dossier_uuids() == self.made
            rows = server.rows(
                "SELECT CAST(op_id AS TEXT), payload_hash FROM ops WHERE device_id = :d",
                d=_device_id(self.pc),
            )
            remote = dict(rows)
            assert len(remote) == len(rows)
            local = dict(self.pc.sql("SELECT op_id, payload_hash FROM outbox"))
            assert remote.items() <= local.items()  # nothing the counter did not make
            acked = {
                op
                for (op,) in self.pc.sql(
                    "SELECT op_id FROM outbox WHERE state IN ('acked', 'duplicate_acked')"
                )
            }
            assert acked <= set(remote)  # nothing acknowledged that the server lacks
            dossiers = [
                r[0]
                for r in server.rows(
                    "SELECT CAST(uuid AS TEXT) FROM dossiers WHERE unit_code = :u", u=self.pc.unit
                )
            ]
            assert len(dossiers) == len(set(dossiers)) and set(dossiers) <= self.made

        def teardown(self) -> None:
            try:
                self.pc.sync.sync_once()  # the network behaves again: everything goes through
                assert_converged(server, self.pc)
            finally:
                self.pc.close()
                self.transport.close()

    return OutboxMachine


def test_outbox_is_exactly_once_under_lost_replies_crashes_and_replays(
    sqlite_server: ServerProcess, store_template: Path
) -> None:
    run_state_machine_as_test(
        _machine(sqlite_server, store_template),
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
