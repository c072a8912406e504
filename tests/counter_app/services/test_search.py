"""Search: code, CCCD, phone, name with or without diacritics (đ = d), newest first, paged."""

from __future__ import annotations

import pytest

from counter_app.services.search import DossierQuery, classify
from counter_devkit.intake import intake

PEOPLE = [
    ("Nguyễn Văn An", "042095123456"),
    ("Đặng Đức Định", "042095654321"),
    ("Nguyễn Thị Ánh", "042195111222"),
    ("Lê Thị Thu", "040195333444"),
]


@pytest.fixture
def stored(services) -> dict[str, str]:
    return {
        name: services.dossiers.receive(intake(name=name, id_number=cccd)) for name, cccd in PEOPLE
    }


def names(services, text: str, **kw: object) -> list[str]:
    return [r.applicant_name for r in services.search.find(DossierQuery(text=text), **kw)]


def test_unaccented_and_accented_names_find_the_same_people(services, stored) -> None:
    assert names(services, "nguyen van an") == names(services, "Nguyễn Văn An") == ["Nguyễn Văn An"]
    assert names(services, "dang duc dinh") == ["Đặng Đức Định"]
    assert names(services, "d") == ["Đặng Đức Định"]  # "d" matches "đ"
    assert names(services, "nguyen") == ["Nguyễn Thị Ánh", "Nguyễn Văn An"]  # newest first
    assert names(services, "le thi t") == ["Lê Thị Thu"]  # last word is a prefix
    assert names(services, "nguye") == ["Nguyễn Thị Ánh", "Nguyễn Văn An"]
    assert names(services, "ng van an") == ["Nguyễn Văn An"]  # an earlier word cut short too
    assert names(services, "tran") == []


def test_code_cccd_and_phone_lookups(services, stored) -> None:
    code = stored["Lê Thị Thu"]
    assert names(services, code) == ["Lê Thị Thu"]
    assert names(services, code.lower()) == ["Lê Thị Thu"]
    assert names(services, "040195333444") == ["Lê Thị Thu"]
    assert len(names(services, "0912345678")) == 4
    assert len(names(services, "+84 912 345 678")) == 4


def test_keyset_paging_walks_every_row_once(services, stored) -> None:
    first = services.search.find(DossierQuery(text="nguyen"), limit=1)
    second = services.search.find(DossierQuery(text="nguyen"), limit=1, before_id=first[0].id)
    assert [r.applicant_name for r in first + second] == ["Nguyễn Thị Ánh", "Nguyễn Văn An"]
    everything = services.search.find(DossierQuery(), limit=2)
    rest = services.search.find(DossierQuery(), limit=10, before_id=everything[-1].id)
    assert len(everything + rest) == 4


def test_status_filter(services, stored) -> None:
    from counter_protocol.statuses import Status

    services.lifecycle.result_received(stored["Nguyễn Văn An"], "canbo")
    done = services.search.find(DossierQuery(statuses=(int(Status.DONE),)))
    assert [r.applicant_name for r in done] == ["Nguyễn Văn An"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("000.00.00.H27-261126-0001", "code"),
        ("042195123456", "id"),
        ("186123456", "id"),
        ("0912345678", "phone"),
        ("le thi t", "name"),
        ("", "all"),
    ],
)
def test_classify(text: str, kind: str) -> None:
    assert classify(text).kind == kind
