"""Load the procedure catalogue (shipped or published) into the store, and read it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from counter_app.assets import get_asset
from counter_app.domain.text import fold
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import CatalogueVersion, Procedure, Unit
from counter_app.services.errors import ServiceError
from counter_app.services.store import Store
from counter_protocol.catalogue.document import parse_catalogue
from counter_protocol.catalogue.reader import CatalogueError
from counter_protocol.catalogue.records import Catalogue
from counter_protocol.catalogue.records import Procedure as CatalogueProcedure
from counter_protocol.texts import QT_TRANSLATE_NOOP

SHIPPED_CATALOGUE = ("catalogue", "ha-tinh-sample.json")


def shipped_catalogue_path() -> Path:
    return get_asset(*SHIPPED_CATALOGUE)


def read_catalogue_file(path: Path) -> tuple[Catalogue, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không đọc được tệp danh mục {path}: {exc}",
            ),
            params={"path": path, "exc": exc},
        ) from exc
    return parse_catalogue_text(text, path.name), text


def parse_catalogue_text(text: str, name: str) -> Catalogue:
    try:
        return parse_catalogue(text)
    except CatalogueError as exc:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Danh mục {name} không hợp lệ: {exc}",
            ),
            params={"name": name, "exc": exc},
        ) from exc


def install_catalogue(session: Session, catalogue: Catalogue, text: str, source: str) -> bool:
    """Store a catalogue version and make it current. Returns False if it was already stored."""
    existing = session.scalar(
        select(CatalogueVersion).where(CatalogueVersion.version == catalogue.version)
    )
    if existing is not None:
        if existing.sha256 != catalogue.sha256:
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Danh mục phiên bản {version} đã có trên máy với nội dung khác; mỗi "
                    "phiên bản mới phải có số phiên bản mới.",
                ),
                params={"version": catalogue.version},
            )
        return False
    session.execute(update(CatalogueVersion).values(is_current=False))
    version = CatalogueVersion(
        version=catalogue.version,
        sha256=catalogue.sha256,
        effective_from=catalogue.effective_from,
        loaded_at=now_vn(),
        source=source,
        is_current=True,
        sample_data=catalogue.sample_data,
        document=text,
    )
    session.add(version)
    session.flush()
    _install_units(session, catalogue)
    # A centre and its UBND may share a code: the agency's name is the UBND's (the unit's
    # managing body), never the centre's, which receives but does not decide.
    agencies = {u.code: u.managing_body for u in catalogue.units if u.managing_body}
    agencies.update({a.code: a.name for a in catalogue.agencies})
    fields = {f.code: f.name for f in catalogue.fields}
    for proc in catalogue.procedures:
        session.add(_procedure_row(version.id, proc, agencies, fields))
    return True


def _install_units(session: Session, catalogue: Catalogue) -> None:
    for unit in catalogue.units:
        row = session.scalar(select(Unit).where(Unit.code == unit.code))
        if row is None:
            row = Unit(code=unit.code)
            session.add(row)
        row.name, row.level = unit.name, unit.level
        row.address, row.phone, row.is_agency = unit.address, unit.phone, False
        row.managing_body = unit.managing_body or None
    for agency in catalogue.agencies:
        if session.scalar(select(Unit.id).where(Unit.code == agency.code)) is None:
            session.add(Unit(code=agency.code, name=agency.name, level="agency", is_agency=True))


def _procedure_row(
    version_id: int, proc: CatalogueProcedure, agencies: dict[str, str], fields: dict[str, str]
) -> Procedure:
    return Procedure(
        catalogue_version_id=version_id,
        code=proc.code,
        local_code=proc.local_code,
        name=proc.name,
        name_folded=fold(f"{proc.code} {proc.name}"),
        field_code=proc.field,
        field_name=fields[proc.field],
        level=proc.level,
        # No agency in the catalogue: the competent commune's (or province's) UBND decides, which
        # depends on where the dossier is received (domain/routing.py); the row keeps "".
        agency_code=proc.agency or "",
        agency_name=agencies.get(proc.agency or "", ""),
        processing_amount=str(proc.processing.amount),
        processing_unit=proc.processing.unit,
        cutoff=proc.cutoff.strftime("%H:%M") if proc.cutoff else None,
        bcci_allowed=proc.bcci_allowed,
        fees_json=json.dumps([asdict(f) for f in proc.fees], ensure_ascii=False),
        components_json=json.dumps([asdict(c) for c in proc.components], ensure_ascii=False),
        units_json=json.dumps(list(proc.units), ensure_ascii=False),
        in_person_submit=proc.in_person_submit,
        in_person_return=proc.in_person_return,
        any_commune=proc.any_commune,
    )


def ensure_catalogue(store: Store) -> str:
    """Install the shipped sample catalogue if the store has none; return the current version."""
    with store.write() as session:
        current = current_version(session)
        if current is not None:
            return current
        catalogue, text = read_catalogue_file(shipped_catalogue_path())
        install_catalogue(session, catalogue, text, source=str(SHIPPED_CATALOGUE[-1]))
        return catalogue.version


def current_version(session: Session) -> str | None:
    return session.scalar(
        select(CatalogueVersion.version).where(CatalogueVersion.is_current.is_(True))
    )


def current_procedure_by_code(session: Session, code: str) -> Procedure | None:
    return session.scalar(
        select(Procedure)
        .join(CatalogueVersion, CatalogueVersion.id == Procedure.catalogue_version_id)
        .where(CatalogueVersion.is_current.is_(True), Procedure.code == code.strip())
    )


_PARSED: dict[str, Catalogue] = {}  # sha256 → parsed document: a version never changes content


def current_catalogue(session: Session) -> Catalogue | None:
    """The current catalogue as published (parsed once per content), or None before any load."""
    current = CatalogueVersion.is_current.is_(True)
    sha256 = session.scalar(select(CatalogueVersion.sha256).where(current))
    if sha256 is None:
        return None
    if sha256 not in _PARSED:
        document = session.scalar(select(CatalogueVersion.document).where(current))
        _PARSED[sha256] = parse_catalogue_text(str(document), "hiện hành")
    return _PARSED[sha256]
