"""The sign-in's password check started when Enter is pressed, before the store has opened
(services/passwords.py): its answer is used once, only for the very hash and password it
checked; every account rule (disabled, locked, failures counted) still applies."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counter_app.app import build_services
from counter_app.config import DB_FILENAME
from counter_app.services import passwords as passwords_module
from counter_app.services.accounts import WRONG_CREDENTIALS
from counter_app.services.errors import ServiceError
from counter_app.services.passwords import EARLY_CHECK_THREAD, PasswordCheck, hash_password
from counter_devkit.stores import TEST_PASSWORD

CLERK, SUPERVISOR = "canbo", "quantri"  # counter_devkit/stores.py
NEW_PASSWORD = "MoiMoi@2026"


@pytest.fixture
def argon2_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The hashes argon2 verified, whichever thread asked."""
    verified: list[str] = []
    real = passwords_module.verify_password

    def counted(password_hash: str, password: str) -> bool:
        verified.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(passwords_module, "verify_password", counted)
    return verified


@pytest.fixture
def early(data_dir: Path) -> PasswordCheck:
    return PasswordCheck(data_dir / DB_FILENAME)


@pytest.fixture
def counter(data_dir: Path, early: PasswordCheck) -> Iterator[Any]:
    services = build_services(str(data_dir), passwords=early)
    yield services
    services.close()


def early_checks_done() -> None:
    for thread in threading.enumerate():
        if thread.name == EARLY_CHECK_THREAD:
            thread.join()


def test_enter_pressed_before_the_store_opens_is_checked_once(
    data_dir: Path, early: PasswordCheck, argon2_runs: list[str]
) -> None:
    early.start("  CanBo ", TEST_PASSWORD)  # as typed; the store is not open yet
    services = build_services(str(data_dir), passwords=early)
    try:
        user = services.accounts.sign_in("  CanBo ", TEST_PASSWORD)
    finally:
        services.close()
    assert user.username == CLERK
    assert len(argon2_runs) == 1  # the early check's; the sign-in used its answer


def test_a_password_reset_after_enter_is_checked_against_the_new_hash(
    counter: Any, early: PasswordCheck
) -> None:
    early.start(CLERK, TEST_PASSWORD)
    early_checks_done()  # the early answer (right) is for the old hash
    counter.accounts.reset_password(CLERK, NEW_PASSWORD, by=SUPERVISOR)
    with pytest.raises(ServiceError) as refused:
        counter.accounts.sign_in(CLERK, TEST_PASSWORD)
    assert refused.value.template == WRONG_CREDENTIALS


def test_wrong_passwords_checked_early_are_counted_and_lock_the_account(
    counter: Any, early: PasswordCheck
) -> None:
    for _ in range(5):  # auth.max_failed_attempts
        early.start(CLERK, "sai-mat-khau")
        with pytest.raises(ServiceError):
            counter.accounts.sign_in(CLERK, "sai-mat-khau")
    early.start(CLERK, TEST_PASSWORD)
    with pytest.raises(ServiceError) as refused:
        counter.accounts.sign_in(CLERK, TEST_PASSWORD)  # right, but locked
    assert "khóa" in refused.value.message


def test_a_disabled_account_is_refused_whatever_the_early_check_found(
    counter: Any, early: PasswordCheck
) -> None:
    counter.accounts.disable(CLERK, by=SUPERVISOR, reason="nghỉ việc")
    early.start(CLERK, TEST_PASSWORD)
    with pytest.raises(ServiceError) as refused:
        counter.accounts.sign_in(CLERK, TEST_PASSWORD)
    assert refused.value.template == WRONG_CREDENTIALS


def test_an_other_password_at_the_sign_in_is_verified_on_its_own(
    counter: Any, early: PasswordCheck, argon2_runs: list[str]
) -> None:
    early.start(CLERK, "sai-mat-khau")
    assert counter.accounts.sign_in(CLERK, TEST_PASSWORD).username == CLERK
    assert len(argon2_runs) == 2  # the early one did not answer for this password
    with pytest.raises(ServiceError):  # and is used once only
        counter.accounts.sign_in(CLERK, "sai-mat-khau")


@pytest.mark.parametrize("content", [None, b"", b"not a database at all" * 100])
def test_a_missing_or_damaged_file_leaves_the_check_to_the_sign_in(
    tmp_path: Path, content: bytes | None
) -> None:
    db_file = tmp_path / DB_FILENAME
    if content is not None:
        db_file.write_bytes(content)
    check = PasswordCheck(db_file)
    check.start(CLERK, TEST_PASSWORD)
    stored = hash_password(TEST_PASSWORD)
    assert check.verify(stored, TEST_PASSWORD)
    assert not check.verify(stored, "sai-mat-khau")
