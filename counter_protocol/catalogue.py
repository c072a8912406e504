"""The procedure catalogue (danh mục TTHC): parse and validate catalogue JSON into records."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, time
from decimal import Decimal
from typing import Any

from counter_protocol.errors import UserError
from counter_protocol.ops import TEXT_LIMITS
from counter_protocol.texts import QT_TRANSLATE_NOOP, Marked

FORMAT_TAG = "counter_app.catalogue/1"
TIME_UNITS = ("working_days", "working_hours", "half_days", "calendar_days")
LEVELS = ("province", "commune")
FEE_KINDS = ("le_phi", "phi")
FEE_COLLECTED = ("at_receipt", "at_return", "exempt")
FEE_PER = ("case", "page", "copy")

_PROCEDURE_CODE = re.compile(r"\d\.\d{6}")
_AGENCY_CODE = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}")
_CUTOFF = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")  # plain decimal text: no exponent, NaN or spaces
CATALOGUE_VERSION_LIMIT = TEXT_LIMITS["catalogue_version"]  # what the server takes

_TOP_KEYS = tuple(
    "format sample_data notice version effective_from province units agencies fields"  # noqa: SIM905
    " procedures".split()
)
_PROCEDURE_KEYS = (
    "code", "local_code", "code_verified", "name", "field", "level", "units", "agency",
    "processing", "cutoff", "bcci_allowed", "fees", "components", "legal_basis",
    "in_person_submit", "in_person_return", "any_commune",  # optional, default false
)  # fmt: skip
_UNIT_KEYS = ("code", "name", "level", "address", "phone", "code_verified", "managing_body")

Json = dict[str, Any]
_Keys = tuple[str, ...] | None  # the keys an object may have; None: do not check


class CatalogueError(UserError):
    """A catalogue document was refused; the message (Vietnamese) names the procedure and field."""

    default_code = "catalogue.invalid"

    def __init__(
        self,
        message: str,
        procedure_code: str | None = None,
        *,
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, params=params)
        self.procedure_code = procedure_code


@dataclass(frozen=True)
class CatalogueUnit:  # a receiving unit: Trung tâm Phục vụ hành chính công / Bộ phận Một cửa
    code: str
    name: str
    level: str
    address: str
    phone: str
    code_verified: bool
    # The body that runs the centre and decides what no named agency decides: "Ủy ban nhân dân
    # xã Đức Thọ". Older files without it take the agency of the same code ("" if none).
    managing_body: str = ""


@dataclass(frozen=True)
class Agency:  # a competent agency (cơ quan có thẩm quyền giải quyết)
    code: str  # mã định danh, QĐ 20/2020/QĐ-TTg
    name: str
    code_verified: bool


@dataclass(frozen=True)
class Field:  # lĩnh vực
    code: str
    name: str


@dataclass(frozen=True)
class ProcessingTime:
    """The legal deadline (thời hạn giải quyết); amount 0 working days means "trong ngày"."""

    amount: Decimal
    unit: str
    note: str = ""


@dataclass(frozen=True)
class Fee:
    """One phí or lệ phí line, in whole đồng, per case, page or copy."""

    kind: str
    name: str
    amount: int
    collected: str
    per: str = "case"
    note: str = ""


@dataclass(frozen=True)
class Component:  # thành phần hồ sơ: how many originals (bản chính) and copies (bản sao)
    name: str
    originals: int
    copies: int
    required: bool


@dataclass(frozen=True)
class Procedure:
    """One administrative procedure; `agency` None means the managing body (UBND) of the competent
    commune, or of the province for a province procedure, decides (docs/domain.md#routing)."""

    code: str
    local_code: str | None
    code_verified: bool
    name: str
    field: str
    level: str
    units: tuple[str, ...]
    agency: str | None
    processing: ProcessingTime
    cutoff: time | None
    bcci_allowed: bool
    fees: tuple[Fee, ...]
    components: tuple[Component, ...]
    legal_basis: str
    in_person_submit: bool = False  # the applicant must come to submit: never by post
    in_person_return: bool = False  # the applicant must come to collect: never by post
    any_commune: bool = False  # any commune centre of the province receives it (ND 118/2025)


@dataclass(frozen=True)
class Catalogue:
    """A validated catalogue version; `sha256` is taken over its canonical NFC JSON text."""

    version: str
    effective_from: date
    sample_data: bool
    notice: str
    province_code: str
    province_name: str
    units: tuple[CatalogueUnit, ...]
    agencies: tuple[Agency, ...]
    fields: tuple[Field, ...]
    procedures: tuple[Procedure, ...]
    sha256: str

    def procedure(self, code: str) -> Procedure | None:
        return next((p for p in self.procedures if p.code == code), None)

    def unit(self, code: str) -> CatalogueUnit | None:
        return next((u for u in self.units if u.code == code), None)

    def procedures_at(self, unit_code: str) -> tuple[Procedure, ...]:
        """The procedures the catalogue lists for a unit, in catalogue order (domain/routing.py
        adds the commune procedures any commune centre receives)."""
        return tuple(p for p in self.procedures if unit_code in p.units)

    def competent_agency(self, procedure: Procedure, receiving_unit: str) -> str:
        """Code of the agency that decides `procedure` received at `receiving_unit` when the
        applicant belongs to that unit's commune: the named agency, else the commune's (or for a
        province procedure the province's) managing body, which shares the unit's code."""
        if procedure.agency is not None:
            return procedure.agency
        return receiving_unit if procedure.level == "commune" else self.province_code

    def agency_name(self, code: str) -> str | None:
        """Name of the agency with this code: a listed agency, else the managing body of the unit
        with this code. Never a centre's name: a centre receives, it does not decide."""
        names = {u.code: u.managing_body for u in self.units if u.managing_body}
        return (names | {a.code: a.name for a in self.agencies}).get(code)


def parse_catalogue(text: str) -> Catalogue:
    """Parse and validate a catalogue document; raise CatalogueError naming what is wrong."""
    tree = _nfc(_load_json(text))
    canonical = json.dumps(tree, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    catalogue = _build(
        _Reader.of(tree, _place(QT_TRANSLATE_NOOP("messages", "Danh mục")), _TOP_KEYS), digest
    )
    _check_references(catalogue)
    return catalogue


def _load_json(text: str) -> Any:
    def refuse_duplicates(pairs: list[tuple[str, Any]]) -> Json:
        if len({key for key, _ in pairs}) != len(pairs):
            raise CatalogueError(
                QT_TRANSLATE_NOOP(
                    "messages", "Danh mục: có trường bị lặp trong cùng một đối tượng JSON."
                )
            )
        return dict(pairs)

    try:
        return json.loads(text, object_pairs_hook=refuse_duplicates)
    except json.JSONDecodeError as exc:
        raise CatalogueError(
            QT_TRANSLATE_NOOP(
                "messages", "Tệp danh mục không phải JSON hợp lệ (dòng {line}, cột {column})."
            ),
            params={"line": exc.lineno, "column": exc.colno},
        ) from exc


def _nfc(value: Any) -> Any:
    """NFC-normalise every string, keys included, so comparisons and the hash are stable."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    if isinstance(value, dict):
        return {unicodedata.normalize("NFC", k): _nfc(v) for k, v in value.items()}
    return value


def _place(template: str, **params: object) -> Marked:
    """The object a refusal is about, as a marked template (“Thủ tục {code}”) and its values:
    the refusal names it through {where}, and a screen shows it in the clerk's language."""
    return Marked(template, params)


def _procedure_place(code: str) -> Marked:
    return _place(QT_TRANSLATE_NOOP("messages", "Thủ tục {code}"), code=code)


@dataclass(frozen=True)
class _Reader:  # typed access to one JSON object; `where` and `code` name it in every message
    raw: Json
    where: Marked  # a marked place and its values: a screen translates it with the message
    code: str | None = None

    @classmethod
    def of(cls, value: Any, where: Marked, keys: _Keys, code: str | None = None) -> _Reader:
        if not isinstance(value, dict):
            raise CatalogueError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: phải là một đối tượng JSON.",
                ),
                code,
                params={"where": where},
            )
        if stray := [key for key in value if keys is not None and key not in keys]:
            raise CatalogueError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường lạ “{stray}”.",
                ),
                code,
                params={"where": where, "stray": stray[0]},
            )
        return cls(value, where, code)

    def fail(self, template: str, **params: object) -> CatalogueError:
        """A refusal about this object: `template` (marked) names it with {where}."""
        return CatalogueError(template, self.code, params={"where": self.where, **params})

    def text(self, key: str, allowed: tuple[str, ...] = (), required: bool = True) -> str:
        value = self.raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                if value is None:
                    raise self.fail(
                        QT_TRANSLATE_NOOP("messages", "{where}: thiếu trường “{key}”."), key=key
                    )
                raise self.fail(
                    QT_TRANSLATE_NOOP("messages", "{where}: không được để trống trường “{key}”."),
                    key=key,
                )
            return ""
        if not isinstance(value, str):
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” phải là chuỗi ký tự.",
                ),
                key=key,
            )
        if allowed and value.strip() not in allowed:
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: giá trị “{value}” của trường “{key}” không hợp lệ.",
                ),
                value=value,
                key=key,
            )
        return value.strip()

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” phải là true hoặc false.",
                ),
                key=key,
            )
        return value

    def count(self, key: str) -> int:
        value = self.raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” phải là số nguyên không âm.",
                ),
                key=key,
            )
        return value

    def items(self, key: str, non_empty: bool = False) -> list[Any]:
        value = self.raw.get(key)
        if not isinstance(value, list):
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” phải là danh sách.",
                ),
                key=key,
            )
        if non_empty and not value:
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” không được để trống.",
                ),
                key=key,
            )
        return value

    def agency_code(self) -> str:
        code = self.text("code")
        if not _AGENCY_CODE.fullmatch(code):
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: mã định danh “{code}” không đúng dạng 000.00.00.H27.",
                ),
                code=code,
            )
        return code


