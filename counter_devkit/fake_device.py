"""A fake counter PC for server tests: realistic outbox ops, signed batches, receipt checks."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from counter_protocol.batch import build_batch, new_batch_id
from counter_protocol.feed import ChangesPage, changes_target, parse_changes_page
from counter_protocol.ops import KIND_CREATE, KIND_EVENT, KIND_ONLINE_HELP
from counter_protocol.receipt import Receipt, verify_receipt
from counter_protocol.signing import generate_private_key, public_key_b64
from counter_protocol.timefmt import VN_TZ
from counter_protocol.transport import (
    ENROL_PATH,
    PUSH_PATH,
    SERVER_SIGNATURE_HEADER,
    push_headers,
    signed_request_headers,
    time_header,
)

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hoa",
    "Hùng",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
]
VILLAGES = [
    "Thôn Trung Lương",
    "Thôn Đông Tây",
    "Xóm 3",
    "Thôn Phúc Sơn",
    "Tổ dân phố 7",
    "Thôn Bắc Kinh",
    "Thôn Nam Hà",
    "Xóm Mới",
]
COMMUNES = ["xã Thạch Hà", "xã Cẩm Xuyên", "phường Thành Sen", "xã Đức Thọ", "xã Hương Sơn"]
PROCEDURES = [
    ("1.001193", [("Tờ khai đăng ký khai sinh", 1, 0), ("Giấy chứng sinh", 1, 0)]),
    ("1.000894", [("Tờ khai đăng ký kết hôn", 1, 0), ("Giấy xác nhận tình trạng hôn nhân", 1, 0)]),
    ("2.000815", [("Giấy tờ, văn bản cần chứng thực", 0, 1)]),
    ("1.004227", [("Đơn đề nghị", 1, 0), ("Bản sao CCCD", 0, 1), ("Sổ hộ khẩu", 0, 1)]),
]


class FakeDevice:
    """One enrolled (or not yet enrolled) counter PC with its own key and outbox numbering."""

    def __init__(
        self,
        unit_code: str,
        slot: int,
        name: str | None = None,
        seed: int = 0,
        clock_offset: timedelta = timedelta(0),
    ) -> None:
        self.unit_code = unit_code
        self.slot = slot
        self.name = name or f"Máy {slot} – {unit_code}"
        self.key = generate_private_key()
        self.uuid = str(uuid.uuid4())
        self.device_id: int | None = None
        self.server_key: str | None = None
        self.seq = 0
        self.clock_offset = clock_offset  # this device's clock minus the true time
        self.dossiers: dict[str, dict[str, Any]] = {}
        self._numbers: dict[str, int] = {}
        self.rng = random.Random(seed or slot)

    # -- enrolment ------------------------------------------------------------------------

    def enrol_body(self, code: str, slot: int | None = None) -> dict[str, Any]:
        return {
            "code": code,
            "public_key": public_key_b64(self.key),
            "device_uuid": self.uuid,
            "device_name": self.name,
            "slot": self.slot if slot is None else slot,
            "app_version": "0.1.0",
        }

    def enrol(self, client: httpx.Client, code: str) -> httpx.Response:
        reply = client.post(ENROL_PATH, json=self.enrol_body(code), headers=time_header(self.now()))
        if reply.status_code == 200:
            self.device_id = reply.json()["device_id"]
            self.server_key = reply.json()["server_public_key"]
        return reply

    # -- ops --------------------------------------------------------------------------------

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone(VN_TZ) + self.clock_offset

    def _next_code(self, day: datetime) -> str:
        """The next code of the day; past 999 a day (bulk tests only) it borrows earlier days."""
        while True:
            key = f"{day:%y%m%d}"
            if self._numbers.get(key, 0) < 999:
                break
            day -= timedelta(days=1)
        self._numbers[key] = self._numbers.get(key, 0) + 1
        return f"{self.unit_code}-{key}-{self.slot * 1000 + self._numbers[key]:04d}"

    def _wrap(
        self,
        kind: str,
        dossier_uuid: str,
        code: str,
        prev: int | None,
        at: datetime,
        data: dict[str, Any],
    ) -> dict[str, Any]:
        self.seq += 1
        return {
            "op_id": str(uuid.uuid4()),
            "device_seq": self.seq,
            "kind": kind,
            "dossier_uuid": dossier_uuid,
            "dossier_code": code,
            "unit_code": self.unit_code,
            "prev_seq": prev,
            "created_at": at.isoformat(timespec="seconds"),
            "data": data,
        }

    def create_op(self, number: int | None = None, **data_overrides: Any) -> dict[str, Any]:
        """A create op; `number` (NNNN) builds today's code with that number, whatever slot."""
        at = self.now()
        dossier_uuid = str(uuid.uuid4())
        code = (
            self._next_code(at)
            if number is None
            else (f"{self.unit_code}-{at:%y%m%d}-{number:04d}")
        )
        data = self.create_data(at) | data_overrides
        op = self._wrap(KIND_CREATE, dossier_uuid, code, None, at, data)
        self.dossiers[dossier_uuid] = {
            "code": code,
            "last_seq": op["device_seq"],
            "status": data["status"],
            "event_seq": 1,
        }
        return op

    def event_op(
        self,
        dossier_uuid: str,
        to_status: int | None,
        kind: str = "status",
        note: str | None = None,
    ) -> dict[str, Any]:
        d = self.dossiers[dossier_uuid]
        at = self.now()
        data = {
            "event_seq": d["event_seq"] + 1,
            "kind": kind,
            "at": at.isoformat(timespec="seconds"),
            "actor": "nv.lan",
            "from_status": d["status"],
            "to_status": to_status,
            "note": note,
            "extra": {},
        }
        op = self._wrap(KIND_EVENT, dossier_uuid, d["code"], d["last_seq"], at, data)
        d.update(
            last_seq=op["device_seq"],
            event_seq=d["event_seq"] + 1,
            status=to_status if to_status is not None else d["status"],
        )
        return op

    def help_op(
        self,
        portal_code: str,
        clerk: str = "nv.lan",
        at: datetime | None = None,
        kind: str = "full",
        record_uuid: str | None = None,
    ) -> dict[str, Any]:
        """An online-help record op (ops.HelpData): no dossier; the record's uuid and the
        portal's code stand in the envelope's dossier fields."""
        at = at or self.now()
        data = {
            "kind": kind,
            "procedure_code": "1.001193",
            "clerk": clerk,
            "helped_at": at.isoformat(timespec="seconds"),
        }
        record = record_uuid or str(uuid.uuid4())
        return self._wrap(KIND_ONLINE_HELP, record, portal_code, None, at, data)

    def create_data(self, at: datetime) -> dict[str, Any]:
        r = self.rng
        procedure, components = r.choice(PROCEDURES)
        name = f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"
        birth = datetime(1950, 1, 1) + timedelta(days=r.randrange(0, 26000))
        stamp = at.isoformat(timespec="seconds")
        return {
            "procedure_code": procedure,
            "catalogue_version": "2026.1",
            "status": 2,
            "channel": 1,
            "result_delivery": r.choice([0, 0, 0, 1]),
            "delivery_address": None,
            "received_at": stamp,
            "due_at": (at + timedelta(days=r.choice([1, 3, 5, 7])))
            .replace(hour=16, minute=30, second=0)
            .isoformat(timespec="seconds"),
            "applicant": {
                "kind": 1,
                "full_name": name,
                "id_number": f"042{r.randrange(10**9):09d}",
                "old_id_number": None,
                "birth_date": birth.date().isoformat(),
                "sex": r.choice(["nam", "nu"]),
                "phone": f"09{r.randrange(10**8):08d}",
                "email": None,
                "address": f"{r.choice(VILLAGES)}, {r.choice(COMMUNES)}, tỉnh Hà Tĩnh",
            },
            "authorised_person": None,
            "components": [
                {"name": n, "originals": o, "copies": c, "provided": True} for n, o, c in components
            ],
            "fees": []
            if r.random() < 0.6
            else [
                {
                    "kind": "le_phi",
                    "name": "Lệ phí",
                    "amount": 8000,
                    "collected": "at_receipt",
                    "paid": True,
                }
            ],
            "note": None,
            "received_by": "nv.lan",
            "sets_count": 1,
            "event": {
                "event_seq": 1,
                "kind": "received",
                "at": stamp,
                "actor": "nv.lan",
                "from_status": None,
                "to_status": 2,
                "note": None,
                "extra": {},
            },
        }

    # -- push and pull ----------------------------------------------------------------------

    def batch(
        self, ops: list[dict[str, Any]], *, batch_id: str | None = None, head_seq: int | None = None
    ) -> tuple[str, bytes]:
        assert self.device_id is not None, "enrol first"
        batch_id = batch_id or new_batch_id()
        body = build_batch(
            self.device_id,
            ops,
            app_version="0.1.0",
            catalogue_version="2026.1",
            head_seq=self.seq if head_seq is None else head_seq,
            batch_id=batch_id,
            sent_at=self.now(),
        )
        return batch_id, body

    def post_body(self, client: httpx.Client, body: bytes) -> httpx.Response:
        assert self.device_id is not None
        headers = push_headers(self.device_id, self.key, body, self.now())
        return client.post(PUSH_PATH, content=body, headers=headers)

    def push(self, client: httpx.Client, ops: list[dict[str, Any]], **batch_args: Any) -> Receipt:
        """Push and return the verified receipt (fails the test on any non-200)."""
        batch_id, body = self.batch(ops, **batch_args)
        reply = self.post_body(client, body)
        assert reply.status_code == 200, reply.text
        assert self.server_key is not None
        return verify_receipt(
            reply.content, self.server_key, batch_id=batch_id, device_id=self.device_id
        )

    def pull(self, client: httpx.Client, cursor: int, limit: int = 100) -> ChangesPage:
        assert self.device_id is not None and self.server_key is not None
        target = changes_target(cursor, limit)
        headers = signed_request_headers(self.device_id, self.key, "GET", target, self.now())
        reply = client.get(target, headers=headers)
        assert reply.status_code == 200, reply.text
        return parse_changes_page(
            reply.content, reply.headers.get(SERVER_SIGNATURE_HEADER), self.server_key
        )
