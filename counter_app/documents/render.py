"""One entry point for every template: the PDF of a form's plain data (or of a stored snapshot)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from counter_app.documents.control_sheet import render_control_sheet
from counter_app.documents.data import (
    ControlSheetData,
    ExtensionData,
    RefusalData,
    SlipData,
    StopData,
    SupplementRequestData,
)
from counter_app.documents.forms import render_refusal, render_supplement_request
from counter_app.documents.layout import PageSize
from counter_app.documents.letters import render_extension, render_stop
from counter_app.documents.slip import render_slip
from counter_app.documents.snapshot import load_snapshot
from counter_app.documents.templates import FormData, FormTemplate, template

_RENDERERS: dict[type[Any], Callable[..., bytes]] = {
    SlipData: render_slip,
    SupplementRequestData: render_supplement_request,
    RefusalData: render_refusal,
    ExtensionData: render_extension,
    StopData: render_stop,
    ControlSheetData: render_control_sheet,
}


def render_form(
    form: FormTemplate, data: FormData, page_size: PageSize = "A4", mark: str | None = None
) -> bytes:
    """The form as PDF bytes; `mark` (a reprint's "Bản in lại …") goes in the top margin."""
    if not isinstance(data, form.data_type):
        raise TypeError(f"{form.template_id} draws {form.data_type.__name__}")
    return _RENDERERS[form.data_type](data, page_size, form=form, mark=mark)


def render_snapshot(template_id: str, snapshot_json: str, mark: str | None = None) -> bytes:
    """An issued form drawn again from its stored snapshot, on the paper it was first printed."""
    form = template(template_id)
    data, page_size = load_snapshot(snapshot_json, form)
    return render_form(form, data, page_size, mark)
