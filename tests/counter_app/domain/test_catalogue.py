"""The procedure catalogue: the shipped Hà Tĩnh sample parses, and each validation rule refuses."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from counter_protocol.catalogue.document import parse_catalogue
from counter_protocol.catalogue.reader import CatalogueError
from counter_protocol.catalogue.records import TIME_UNITS, Catalogue
from counter_protocol.errors import UserError

SHIPPED = Path(__file__).resolve().parents[3] / "resources" / "catalogue" / "ha-tinh-sample.json"
PROVINCE, COMMUNE, POLICE = "000.00.00.H27", "000.20.01.H27", "000.00.09.H27"


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return parse_catalogue(SHIPPED.read_text(encoding="utf-8"))


MINIMAL = """{
  "format": "counter_app.catalogue/1", "sample_data": true, "notice": "Dữ liệu mẫu",
  "version": "T-1", "effective_from": "2025-07-01",
  "province": {"code": "000.00.00.H27", "name": "Tỉnh Hà Tĩnh"},
  "units": [
    {"code": "000.00.00.H27", "name": "Trung tâm PVHCC tỉnh", "level": "province"},
    {"code": "000.20.01.H27", "name": "Trung tâm PVHCC phường", "level": "commune"}],
  "agencies": [{"code": "000.00.09.H27", "name": "Công an tỉnh Hà Tĩnh"}],
  "fields": [{"code": "HT", "name": "Hộ tịch"}, {"code": "LLTP", "name": "Lý lịch tư pháp"}],
  "procedures": [
    {"code": "1.000894", "local_code": "1.000894.000.00.00.H27", "code_verified": true,
     "name": "Đăng ký kết hôn", "field": "HT", "level": "commune", "units": ["000.20.01.H27"],
     "agency": null, "processing": {"amount": "0", "unit": "working_days"},
     "cutoff": "15:00", "bcci_allowed": false,
     "fees": [{"kind": "le_phi", "name": "Lệ phí kết hôn", "amount": 0, "collected": "exempt"}],
     "components": [{"name": "Tờ khai", "originals": 1, "copies": 0, "required": true}],
     "legal_basis": "Luật Hộ tịch 2014"},
    {"code": "3.000333", "local_code": null, "code_verified": true,
     "name": "Cấp Phiếu lý lịch tư pháp", "field": "LLTP", "level": "province",
     "units": ["000.00.00.H27"], "agency": "000.00.09.H27",
     "processing": {"amount": "10", "unit": "calendar_days"}, "cutoff": null,
     "bcci_allowed": true,
     "fees": [{"kind": "phi", "name": "Phí LLTP", "amount": 200000, "collected": "at_receipt"}],
     "components": [{"name": "Tờ khai", "originals": 1, "copies": 0, "required": true}],
     "legal_basis": "Luật Lý lịch tư pháp 2009"}]
}"""


def minimal() -> dict[str, Any]:
    """A small valid document: one commune procedure (no agency) and one provincial one."""
    return json.loads(MINIMAL)  # type: ignore[no-any-return]


def parse(doc: dict[str, Any]) -> Catalogue:
    return parse_catalogue(json.dumps(doc, ensure_ascii=False))


# ---- the shipped sample ----


def test_shipped_sample_is_large_and_marked_as_sample(shipped: Catalogue) -> None:
    assert len(shipped.procedures) >= 45
    assert len(shipped.fields) >= 7
    assert shipped.sample_data is True
    assert "mẫu" in shipped.notice and "tỉnh Hà Tĩnh công bố" in shipped.notice
    assert shipped.province_code == PROVINCE
    levels = {u.level for u in shipped.units}
    assert levels == {"province", "commune"}
    assert all(p.components for p in shipped.procedures)
    assert all(c.originals + c.copies >= 1 for p in shipped.procedures for c in p.components)


def test_shipped_sample_covers_the_required_fields(shipped: Catalogue) -> None:
    used = {p.field for p in shipped.procedures}
    wanted = {"HT", "CT", "DD", "BTXH", "NCC", "GD", "VH", "TNTG", "LLTP", "GPLX", "HKD", "XD"}
    assert wanted <= used
    for field in shipped.fields:
        assert field.code in used, f"lĩnh vực {field.code} không có thủ tục nào"


def test_shipped_sample_carries_the_known_national_codes(shipped: Catalogue) -> None:
    for code in ("1.000894", "2.000635", "2.000815", "1.001776", "1.001193", "1.000656"):
        proc = shipped.procedure(code)
        assert proc is not None and proc.code_verified, code
    copy_cert = shipped.procedure("2.000815")
    assert copy_cert is not None
    assert copy_cert.processing.amount == 0 and copy_cert.cutoff == time(15, 0)
    assert copy_cert.fees[0].per == "page" and copy_cert.fees[0].amount == 2000


def test_shipped_sample_uses_several_time_units_and_fee_modes(shipped: Catalogue) -> None:
    units = {p.processing.unit for p in shipped.procedures}
    assert {"working_days", "calendar_days", "working_hours"} <= units
    collected = {f.collected for p in shipped.procedures for f in p.fees}
    assert collected == {"at_receipt", "at_return", "exempt"}
    assert any(not p.bcci_allowed for p in shipped.procedures)
    assert any(not p.code_verified for p in shipped.procedures)


def test_every_shipped_procedure_has_a_named_competent_agency(shipped: Catalogue) -> None:
    centres = {u.name for u in shipped.units}
    for proc in shipped.procedures:
        for unit in proc.units:
            name = shipped.agency_name(shipped.competent_agency(proc, unit))
            assert name and name not in centres, (proc.code, unit)


def test_shipped_units_name_their_managing_body(shipped: Catalogue) -> None:
    bodies = {u.code: u.managing_body for u in shipped.units}
    assert bodies["000.23.05.H27"] == "Ủy ban nhân dân xã Đức Thọ"
    assert bodies[PROVINCE] == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert all(body.startswith("Ủy ban nhân dân") for body in bodies.values())


def test_shipped_marks_in_person_and_any_commune_procedures(shipped: Catalogue) -> None:
    by_code = {p.code: p for p in shipped.procedures}
    assert by_code["1.000894"].in_person_return  # kết hôn: both parties sign the register
    assert by_code["2.001019"].in_person_submit  # di chúc: the testator comes in person
    assert by_code["2.000884"].in_person_submit  # chữ ký: signed before the certifier
    assert not by_code["1.001193"].in_person_submit and by_code["1.001193"].any_commune
    assert not any(p.any_commune for p in shipped.procedures if p.level == "province")


def test_shipped_text_is_nfc(shipped: Catalogue) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


# ---- records and lookups ----


def test_minimal_document_parses_into_typed_records() -> None:
    cat = parse(minimal())
    assert cat.version == "T-1" and cat.effective_from == date(2025, 7, 1)
    marriage, record = cat.procedures
    assert marriage.agency is None and marriage.cutoff == time(15, 0)
    assert marriage.processing.amount == Decimal(0)
    assert record.agency == POLICE and record.cutoff is None and record.local_code is None
    assert record.processing.unit == "calendar_days" and record.fees[0].amount == 200000
    assert cat.units[0].code_verified is False and cat.units[0].address == ""


def test_lookups_route_by_competent_agency() -> None:
    cat = parse(minimal())
    marriage, record = cat.procedures
    assert cat.procedure("3.000333") is record and cat.procedure("9.999999") is None
    assert cat.procedures_at(COMMUNE) == (marriage,)
    assert cat.competent_agency(marriage, COMMUNE) == COMMUNE
    assert cat.competent_agency(record, PROVINCE) == POLICE
    assert cat.agency_name(POLICE) == "Công an tỉnh Hà Tĩnh"
    assert cat.agency_name("000.99.99.H27") is None
    assert cat.agency_name(COMMUNE) is None  # a centre is no agency, and none manages it here


def test_older_documents_load_with_defaults() -> None:
    doc = minimal()
    doc["agencies"].append({"code": COMMUNE, "name": "Ủy ban nhân dân phường Thành Sen"})
    cat = parse(doc)
    assert cat.units[1].managing_body == "Ủy ban nhân dân phường Thành Sen"  # same-code agency
    assert cat.units[0].managing_body == ""
    marriage = cat.procedures[0]
    assert (marriage.in_person_submit, marriage.in_person_return, marriage.any_commune) == (
        False,
        False,
        False,
    )


@pytest.mark.parametrize("unit", TIME_UNITS)
def test_each_time_unit_and_fractional_amounts_are_accepted(unit: str) -> None:
    doc = minimal()
    doc["procedures"][1]["processing"] = {"amount": "0.5", "unit": unit, "note": "ghi chú"}
    proc = parse(doc).procedures[1]
    assert proc.processing.amount == Decimal("0.5") and proc.processing.unit == unit
    assert proc.processing.note == "ghi chú"


# ---- hash and normalisation ----


def test_sha256_ignores_layout_but_not_content() -> None:
    doc = minimal()
    compact = parse_catalogue(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
    indented = parse_catalogue(json.dumps(doc, ensure_ascii=True, indent=4))
    assert compact.sha256 == indented.sha256 and len(compact.sha256) == 64
    doc["procedures"][0]["name"] = "Đăng ký kết hôn lưu động"
    assert parse(doc).sha256 != compact.sha256


def test_decomposed_text_is_normalised_to_nfc_before_hashing() -> None:
    doc = minimal()
    nfc = parse(doc)
    decomposed = json.loads(unicodedata.normalize("NFD", json.dumps(doc, ensure_ascii=False)))
    parsed = parse(decomposed)
    assert parsed.procedures[0].name == "Đăng ký kết hôn"
    assert unicodedata.is_normalized("NFC", parsed.procedures[0].name)
    assert parsed.sha256 == nfc.sha256


# ---- refusals: one case per rule ----

Mutation = Callable[[dict[str, Any]], None]


def _proc(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["procedures"][0]  # type: ignore[no-any-return]


def _set(path: str, value: Any) -> Mutation:
    """A mutation setting `a.b.0.c`-style paths; `P.` is short for the first procedure."""

    def mutate(doc: dict[str, Any]) -> None:
        keys: list[Any] = [int(k) if k.isdigit() else k for k in path.split(".")]
        node: Any = _proc(doc) if keys[0] == "P" else doc
        for key in keys[1 if keys[0] == "P" else 0 : -1]:
            node = node[key]
        node[keys[-1]] = value

    return mutate


def _drop(key: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        del doc[key]

    return mutate


def _duplicate_procedure(doc: dict[str, Any]) -> None:
    doc["procedures"].append(copy.deepcopy(_proc(doc)))


def _duplicate_unit(doc: dict[str, Any]) -> None:
    doc["units"].append(copy.deepcopy(doc["units"][1]))


P1 = "Thủ tục 1.000894"
FEE = f"{P1}: khoản “Lệ phí kết hôn”"

REFUSALS: list[tuple[str, Mutation, str]] = [
    (
        "format",
        _set("format", "counter_app.catalogue/2"),
        "Danh mục: định dạng “counter_app.catalogue/2” không được hỗ trợ",
    ),
    ("version-empty", _set("version", " "), "Danh mục: không được để trống trường “version”."),
    ("version-missing", _drop("version"), "Danh mục: thiếu trường “version”."),
    ("date", _set("effective_from", "01/07/2025"), "Danh mục: ngày hiệu lực “01/07/2025”"),
    ("notice", _drop("notice"), "Danh mục: thiếu trường “notice”."),
    ("no-procedures", _set("procedures", []), "Danh mục: trường “procedures” không được để trống."),
    ("duplicate-procedure", _duplicate_procedure, "Danh mục: mã thủ tục “1.000894” bị trùng."),
    ("duplicate-unit", _duplicate_unit, "Danh mục: mã đơn vị “000.20.01.H27” bị trùng."),
    (
        "unit-code",
        _set("units.1.code", "H27.001"),
        "Đơn vị thứ 2: mã định danh “H27.001” không đúng dạng 000.00.00.H27.",
    ),
    (
        "unit-level",
        _set("units.1.level", "district"),
        "Đơn vị 000.20.01.H27: giá trị “district” của trường “level” không hợp lệ.",
    ),
    ("unknown-field", _set("P.field", "XX"), f"{P1}: lĩnh vực “XX” không có trong danh mục."),
    (
        "unknown-unit",
        _set("P.units", ["000.99.99.H27"]),
        f"{P1}: đơn vị tiếp nhận “000.99.99.H27” không có trong danh mục.",
    ),
    ("no-units", _set("P.units", []), f"{P1}: trường “units” không được để trống."),
    (
        "unknown-agency",
        _set("P.agency", "000.00.77.H27"),
        f"{P1}: cơ quan giải quyết “000.00.77.H27” không có trong danh mục.",
    ),
    (
        "agency-needed",
        _set("P.units", ["000.00.00.H27"]),
        f"{P1}: thủ tục cấp xã bỏ trống cơ quan giải quyết chỉ được nhận tại cấp xã.",
    ),
    (
        "in-person-flag",
        _set("P.in_person_submit", "có"),
        f"{P1}: trường “in_person_submit” phải là true hoặc false.",
    ),
    (
        "unit-managing-body",
        _set("units.1.managing_body", 5),
        "Đơn vị 000.20.01.H27: trường “managing_body” phải là chuỗi ký tự.",
    ),
    ("code-shape", _set("P.code", "1000894"), "Thủ tục 1000894: mã thủ tục không đúng dạng"),
    (
        "local-code",
        _set("P.local_code", "1.000895.000.00.00.H27"),
        f"{P1}: mã thủ tục địa phương “1.000895.000.00.00.H27” không khớp mã thủ tục.",
    ),
    ("stray-key", _set("P.cuttoff", "15:00"), f"{P1}: trường lạ “cuttoff”."),
    ("time-unit", _set("P.processing.unit", "tuần"), f"{P1}: đơn vị thời hạn “tuần” không hợp lệ."),
    (
        "time-negative",
        _set("P.processing.amount", "-1"),
        f"{P1}: thời hạn giải quyết không được âm.",
    ),
    ("time-text", _set("P.processing.amount", "ba"), f"{P1}: thời hạn “ba” không phải là số."),
    ("time-float", _set("P.processing.amount", 1.5), f"{P1}: thời hạn “1.5” không phải là số."),
    ("time-nan", _set("P.processing.amount", "NaN"), f"{P1}: thời hạn “NaN” không phải là số."),
    ("cutoff", _set("P.cutoff", "25:00"), f"{P1}: giờ chốt “25:00” không đúng dạng HH:MM."),
    ("cutoff-type", _set("P.cutoff", 15), f"{P1}: giờ chốt “15” không đúng dạng HH:MM."),
    ("bcci", _set("P.bcci_allowed", "có"), f"{P1}: trường “bcci_allowed” phải là true hoặc false."),
    (
        "fee-collected",
        _set("P.fees.0.collected", "later"),
        f"{FEE}: giá trị “later” của trường “collected” không hợp lệ.",
    ),
    (
        "fee-kind",
        _set("P.fees.0.kind", "thue"),
        f"{FEE}: giá trị “thue” của trường “kind” không hợp lệ.",
    ),
    (
        "fee-negative",
        _set("P.fees.0.amount", -5),
        f"{FEE}: trường “amount” phải là số nguyên không âm.",
    ),
    (
        "fee-exempt-with-amount",
        _set("P.fees.0.amount", 5000),
        f"{FEE}: miễn thu (exempt) khi và chỉ khi số tiền bằng 0.",
    ),
    (
        "fee-per",
        _set("P.fees.0.per", "month"),
        f"{FEE}: giá trị “month” của trường “per” không hợp lệ.",
    ),
    ("no-components", _set("P.components", []), f"{P1}: trường “components” không được để trống."),
    (
        "component-count",
        _set("P.components.0.originals", 0),
        f"{P1}: thành phần “Tờ khai”: phải có ít nhất một bản chính hoặc bản sao.",
    ),
    (
        "component-type",
        _set("P.components.0.copies", "1"),
        f"{P1}: thành phần “Tờ khai”: trường “copies” phải là số nguyên không âm.",
    ),
    (
        "component-name",
        _set("P.components.0.name", ""),
        f"{P1}: thành phần hồ sơ: không được để trống trường “name”.",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "message"), [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS]
)
def test_bad_documents_are_refused_with_the_right_message(mutate: Mutation, message: str) -> None:
    doc = minimal()
    mutate(doc)
    with pytest.raises(CatalogueError) as caught:
        parse(doc)
    assert str(caught.value).startswith(message), str(caught.value)


def test_procedure_errors_carry_the_procedure_code() -> None:
    doc = minimal()
    _set("P.processing.unit", "tuần")(doc)
    with pytest.raises(CatalogueError) as caught:
        parse(doc)
    assert caught.value.procedure_code == "1.000894"
    assert isinstance(caught.value, UserError) and caught.value.code == "catalogue.invalid"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "Tệp danh mục không phải JSON hợp lệ (dòng 1, cột 2)."),
        ('{"version": "a", "version": "b"}', "Danh mục: có trường bị lặp"),
        ("[]", "Danh mục: phải là một đối tượng JSON."),
    ],
)
def test_malformed_text_is_refused(text: str, message: str) -> None:
    with pytest.raises(CatalogueError, match="^" + re.escape(message)):
        parse_catalogue(text)
