"""Why the server did not apply an op as sent: the templates both sides know. The server sends
each reason formatted in Vietnamese (`OpResult.message`) and, beside it, the template and its
values (`OpResult.template`, `params`); a counter shows a template it knows in the clerk's
language and keeps any other text as the server wrote it (docs/sync.md, decision 0034)."""

from __future__ import annotations

from counter_protocol.texts import QT_TRANSLATE_NOOP

SEQ_REUSED = QT_TRANSLATE_NOOP(
    "messages",
    "Số thứ tự thao tác #{seq} của máy này đã dùng cho một thao tác khác: dữ liệu máy "
    "có thể đã bị sao chép hoặc khôi phục từ bản cũ. Liên hệ bộ phận CNTT.",
)
HASH_MISMATCH = QT_TRANSLATE_NOOP(
    "messages",
    "Thao tác này đã được gửi trước đây với nội dung khác; bản mới không được áp "
    "dụng. Liên hệ bộ phận CNTT.",
)
OTHER_DEVICE = QT_TRANSLATE_NOOP(
    "messages", "Hồ sơ này do máy khác tạo; máy này không được cập nhật nó."
)
FORK = QT_TRANSLATE_NOOP(
    "messages", "Đã có thao tác khác nối tiếp thao tác #{prev} của hồ sơ này (rẽ nhánh)."
)
EXISTS = QT_TRANSLATE_NOOP("messages", "Hồ sơ {code} đã tồn tại trên máy chủ.")
AFTER_DEAD = QT_TRANSLATE_NOOP(
    "messages", "Thao tác trước (#{prev}) của hồ sơ này đã bị cách ly, nên thao tác này cũng vậy."
)
WAITING = QT_TRANSLATE_NOOP(
    "messages", "Đang chờ thao tác trước (#{prev}) của hồ sơ này; sẽ áp dụng khi nó đến."
)
EVENT_SEQ = QT_TRANSLATE_NOOP(
    "messages", "Số thứ tự sự kiện {seq} không tiếp nối các sự kiện đã có của hồ sơ."
)
CODE_TAKEN = QT_TRANSLATE_NOOP("messages", "Mã hồ sơ {code} đã được dùng cho một hồ sơ khác.")
NO_DOSSIER = QT_TRANSLATE_NOOP("messages", "Máy chủ không có hồ sơ mà thao tác này cập nhật.")
HELP_TAKEN = QT_TRANSLATE_NOOP(
    "messages",
    "Hồ sơ {code} trên Cổng dịch vụ công đã được một quầy khác (hoặc một bản ghi khác) ghi "
    "nhận hỗ trợ; bản ghi này không được tính thêm lần nữa.",
)
APPLIED_AFTER_WAIT = QT_TRANSLATE_NOOP(
    "messages",
    "Đã áp dụng dù thiếu thao tác trước (#{prev}): đã chờ quá {hours} giờ. "
    "Cần kiểm tra lại hồ sơ này.",
)
HOLD_EXPIRED = QT_TRANSLATE_NOOP(
    "messages",
    "Đã chờ thao tác trước (#{prev}) quá {hours} giờ và không áp dụng được: {why}",
)

TEMPLATES = frozenset(
    {
        SEQ_REUSED, HASH_MISMATCH, OTHER_DEVICE, FORK, EXISTS, AFTER_DEAD, WAITING,
        EVENT_SEQ, CODE_TAKEN, NO_DOSSIER, HELP_TAKEN, APPLIED_AFTER_WAIT, HOLD_EXPIRED,
    }
)  # fmt: skip

ParamValue = str | int


class ReasonText(str):
    """A reason formatted in Vietnamese that remembers its template and values: it goes through
    the planner as the text it is, and the result sends both."""

    template: str
    params: dict[str, ParamValue]

    def __new__(cls, template: str, **params: object) -> ReasonText:
        text = super().__new__(cls, template.format(**params) if params else template)
        text.template = template
        text.params = {k: v if type(v) is int else str(v) for k, v in params.items()}
        return text


def on_the_wire(text: str) -> tuple[str | None, str | None, dict[str, ParamValue] | None]:
    """(message, template, params) for an OpResult: the message as plain text (None if empty);
    template and values for a ReasonText, none for any other text (a reason read back from the
    server's store is sent as it was written)."""
    if isinstance(text, ReasonText):
        return str(text), text.template, dict(text.params)
    return text or None, None, None
