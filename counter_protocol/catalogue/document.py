"""A whole catalogue document, parsed and validated: its format, version, province, units,
agencies, fields and procedures (procedures.py reads each), then the references between them.

The hash (`Catalogue.sha256`) is taken over the canonical JSON of the NFC document, so the
counter and the server agree on a version's bytes whatever the file's spacing and key order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from counter_protocol.catalogue.procedures import read_procedure
from counter_protocol.catalogue.reader import CatalogueError, Reader, load_document, place
from counter_protocol.catalogue.records import (
    FORMAT_TAG,
    LEVELS,
    Agency,
    Catalogue,
    CatalogueUnit,
    Field,
    Procedure,
)
from counter_protocol.catalogue.references import check_references
from counter_protocol.ops import TEXT_LIMITS
from counter_protocol.texts import QT_TRANSLATE_NOOP

CATALOGUE_VERSION_LIMIT = TEXT_LIMITS["catalogue_version"]  # what the server takes

_TOP_KEYS = tuple(
    "format sample_data notice version effective_from province units agencies fields"  # noqa: SIM905
    " procedures".split()
)
_UNIT_KEYS = ("code", "name", "level", "address", "phone", "code_verified", "managing_body")


def parse_catalogue(text: str) -> Catalogue:
    """Parse and validate a catalogue document; raise CatalogueError naming what is wrong."""
    tree = load_document(text)
    canonical = json.dumps(tree, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    catalogue = _build(
        Reader.of(tree, place(QT_TRANSLATE_NOOP("messages", "Danh mục")), _TOP_KEYS), digest
    )
    check_references(catalogue)
    return catalogue


def _build(root: Reader, digest: str) -> Catalogue:
    _check_format(root)
    province = Reader.of(
        root.raw.get("province"),
        place(QT_TRANSLATE_NOOP("messages", "Danh mục: tỉnh")),
        ("code", "name"),
    )
    effective_from = _effective_from(root)
    agencies = _each(root, "agencies", _agency, QT_TRANSLATE_NOOP("labels", "cơ quan"))
    return Catalogue(
        version=_version(root),
        effective_from=effective_from,
        sample_data=root.flag("sample_data"),
        notice=root.text("notice", required=root.flag("sample_data")),
        province_code=province.agency_code(),
        province_name=province.text("name"),
        units=_with_bodies(
            _each(root, "units", _unit, QT_TRANSLATE_NOOP("labels", "đơn vị")), agencies
        ),
        agencies=agencies,
        fields=_each(root, "fields", _field, QT_TRANSLATE_NOOP("labels", "lĩnh vực")),
        procedures=_each(
            root, "procedures", read_procedure, QT_TRANSLATE_NOOP("labels", "thủ tục")
        ),
        sha256=digest,
    )


def _check_format(root: Reader) -> None:
    fmt = root.text("format")
    if fmt != FORMAT_TAG:
        raise root.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: định dạng “{fmt}” không được hỗ trợ (cần “{tag}”).",
            ),
            fmt=fmt,
            tag=FORMAT_TAG,
        )


def _effective_from(root: Reader) -> date:
    effective = root.text("effective_from")
    try:
        return date.fromisoformat(effective)
    except ValueError:
        raise root.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: ngày hiệu lực “{effective}” không đúng dạng YYYY-MM-DD.",
            ),
            effective=effective,
        ) from None


def _version(root: Reader) -> str:
    """Every dossier received under this catalogue carries its version up to the server, which
    refuses longer text (ops.TEXT_LIMITS): a longer version would strand those dossiers."""
    version = root.text("version")
    if len(version) > CATALOGUE_VERSION_LIMIT:
        raise root.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: số phiên bản “{version}” dài {length} ký tự; tối đa {limit} ký tự.",
            ),
            version=version,
            length=len(version),
            limit=CATALOGUE_VERSION_LIMIT,
        )
    return version


def _each[C: (CatalogueUnit, Agency, Field, Procedure)](
    root: Reader, key: str, build: Callable[[Any, int], C], label: str
) -> tuple[C, ...]:
    items = tuple(build(item, i + 1) for i, item in enumerate(root.items(key, non_empty=True)))
    codes = [item.code for item in items]
    duplicate = next((code for code in codes if codes.count(code) > 1), None)
    if duplicate is not None:
        raise CatalogueError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Danh mục: mã {label} “{duplicate}” bị trùng.",
            ),
            duplicate,
            params={"label": label, "duplicate": duplicate},
        )
    return items


def _unit(value: Any, nth: int) -> CatalogueUnit:
    r = Reader.of(
        value, place(QT_TRANSLATE_NOOP("messages", "Đơn vị thứ {nth}"), nth=nth), _UNIT_KEYS
    )
    code = r.agency_code()
    r = Reader(r.raw, place(QT_TRANSLATE_NOOP("messages", "Đơn vị {code}"), code=code))
    optional = ("address", "phone", "managing_body")
    address, phone, body = (r.text(key, required=False) for key in optional)
    verified = r.flag("code_verified", default=False)
    level = r.text("level", LEVELS)
    return CatalogueUnit(code, r.text("name"), level, address, phone, verified, body)


def _with_bodies(
    units: tuple[CatalogueUnit, ...], agencies: tuple[Agency, ...]
) -> tuple[CatalogueUnit, ...]:
    """Units without `managing_body` (older files) take the name of the agency of their code."""
    names = {a.code: a.name for a in agencies}
    return tuple(
        u if u.managing_body else replace(u, managing_body=names.get(u.code, "")) for u in units
    )


def _agency(value: Any, nth: int) -> Agency:
    r = Reader.of(
        value,
        place(QT_TRANSLATE_NOOP("messages", "Cơ quan thứ {nth}"), nth=nth),
        ("code", "name", "code_verified"),
    )
    code = r.agency_code()
    r = Reader(r.raw, place(QT_TRANSLATE_NOOP("messages", "Cơ quan {code}"), code=code))
    return Agency(code, r.text("name"), r.flag("code_verified", default=False))


def _field(value: Any, nth: int) -> Field:
    r = Reader.of(
        value,
        place(QT_TRANSLATE_NOOP("messages", "Lĩnh vực thứ {nth}"), nth=nth),
        ("code", "name"),
    )
    return Field(r.text("code"), r.text("name"))
