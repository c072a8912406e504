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
