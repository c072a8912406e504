"""The catalogue is data, versioned: a dossier keeps the version it was received under."""

from __future__ import annotations

import json

import pytest

from counter_app.services.catalogue import (
    install_catalogue,
    parse_catalogue_text,
    shipped_catalogue_path,
)
from counter_app.services.errors import ServiceError
from counter_devkit.intake import PROCEDURE, intake


def _next_version(processing_days: str) -> str:
    doc = json.loads(shipped_catalogue_path().read_text(encoding="utf-8"))
    doc["version"] = "HT-2027.01-sample.3"
    for proc in doc["procedures"]:
        if proc["code"] == PROCEDURE:
            proc["processing"] = {"amount": processing_days, "unit": "working_days"}
            proc["cutoff"] = None
    return json.dumps(doc, ensure_ascii=False)


def test_shipped_catalogue_is_marked_as_sample_and_rich_enough() -> None:
    catalogue = parse_catalogue_text(shipped_catalogue_path().read_text(encoding="utf-8"), "x")
    assert catalogue.sample_data
    assert len(catalogue.procedures) >= 40
    assert len({p.field for p in catalogue.procedures}) >= 6
    assert {u.level for u in catalogue.units} >= {"province", "commune"}


def test_new_version_applies_to_new_dossiers_only(services) -> None:
    old_code = services.dossiers.receive(intake())
    old_version = services.details.get(old_code).catalogue_version
    text = _next_version("2")
    with services.store.write() as session:
        assert install_catalogue(session, parse_catalogue_text(text, "v2"), text, "test")
    new_code = services.dossiers.receive(intake())
    assert services.details.get(new_code).catalogue_version == "HT-2027.01-sample.3"
    old = services.details.get(old_code)
    assert old.catalogue_version == old_version
    assert old.processing_text == "Trong ngày"  # still read from the version it was received under
    assert services.details.get(new_code).processing_text == "02 ngày làm việc"


def test_same_version_with_other_content_is_refused(services) -> None:
    text = _next_version("2")
    with services.store.write() as session:
        install_catalogue(session, parse_catalogue_text(text, "v2"), text, "test")
    changed = _next_version("3")
    with pytest.raises(ServiceError, match="nội dung khác"), services.store.write() as session:
        install_catalogue(session, parse_catalogue_text(changed, "v2b"), changed, "test")


def test_a_broken_catalogue_is_refused_with_the_procedure_named() -> None:
    doc = json.loads(shipped_catalogue_path().read_text(encoding="utf-8"))
    doc["procedures"][0]["processing"]["unit"] = "tuần"
    with pytest.raises(ServiceError, match=doc["procedures"][0]["code"]):
        parse_catalogue_text(json.dumps(doc, ensure_ascii=False), "bad.json")


def test_a_version_longer_than_the_server_takes_is_refused_before_any_dossier_carries_it() -> None:
    doc = json.loads(shipped_catalogue_path().read_text(encoding="utf-8"))
    doc["version"] = "HT-" + "9" * 38
    with pytest.raises(ServiceError, match="dài 41 ký tự; tối đa 40 ký tự"):
        parse_catalogue_text(json.dumps(doc, ensure_ascii=False), "long.json")
    doc["version"] = "HT-" + "9" * 37
    fits = parse_catalogue_text(json.dumps(doc, ensure_ascii=False), "ok.json")
    assert len(fits.version) == 40
