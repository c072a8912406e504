"""What an intake must satisfy before it is stored. Blocking only where a legal record needs it;
everything else is a warning the clerk sees next to the field."""

from __future__ import annotations

from dataclasses import dataclass, replace

from counter_app.domain.delivery import delivery_issues, stored_address
from counter_app.domain.identifiers import normalise_id_number, normalise_phone
from counter_app.domain.kinds import ApplicantKind
from counter_app.domain.personal_ids import validate_old_id_number, validate_personal_id
from counter_app.domain.phones import validate_phone
from counter_app.domain.text import nfc
from counter_app.domain.validation import (
    ValidationError,
    ValidationIssue,
    validate_email,
    validate_full_name,
)
from counter_app.services.dto import IntakeRequest
from counter_app.services.errors import ServiceError
from counter_protocol.lifecycle import Action, StepData
from counter_protocol.texts import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Creation:
    """How a new dossier starts: RECEIVE, ASK_PAPERS or REFUSE, and what its first event
    records (the missing papers, the refusal's reason, a supervisor's override)."""

    action: Action
    step: StepData


class IntakeInvalid(ServiceError):
    """The intake has blocking issues; `issues` lists every issue (blocking or not) by field."""

    default_code = "intake.invalid"

    def __init__(self, issues: list[ValidationIssue]) -> None:
        blocking = [i for i in issues if i.blocking]
        super().__init__("\n".join(i.message for i in blocking), field=blocking[0].field)
        self.issues = issues


def _issue(field: str, message: str, blocking: bool = True) -> ValidationIssue:
    return ValidationIssue(field=field, message=message, blocking=blocking)


def _collect(issues: list[ValidationIssue], exc: ValidationError, blocking: bool) -> None:
    for issue in exc.issues:
        issues.append(replace(issue, blocking=blocking))  # keeps the template for the screen


def applicant_issues(req: IntakeRequest) -> list[ValidationIssue]:
    a = req.applicant
    issues: list[ValidationIssue] = []
    try:
        validate_full_name(a.full_name)
    except ValidationError as exc:
        _collect(issues, exc, blocking=True)
    birth_year = a.birth_date.year if a.birth_date else None
    if a.id_number:
        try:
            validate_personal_id(a.id_number, birth_year)
        except ValidationError as exc:
            _collect(issues, exc, blocking=True)
    elif a.kind == ApplicantKind.CITIZEN:
        issues.append(
            _issue(
                "id_number",
                QT_TRANSLATE_NOOP("messages", "Chưa nhập số CCCD / định danh của người nộp."),
                False,
            )
        )
    if a.old_id_number:
        try:
            validate_old_id_number(a.old_id_number)
        except ValidationError as exc:
            _collect(issues, exc, blocking=True)
    if a.phone:
        try:
            validate_phone(a.phone)
        except ValidationError as exc:
            _collect(issues, exc, blocking=False)
    if a.email:
        try:
            validate_email(a.email)
        except ValidationError as exc:
            _collect(issues, exc, blocking=False)
    return issues


def intake_issues(req: IntakeRequest, receiving: bool = True) -> list[ValidationIssue]:
    """Every issue of an intake, in the order of the form. A dossier that is not received
    (papers asked for, refused) need not have any paper ticked."""
    issues = applicant_issues(req)
    if not req.procedure_code:
        issues.append(
            _issue("procedure", QT_TRANSLATE_NOOP("messages", "Chưa chọn thủ tục hành chính."))
        )
    if receiving and not any(c.provided for c in req.components):
        issues.append(
            _issue(
                "components",
                QT_TRANSLATE_NOOP("messages", "Chưa đánh dấu thành phần hồ sơ nào đã nhận."),
            )
        )
    if receiving:
        issues.extend(delivery_issues(req.result_delivery, req.delivery_address))
    if req.sets_count < 1:
        issues.append(
            _issue("sets_count", QT_TRANSLATE_NOOP("messages", "Số bộ hồ sơ phải từ 1 trở lên."))
        )
    return issues


def normalised_request(req: IntakeRequest) -> IntakeRequest:
    """The request as it is stored: ids and phone in their stored form, the delivery address
    only for a postal result. Idempotent, so every write path can apply it."""
    a = req.applicant
    id_number = normalise_id_number(a.id_number)
    old_id_number = normalise_id_number(a.old_id_number)
    phone = normalise_phone(a.phone)
    address = stored_address(req.result_delivery, req.delivery_address)
    if (id_number, old_id_number, phone, address) == (
        a.id_number,
        a.old_id_number,
        a.phone,
        req.delivery_address,
    ):
        return req  # already in stored form (the form pre-normalises): nothing to copy
    applicant = replace(a, id_number=id_number, old_id_number=old_id_number, phone=phone)
    return replace(req, applicant=applicant, delivery_address=address)


def check_intake(req: IntakeRequest, receiving: bool = True) -> None:
    issues = intake_issues(req, receiving)
    if any(i.blocking for i in issues):
        raise IntakeInvalid(issues)


class IntakeIncomplete(ServiceError):
    """A required paper is missing: the dossier cannot be received as complete."""

    default_code = "intake.incomplete"

    def __init__(self, missing: tuple[str, ...]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("messages", "Hồ sơ còn thiếu giấy tờ bắt buộc: {papers}."),
            field="components",
            advice=QT_TRANSLATE_NOOP(
                "messages", "Lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) cho người nộp."
            ),
            params={"papers": "; ".join(missing)},
        )
        self.missing = missing


def missing_required(req: IntakeRequest) -> tuple[str, ...]:
    """The required papers of the checklist that are not ticked, in its order."""
    return tuple(c.name for c in req.components if c.required and not c.provided)


def intake_outcome(req: IntakeRequest, refuse_reason: str | None, guidance: str | None) -> Creation:
    """The outcome the checklist decides (docs/domain.md#intake-outcomes): refused when the
    clerk gives a refusal reason, papers asked for when a required paper is missing, else
    received. A supervisor's override is applied by the service, which knows the roles."""
    reason = nfc(refuse_reason or "").strip()
    if refuse_reason is not None:
        if not reason:
            raise ServiceError(
                QT_TRANSLATE_NOOP("messages", "Cần ghi rõ lý do từ chối tiếp nhận hồ sơ."),
                field="reason",
                code="lifecycle.reason_required",
            )
        return Creation(Action.REFUSE, StepData(reason=reason))
    missing = missing_required(req)
    if missing:
        text = nfc(guidance or "").strip() or None
        return Creation(Action.ASK_PAPERS, StepData(missing=list(missing), reason=text))
    return Creation(Action.RECEIVE, StepData())
