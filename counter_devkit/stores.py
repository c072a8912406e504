"""A set-up counter store (unit, counter, an admin and a clerk) for tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

TEST_PASSWORD = "MatKhau@123"
UNIT = "000.23.05.H27"  # xã Đức Thọ: a commune centre receives commune procedures


def make_set_up_store(data_dir: Path, slot: int = 0) -> None:
    """First-run set-up of a new store in `data_dir`, plus the clerk account `canbo`."""
    from counter_app.app import build_services

    services = build_services(str(data_dir))
    try:
        services.setup.first_run(
            UNIT, "Quầy số 1", slot, "quantri", "Hoàng Văn Quản", TEST_PASSWORD
        )
        services.accounts.create_user("canbo", "Nguyễn Thị Hồng Nhung", "clerk", TEST_PASSWORD)
    finally:
        services.close()


def list_unit_in_catalogue(data_dir: Path, unit: str) -> None:
    """Make `unit` (a commune absent from the shipped catalogue) one of the current catalogue's
    commune centres, so it may receive the procedures every commune receives (any_commune)."""
    import json

    from counter_app.app import build_services
    from counter_app.services.catalogue import install_catalogue, parse_catalogue_text
    from counter_app.services.catalogue import shipped_catalogue_path as shipped

    doc = json.loads(shipped().read_text(encoding="utf-8"))
    doc["version"] = f"{doc['version']}+{unit}"
    place = f"xã thử nghiệm {unit}"
    doc["units"].append(
        {
            "code": unit,
            "name": f"Trung tâm Phục vụ hành chính công {place}",
            "level": "commune",
            "managing_body": f"Ủy ban nhân dân {place}",
        }
    )
    text = json.dumps(doc, ensure_ascii=False)
    services = build_services(str(data_dir))
    try:
        with services.store.write() as session:
            install_catalogue(session, parse_catalogue_text(text, "test"), text, "test")
    finally:
        services.close()
