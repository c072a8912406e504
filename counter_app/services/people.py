"""People by name: the screens show who did a thing by their full name, while the rows keep the
username (the technical id an event, a fee entry or a visit is recorded under)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.appointments import AppointmentError
from counter_app.domain.deadlines import ControlRow
from counter_app.models.tables import User
from counter_protocol.texts import QT_TRANSLATE_NOOP


def require_clerk(session: Session, username: str) -> User:
    """The active account a visit or a help entry is put on; refused under the clerk field."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.active:
        raise AppointmentError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không có cán bộ “{username}” đang làm việc ở quầy này.",
            ),
            field="clerk",
            params={"username": username},
        )
    return user


def people_names(session: Session, usernames: Iterable[str]) -> dict[str, str]:
    """Username → full name for the accounts this store knows; others (a province actor, an
    account from another counter) are left out, and shown by their username."""
    wanted = set(usernames)
    if not wanted:
        return {}
    rows = session.execute(select(User.username, User.full_name).where(User.username.in_(wanted)))
    return {username: name for username, name in rows if name}


def person_name(session: Session, username: str) -> str:
    """A user's full name for a signature line; the login name when the user is unknown. Kept
    for the session's life (one transaction): a bulk of forms asks for the same few people."""
    known: dict[str, str] = session.info.setdefault("person_names", {})
    if username not in known:
        name = session.scalar(select(User.full_name).where(User.username == username))
        known[username] = name or username
    return known[username]


def named_control_rows(rows: list[ControlRow], name_of: Callable[[str], str]) -> list[ControlRow]:
    """Mẫu 06 names people: a clerk recorded by username (the actor, or the steps that keep the
    actor as giver or taker) is shown by full name; names typed at the step stay as typed."""
    return [
        replace(r, handed_by=name_of(r.handed_by), received_by=name_of(r.received_by)) for r in rows
    ]