def _build(root: _Reader, digest: str) -> Catalogue:
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
    province = _Reader.of(
        root.raw.get("province"),
        _place(QT_TRANSLATE_NOOP("messages", "Danh mục: tỉnh")),
        ("code", "name"),
    )
    effective = root.text("effective_from")
    try:
        effective_from = date.fromisoformat(effective)
    except ValueError:
        raise root.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: ngày hiệu lực “{effective}” không đúng dạng YYYY-MM-DD.",
            ),
            effective=effective,
        ) from None
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
        procedures=_each(root, "procedures", _procedure, QT_TRANSLATE_NOOP("labels", "thủ tục")),
        sha256=digest,
    )


def _version(root: _Reader) -> str:
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
    root: _Reader, key: str, build: Callable[[Any, int], C], label: str
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
    r = _Reader.of(
        value, _place(QT_TRANSLATE_NOOP("messages", "Đơn vị thứ {nth}"), nth=nth), _UNIT_KEYS
    )
    code = r.agency_code()
    r = _Reader(r.raw, _place(QT_TRANSLATE_NOOP("messages", "Đơn vị {code}"), code=code))
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
    r = _Reader.of(
        value,
        _place(QT_TRANSLATE_NOOP("messages", "Cơ quan thứ {nth}"), nth=nth),
        ("code", "name", "code_verified"),
    )
    code = r.agency_code()
    r = _Reader(r.raw, _place(QT_TRANSLATE_NOOP("messages", "Cơ quan {code}"), code=code))
    return Agency(code, r.text("name"), r.flag("code_verified", default=False))


