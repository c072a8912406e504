"""A set-up counter store (unit, counter, its IT administrator, a supervisor and a clerk) for
tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

TEST_PASSWORD = "MatKhau@123"
UNIT = "000.23.05.H27"  # xã Đức Thọ: a commune centre receives commune procedures


def make_set_up_store(data_dir: Path, slot: int = 0) -> None:
    """First-run set-up of a new store in `data_dir` (the administrator `cntt`, role IT), plus
    the supervisor `quantri` and the clerk `canbo`."""
    from counter_app.app import build_services
    from counter_app.services.admin_log import CONSOLE

    services = build_services(str(data_dir))
    try:
        services.setup.first_run(UNIT, "Quầy số 1", slot, "cntt", "Phạm Quốc Đạt", TEST_PASSWORD)
        services.accounts.create_user(
            "quantri", "Hoàng Văn Quản", "supervisor", TEST_PASSWORD, by=CONSOLE
        )
        services.accounts.create_user(
            "canbo", "Nguyễn Thị Hồng Nhung", "clerk", TEST_PASSWORD, by=CONSOLE
        )
    finally:
        services.close()
