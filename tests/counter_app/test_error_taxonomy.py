"""Every error a person can act on is a UserError with a stable code and its family's exit code
(the table in the README's command-line section); a sync failure keeps the server's own code."""

from __future__ import annotations

import pytest

from counter_app.documents.fonts import FontsMissingError
from counter_app.domain.calendar_rules import CalendarError
from counter_app.domain.validation import ValidationError, ValidationIssue
from counter_app.models.errors import StoreError, StoreLocked
from counter_app.services.errors import NotFound, NotReady, ServiceError
from counter_app.services.intake_rules import IntakeInvalid
from counter_app.sync.errors import ADVICE, FailureKind, SyncBusy, SyncError
from counter_protocol.catalogue.reader import CatalogueError
from counter_protocol.codes import CodeError
from counter_protocol.errors import UserError
from counter_protocol.statuses import TransitionError
from counter_server.errors import Refused

FAMILIES: list[tuple[type[UserError], str, int]] = [
    (ServiceError, "service.refused", 2),
    (NotFound, "service.not_found", 2),
    (NotReady, "service.not_ready", 2),
    (IntakeInvalid, "intake.invalid", 2),
    (ValidationError, "validation.refused", 2),
    (CalendarError, "calendar.invalid", 2),
    (CodeError, "code.invalid", 2),
    (CatalogueError, "catalogue.invalid", 2),
    (TransitionError, "status.transition_refused", 2),
    (SyncError, "sync.failed", 1),
    (SyncBusy, "sync.busy", 3),
    (StoreError, "store.error", 4),
    (StoreLocked, "store.locked", 3),
    (FontsMissingError, "install.fonts_missing", 5),
    (Refused, "refused", 1),
]


@pytest.mark.parametrize(("family", "code", "exit_code"), FAMILIES)
def test_each_family_is_a_user_error_with_its_code(
    family: type[UserError], code: str, exit_code: int
) -> None:
    assert issubclass(family, UserError)
    assert family.default_code == code and family.exit_code == exit_code


def test_domain_errors_are_no_longer_value_errors() -> None:
    # A bare `except ValueError` must not swallow a refusal the clerk should read.
    for family in (ValidationError, CalendarError, CodeError, CatalogueError, TransitionError):
        assert not issubclass(family, ValueError)


def test_a_validation_error_names_its_first_field() -> None:
    error = ValidationError(
        [ValidationIssue("phone", "Sai số điện thoại."), ValidationIssue("email", "Sai email.")]
    )
    assert error.field == "phone" and error.code == "validation.refused"
    assert error.message == str(error) == "Sai số điện thoại.\nSai email."


def test_a_sync_error_has_a_stable_code_and_keeps_the_servers() -> None:
    refused = SyncError(
        FailureKind.CONFLICT, "Slot đã có máy khác.", server_code="slot_taken", status=409
    )
    assert refused.code == "sync.conflict" and refused.server_code == "slot_taken"
    assert refused.advice == ADVICE[FailureKind.CONFLICT] and not refused.retryable
    assert refused.one_line() == f"Slot đã có máy khác. {ADVICE[FailureKind.CONFLICT]}"
    busy = SyncBusy("Một lần đồng bộ khác đang chạy.")
    assert busy.kind == FailureKind.BUSY and busy.code == "sync.busy" and busy.retryable


def test_the_servers_refusal_keeps_its_code_and_status() -> None:
    refused = Refused("port_busy", "Cổng 8700 đang bận.", 409)
    assert refused.code == "port_busy" and refused.status == 409
    assert refused.one_line() == "Cổng 8700 đang bận."


def test_a_missing_font_says_to_reinstall() -> None:
    error = FontsMissingError("Không tìm thấy phông chữ: x.ttf")
    assert "cài lại" in error.one_line()