def _field(value: Any, nth: int) -> Field:
    r = _Reader.of(
        value,
        _place(QT_TRANSLATE_NOOP("messages", "Lĩnh vực thứ {nth}"), nth=nth),
        ("code", "name"),
    )
    return Field(r.text("code"), r.text("name"))


def _procedure(value: Any, nth: int) -> Procedure:
    code = _Reader.of(
        value, _place(QT_TRANSLATE_NOOP("messages", "Thủ tục thứ {nth}"), nth=nth), None
    ).text("code")
    r = _Reader.of(value, _procedure_place(code), _PROCEDURE_KEYS, code)
    if not _PROCEDURE_CODE.fullmatch(code):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: mã thủ tục không đúng dạng N.NNNNNN.",
            )
        )
    units = r.items("units", non_empty=True)
    if not all(isinstance(u, str) for u in units):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: trường “units” chỉ được chứa mã đơn vị.",
            )
        )
    return Procedure(
        code=code,
        local_code=_local_code(r),
        code_verified=r.flag("code_verified"),
        name=r.text("name"),
        field=r.text("field"),
        level=r.text("level", LEVELS),
        units=tuple(units),
        agency=None if value.get("agency") is None else r.text("agency"),
        processing=_processing(r),
        cutoff=_cutoff(r),
        bcci_allowed=r.flag("bcci_allowed"),
        fees=tuple(_fee(item, code) for item in r.items("fees")),
        components=tuple(_component(c, code) for c in r.items("components", non_empty=True)),
        legal_basis=r.text("legal_basis"),
        in_person_submit=r.flag("in_person_submit", default=False),
        in_person_return=r.flag("in_person_return", default=False),
        any_commune=r.flag("any_commune", default=False),
    )


