"""A dossier's fields as (label, value) lines, in reading order (pure: tested without widgets)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from counter_app.ui.detail_tables import status_text
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.intake_sections import COLLECTED_WORDS, money
from counter_app.ui.texts import label_text, processing_time_text
from counter_app.ui.widgets import vn_when
from counter_protocol.lifecycle import SUBSTATE_LABELS
from counter_protocol.statuses import SubState

if TYPE_CHECKING:
    from counter_app.services.dto import ComponentInput, DossierDetail, FeeLine

ALWAYS_SHOWN = frozenset(
    {
        QT_TR_NOOP("Mã hồ sơ"),
        QT_TR_NOOP("Trạng thái"),
        QT_TR_NOOP("Thủ tục"),
        QT_TR_NOOP("Người nộp"),
        QT_TR_NOOP("Hẹn trả"),
    }
)


def sub_state_text(sub_state: str) -> str:
    try:
        return label_text(SUBSTATE_LABELS[SubState(sub_state)])
    except ValueError:
        return sub_state


def state_text(status: int, sub_state: str) -> str:
    """The national status, and the counter's finer state when it says more."""
    national, local = status_text(status), sub_state_text(sub_state)
    return national if local in ("", national) else f"{national} — {local}"


def detail_fields(d: DossierDetail) -> list[tuple[str, str]]:
    """(label, value) lines of a DossierDetail."""
    a = d.applicant
    delivery = label_text(d.result_delivery.label)
    if d.delivery_address:
        delivery += f": {d.delivery_address}"
    return [
        (tr("Mã hồ sơ"), d.code),
        (tr("Trạng thái"), state_text(d.status, d.sub_state)),
        (tr("Thủ tục"), f"{d.procedure_name} ({d.procedure_code})"),
        (tr("Cơ quan giải quyết"), d.agency_name),
        (tr("Thời hạn giải quyết"), processing_time_text(d.processing_text)),
        (tr("Người nộp"), a.full_name),
        (tr("Số CCCD"), a.id_number or ""),
        (tr("Số CMND cũ"), a.old_id_number or ""),
        (tr("Ngày sinh"), a.birth_date.strftime("%d/%m/%Y") if a.birth_date else ""),
        (tr("Giới tính"), tr(a.sex) if a.sex else ""),  # Nam or Nữ, as stored
        (tr("Điện thoại"), a.phone or ""),
        ("Email", a.email or ""),
        (tr("Địa chỉ"), a.address or ""),
        (tr("Người được ủy quyền"), d.authorised_person or ""),
        (tr("Hình thức nộp"), label_text(d.channel.label)),
        (tr("Nhận kết quả"), delivery),
        (tr("Tiếp nhận"), f"{vn_when(d.received_at)} — {d.received_by_name}"),
        (tr("Hẹn trả"), vn_when(d.due_at)),
        (tr("Đã trả kết quả"), vn_when(d.returned_at) if d.returned_at else tr("Chưa")),
        (tr("Người nhận kết quả"), _receiver_text(d)),
        (tr("Thành phần hồ sơ"), _components_text(d.components)),
        (tr("Phí, lệ phí"), _fees_text(d.fees)),
        (tr("Số bộ hồ sơ"), str(d.sets_count)),
        (tr("Ghi chú"), d.note or ""),
    ]


def _receiver_text(d: DossierDetail) -> str:
    if d.receiver is None:
        return ""
    number = d.receiver.id_number
    return f"{d.receiver.name} — CCCD {number}" if number else d.receiver.name


def shown_fields(fields: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """An empty line per missing e-mail or proxy only pushes the steps and history down."""
    always = {tr(label) for label in ALWAYS_SHOWN}
    return [(label, value) for label, value in fields if value or label in always]


def _components_text(components: Sequence[ComponentInput]) -> str:
    lines = [
        tr("{value} {name} — {originals} bản chính, {copies} bản sao").format(
            value="☑" if c.provided else "☐", name=c.name, originals=c.originals, copies=c.copies
        )
        for c in components
    ]
    return "\n".join(lines) or tr("(không có)")


def _fees_text(fees: Sequence[FeeLine]) -> str:
    paid = tr(", đã thu")
    lines = [
        f"{f.name}: {money(f.amount)} ({tr(COLLECTED_WORDS.get(f.collected, f.collected))}"
        f"{paid if f.paid else ''})"
        for f in fees
    ]
    return "\n".join(lines) or tr("Không có")
