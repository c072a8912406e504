"""An issued form's data as JSON and back: what is stored is exactly what a reprint draws."""

from __future__ import annotations

import msgspec

from counter_app.documents.layout import PageSize
from counter_app.documents.templates import FormData, FormTemplate


class Snapshot(msgspec.Struct, frozen=True):
    """The page size the form was first printed on and the plain data it drew."""

    page_size: PageSize
    data: msgspec.Raw


def dump_snapshot(data: FormData, page_size: PageSize) -> str:
    """The JSON kept in issued_forms.data_json (times as ISO 8601 with their offset)."""
    raw = msgspec.Raw(msgspec.json.encode(data))
    return msgspec.json.encode(Snapshot(page_size, raw)).decode("utf-8")


def load_snapshot(text: str, form: FormTemplate) -> tuple[FormData, PageSize]:
    """The data and page size of a stored form, typed by its template."""
    snapshot = msgspec.json.decode(text, type=Snapshot)
    data: FormData = msgspec.json.decode(snapshot.data, type=form.data_type)
    return data, snapshot.page_size