def _local_code(r: _Reader) -> str | None:
    value, code = r.raw.get("local_code"), str(r.code)
    if value is not None and not _AGENCY_CODE.fullmatch(str(value).removeprefix(code + ".")):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: mã thủ tục địa phương “{value}” không khớp mã thủ tục.",
            ),
            value=value,
        )
    return None if value is None else str(value)


def _processing(r: _Reader) -> ProcessingTime:
    keys = ("amount", "unit", "note")
    p = _Reader.of(
        r.raw.get("processing"),
        _place(QT_TRANSLATE_NOOP("messages", "{where}: thời hạn"), where=r.where),
        keys,
        r.code,
    )
    unit = p.text("unit")
    if unit not in TIME_UNITS:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: đơn vị thời hạn “{unit}” không hợp lệ.",
            ),
            unit=unit,
        )
    value = p.raw.get("amount")
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not _NUMBER.fullmatch(text):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: thời hạn “{value}” không phải là số.",
            ),
            value=value,
        )
    if (amount := Decimal(text)) < 0:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: thời hạn giải quyết không được âm.",
            )
        )
    return ProcessingTime(amount, unit, p.text("note", required=False))


def _cutoff(r: _Reader) -> time | None:
    value = r.raw.get("cutoff")
    if value is None:
        return None
    match = _CUTOFF.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: giờ chốt “{value}” không đúng dạng HH:MM.",
            ),
            value=value,
        )
    return time(int(match.group(1)), int(match.group(2)))


def _fee(value: Any, code: str) -> Fee:
    keys = ("kind", "name", "amount", "collected", "per", "note")
    r = _Reader.of(
        value,
        _place(QT_TRANSLATE_NOOP("messages", "Thủ tục {code}: phí, lệ phí"), code=code),
        keys,
        code,
    )
    name = r.text("name")
    r = _Reader(
        r.raw,
        _place(
            QT_TRANSLATE_NOOP("messages", "Thủ tục {code}: khoản “{name}”"), code=code, name=name
        ),
        code,
    )
    collected, amount = r.text("collected", FEE_COLLECTED), r.count("amount")
    if (collected == "exempt") != (amount == 0):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: miễn thu (exempt) khi và chỉ khi số tiền bằng 0.",
            )
        )
    per = r.text("per", FEE_PER, required=False) or "case"
    kind, note = r.text("kind", FEE_KINDS), r.text("note", required=False)
    return Fee(kind, name, amount, collected, per, note)


def _component(value: Any, code: str) -> Component:
    keys = ("name", "originals", "copies", "required")
    r = _Reader.of(
        value,
        _place(QT_TRANSLATE_NOOP("messages", "Thủ tục {code}: thành phần hồ sơ"), code=code),
        keys,
        code,
    )
    name = r.text("name")
    r = _Reader(
        r.raw,
        _place(
            QT_TRANSLATE_NOOP("messages", "Thủ tục {code}: thành phần “{name}”"),
            code=code,
            name=name,
        ),
        code,
    )
    originals, copies = r.count("originals"), r.count("copies")
    if originals + copies < 1:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: phải có ít nhất một bản chính hoặc bản sao.",
            )
        )
    return Component(name, originals, copies, r.flag("required"))


def _check_references(catalogue: Catalogue) -> None:
    unit_levels = {u.code: u.level for u in catalogue.units}
    agencies = {a.code for a in catalogue.agencies} | set(unit_levels)
    fields = {f.code for f in catalogue.fields}
    for proc in catalogue.procedures:
        r = _Reader({}, _procedure_place(proc.code), proc.code)
        if proc.field not in fields:
            raise r.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: lĩnh vực “{field}” không có trong danh mục.",
                ),
                field=proc.field,
            )
        if unknown := [u for u in proc.units if u not in unit_levels]:
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
