"""The pull feed: what the province sends down, its typed pages and changes, its checkable cursor.

A page answers `GET CHANGES_PATH?cursor=N&limit=L[&cursor_id=X][&probe=OP,OP]`. Every field
added for the checkable cursor may be missing (a server from before it), and a counter that
sends neither `cursor_id` nor `probe` (from before them) still gets plain pages:
- each `Change` carries `id`, random per change; a page carries `next_cursor_id`, the id of the
  change at `next_cursor` (None at 0). The counter stores both and sends the id back as
  `cursor_id`. A seq alone cannot be trusted: a server restored from a backup hands the same
  seqs out again, to other changes.
- if the server does not hold the change (`cursor`, `cursor_id`), or holds no change at `cursor`
  at all, the page says `reset: true`, with no changes, `next_cursor` 0 and `has_more` false.
  The counter keeps all its data, pulls again from 0 and re-sends the ops the server had
  acknowledged (a restored server may have lost them).
- `probe`: up to `MAX_PROBES` op ids the server acknowledged lately (one from each of the
  counter's latest receipts); the page lists those it does not hold in `probes_missing`. A
  server restored from a backup loses its latest commits first, so if it holds these it holds
  everything acknowledged before them; if not, the counter re-sends every acknowledged op. This
  catches a restore that the cursor cannot see (no change published since the backup). Op ids
  are unique across devices, so a PC enrolled again under a new device id still finds its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final

import msgspec
from msgspec import Struct

from counter_protocol.errors import ProtocolError
from counter_protocol.receipt import verify_server_body
from counter_protocol.transport import CHANGES_PATH

if TYPE_CHECKING:
    from counter_protocol.signing import Ed25519PublicKey

CHANGE_DOSSIER_STATUS: Final = "dossier.status"
CHANGE_CATALOGUE: Final = "catalogue"
CHANGE_CALENDAR: Final = "calendar"
CHANGE_TRACKING_POOL: Final = "tracking_pool"
CHANGE_DEVICE_REVOKED: Final = "device.revoked"

DEFAULT_CHANGES_LIMIT = 500
MAX_CHANGES_LIMIT = 5000
CHANGE_ID_LENGTH = 32  # lowercase hex digits
MAX_PROBES = 4
_HEX = frozenset("0123456789abcdef")


class Change(Struct, kw_only=True, omit_defaults=True):
    """One change of the feed. `payload` stays plain JSON here: the struct of its kind reads it
    when the change is applied, so a payload this version cannot read is recorded as not
    applied and never blocks the feed."""

    seq: int
    kind: str
    unit_code: str | None  # None: meant for every unit
    created_at: str
    payload: Any
    id: str | None = None  # random per change


class ChangesPage(Struct, kw_only=True, omit_defaults=True):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_time: str
    next_cursor_id: str | None = None  # the id of the change at next_cursor
    reset: bool = False  # the server does not hold the cursor: start over from 0
    probes_missing: list[str] | None = None  # probed op ids the server does not hold


_PAGE = msgspec.json.Decoder(ChangesPage)


# -- payloads, one struct per kind of change ------------------------------------------------


class DossierStatusChange(Struct, kw_only=True):
    """`dossier.status`: the province moved a dossier of the unit to another status."""

    dossier_uuid: str
    to_status: int
    at: str
    dossier_code: str = ""
    from_status: int | None = None
    note: str | None = None
    actor: str | None = None


class CatalogueChange(Struct, kw_only=True):
    """`catalogue`: a catalogue version, the whole document as published."""

    version: str
    sha256: str
    effective_from: str
    document: dict[str, Any]


class CalendarDay(Struct, kw_only=True):
    date: str  # ISO date
    kind: str  # holiday | workday
    name: str


class CalendarChange(Struct, kw_only=True):
    """`calendar`: the province's days off and make-up working days of one year."""

    year: int
    days: list[CalendarDay]


class TrackingPoolChange(Struct, kw_only=True, omit_defaults=True):
    """`tracking_pool`: S10 item numbers the post office handed the unit. `device_id` names the
    one PC of the unit the numbers belong to (its share); without it the pool is the unit's, from
    before shares, and no PC takes from it (docs/decisions/0027)."""

    unit_code: str
    numbers: list[str]
    device_id: int | None = None


class DeviceRevokedChange(Struct, kw_only=True):
    """`device.revoked`: a counter PC may no longer sync (sent to every unit)."""

    device_id: int
    device_uuid: str
    unit_code: str
    slot: int
    public_key: str


# -- the checkable cursor -------------------------------------------------------------------


def is_change_id(value: object) -> bool:
    return isinstance(value, str) and len(value) == CHANGE_ID_LENGTH and set(value) <= _HEX


def feed_query(cursor: int, limit: int, cursor_id: str | None, probes: Sequence[str]) -> str:
    """The query string of a pull (without "?"); ValueError for a malformed id or probe."""
    query = f"cursor={int(cursor)}&limit={int(limit)}"
    if cursor_id is not None:
        if not is_change_id(cursor_id):
            raise ValueError(f"not a change id: {cursor_id[:40]!r}")
        query += f"&cursor_id={cursor_id}"
    if probes:
        if len(probes) > MAX_PROBES:
            raise ValueError(f"at most {MAX_PROBES} probes")
        query += "&probe=" + ",".join(str(uuid.UUID(op_id)) for op_id in probes)
    return query


def changes_target(
    cursor: int,
    limit: int = DEFAULT_CHANGES_LIMIT,
    cursor_id: str | None = None,
    probes: Sequence[str] = (),
) -> str:
    """Path and query for a pull; sign exactly this string."""
    return f"{CHANGES_PATH}?{feed_query(cursor, limit, cursor_id, probes)}"


def parse_changes_page(
    body: bytes, signature: str | None, server_public_key: Ed25519PublicKey | str
) -> ChangesPage:
    """Verify and parse a pull reply. Store `next_cursor` with the applied changes, atomically."""
    verify_server_body(body, signature, server_public_key)
    try:
        page = _PAGE.decode(body)
    except (msgspec.ValidationError, msgspec.DecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"not a changes page: {exc}") from exc
    if any(a.seq >= b.seq for a, b in pairwise(page.changes)):
        raise ProtocolError("changes are not in server order")
    if (problem := cursor_field_problem(page)) is not None:
        raise ProtocolError(problem)
    return page


def cursor_field_problem(page: ChangesPage) -> str | None:
    """What is wrong with a page's checkable-cursor fields, if anything."""
    if any(c.id is not None and not is_change_id(c.id) for c in page.changes):
        return "a change id is not 32 hex digits"
    if page.next_cursor_id is not None and not is_change_id(page.next_cursor_id):
        return "next_cursor_id is not a change id"
    if page.reset and (page.changes or page.next_cursor != 0 or page.has_more):
        return "a reset page carries no changes, cursor 0 and nothing more"
    return None
