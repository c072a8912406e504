"""The address units of 2025 (two levels: 34 provinces and their communes) the postal screens
pick from; a reference file shipped with the counter (docs/domain.md#post)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from counter_app.assets import get_asset
from counter_app.services.errors import ServiceError
from counter_protocol.texts import QT_TRANSLATE_NOOP

UNITS_FILE = ("catalogue", "address-units-2025-sample.json")


@dataclass(frozen=True)
class AddressUnit:
    code: str
    name: str


@dataclass(frozen=True)
class AddressUnits:
    """Provinces in the file's order; communes by province code, in the file's order."""

    provinces: tuple[AddressUnit, ...]
    communes: dict[str, tuple[AddressUnit, ...]]

    def province(self, code: str) -> AddressUnit:
        for unit in self.provinces:
            if unit.code == code:
                return unit
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không có tỉnh, thành phố mã “{code}”.",
            ),
            field="province",
            params={"code": code},
        )

    def commune(self, province_code: str, code: str) -> AddressUnit:
        for unit in self.communes.get(province_code, ()):
            if unit.code == code:
                return unit
        name = self.province(province_code).name
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{name} không có xã, phường mã “{code}”.",
            ),
            field="commune",
            params={"name": name, "code": code},
        )

    def communes_of(self, province_code: str) -> tuple[AddressUnit, ...]:
        return self.communes.get(province_code, ())


def read_units(path: Path) -> AddressUnits:
    document = json.loads(path.read_text("utf-8"))
    provinces = tuple(AddressUnit(p["code"], p["name"]) for p in document["provinces"])
    communes: dict[str, list[AddressUnit]] = {}
    for c in document["communes"]:
        communes.setdefault(c["province_code"], []).append(AddressUnit(c["code"], c["name"]))
    return AddressUnits(provinces, {k: tuple(v) for k, v in communes.items()})


@cache
def shipped_units() -> AddressUnits:
    """The reference file shipped with the counter, read once."""
    return read_units(get_asset(*UNITS_FILE))
