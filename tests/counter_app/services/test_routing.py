"""Routing at the counter: the picker offers what this unit receives with who decides it, the
store keeps UBND names, and the intake refuses what the unit may not take."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counter_app.domain.kinds import Channel, ResultDelivery
from counter_app.domain.routing import InPersonRequired, RoutingRefused
from counter_app.models.tables import Dossier, DossierEvent, Procedure, Unit
from counter_app.services.procedures import admit_intake, receivable_codes
from counter_devkit.intake import intake
from counter_devkit.stores import TEST_PASSWORD

PROVINCE, THANH_SEN, DUC_THO = "000.00.00.H27", "000.20.01.H27", "000.23.05.H27"
CRIMINAL_RECORD, BIRTH, MARRIAGE, WILL = "3.000333", "1.001193", "1.000894", "2.001019"


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Any]:
    """Services of a counter at the provincial centre."""
    from counter_app.app import build_services

    built = build_services(str(tmp_path / "province"))
    built.setup.first_run(PROVINCE, "Quầy tỉnh", 0, "quantri", "Hoàng Văn Quản", TEST_PASSWORD)
    yield built
    built.close()


def test_the_picker_offers_what_a_commune_centre_receives(services: Any) -> None:
    assert services.procedures.search("ly lich tu phap") == []
    [birth] = [p for p in services.procedures.search("dang ky khai sinh") if p.code == BIRTH]
    assert birth.agency_name == "Ủy ban nhân dân xã Đức Thọ"
    assert birth.any_commune and not birth.in_person_submit
    marriage = services.procedures.get(MARRIAGE)
    assert marriage.in_person_return and not marriage.in_person_submit
    assert services.procedures.get(WILL).in_person_submit


def test_the_picker_offers_only_provincial_procedures_at_the_province(province: Any) -> None:
    offered = province.procedures.search("", limit=1000)
    assert offered and all(p.level == "province" for p in offered)
    [record] = province.procedures.search("ly lich tu phap")
    assert record.agency_name == "Công an tỉnh Hà Tĩnh"
    assert province.procedures.search("khai sinh") == []


def test_the_store_keeps_managing_bodies_and_ubnd_names(services: Any) -> None:
    with services.store.read() as session:
        bodies = dict(session.execute(select(Unit.code, Unit.managing_body)).all())
        centres = set(session.scalars(select(Unit.name).where(Unit.is_agency.is_(False))))
        agencies = set(session.scalars(select(Procedure.agency_name)))
        at_province, at_commune = (receivable_codes(session, u) for u in (PROVINCE, DUC_THO))
    assert CRIMINAL_RECORD in at_province - at_commune and BIRTH in at_commune - at_province
    assert bodies[DUC_THO] == "Ủy ban nhân dân xã Đức Thọ"
    assert bodies[PROVINCE] == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert "Công an phường Thành Sen" in agencies and not agencies & centres


def test_the_clerk_may_name_the_applicants_commune(services: Any) -> None:
    assert dict(services.procedures.communes()) == {
        THANH_SEN: "Ủy ban nhân dân phường Thành Sen",
        DUC_THO: "Ủy ban nhân dân xã Đức Thọ",
    }
    route = services.procedures.route(BIRTH, home_commune=THANH_SEN)
    assert route.receiving_code == DUC_THO and route.competent_code == THANH_SEN


def test_a_commune_centre_refuses_a_provincial_procedure(services: Any) -> None:
    with pytest.raises(RoutingRefused) as refused:
        services.dossiers.receive(intake(procedure=CRIMINAL_RECORD))
    assert "do cấp tỉnh giải quyết: Trung tâm Phục vụ hành chính công xã Đức Thọ không tiếp " in (
        refused.value.message
    )
    with services.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 0


def test_the_provincial_centre_refuses_a_commune_procedure(province: Any) -> None:
    province.accounts.create_user(
        "canbo", "Nguyễn Thị Hồng Nhung", "clerk", TEST_PASSWORD, by="@console"
    )
    with pytest.raises(RoutingRefused, match="do cấp xã giải quyết"):
        province.dossiers.receive(intake())


def test_a_will_sent_by_post_is_refused_for_a_clerk(services: Any) -> None:
    by_post = replace(intake(procedure=WILL), channel=Channel.POSTAL)
    with pytest.raises(InPersonRequired, match="trực tiếp có mặt khi nộp hồ sơ"):
        services.dossiers.receive(by_post)


def test_a_supervisor_may_let_it_go_by_post_with_a_reason(services: Any) -> None:
    with services.store.read() as session:
        admitted = admit_intake(
            session,
            MARRIAGE,
            channel=Channel.COUNTER,
            result_delivery=ResultDelivery.BY_POST,
            actor="quantri",
            override_reason="Hai bên đã ký sổ trước cán bộ hộ tịch",
        )
        with pytest.raises(InPersonRequired) as refused:
            admit_intake(
                session,
                MARRIAGE,
                channel=Channel.COUNTER,
                result_delivery=ResultDelivery.BY_POST,
                actor="canbo",
                override_reason="Xin gửi về nhà",
            )
    step = admitted.step_data()
    assert step.competent_name == "Ủy ban nhân dân xã Đức Thọ"
    assert step.override is not None and "ký sổ trước cán bộ hộ tịch" in step.override
    assert "không trả kết quả qua bưu điện" in refused.value.message
    assert "Chỉ giám sát viên" in refused.value.advice


def test_a_received_dossier_names_the_commune_ubnd_as_decider(services: Any) -> None:
    code = services.dossiers.receive(intake())  # chứng thực bản sao: no named agency
    assert services.details.get(code).agency_name == "Ủy ban nhân dân xã Đức Thọ"


def test_a_supervisors_post_override_is_logged_on_the_received_dossier(services: Any) -> None:
    reason = "Hai bên đã ký sổ trước cán bộ hộ tịch"
    by_post = replace(
        intake(procedure=MARRIAGE, clerk="quantri"),
        result_delivery=ResultDelivery.BY_POST,
        delivery_address="Xóm 3, xã Đức Thọ, tỉnh Hà Tĩnh",
        override_reason=reason,
    )
    code = services.dossiers.receive(by_post)
    detail = services.details.get(code)
    first = detail.events[0]
    assert detail.result_delivery == ResultDelivery.BY_POST
    with services.store.read() as session:
        stored = session.scalar(select(Dossier).where(Dossier.code == code))
        assert stored is not None and stored.competent_name == "Ủy ban nhân dân xã Đức Thọ"
    assert first.kind == "received"
    with services.store.read() as session:
        extra = session.scalar(
            select(DossierEvent.data_json).where(DossierEvent.dossier_id == detail.id)
        )
    assert extra is not None and reason in extra


def test_a_dossier_for_another_commune_records_both_units(services: Any) -> None:
    for_thanh_sen = replace(intake(procedure=BIRTH), home_commune=THANH_SEN)
    code = services.dossiers.receive(for_thanh_sen)
    with services.store.read() as session:
        stored = session.scalar(select(Dossier).where(Dossier.code == code))
        assert stored is not None
        assert (stored.unit_code, stored.competent_code) == (DUC_THO, THANH_SEN)
    assert services.details.get(code).agency_name == "Ủy ban nhân dân phường Thành Sen"
