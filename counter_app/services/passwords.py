"""Argon2 password hashes, and the sign-in's check started the moment the person presses Enter.

On a set-up counter the log-in window is up before the store has opened (docs/decisions/
0009-log-in-window-first.md). A clerk who signs in at once would wait for SQLAlchemy and the
services to load, and only then for argon2 (~0.2 s of CPU on a counter PC). `PasswordCheck.start`
reads the account's hash straight from the file (sqlite3, read-only, no SQLAlchemy) and verifies
it on a thread of its own while the store opens; argon2 runs outside the interpreter's lock, so
both go on at once (docs/decisions/0036-early-password-check.md).

The sign-in itself still reads the account through the store and applies every rule (disabled,
locked, failures counted). It takes the early answer only for exactly the hash it read and exactly
the password typed; anything else is verified again. Kept free of SQLAlchemy on purpose: this
module loads before the store does.
"""

from __future__ import annotations

import sqlite3
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # argon2 (and hmac's OpenSSL) load on the first check, off the log-in window
    from argon2 import PasswordHasher
# An early read that waits longer than this for a lock (a migration writing) gives up quietly:
# the sign-in then verifies on its own, as it always could.
EARLY_READ_TIMEOUT_S = 0.5
EARLY_CHECK_THREAD = "password-check"


@cache
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def sign_in_name(username: str) -> str:
    """How a typed user name is looked up (accounts are stored lower-case)."""
    return username.strip().lower()


class _EarlyCheck:
    """One password checked against the hash the file held when the person pressed Enter."""

    def __init__(self, password: str) -> None:
        self._password = password
        self._done = threading.Event()
        self._hash: str | None = None
        self._matches = False

    def run(self, db_file: Path, username: str) -> None:
        try:
            self._hash = _stored_hash(db_file, username)
            if self._hash is not None:
                self._matches = verify_password(self._hash, self._password)
        except Exception:
            self._hash = None
        finally:
            self._done.set()

    def answer_for(self, password_hash: str, password: str) -> bool | None:
        """The early answer if it was for this very hash and password, else None."""
        import hmac

        self._done.wait()
        same_password = hmac.compare_digest(self._password.encode(), password.encode())
        if self._hash is None or self._hash != password_hash or not same_password:
            return None
        return self._matches


def _stored_hash(db_file: Path, username: str) -> str | None:
    uri = f"{db_file.resolve().as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=EARLY_READ_TIMEOUT_S)
    try:
        row = connection.execute(
            "SELECT password_hash FROM users WHERE username = ?", (username,)
        ).fetchone()
    finally:
        connection.close()
    return None if row is None else str(row[0])


class PasswordCheck:
    """Verifies sign-in passwords; with `db_file`, `start` begins the next one early."""

    def __init__(self, db_file: Path | None = None) -> None:
        self._db_file = db_file
        self._lock = threading.Lock()
        self._early: _EarlyCheck | None = None

    def start(self, username: str, password: str) -> None:
        """The person pressed Enter: read and verify now, on a thread, for the coming sign-in."""
        if self._db_file is None or not self._db_file.exists():
            return
        early = _EarlyCheck(password)
        with self._lock:
            self._early = early
        threading.Thread(
            target=early.run,
            args=(self._db_file, sign_in_name(username)),
            name=EARLY_CHECK_THREAD,
            daemon=True,
        ).start()

    def verify(self, password_hash: str, password: str) -> bool:
        """Does `password` match `password_hash`? The early answer is used once, if it fits."""
        with self._lock:
            early, self._early = self._early, None
        answer = None if early is None else early.answer_for(password_hash, password)
        return verify_password(password_hash, password) if answer is None else answer
