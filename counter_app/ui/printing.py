"""The counter's default printer (setting `printer.default`), chosen on the settings screen and
preselected in every print dialog of this program. Empty: the system's own default."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

_chosen = {"name": ""}  # one counter, one choice, for the whole process


def remember_printer(name: str) -> None:
    """Called when the setting is read at sign-in and whenever the settings screen saves it."""
    _chosen["name"] = name


def chosen_printer() -> str:
    return _chosen["name"]


def preselect_printer(printer: QPrinter) -> bool:
    """Point `printer` at the chosen printer if this machine has it; True when it did."""
    name = _chosen["name"]
    if not name or name not in QPrinterInfo.availablePrinterNames():
        return False
    printer.setPrinterName(name)
    return True
