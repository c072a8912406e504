"""What a form template is: one form of one circular, its printed title and the data it draws."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.documents.data import (
    ControlSheetData,
    ExtensionData,
    RefusalData,
    SlipData,
    StopData,
    SupplementRequestData,
)

FormData = (
    SlipData | SupplementRequestData | RefusalData | ExtensionData | StopData | ControlSheetData
)

# The counter's form kinds, numbered as TT 03/2025 Phụ lục I numbers them (docs/domain.md#forms).
RECEIPT, SUPPLEMENT, REFUSAL, EXTENSION, STOP, CONTROL_SHEET = "01", "02", "03", "04", "05", "06"


@dataclass(frozen=True)
class FormTemplate:
    """One form as one circular prescribes it. `kind` is the counter's form kind (TT 03/2025
    numbering); `number` is the form's own number in its circular ("Mẫu số 05" of TT 01/2018
    is the control sheet, kind 06)."""

    template_id: str  # "tt03-2025/02": circular, then the form's own number
    circular: str  # "tt03-2025" | "tt01-2018"
    kind: str
    number: str
    title: str  # printed in capitals
    legal_basis: str  # the caption under the form number
    data_type: type[FormData]
    number_suffix: str | None = None  # "HDHS" in "Số: 12/HDHS"; None: the form carries no Số

    @property
    def form_caption(self) -> str:
        return f"Mẫu số {self.number}"
