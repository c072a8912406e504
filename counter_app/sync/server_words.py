"""The provincial server's fixed refusals, marked here so a counter can show them translated.

The server answers a refused request with a stable code and a Vietnamese message (counter_server
never imports Qt or this package). `SyncError` keeps that message as its template, so the screens
translate it like any other once the same text is in `messages_<lang>.ts` (decision 0034): the
refusals a counter can meet and whose words do not change are listed here, word for word.
A test checks each is still written so on the server; a message with values in it (a PC number,
a clock skew) or one the server rewords stays Vietnamese.
"""

from __future__ import annotations

from counter_protocol.texts import QT_TRANSLATE_NOOP

SERVER_REFUSALS = (
    QT_TRANSLATE_NOOP(
        "messages",
        "Máy này chưa được đăng ký với máy chủ tỉnh (hoặc số máy không đúng). "
        "Liên hệ bộ phận CNTT để đăng ký.",
    ),
    QT_TRANSLATE_NOOP("messages", "Máy này đã bị thu hồi quyền đồng bộ. Liên hệ bộ phận CNTT."),
    QT_TRANSLATE_NOOP(
        "messages",
        "Chữ ký của dữ liệu gửi lên không hợp lệ: dữ liệu có thể đã bị thay đổi trên "
        "đường truyền. Toàn bộ lô bị từ chối.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Phần mềm trên máy này dùng giao thức đồng bộ cũ (yêu cầu thiếu giờ hoặc mã chống "
        "gửi lại). Hãy cập nhật phần mềm Một cửa rồi đồng bộ lại.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Yêu cầu này đã được gửi tới máy chủ một lần (mã chống gửi lại đã dùng): có thể nó "
        "bị ghi lại và gửi lại trên đường truyền. Yêu cầu bị từ chối.",
    ),
    QT_TRANSLATE_NOOP("messages", "Mã đăng ký máy không đúng. Hãy kiểm tra lại hoặc xin mã mới."),
    QT_TRANSLATE_NOOP("messages", "Mã đăng ký máy này đã được dùng. Hãy xin mã mới."),
    QT_TRANSLATE_NOOP("messages", "Mã đăng ký máy đã hết hạn. Hãy xin mã mới."),
    QT_TRANSLATE_NOOP(
        "messages",
        "Máy này (cùng mã máy) đã được đăng ký trước đây; "
        "mỗi lần đăng ký cần cài đặt lại để có mã máy mới.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Phiên bản dữ liệu của phần mềm trên máy không được máy chủ hỗ trợ. Hãy cập nhật phần mềm.",
    ),
)
