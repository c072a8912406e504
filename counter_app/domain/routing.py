"""Who may receive which procedure, who decides it, and what the applicant must do in person
(docs/domain.md#routing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from counter_app.domain.kinds import Channel, ResultDelivery
from counter_protocol.catalogue.records import Catalogue, CatalogueUnit, Procedure
from counter_protocol.errors import UserError
from counter_protocol.lifecycle import StepData
from counter_protocol.texts import QT_TRANSLATE_NOOP

SUPERVISOR = "supervisor"  # the only role that may let an in-person procedure go by post
LEVEL_WORDS = {
    "province": QT_TRANSLATE_NOOP("labels", "cấp tỉnh"),
    "commune": QT_TRANSLATE_NOOP("labels", "cấp xã"),
}


class RoutingRefused(UserError):
    """This unit may not receive this procedure, or its competent authority is unknown."""

    default_code = "routing.refused"


class InPersonRequired(UserError):
    """The procedure needs the applicant in person and no supervisor allowed the post."""

    default_code = "routing.in_person"


@dataclass(frozen=True)
class Route:
    """Where a dossier is received and who decides it. The two differ for a commune procedure
    received outside the applicant's commune (phi địa giới, ND 118/2025)."""

    procedure_code: str
    receiving_code: str
    receiving_name: str
    competent_code: str
    competent_name: str

    @property
    def across_boundary(self) -> bool:
        return self.receiving_code != self.competent_code


class InPersonFlags(Protocol):
    """What the in-person rule reads of a procedure (catalogue record or stored row)."""

    @property
    def name(self) -> str: ...
    @property
    def in_person_submit(self) -> bool: ...
    @property
    def in_person_return(self) -> bool: ...


def communes(catalogue: Catalogue) -> tuple[CatalogueUnit, ...]:
    """The communes a clerk may name as the applicant's: the catalogue's commune units."""
    return tuple(u for u in catalogue.units if u.level == "commune")


def may_receive(catalogue: Catalogue, unit_code: str, procedure: Procedure) -> bool:
    """A unit receives what the catalogue lists for it, and every commune centre receives a
    commune procedure marked `any_commune`."""
    if unit_code in procedure.units:
        return True
    unit = catalogue.unit(unit_code)
    return procedure.any_commune and unit is not None and unit.level == "commune"


def receivable_procedures(catalogue: Catalogue, unit_code: str) -> tuple[Procedure, ...]:
    """The procedures `unit_code` may receive, in catalogue order (the picker's and demo's list)."""
    return tuple(p for p in catalogue.procedures if may_receive(catalogue, unit_code, p))


def route(
    catalogue: Catalogue, unit_code: str, procedure_code: str, home_commune: str | None = None
) -> Route:
    """Route a dossier of `procedure_code` received at `unit_code`, or raise RoutingRefused.

    `home_commune` is the code of the commune unit whose UBND decides a commune procedure with
    no named agency (the applicant's commune, as the clerk names it); None means the receiving
    commune. It is ignored where the catalogue names the agency."""
    unit = catalogue.unit(unit_code)
    if unit is None:
        raise RoutingRefused(
            QT_TRANSLATE_NOOP("messages", "Đơn vị mã “{code}” không có trong danh mục hiện hành."),
            params={"code": unit_code},
        )
    procedure = catalogue.procedure(procedure_code.strip())
    if procedure is None:
        raise RoutingRefused(
            QT_TRANSLATE_NOOP("messages", "Không có thủ tục mã “{code}” trong danh mục hiện hành."),
            field="procedure",
            params={"code": procedure_code},
        )
    if not may_receive(catalogue, unit_code, procedure):
        raise _not_received_here(catalogue, unit, procedure)
    competent = _competent_code(catalogue, unit, procedure, home_commune)
    name = catalogue.agency_name(competent)
    if not name:
        raise RoutingRefused(
            QT_TRANSLATE_NOOP(
                "messages",
                "Danh mục chưa ghi cơ quan quản lý của đơn vị mã “{unit}”: không xác định được "
                "cơ quan giải quyết thủ tục {procedure}.",
            ),
            advice=QT_TRANSLATE_NOOP(
                "messages", "Cập nhật danh mục thủ tục hành chính mới trước khi tiếp nhận."
            ),
            field="procedure",
            params={"unit": competent, "procedure": procedure.code},
        )
    return Route(procedure.code, unit.code, unit.name, competent, name)


