"""The provincial server's fixed refusals, marked here so a counter can show them translated.

The server answers a refused request with a stable code and a Vietnamese message (counter_server
never imports Qt or this package). `SyncError` keeps that message as its template, so the screens
translate it like any other once the same text is in `messages_<lang>.ts` (decision 0034): the
refusals a counter can meet and whose words do not change are listed here, word for word.
A test checks each is still written so on the server.

A refusal with values in it (a PC number, a clock skew, a field's name) comes with its template
and values beside the message (counter_protocol/refusal.py); the templates a counter can meet are
listed in `SERVER_TEMPLATES`, and the screens translate them like the counter's own. From a
server older than that, or in words this list lacks, the message is shown as it came.
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

# The server's templates with values (counter_server: app, replay, devices, slots, claims,
# changes, guard), word for word; the last two are a refused tracking number's reason.
SERVER_TEMPLATES = (
    QT_TRANSLATE_NOOP(
        "messages",
        "Máy này đã thử quá nhiều mã đăng ký không đúng. Hãy đợi {seconds} giây rồi thử lại, và "
        "kiểm tra mã với bộ phận CNTT.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Lô dữ liệu không đúng định dạng: {detail}",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Thiếu hoặc sai trường “{name}”.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Trường “{name}” phải là số nguyên.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Tham số “{name}” phải là số nguyên không âm.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Đồng hồ của máy này nhanh hơn giờ máy chủ tỉnh {size} {size_unit} (máy đang ghi "
        "{device_time}). Hãy chỉnh lại ngày giờ của máy (Cài đặt ngày giờ của Windows, bật tự "
        "động đồng bộ giờ) rồi đồng bộ lại; máy chủ chỉ nhận yêu cầu lệch tối đa {window} "
        "{window_unit}.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Đồng hồ của máy này chậm hơn giờ máy chủ tỉnh {size} {size_unit} (máy đang ghi "
        "{device_time}). Hãy chỉnh lại ngày giờ của máy (Cài đặt ngày giờ của Windows, bật tự "
        "động đồng bộ giờ) rồi đồng bộ lại; máy chủ chỉ nhận yêu cầu lệch tối đa {window} "
        "{window_unit}.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Mã đăng ký này dành cho đơn vị {code_unit}, nhưng máy này thuộc đơn vị {pc_unit}. Mã "
        "chưa bị dùng; hãy xin mã đăng ký của đúng đơn vị.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Số thứ tự máy (slot) {slot} của đơn vị {unit} đang được máy “{name}” (số {id}) dùng. Hãy"
        " chọn slot khác, hoặc thu hồi máy cũ trước.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Mã máy này thuộc máy số {id}, đã bị thu hồi. Phần mềm bản mới tự tạo mã máy mới và đăng "
        "ký lại với cùng mã đăng ký.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Số thứ tự máy (slot) {slot} hoặc mã máy này vừa được đăng ký ở một yêu cầu khác. Hãy "
        "kiểm tra lại danh sách máy.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Máy này đã cấp mã hồ sơ với số thứ tự máy {slot} vào ngày {days}, trong khi một máy khác"
        " cùng số thứ tự (đã thu hồi) cũng cấp mã trong những ngày đó: có thể trùng mã với phiếu "
        "đã in. Không đăng ký; bộ phận CNTT cần đối chiếu các hồ sơ này, hoặc đăng ký máy với một"
        " số thứ tự máy khác.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Yêu cầu giữ mã vận đơn không đúng định dạng: {detail}",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Dữ liệu gửi lên vượt quá giới hạn {size} của địa chỉ này; máy chủ không nhận.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Máy chủ tỉnh đang nhận quá nhiều lô dữ liệu cùng lúc. Phần mềm sẽ tự gửi lại sau "
        "{seconds} giây.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Tham số “probe” phải là tối đa {count} mã thao tác (UUID), cách nhau bởi dấu phẩy.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Mã {number} đã thuộc máy số {device} của đơn vị {unit}; máy này không dùng mã này. Bộ "
        "phận CNTT đã được báo.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Mã {number} đã thuộc đơn vị (cấp chung) của đơn vị {unit}; máy này không dùng mã này. Bộ"
        " phận CNTT đã được báo.",
    ),
)
