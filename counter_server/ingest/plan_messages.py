"""What the planner tells a clerk about an op it did not apply as sent (Vietnamese)."""

from __future__ import annotations

SEQ_REUSED = (
    "Số thứ tự thao tác #{seq} của máy này đã dùng cho một thao tác khác: dữ liệu máy "
    "có thể đã bị sao chép hoặc khôi phục từ bản cũ. Liên hệ bộ phận CNTT."
)
HASH_MISMATCH = (
    "Thao tác này đã được gửi trước đây với nội dung khác; bản mới không được áp "
    "dụng. Liên hệ bộ phận CNTT."
)
OTHER_DEVICE = "Hồ sơ này do máy khác tạo; máy này không được cập nhật nó."
FORK = "Đã có thao tác khác nối tiếp thao tác #{prev} của hồ sơ này (rẽ nhánh)."
EXISTS = "Hồ sơ {code} đã tồn tại trên máy chủ."
AFTER_DEAD = "Thao tác trước (#{prev}) của hồ sơ này đã bị cách ly, nên thao tác này cũng vậy."
WAITING = "Đang chờ thao tác trước (#{prev}) của hồ sơ này; sẽ áp dụng khi nó đến."
EVENT_SEQ = "Số thứ tự sự kiện {seq} không tiếp nối các sự kiện đã có của hồ sơ."
CODE_TAKEN = "Mã hồ sơ {code} đã được dùng cho một hồ sơ khác."
NO_DOSSIER = "Máy chủ không có hồ sơ mà thao tác này cập nhật."
HELP_TAKEN = (
    "Hồ sơ {code} trên Cổng dịch vụ công đã được một quầy khác (hoặc một bản ghi khác) ghi "
    "nhận hỗ trợ; bản ghi này không được tính thêm lần nữa."
)
APPLIED_AFTER_WAIT = (
    "Đã áp dụng dù thiếu thao tác trước (#{prev}): đã chờ quá {hours} giờ. "
    "Cần kiểm tra lại hồ sơ này."
)
HOLD_EXPIRED = "Đã chờ thao tác trước (#{prev}) quá {hours} giờ và không áp dụng được: {why}"