def _competent_code(
    catalogue: Catalogue, unit: CatalogueUnit, procedure: Procedure, home_commune: str | None
) -> str:
    if procedure.agency is not None or procedure.level != "commune":
        return catalogue.competent_agency(procedure, unit.code)
    home = home_commune or (unit.code if unit.level == "commune" else None)
    if home is None or home not in {c.code for c in communes(catalogue)}:
        raise RoutingRefused(
            QT_TRANSLATE_NOOP(
                "messages",
                "Chưa xác định được xã, phường có thẩm quyền giải quyết thủ tục {procedure} "
                "(mã “{home}” không phải xã, phường trong danh mục).",
            )
            if home
            else QT_TRANSLATE_NOOP(
                "messages",
                "Chưa xác định được xã, phường có thẩm quyền giải quyết thủ tục {procedure}.",
            ),
            advice=QT_TRANSLATE_NOOP("messages", "Chọn xã, phường nơi người nộp cư trú."),
            field="competent_commune",
            params={"procedure": procedure.code, "home": home},
        )
    if home != unit.code and not procedure.any_commune:
        raise RoutingRefused(
            QT_TRANSLATE_NOOP(
                "messages",
                "Thủ tục {procedure} {name} không tiếp nhận phi địa giới: hồ sơ "
                "của {commune} phải nộp tại xã, phường đó.",
            ),
            field="competent_commune",
            params={
                "procedure": procedure.code,
                "name": procedure.name,
                "commune": catalogue.agency_name(home) or home,
            },
        )
    return home


def _not_received_here(
    catalogue: Catalogue, unit: CatalogueUnit, procedure: Procedure
) -> RoutingRefused:
    receivers = [u.name for u in catalogue.units if may_receive(catalogue, u.code, procedure)]
    where = (
        QT_TRANSLATE_NOOP("labels", "mọi Trung tâm Phục vụ hành chính công cấp xã")
        if procedure.any_commune
        else ""
    )
    where = (
        where
        or ", ".join(receivers)
        or QT_TRANSLATE_NOOP("labels", "không đơn vị nào trong danh mục")
    )
    level = LEVEL_WORDS.get(procedure.level, procedure.level)
    message = (
        QT_TRANSLATE_NOOP(
            "messages",
            "Thủ tục {procedure_code} {procedure_name} do {level} giải quyết: {unit_name} "
            "không tiếp nhận.",
        )
        if unit.level != procedure.level
        else QT_TRANSLATE_NOOP(
            "messages",
            "Thủ tục {procedure_code} {procedure_name} không nhận tại đây: {unit_name} "
            "không tiếp nhận.",
        )
    )
    return RoutingRefused(
        message,
        advice=QT_TRANSLATE_NOOP(
            "messages",
            "Hướng dẫn người nộp đến: {where}.",
        ),
        field="procedure",
        params={
            "procedure_code": procedure.code,
            "procedure_name": procedure.name,
            "level": level,
            "unit_name": unit.name,
            "where": where,
        },
    )


def in_person_breaches(procedure: InPersonFlags, channel: int, result_delivery: int) -> list[str]:
    """What the chosen channel and delivery break of the procedure's in-person rules."""
    breaches = []
    if procedure.in_person_submit and channel == Channel.POSTAL:
        breaches.append(
            f"Thủ tục “{procedure.name}” yêu cầu người yêu cầu trực tiếp có mặt khi nộp hồ sơ: "
            "không nhận hồ sơ gửi qua bưu điện."
        )
    if procedure.in_person_return and result_delivery == ResultDelivery.BY_POST:
        breaches.append(
            f"Thủ tục “{procedure.name}” yêu cầu người nhận trực tiếp có mặt khi trả kết quả: "
            "không trả kết quả qua bưu điện."
        )
    return breaches


