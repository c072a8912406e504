"""Routing by competent authority over the shipped catalogue: who may receive what, who decides,
and what the applicant must do in person."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.kinds import Channel, ResultDelivery
from counter_app.domain.routing import (
    InPersonRequired,
    RoutingRefused,
    admit,
    check_in_person,
    may_receive,
    receivable_procedures,
    route,
)
from counter_protocol.catalogue.document import parse_catalogue
from counter_protocol.catalogue.records import Catalogue

SHIPPED = Path(__file__).resolve().parents[3] / "resources" / "catalogue" / "ha-tinh-sample.json"
SHIPPED_CATALOGUE = parse_catalogue(SHIPPED.read_text(encoding="utf-8"))
PROVINCE, THANH_SEN, DUC_THO = "000.00.00.H27", "000.20.01.H27", "000.23.05.H27"
CRIMINAL_RECORD, BIRTH, MARRIAGE, WILL = "3.000333", "1.001193", "1.000894", "2.001019"
LAND_MEDIATION, RESIDENCE = "1.012812", "1.010041"

units = st.sampled_from([u.code for u in SHIPPED_CATALOGUE.units] + ["000.99.99.H27"])
procedures = st.sampled_from([p.code for p in SHIPPED_CATALOGUE.procedures])
channels = st.sampled_from(list(Channel))
deliveries = st.sampled_from(list(ResultDelivery))
roles = st.sampled_from(["clerk", "supervisor", "it"])
reasons = st.sampled_from([None, "", "   ", "Người yêu cầu đang điều trị tại bệnh viện"])


@given(units, procedures, st.sampled_from([None, THANH_SEN, DUC_THO, PROVINCE]))
def test_every_pair_routes_to_a_named_authority_or_is_refused_in_words(
    unit: str, code: str, home: str | None
) -> None:
    centres = {u.name for u in SHIPPED_CATALOGUE.units}
    try:
        found = route(SHIPPED_CATALOGUE, unit, code, home)
    except RoutingRefused as refused:
        assert refused.message.strip() and refused.code == "routing.refused"
        return
    assert found.competent_name and found.competent_name not in centres
    procedure = SHIPPED_CATALOGUE.procedure(code)
    assert procedure is not None and may_receive(SHIPPED_CATALOGUE, unit, procedure)
    if procedure.agency is not None:
        assert found.competent_code == procedure.agency


@given(procedures, channels, deliveries, roles, reasons)
def test_in_person_and_post_are_refused_unless_a_supervisor_gives_a_reason(
    code: str, channel: Channel, delivery: ResultDelivery, role: str, reason: str | None
) -> None:
    procedure = SHIPPED_CATALOGUE.procedure(code)
    assert procedure is not None
    breaks = (procedure.in_person_submit and channel == Channel.POSTAL) or (
        procedure.in_person_return and delivery == ResultDelivery.BY_POST
    )
    allowed = role == "supervisor" and bool((reason or "").strip())
    try:
        override = check_in_person(procedure, channel, delivery, role=role, override_reason=reason)
    except InPersonRequired as refused:
        assert breaks and not allowed and "trực tiếp có mặt" in refused.message
        return
    if not breaks:
        assert override is None
    else:
        assert allowed and reason and override and reason.strip() in override


def test_a_provincial_procedure_is_refused_at_a_commune_centre() -> None:
    with pytest.raises(RoutingRefused) as refused:
        route(SHIPPED_CATALOGUE, DUC_THO, CRIMINAL_RECORD)
    assert refused.value.message.startswith(f"Thủ tục {CRIMINAL_RECORD} Cấp Phiếu lý lịch")
    assert (
        "do cấp tỉnh giải quyết: Trung tâm Phục vụ hành chính công xã Đức Thọ không tiếp "
        "nhận." in refused.value.message
    )
    assert "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh" in refused.value.advice


def test_a_commune_procedure_is_refused_at_the_provincial_centre() -> None:
    with pytest.raises(RoutingRefused) as refused:
        route(SHIPPED_CATALOGUE, PROVINCE, BIRTH)
    assert "do cấp xã giải quyết: Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh không" in (
        refused.value.message
    )
    assert "mọi Trung tâm Phục vụ hành chính công cấp xã" in refused.value.advice


def test_the_commune_ubnd_decides_not_the_centre() -> None:
    found = route(SHIPPED_CATALOGUE, DUC_THO, BIRTH)
    assert (found.competent_code, found.competent_name) == (DUC_THO, "Ủy ban nhân dân xã Đức Thọ")
    assert found.receiving_name == "Trung tâm Phục vụ hành chính công xã Đức Thọ"
    assert not found.across_boundary


def test_any_commune_centre_receives_for_the_applicants_commune() -> None:
    found = route(SHIPPED_CATALOGUE, DUC_THO, BIRTH, home_commune=THANH_SEN)
    assert found.receiving_code == DUC_THO and found.competent_code == THANH_SEN
    assert found.competent_name == "Ủy ban nhân dân phường Thành Sen" and found.across_boundary


def test_a_bounded_commune_procedure_stays_with_its_commune() -> None:
    with pytest.raises(RoutingRefused) as refused:
        route(SHIPPED_CATALOGUE, DUC_THO, LAND_MEDIATION, home_commune=THANH_SEN)
    assert "không tiếp nhận phi địa giới" in refused.value.message
    assert "Ủy ban nhân dân phường Thành Sen" in refused.value.message
    assert refused.value.field == "competent_commune"


def test_the_named_commune_must_be_a_commune_of_the_catalogue() -> None:
    with pytest.raises(RoutingRefused, match="không phải xã, phường trong danh mục"):
        route(SHIPPED_CATALOGUE, DUC_THO, BIRTH, home_commune=PROVINCE)


def test_a_named_agency_decides_wherever_it_is_received() -> None:
    found = route(SHIPPED_CATALOGUE, THANH_SEN, RESIDENCE, home_commune=DUC_THO)
    assert found.competent_name == "Công an phường Thành Sen"
    assert route(SHIPPED_CATALOGUE, PROVINCE, CRIMINAL_RECORD).competent_name == (
        "Công an tỉnh Hà Tĩnh"
    )
    with pytest.raises(RoutingRefused):
        route(SHIPPED_CATALOGUE, DUC_THO, RESIDENCE)  # only Thành Sen's police registers it


def test_unknown_unit_and_procedure_are_refused() -> None:
    with pytest.raises(RoutingRefused, match=re.escape("Đơn vị mã “000.99.99.H27”")):
        route(SHIPPED_CATALOGUE, "000.99.99.H27", BIRTH)
    with pytest.raises(RoutingRefused, match=re.escape("Không có thủ tục mã “9.999999”")):
        route(SHIPPED_CATALOGUE, DUC_THO, "9.999999")


def test_the_picker_lists_only_what_the_unit_receives() -> None:
    at_province = {p.code for p in receivable_procedures(SHIPPED_CATALOGUE, PROVINCE)}
    at_commune = {p.code for p in receivable_procedures(SHIPPED_CATALOGUE, DUC_THO)}
    assert CRIMINAL_RECORD in at_province and BIRTH not in at_province
    assert BIRTH in at_commune and CRIMINAL_RECORD not in at_commune
    assert all(p.level == "province" for p in receivable_procedures(SHIPPED_CATALOGUE, PROVINCE))


def _document(**procedure: Any) -> Catalogue:
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    doc["units"].append(
        {
            "code": "000.23.09.H27",
            "name": "Trung tâm Phục vụ hành chính công xã Can Lộc",
            "level": "commune",
            "managing_body": "Ủy ban nhân dân xã Can Lộc",
        }
    )
    doc["procedures"] = [p | procedure for p in doc["procedures"] if p["code"] == BIRTH]
    return parse_catalogue(json.dumps(doc, ensure_ascii=False))


def test_any_commune_reaches_communes_the_procedure_does_not_list() -> None:
    assert route(_document(any_commune=True), "000.23.09.H27", BIRTH).competent_name == (
        "Ủy ban nhân dân xã Can Lộc"
    )
    with pytest.raises(RoutingRefused, match="không nhận tại đây: Trung tâm") as refused:
        route(_document(any_commune=False), "000.23.09.H27", BIRTH)
    assert "Trung tâm Phục vụ hành chính công xã Đức Thọ" in refused.value.advice


def test_a_province_procedure_without_agency_is_decided_by_the_province_ubnd() -> None:
    catalogue = _document(level="province", units=[PROVINCE], any_commune=False, agency=None)
    assert route(catalogue, PROVINCE, BIRTH).competent_name == "Ủy ban nhân dân tỉnh Hà Tĩnh"


def test_a_centre_without_managing_body_is_refused_with_advice() -> None:
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    doc["agencies"] = [a for a in doc["agencies"] if a["code"] != DUC_THO]
    doc["units"] = [{k: v for k, v in u.items() if k != "managing_body"} for u in doc["units"]]
    catalogue = parse_catalogue(json.dumps(doc, ensure_ascii=False))
    with pytest.raises(RoutingRefused, match="chưa ghi cơ quan quản lý") as refused:
        route(catalogue, DUC_THO, BIRTH)
    assert "Cập nhật danh mục" in refused.value.advice
    assert route(catalogue, THANH_SEN, BIRTH).competent_name == "Ủy ban nhân dân phường Thành Sen"


def test_admit_gives_the_first_events_step_data() -> None:
    admission = admit(
        SHIPPED_CATALOGUE,
        DUC_THO,
        WILL,
        channel=Channel.POSTAL,
        result_delivery=ResultDelivery.AT_COUNTER,
        role="supervisor",
        override_reason="Người lập di chúc nằm viện, có xác nhận của bệnh viện",
    )
    step = admission.step_data()
    assert step.competent_name == "Ủy ban nhân dân xã Đức Thọ"
    assert step.override is not None and "nằm viện" in step.override
    with pytest.raises(InPersonRequired) as refused:
        admit(
            SHIPPED_CATALOGUE,
            DUC_THO,
            MARRIAGE,
            channel=Channel.COUNTER,
            result_delivery=ResultDelivery.BY_POST,
            role="clerk",
            override_reason="Xin gửi",
        )
    assert "Chỉ giám sát viên" in refused.value.advice
    assert refused.value.field == "result_delivery"
