"""What a procedure names must be in the catalogue, and its level must fit where it is received.

Checked once the whole document is read: a procedure's field, receiving units and deciding
agency are codes listed elsewhere in the same document.
"""

from __future__ import annotations

from counter_protocol.catalogue.reader import Reader, procedure_place
from counter_protocol.catalogue.records import Catalogue, Procedure
from counter_protocol.texts import QT_TRANSLATE_NOOP


def check_references(catalogue: Catalogue) -> None:
    """Raise CatalogueError for the first procedure that names what the catalogue lacks."""
    unit_levels = {u.code: u.level for u in catalogue.units}
    agencies = {a.code for a in catalogue.agencies} | set(unit_levels)
    fields = {f.code for f in catalogue.fields}
    for proc in catalogue.procedures:
        r = Reader({}, procedure_place(proc.code), proc.code)
        _check_named(r, proc, fields, set(unit_levels), agencies)
        _check_levels(r, proc, unit_levels)


def _check_named(
    r: Reader, proc: Procedure, fields: set[str], units: set[str], agencies: set[str]
) -> None:
    if proc.field not in fields:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: lĩnh vực “{field}” không có trong danh mục.",
            ),
            field=proc.field,
        )
    if unknown := [u for u in proc.units if u not in units]:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: đơn vị tiếp nhận “{unknown}” không có trong danh mục.",
            ),
            unknown=unknown[0],
        )
    if proc.agency is not None and proc.agency not in agencies:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: cơ quan giải quyết “{agency}” không có trong danh mục.",
            ),
            agency=proc.agency,
        )


def _check_levels(r: Reader, proc: Procedure, unit_levels: dict[str, str]) -> None:
    """A commune procedure alone may be received at any commune; one whose deciding agency is
    left to the commune's managing body may only be received at a commune."""
    if proc.any_commune and proc.level != "commune":
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: chỉ thủ tục cấp xã mới được nhận tại mọi xã (any_commune).",
            )
        )
    at_province = any(unit_levels[u] != "commune" for u in proc.units)
    if proc.agency is None and proc.level == "commune" and at_province:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: thủ tục cấp xã bỏ trống cơ quan giải quyết chỉ được nhận tại cấp xã.",
            )
        )