def check_in_person(
    procedure: InPersonFlags,
    channel: int,
    result_delivery: int,
    *,
    role: str,
    override_reason: str | None = None,
) -> str | None:
    """Refuse post for an in-person procedure unless a supervisor gives a reason. Returns the
    text for the first event's StepData.override when the rule was bent, else None."""
    breaches = in_person_breaches(procedure, channel, result_delivery)
    if not breaches:
        return None
    reason = (override_reason or "").strip()
    if role == SUPERVISOR and reason:
        return f"{' '.join(breaches)} Giám sát viên cho phép, lý do: {reason}"
    field = "channel" if procedure.in_person_submit and channel == Channel.POSTAL else None
    advice = (
        QT_TRANSLATE_NOOP(
            "messages", "Chỉ giám sát viên mới được cho phép ngoại lệ, và phải ghi lý do."
        )
        if reason or role == SUPERVISOR
        else QT_TRANSLATE_NOOP(
            "messages",
            "Hướng dẫn người yêu cầu đến trực tiếp, hoặc nhờ giám sát viên cho phép kèm lý do.",
        )
    )
    raise InPersonRequired(
        _breaches_template(procedure, channel, result_delivery),
        advice=advice,
        field=field or "result_delivery",
        params={"procedure": procedure.name},
    )


def _breaches_template(procedure: InPersonFlags, channel: int, result_delivery: int) -> str:
    """`in_person_breaches` as one marked template (one line a breach) with {procedure}."""
    submit = procedure.in_person_submit and channel == Channel.POSTAL
    collect = procedure.in_person_return and result_delivery == ResultDelivery.BY_POST
    if submit and collect:
        return QT_TRANSLATE_NOOP(
            "messages",
            "Thủ tục “{procedure}” yêu cầu người yêu cầu trực tiếp có mặt khi nộp hồ sơ: "
            "không nhận hồ sơ gửi qua bưu điện.\n"
            "Thủ tục “{procedure}” yêu cầu người nhận trực tiếp có mặt khi trả kết quả: "
            "không trả kết quả qua bưu điện.",
        )
    if submit:
        return QT_TRANSLATE_NOOP(
            "messages",
            "Thủ tục “{procedure}” yêu cầu người yêu cầu trực tiếp có mặt khi nộp hồ sơ: "
            "không nhận hồ sơ gửi qua bưu điện.",
        )
    return QT_TRANSLATE_NOOP(
        "messages",
        "Thủ tục “{procedure}” yêu cầu người nhận trực tiếp có mặt khi trả kết quả: "
        "không trả kết quả qua bưu điện.",
    )


@dataclass(frozen=True)
class Admission:
    """An intake this unit may take: its route and, when a supervisor bent the in-person rule,
    the logged reason."""

    route: Route
    override: str | None = None

    def step_data(self) -> StepData:
        """The first event's StepData fields routing owns (competent agency, override)."""
        return StepData(
            competent_code=self.route.competent_code,
            competent_name=self.route.competent_name,
            override=self.override,
        )


def admit(
    catalogue: Catalogue,
    unit_code: str,
    procedure_code: str,
    *,
    channel: int,
    result_delivery: int,
    role: str,
    override_reason: str | None = None,
    home_commune: str | None = None,
) -> Admission:
    """Both checks of an intake: routing, then the in-person rule (raises the refusal)."""
    found = route(catalogue, unit_code, procedure_code, home_commune)
    procedure = catalogue.procedure(found.procedure_code)
    assert procedure is not None  # route() found it
    override = check_in_person(
        procedure, channel, result_delivery, role=role, override_reason=override_reason
    )
    return Admission(found, override)
