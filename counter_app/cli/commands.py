"""Every `counter-app` command: the group module that implements it and its help line.

A leaf module (the parser lists commands from it without importing their groups; each group reads
its help line back from it), so nothing cycles.
"""

from __future__ import annotations

# command name → (module in counter_app.cli, help line); in the order `--help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("demo", "điền dữ liệu mẫu vào kho"),
    "calendar": ("calendar", "lịch ngày làm việc"),
    "setup": ("setup", "thiết lập máy lần đầu (không giao diện)"),
    "user": ("users", "tài khoản người dùng của quầy (tạo, khóa, mở khóa…)"),
    "config": ("config", "xem / đổi cài đặt của quầy (khổ giấy, giờ làm việc…)"),
    "find": (
        "dossiers",
        'tìm hồ sơ (mã, CCCD, điện thoại, họ tên có/không dấu; "" là mọi hồ sơ)',
    ),
    "forms": ("forms", "các mẫu đã cấp cho một hồ sơ (số mẫu, tên, ngày cấp)"),
    "print": ("forms", "in lại một mẫu đã cấp của hồ sơ ra tệp PDF"),
    "fees": ("fees", "phí, lệ phí: thu, biên lai, bảng kê thu trong ngày"),
    "post": ("post", "bưu chính công ích: trả kết quả qua bưu điện, trạng thái, giao bưu gửi"),
    "tracking": ("tracking", "mã vận đơn bưu chính (S10) của máy này"),
    "books": (
        "books",
        "sổ theo dõi hồ sơ (Mẫu 07) của một ngày hay một khoảng ngày, ra tệp PDF hoặc Excel",
    ),
    "report": (
        "report",
        "báo cáo số liệu hồ sơ và số công việc theo tháng của một khoảng ngày, ra tệp Excel",
    ),
    "visits": ("visits", "lịch hẹn thực hiện thủ tục tại nhà người dân"),
    "online-help": ("visits", "ghi nhận hỗ trợ nộp hồ sơ trực tuyến"),
    "enrol": ("sync", "đăng ký máy này với máy chủ đồng bộ tỉnh"),
    "sync": ("sync", "đồng bộ một lần với máy chủ tỉnh (không giao diện)"),
    "slot": ("slot", "số thứ tự hồ sơ của từng máy (slot)"),
    "backup": ("backup", "sao lưu kho dữ liệu và khôi phục từ bản sao lưu"),
}


def command_help(name: str) -> str:
    """The help line of command `name` (the one place it is written)."""
    return COMMANDS[name][1]
