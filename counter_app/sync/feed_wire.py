"""The pull feed's wire shapes and its checkable cursor (part of the protocol: import protocol).

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
from typing import Any, NotRequired, TypedDict

CHANGE_ID_LENGTH = 32  # lowercase hex digits
MAX_PROBES = 4
_HEX = frozenset("0123456789abcdef")


class Change(TypedDict):
    seq: int
    id: NotRequired[str]  # random per change
    kind: str
    unit_code: str | None
    created_at: str
    payload: dict[str, Any]


class ChangesPage(TypedDict):
    changes: list[Change]
    next_cursor: int
    next_cursor_id: NotRequired[str | None]  # the id of the change at next_cursor
    has_more: bool
    server_time: str
    reset: NotRequired[bool]  # the server does not hold the cursor: start over from 0
    probes_missing: NotRequired[list[str]]  # probed op ids the server does not hold


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


def cursor_field_problem(page: dict[str, Any], changes: list[dict[str, Any]]) -> str | None:
    """What is wrong with a page's checkable-cursor fields, if anything."""
    if any("id" in c and not is_change_id(c["id"]) for c in changes):
        return "a change id is not 32 hex digits"
    next_id = page.get("next_cursor_id")
    if next_id is not None and not is_change_id(next_id):
        return "next_cursor_id is not a change id"
    if not isinstance(page.get("reset", False), bool):
        return "reset must be true or false"
    if page.get("reset") and (changes or page.get("next_cursor") != 0 or page.get("has_more")):
        return "a reset page carries no changes, cursor 0 and nothing more"
    missing = page.get("probes_missing", [])
    if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
        return "probes_missing must be a list of op ids"
    return None
