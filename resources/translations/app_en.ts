<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>Hủy (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu mới:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tạo tài khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chữ không dấu, ví dụ: nhung.nt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy nhập họ và tên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đổi mật khẩu của tôi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đổi mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy nhập mật khẩu hiện tại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đặt mật khẩu mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu mới cho {who}. Hãy trao tận tay người dùng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tài khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đổi cán bộ (đăng xuất)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đổi mật khẩu của tôi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quản lý tài khoản…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cài đặt của quầy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đăng xuất và thoát chương trình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ngừng sử dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bị khóa đến {vn_when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang sử dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quản lý tài khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người làm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tài khoản / cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tạo tài khoản… (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu… (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở khóa (Ctrl+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngừng sử dụng… (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cho dùng lại (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tài khoản của quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhật ký thay đổi tài khoản và cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã tạo tài khoản “{strip}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã đặt lại mật khẩu của “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã mở khóa “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngừng sử dụng tài khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{full_name} ({username}) sẽ không đăng nhập được nữa; tên vẫn giữ trong lịch sử hồ sơ. Lý do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngừng sử dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ngừng tài khoản “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” dùng lại được.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên (*):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ tên người nộp hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CCCD / định danh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 chữ số (CMND cũ: 9 chữ số)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CMND cũ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày sinh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ngày/tháng/năm, ví dụ 12/03/1995</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số điện thoại:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ví dụ 0912 345 678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi thường trú / địa chỉ liên hệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người được ủy quyền:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ tên, số CCCD (nếu nộp thay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đặt con trỏ ở đây rồi quét mã QR trên CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quét CCCD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới tính:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bản sao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tờ bắt buộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ đã bổ sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang lưu: {label}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu “{label}”: {error_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xử lý hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc: không còn bước nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phím tắt: {shortcut}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CMND cũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người được ủy quyền</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã trả kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số bộ hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} {name} — {originals} bản chính, {copies} bản sao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(không có)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đăng ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nghĩa vụ tài chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Văn bản xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thông báo dừng giải quyết hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày lập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người lập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người giao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số bưu gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trước hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phát hiện lúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung khác biệt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mẫu {form_no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa xem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In lại phiếu đã chọn (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xem (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phí, lệ phí ({FEES_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá trình xử lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phiếu đã in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giao nhận hồ sơ (Mẫu 06)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khác với tỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bưu gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tải hồ sơ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khác với tỉnh ({unseen} chưa xem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang lập mẫu để in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không tạo được phiếu: {error_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận hôm nay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mọi hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tìm theo mã hồ sơ, số CCCD, số điện thoại hoặc họ tên (có/không dấu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:#f6c9c6&apos;&gt;&amp;nbsp;Quá hạn&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#ffe6a8&apos;&gt;&amp;nbsp;Sắp đến hạn&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#d4ecd5&apos;&gt;&amp;nbsp;Có kết quả, chờ trả&amp;nbsp;&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tìm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}{more} hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có hồ sơ nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tìm hồ sơ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu phí, lệ phí khi tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu phí, lệ phí khi trả kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mức thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số tiền thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cách ghi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biên lai / lý do miễn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do khác mức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu phí, lệ phí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — hồ sơ {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Các khoản phải thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi nhận ({replace})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Để sau (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cước bưu chính (ghi riêng, không phải phí, lệ phí)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số tiền:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tải các khoản phí, lệ phí…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không còn khoản phí, lệ phí nào phải thu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập ký hiệu/số in trên biên lai; chưa có biên lai thì chọn “chờ số”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa ghi: sửa các ô có chữ đỏ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi {len} khoản; {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa ghi được: {error_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoàn trả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điều chỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bổ sung số biên lai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} — lần ghi số {id} ({line_name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ký hiệu/số biên lai, ví dụ 1C26TBL/0000123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số tiền hoàn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số tiền điều chỉnh (+/−):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số biên lai:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập ký hiệu/số biên lai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi lý do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phí, lệ phí của hồ sơ {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu khoản còn nợ ({COLLECT_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bổ sung số biên lai ({RECEIPT_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoàn trả ({REFUND_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điều chỉnh ({CORRECT_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi lần thu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn một lần thu trong bảng trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi thêm lần số {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu, có biên lai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu, chờ số biên lai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Miễn (ghi lý do)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cước bưu chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do thu khác mức, ví dụ: 3 trang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do miễn (đối tượng được miễn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bổ sung số biên lai sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập ký hiệu/số biên lai, hoặc chọn “Thu, chờ số biên lai”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi lý do miễn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu khác mức {money}: ghi lý do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> đ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ký hiệu/số biên lai cước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập ký hiệu/số biên lai cước, hoặc chọn “Thu, chờ số biên lai”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chờ số biên lai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nghiệp vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số tiền</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biên lai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ đang làm việc ({clerk})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tải lại (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bảng kê thu trong ngày ({REPORT_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ thu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{len} lần ghi · Tổng thực thu: {money}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tạo bảng kê…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bảng kê thu phí, lệ phí ngày {day:%d/%m/%Y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú (nếu có)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hẹn trả: chọn thủ tục để tính.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ mới (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục và thành phần hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nộp, nhận kết quả và lệ phí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số bộ hồ sơ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In phiếu yêu cầu bổ sung (Mẫu 02) ({SAVE_KEYS})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận {reopened} và in giấy hẹn (Mẫu 01) ({SAVE_KEYS})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu và in giấy hẹn (Mẫu 01) ({SAVE_KEYS})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Còn thiếu giấy tờ bắt buộc — sẽ in phiếu yêu cầu bổ sung:&lt;/b&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hướng dẫn bổ sung: mang theo gì, nộp ở đâu (in trên Mẫu 02)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận (Mẫu 03) ({REFUSE_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vẫn tiếp nhận — Trưởng bộ phận ({OVERRIDE_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ {code} đang chờ bổ sung: tiếp nhận (hoặc từ chối) dưới cùng mã này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phải ghi lý do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận hồ sơ (Mẫu 03)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do từ chối (in trên Phiếu từ chối tiếp nhận giải quyết hồ sơ):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ chối và in Mẫu 03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vẫn tiếp nhận hồ sơ chưa đủ giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Còn thiếu: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.
Lý do vẫn tiếp nhận (ghi vào nhật ký hồ sơ):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận và in Mẫu 01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cho phép nộp hoặc trả kết quả qua bưu điện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{refusal}
Lý do vẫn cho phép qua bưu điện (ghi vào nhật ký hồ sơ):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cho phép và lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang lưu hồ sơ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tại nhà người dân chỉ tiếp nhận hồ sơ đủ giấy tờ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hướng dẫn người dân bổ sung rồi hẹn lại, hoặc tiếp nhận tại quầy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu: còn {len} lỗi cần sửa (chữ đỏ dưới ô nhập).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{saved_text} Đang tạo phiếu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang lập giấy tiếp nhận để in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu: {error_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu được hồ sơ: {error_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{saved_text} Phiếu đã sẵn sàng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{saved_text} Nhưng chưa tạo được phiếu: {error_text}. Có thể in lại từ Danh sách hồ sơ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hôm nay đã tiếp nhận hồ sơ {listed} của người có số CCCD {id_number} cho cùng thủ tục này. Có thể hồ sơ đang được lưu hai lần.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã từ chối tiếp nhận hồ sơ {code} (Mẫu 03).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu hồ sơ {code}, chờ bổ sung giấy tờ (Mẫu 02).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu hồ sơ {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ {code} không chờ bổ sung giấy tờ: mở ở Danh sách hồ sơ (F3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thu khi tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thu khi trả kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>miễn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thứ Hai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chủ nhật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount:,} đ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m:%H} giờ {m:%M}, {value} ngày {m:%d/%m/%Y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả qua bưu điện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục tiếp nhận không phụ thuộc địa giới: chọn xã/phường có thẩm quyền giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức nộp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xã/phường giải quyết:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận kết quả:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ nhận:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xã/phường nơi tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người gửi hồ sơ qua bưu điện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người gửi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nếu có</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhân viên bưu chính thu gom tại địa chỉ người gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số hiệu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có phí, lệ phí.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu {money} sau khi lưu, theo biên lai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày giờ của máy có thể sai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày giờ của máy sẽ in trên giấy tiếp nhận, trong mã hồ sơ và ngày hẹn trả. Xem ngày giờ ở góc màn hình trước khi chọn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày giờ đúng, vẫn lưu và in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lưu, để chỉnh ngày giờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hẹn trả: {error_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hẹn trả: {appointment_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang mở hồ sơ {code}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở hồ sơ {code} sẽ thay hồ sơ đang nhập, chưa được lưu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã mở hồ sơ {code}: đánh dấu giấy tờ vừa nhận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận tại nhà theo lịch hẹn số {id} ({citizen_name}, {address}): quét CCCD, đánh dấu giấy tờ rồi lưu (Ctrl+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ đang nhập chưa được lưu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ hồ sơ đang nhập?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ này có thể đã được lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} Bỏ những gì đã nhập để bắt đầu hồ sơ mới?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giữ lại, tiếp tục nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ, nhập hồ sơ mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lưu, xem lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đây là hồ sơ khác, vẫn lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>đã hẹn lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bổ sung {supplement_requests} lần</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tìm hồ sơ quá hạn và sắp đến hạn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{len}&lt;/b&gt; hồ sơ quá hạn · &lt;b&gt;{len2}&lt;/b&gt; hồ sơ sắp đến hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phần mềm quầy Một cửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy Một cửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đồng bộ: đang gửi hồ sơ lên tỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đồng bộ: đang nhận thay đổi từ tỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy Một cửa — {counter_name} — {unit_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh sách hồ sơ (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trả kết quả (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá hạn và sắp đến hạn (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Báo cáo (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ: {full_name} ({username})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đồng bộ: chưa cấu hình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đồng bộ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ trên Cổng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dịch vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ do Cổng dịch vụ công cấp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dịch vụ công trực tuyến {lower}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi nhận hỗ trợ (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi nhận hỗ trợ người dân nộp hồ sơ trực tuyến (không tạo hồ sơ mới)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ trên Cổng:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại dịch vụ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ tên người dân:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Các lần hỗ trợ hôm nay&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>· {len} lần</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi nhận lần hỗ trợ số {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa ghi nhận: xem chữ đỏ dưới ô nhập.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa ghi nhận: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiểm tra tiếng Việt: Đặng Văn Đức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số nhà, thôn/xóm, đường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— Chọn tỉnh, thành phố —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tỉnh, thành phố:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xã, phường:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tỉnh, TP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— Chọn xã, phường —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ký hiệu/số biên lai cước (để trống: chờ số)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cước bưu chính:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khối lượng:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biên lai cước:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã vận đơn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hết mã vận đơn (S10) của máy này: không trả qua bưu điện được. Hãy đồng bộ hoặc nạp tệp mã vận đơn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lấy tự động từ kho mã của máy (còn {unused} mã).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chiều</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận / gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người cập nhật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú (ví dụ: người nhận đã ký)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cập nhật trạng thái bưu gửi (Ctrl+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ này không có bưu gửi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trạng thái mới:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bưu gửi {number}: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã: {escape}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lĩnh vực: {escape}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan giải quyết: {escape}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn: {escape}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gõ tên hoặc mã thủ tục, ví dụ: chung thuc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa chọn thủ tục.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục phù hợp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết quả giải quyết ({received} hồ sơ đã tiếp nhận)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Công việc của từng cán bộ trong kỳ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tổng số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tháng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xem báo cáo (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xuất Excel… (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biểu đồ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theo thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Công việc theo tháng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang đếm hồ sơ cho báo cáo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{received}&lt;/b&gt; hồ sơ đã tiếp nhận · trước hạn {verdict} · đúng hạn {verdict2} · quá hạn {verdict3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ theo kênh tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số lượt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ theo trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theo lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu báo cáo vào {out}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cả đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tìm hồ sơ {code}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tìm hồ sơ để trả kết quả…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiểm tra giấy tờ người nhận, rồi nhấn F9 (hoặc Ctrl+Enter) để xác nhận trả kết quả.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy nhập họ tên người nhận kết quả.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ còn phí, lệ phí thu khi trả kết quả: nhấn Ctrl+T để thu theo biên lai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã trả kết quả hồ sơ {code} qua bưu điện cho {name}, số hiệu bưu gửi {tracking_number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang lập danh sách giao bưu gửi ngày {day:%d/%m/%Y}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lập được danh sách giao bưu gửi: {error_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã trả kết quả hồ sơ {code} cho {receiver}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa trả được hồ sơ {code}: {error_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quét mã vạch trên giấy tiếp nhận, hoặc gõ mã hồ sơ rồi nhấn Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phím tắt: {FEES_KEY}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trả qua bưu điện (bưu chính công ích)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh sách giao bưu gửi hôm nay… ({HANDOVER_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xác nhận trả kết quả (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ qua (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận kết quả:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CCCD người nhận:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Mã hồ sơ:&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ qua hồ sơ này?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thông tin người nhận đã nhập chưa được ghi. Bỏ qua hồ sơ này?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ qua, quét hồ sơ khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận theo CCCD vừa quét: {full_name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có hồ sơ. Quét mã vạch trên giấy tiếp nhận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:12pt&apos;&gt;{escape}&lt;/b&gt;&lt;br&gt;{escape2}&lt;br&gt;Người nộp: &lt;b&gt;{escape3}&lt;/b&gt; · CCCD: {escape4}&lt;br&gt;Trạng thái: {status_text} · Hẹn trả: {format_vn}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu {money} phí, lệ phí khi trả kết quả ({FEES_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh sách giao bưu gửi ngày {day:%d/%m/%Y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã thu phí, lệ phí khi trả kết quả (đã ghi sổ thu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã thu phí, lệ phí. Nhấn F9 để xác nhận trả kết quả.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn tại nhà (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hỗ trợ nộp trực tuyến (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu phí, lệ phí (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy cuộn máy in hóa đơn (rộng 80 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(máy in mặc định của hệ thống)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cài đặt của quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu cài đặt (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>để trống nếu thứ Bảy nghỉ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ngày làm việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ví dụ: Hà Tĩnh, Đức Thọ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buổi làm việc (thứ Hai – thứ Sáu):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buổi làm việc thứ Bảy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khổ Giấy tiếp nhận (Mẫu 01):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy in mặc định:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Báo “sắp đến hạn” trước:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa danh ghi trên phiếu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngôn ngữ màn hình (khi mở lại chương trình):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giờ làm việc dùng để tính ngày hẹn trả cho hồ sơ nhận từ nay; hồ sơ đã nhận giữ ngày hẹn đã in. Dạng: 07:00-11:30,13:30-17:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer} (không thấy trên máy này)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu cài đặt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có gì thay đổi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu: hãy sửa các ô báo đỏ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn Bộ phận Một cửa / Trung tâm Phục vụ hành chính công của quầy này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tải danh mục đơn vị…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh mục không có đơn vị nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mỗi máy trong cùng đơn vị cần một số thứ tự khác nhau (0–9) để mã hồ sơ không trùng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên quầy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số thứ tự máy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quản trị viên đầu tiên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tài khoản quản trị (vai trò Cán bộ CNTT): đăng ký máy với máy chủ, cài đặt quầy và tạo tài khoản cho Trưởng bộ phận, nhân viên tiếp nhận (menu Tài khoản › Quản lý tài khoản, Ctrl+Shift+U).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu (ít nhất 8 ký tự):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thiết lập quầy lần đầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang lưu thiết lập…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tiếp nhận hồ sơ {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In giấy tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã gửi {pages} trang tới máy in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không mở được máy in. Kiểm tra máy in rồi in lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu giấy tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lưu được tệp {path}: {strerror}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gửi qua bưu điện, số bưu gửi:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}&lt;/b&gt; — hồ sơ {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa nhập {lower}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hẹn mới phải sau ngày hẹn hiện tại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Đánh dấu ô xác nhận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển cơ quan giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Để trống: cơ quan giải quyết của hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Để trống nếu gửi bưu điện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gửi qua bưu điện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi nhận đã chuyển</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan đã nhận hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận tại cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mỗi giấy tờ một dòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu và in phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người giao kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi nhận có kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ chối sau thẩm định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do từ chối (theo văn bản)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn lại ngày trả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu và in phiếu xin lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yêu cầu nghĩa vụ tài chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã nộp nghĩa vụ tài chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dừng giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rút hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ đã được yêu cầu bổ sung một lần. Yêu cầu bổ sung lần thứ hai sẽ làm hồ sơ bị tính là quá hạn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tôi hiểu, vẫn yêu cầu bổ sung (hồ sơ tính là quá hạn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ đã được hẹn lại ngày trả một lần. Việc hẹn lại ngày trả kết quả chỉ được thực hiện không quá một lần.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đồng bộ: đang kiểm tra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đồng bộ: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đồng bộ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xem tình trạng đồng bộ với máy chủ tỉnh, đăng ký máy, đồng bộ ngay ({SYNC_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang đồng bộ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cập nhật hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hỗ trợ nộp trực tuyến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trạng thái hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh mục thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lịch ngày nghỉ, làm bù</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã vận đơn bưu chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu hồi máy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã áp dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã có trên máy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không áp dụng được</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đồng bộ với máy chủ tỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đăng ký máy với máy chủ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đồng bộ ngay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cần làm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xác nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cách ly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thao tác lỗi hoặc đang chờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Các lần đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thay đổi từ tỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thao tác lỗi hoặc đang chờ ({len})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đã thu hồi quyền đồng bộ của máy “{counter_name}” (đơn vị {unit_code}, slot {slot}). Nếu bộ phận CNTT cấp mã đăng ký mới, hãy đăng ký lại: hồ sơ chưa gửi sẽ được gửi sau đó.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy “{counter_name}” (đơn vị {unit_code}, slot {slot}) chưa đăng ký với máy chủ tỉnh. Hồ sơ vẫn lưu trên máy và sẽ được gửi sau khi đăng ký.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy chủ: {server_url} · máy số {device_id} · đơn vị {unit_code}, slot {slot} · đăng ký lúc {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đăng ký lại với mã mới…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang nhận thay đổi từ tỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đăng ký máy với máy chủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ví dụ ABCD-2345</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bộ phận CNTT cấp địa chỉ máy chủ và mã đăng ký dùng một lần. Đăng ký xong, máy sẽ gửi mọi hồ sơ đã lưu, kể cả hồ sơ lưu trước khi đăng ký.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã đăng ký:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập địa chỉ máy chủ và mã đăng ký.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang đăng ký với máy chủ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã đăng ký: máy số {device_id}, đơn vị {unit_code}, slot {slot}. Máy sẽ bắt đầu gửi hồ sơ ngay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang xử lý…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (còn {more} việc khác)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dời lịch hẹn số {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đặt lịch hẹn tiếp nhận tại nhà</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã xã/phường (nếu có)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu lịch hẹn (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ thực hiện:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày, từ giờ – đến giờ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã đơn vị hành chính:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang lưu lịch hẹn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu: xem chữ đỏ dưới ô nhập.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết quả lịch hẹn số {id} — {citizen_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi kết quả (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết quả:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trong ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cả tuần (Thứ Hai – Chủ nhật)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đặt lịch hẹn ({BOOK_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dời lịch ({MOVE_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi kết quả ({OUTCOME_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận tại nhà ({RECEIVE_KEY})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{len}&lt;/b&gt; lịch hẹn · &lt;b&gt;{booked}&lt;/b&gt; đang chờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn một lịch hẹn trong danh sách để {doing}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lịch hẹn số {id} đã “{label}”: không {doing} được.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dời lịch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu lịch hẹn số {visit_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ghi kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có lỗi không mong muốn ({name__}: {error}). Hãy báo cán bộ CNTT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
