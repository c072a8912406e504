<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.</source>
        <translation>The password needs at least {MIN_PASSWORD_LENGTH} characters.</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>Tạo tài khoản</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>chữ không dấu, ví dụ: nhung.nt</source>
        <translation>no accents, e.g. nhung.nt</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>Hãy nhập họ và tên.</source>
        <translation>Enter the full name.</translation>
    </message>
    <message>
        <source>Đổi mật khẩu của tôi</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>Hãy nhập mật khẩu hiện tại.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Đặt mật khẩu mới</source>
        <translation>Set new password</translation>
    </message>
    <message>
        <source>Mật khẩu mới cho {who}. Hãy trao tận tay người dùng.</source>
        <translation>New password for {who}. Hand it to the user in person.</translation>
    </message>
    <message>
        <source>Chọn mật khẩu mới</source>
        <translation>Choose a new password</translation>
    </message>
    <message>
        <source>Lưu mật khẩu mới</source>
        <translation>Save new password</translation>
    </message>
    <message>
        <source>Chào {who}. Mật khẩu của bạn vừa được quản trị đặt lại: hãy chọn mật khẩu mới của riêng bạn trước khi làm việc.</source>
        <translation>Hello {who}. An administrator has just reset your password: choose a new password of your own before you start work.</translation>
    </message>
    <message>
        <source>&amp;Tài khoản</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>Đổi cán bộ (đăng xuất)…</source>
        <translation>Switch clerk (log out)…</translation>
    </message>
    <message>
        <source>Đổi mật khẩu của tôi…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>Quản lý tài khoản…</source>
        <translation>Manage accounts…</translation>
    </message>
    <message>
        <source>Cài đặt của quầy…</source>
        <translation>Counter settings…</translation>
    </message>
    <message>
        <source>Đăng xuất và thoát chương trình</source>
        <translation>Log out and quit</translation>
    </message>
    <message>
        <source>Đã ngừng sử dụng</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Bị khóa đến {vn_when}</source>
        <translation>Locked until {vn_when}</translation>
    </message>
    <message>
        <source>Đang sử dụng, chờ người dùng đổi mật khẩu</source>
        <translation>Active, waiting for the user to change the password</translation>
    </message>
    <message>
        <source>Đang sử dụng</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Quản lý tài khoản</source>
        <translation>Manage accounts</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lúc</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Người làm</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Tài khoản / cài đặt</source>
        <translation>Account / setting</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Tạo tài khoản… (Ctrl+N)</source>
        <translation>Create account… (Ctrl+N)</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu… (Ctrl+R)</source>
        <translation>Reset password… (Ctrl+R)</translation>
    </message>
    <message>
        <source>Mở khóa (Ctrl+U)</source>
        <translation>Unlock (Ctrl+U)</translation>
    </message>
    <message>
        <source>Ngừng sử dụng… (Ctrl+D)</source>
        <translation>Disable… (Ctrl+D)</translation>
    </message>
    <message>
        <source>Cho dùng lại (Ctrl+E)</source>
        <translation>Enable again (Ctrl+E)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Tài khoản của quầy</source>
        <translation>Counter accounts</translation>
    </message>
    <message>
        <source>Nhật ký thay đổi tài khoản và cài đặt</source>
        <translation>Log of account and setting changes</translation>
    </message>
    <message>
        <source>Đã tạo tài khoản “{username}”.</source>
        <translation>Account “{username}” created.</translation>
    </message>
    <message>
        <source>Đã đặt lại mật khẩu của “{name}”.</source>
        <translation>Password of “{name}” reset.</translation>
    </message>
    <message>
        <source>Đã mở khóa “{name}”.</source>
        <translation>“{name}” unlocked.</translation>
    </message>
    <message>
        <source>Ngừng sử dụng tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>{full_name} ({username}) sẽ không đăng nhập được nữa; tên vẫn giữ trong lịch sử hồ sơ. Lý do:</source>
        <translation>{full_name} ({username}) will no longer be able to log in; the name stays in the dossiers&apos; history. Reason:</translation>
    </message>
    <message>
        <source>Ngừng sử dụng</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Đã ngừng tài khoản “{name}”.</source>
        <translation>Account “{name}” disabled.</translation>
    </message>
    <message>
        <source>“{name}” dùng lại được.</source>
        <translation>“{name}” can log in again.</translation>
    </message>
    <message>
        <source>Họ và tên (*):</source>
        <translation>Full name (*):</translation>
    </message>
    <message>
        <source>Họ tên người nộp hồ sơ</source>
        <translation>Applicant&apos;s full name</translation>
    </message>
    <message>
        <source>Số CCCD / định danh:</source>
        <translation>ID card / personal ID no.:</translation>
    </message>
    <message>
        <source>12 chữ số (CMND cũ: 9 chữ số)</source>
        <translation>12 digits (old ID card: 9 digits)</translation>
    </message>
    <message>
        <source>Số CMND cũ:</source>
        <translation>Old ID card no.:</translation>
    </message>
    <message>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>ngày/tháng/năm, ví dụ 12/03/1995</source>
        <translation>day/month/year, e.g. 12/03/1995</translation>
    </message>
    <message>
        <source>Số điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>ví dụ 0912 345 678</source>
        <translation>e.g. 0912 345 678</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Nơi thường trú / địa chỉ liên hệ</source>
        <translation>Permanent or contact address</translation>
    </message>
    <message>
        <source>Người được ủy quyền:</source>
        <translation>Authorised person:</translation>
    </message>
    <message>
        <source>Họ tên, số CCCD (nếu nộp thay)</source>
        <translation>Name, ID card no. (if filing for someone)</translation>
    </message>
    <message>
        <source>Đặt con trỏ ở đây rồi quét mã QR trên CCCD</source>
        <translation>Put the cursor here and scan the ID card&apos;s QR code</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Quét CCCD:</source>
        <translation>Scan ID card:</translation>
    </message>
    <message>
        <source>Giới tính:</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Giấy tờ bắt buộc</source>
        <translation>Required paper</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ đã bổ sung</source>
        <translation>Receive the completed dossier</translation>
    </message>
    <message>
        <source>Đang lưu: {label}…</source>
        <translation>Saving: {label}…</translation>
    </message>
    <message>
        <source>Đã lưu: {label}.</source>
        <translation>Saved: {label}.</translation>
    </message>
    <message>
        <source>Chưa lưu “{label}”: {error_text}</source>
        <translation>“{label}” not saved: {error_text}</translation>
    </message>
    <message>
        <source>Xử lý hồ sơ</source>
        <translation>Process dossier</translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc: không còn bước nào.</source>
        <translation>The dossier is closed: no steps left.</translation>
    </message>
    <message>
        <source>Phím tắt: {shortcut}</source>
        <translation>Shortcut: {shortcut}</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Cơ quan giải quyết</source>
        <translation>Deciding office</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID card no.</translation>
    </message>
    <message>
        <source>Số CMND cũ</source>
        <translation>Old ID card no.</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <source>Nhận kết quả</source>
        <translation>Result by</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation>Result collected by</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Papers</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Số bộ hồ sơ</source>
        <translation>Sets of papers</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{value} {name} — {originals} bản chính, {copies} bản sao</source>
        <translation>{value} {name} — {originals} originals, {copies} copies</translation>
    </message>
    <message>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>, đã thu</source>
        <translation>, paid</translation>
    </message>
    <message>
        <source>Không có</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Đăng ký</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Papers requested</translation>
    </message>
    <message>
        <source>Nghĩa vụ tài chính</source>
        <translation>Financial obligation</translation>
    </message>
    <message>
        <source>Có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Chuyển trạng thái</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and appointment slip</translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request for missing papers</translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Refusal of the dossier</translation>
    </message>
    <message>
        <source>Văn bản xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apology and new return date</translation>
    </message>
    <message>
        <source>Thông báo dừng giải quyết hồ sơ</source>
        <translation>Notice of stopped processing</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control sheet</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Mẫu</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Tên phiếu</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ngày lập</source>
        <translation>Made on</translation>
    </message>
    <message>
        <source>Người lập</source>
        <translation>Made by</translation>
    </message>
    <message>
        <source>Người giao</source>
        <translation>Handed by</translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Nơi nhận</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Số bưu gửi</source>
        <translation>Postal item no.</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Phát hiện lúc</source>
        <translation>Found at</translation>
    </message>
    <message>
        <source>Nội dung khác biệt</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Đã xem</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>Mẫu {form_no}</source>
        <translation>Form {form_no}</translation>
    </message>
    <message>
        <source>Chưa xem</source>
        <translation>Not seen</translation>
    </message>
    <message>
        <source>Hồ sơ {code}</source>
        <translation>Dossier {code}</translation>
    </message>
    <message>
        <source>In lại phiếu đã chọn (Ctrl+P)</source>
        <translation>Reprint selected form (Ctrl+P)</translation>
    </message>
    <message>
        <source>Đã xem (Ctrl+D)</source>
        <translation>Mark seen (Ctrl+D)</translation>
    </message>
    <message>
        <source>Phí, lệ phí ({FEES_KEY})</source>
        <translation>Fees ({FEES_KEY})</translation>
    </message>
    <message>
        <source>Quá trình xử lý</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Phiếu đã in</source>
        <translation>Printed forms</translation>
    </message>
    <message>
        <source>Giao nhận hồ sơ (Mẫu 06)</source>
        <translation>Hand-overs (Form 06)</translation>
    </message>
    <message>
        <source>Khác với tỉnh</source>
        <translation>Differs from province</translation>
    </message>
    <message>
        <source>Bưu gửi</source>
        <translation>Postal items</translation>
    </message>
    <message>
        <source>Đang tải hồ sơ…</source>
        <translation>Loading dossier…</translation>
    </message>
    <message>
        <source>Khác với tỉnh ({unseen} chưa xem)</source>
        <translation>Differs from province ({unseen} not seen)</translation>
    </message>
    <message>
        <source>Đang lập mẫu để in…</source>
        <translation>Preparing the form for printing…</translation>
    </message>
    <message>
        <source>Không tạo được phiếu: {error_text}</source>
        <translation>Could not make the form: {error_text}</translation>
    </message>
    <message>
        <source>Tiếp nhận hôm nay</source>
        <translation>Received today</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Mọi hạn</source>
        <translation>Any due date</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Tìm theo mã hồ sơ, số CCCD, số điện thoại hoặc họ tên (có/không dấu)</source>
        <translation>Search by dossier code, ID card no., phone or name (with or without accents)</translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:#f6c9c6&apos;&gt;&amp;nbsp;Quá hạn&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#ffe6a8&apos;&gt;&amp;nbsp;Sắp đến hạn&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#d4ecd5&apos;&gt;&amp;nbsp;Có kết quả, chờ trả&amp;nbsp;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;background:#f6c9c6&apos;&gt;&amp;nbsp;Overdue&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#ffe6a8&apos;&gt;&amp;nbsp;Due soon&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#d4ecd5&apos;&gt;&amp;nbsp;Result ready for pick-up&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>{count}{more} hồ sơ</source>
        <translation>{count}{more} dossiers</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào.</source>
        <translation>No dossiers.</translation>
    </message>
    <message>
        <source>Đang tìm hồ sơ…</source>
        <translation>Searching dossiers…</translation>
    </message>
    <message>
        <source>Thu phí, lệ phí khi tiếp nhận</source>
        <translation>Collect fees at intake</translation>
    </message>
    <message>
        <source>Thu phí, lệ phí khi trả kết quả</source>
        <translation>Collect fees at return</translation>
    </message>
    <message>
        <source>Khoản</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Mức thu</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Số tiền thu</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Cách ghi</source>
        <translation>Recorded as</translation>
    </message>
    <message>
        <source>Biên lai / lý do miễn</source>
        <translation>Receipt / exemption reason</translation>
    </message>
    <message>
        <source>Lý do khác mức</source>
        <translation>Reason for other amount</translation>
    </message>
    <message>
        <source>Thu phí, lệ phí</source>
        <translation>Collect fees</translation>
    </message>
    <message>
        <source>{title} — hồ sơ {code}</source>
        <translation>{title} — dossier {code}</translation>
    </message>
    <message>
        <source>Các khoản phải thu</source>
        <translation>Amounts due</translation>
    </message>
    <message>
        <source>Ghi nhận ({keys})</source>
        <translation>Record ({keys})</translation>
    </message>
    <message>
        <source>Đã ghi {count} khoản; {text}</source>
        <translation>Recorded {count} items; {text}</translation>
    </message>
    <message>
        <source>Để sau (Esc)</source>
        <translation>Later (Esc)</translation>
    </message>
    <message>
        <source>Cước bưu chính (ghi riêng, không phải phí, lệ phí)</source>
        <translation>Postage (recorded separately, not a fee)</translation>
    </message>
    <message>
        <source>Số tiền:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>Đang tải các khoản phí, lệ phí…</source>
        <translation>Loading fees…</translation>
    </message>
    <message>
        <source>Không còn khoản phí, lệ phí nào phải thu.</source>
        <translation>No fees left to collect.</translation>
    </message>
    <message>
        <source>Nhập ký hiệu/số in trên biên lai; chưa có biên lai thì chọn “chờ số”.</source>
        <translation>Enter the series/number printed on the receipt; without a receipt yet, choose “number pending”.</translation>
    </message>
    <message>
        <source>Chưa ghi: sửa các ô có chữ đỏ.</source>
        <translation>Not recorded: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Chưa ghi được: {error_text}</source>
        <translation>Could not record: {error_text}</translation>
    </message>
    <message>
        <source>Hoàn trả</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Điều chỉnh</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Bổ sung số biên lai</source>
        <translation>Add receipt number</translation>
    </message>
    <message>
        <source>{value} — lần ghi số {id} ({line_name})</source>
        <translation>{value} — entry no. {id} ({line_name})</translation>
    </message>
    <message>
        <source>Ký hiệu/số biên lai, ví dụ 1C26TBL/0000123</source>
        <translation>Receipt series/number, e.g. 1C26TBL/0000123</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ghi (Ctrl+Enter)</source>
        <translation>Record (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Số tiền hoàn:</source>
        <translation>Amount refunded:</translation>
    </message>
    <message>
        <source>Số tiền điều chỉnh (+/−):</source>
        <translation>Correction amount (+/−):</translation>
    </message>
    <message>
        <source>Số biên lai:</source>
        <translation>Receipt number:</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Nhập ký hiệu/số biên lai.</source>
        <translation>Enter the receipt series/number.</translation>
    </message>
    <message>
        <source>Ghi lý do.</source>
        <translation>Give a reason.</translation>
    </message>
    <message>
        <source>Phí, lệ phí của hồ sơ {code}</source>
        <translation>Fees of dossier {code}</translation>
    </message>
    <message>
        <source>Thu khoản còn nợ ({COLLECT_KEY})</source>
        <translation>Collect what is owed ({COLLECT_KEY})</translation>
    </message>
    <message>
        <source>Bổ sung số biên lai ({RECEIPT_KEY})</source>
        <translation>Add receipt number ({RECEIPT_KEY})</translation>
    </message>
    <message>
        <source>Hoàn trả ({REFUND_KEY})</source>
        <translation>Refund ({REFUND_KEY})</translation>
    </message>
    <message>
        <source>Điều chỉnh ({CORRECT_KEY})</source>
        <translation>Correction ({CORRECT_KEY})</translation>
    </message>
    <message>
        <source>Đã ghi lần thu.</source>
        <translation>Payment recorded.</translation>
    </message>
    <message>
        <source>Chọn một lần thu trong bảng trước.</source>
        <translation>Select a payment in the table first.</translation>
    </message>
    <message>
        <source>Đã ghi thêm lần số {id}.</source>
        <translation>Entry no. {id} recorded.</translation>
    </message>
    <message>
        <source>Thu, có biên lai</source>
        <translation>Collected, with receipt</translation>
    </message>
    <message>
        <source>Thu, chờ số biên lai</source>
        <translation>Collected, receipt number pending</translation>
    </message>
    <message>
        <source>Miễn (ghi lý do)</source>
        <translation>Exempt (give reason)</translation>
    </message>
    <message>
        <source>Cước bưu chính</source>
        <translation>Postage</translation>
    </message>
    <message>
        <source>Lý do thu khác mức, ví dụ: 3 trang</source>
        <translation>Reason for another amount, e.g. 3 pages</translation>
    </message>
    <message>
        <source>Lý do miễn (đối tượng được miễn)</source>
        <translation>Reason for exemption (who is exempt)</translation>
    </message>
    <message>
        <source>Bổ sung số biên lai sau</source>
        <translation>Receipt number to be added later</translation>
    </message>
    <message>
        <source>Nhập ký hiệu/số biên lai, hoặc chọn “Thu, chờ số biên lai”.</source>
        <translation>Enter the receipt series/number, or choose “Collected, receipt number pending”.</translation>
    </message>
    <message>
        <source>Ghi lý do miễn.</source>
        <translation>Give the exemption reason.</translation>
    </message>
    <message>
        <source>Thu khác mức {money}: ghi lý do.</source>
        <translation>Amount differs from {money}: give a reason.</translation>
    </message>
    <message>
        <source> đ</source>
        <translation> VND</translation>
    </message>
    <message>
        <source>Ký hiệu/số biên lai cước</source>
        <translation>Postage receipt series/number</translation>
    </message>
    <message>
        <source>Nhập ký hiệu/số biên lai cước, hoặc chọn “Thu, chờ số biên lai”.</source>
        <translation>Enter the postage receipt series/number, or choose “Collected, receipt number pending”.</translation>
    </message>
    <message>
        <source>chờ số biên lai</source>
        <translation>receipt number pending</translation>
    </message>
    <message>
        <source>Nghiệp vụ</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Số tiền</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Biên lai</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Cán bộ đang làm việc ({clerk})</source>
        <translation>Clerk on duty ({clerk})</translation>
    </message>
    <message>
        <source>Tất cả cán bộ</source>
        <translation>All clerks</translation>
    </message>
    <message>
        <source>Tải lại (F5)</source>
        <translation>Reload (F5)</translation>
    </message>
    <message>
        <source>Bảng kê thu trong ngày ({REPORT_KEY})</source>
        <translation>Day&apos;s collection list ({REPORT_KEY})</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Day:</translation>
    </message>
    <message>
        <source>Cán bộ thu:</source>
        <translation>Collected by:</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>{count} lần ghi · Tổng thực thu: {money}</source>
        <translation>{count} entries · Total collected: {money}</translation>
    </message>
    <message>
        <source>Đang tạo bảng kê…</source>
        <translation>Making the list…</translation>
    </message>
    <message>
        <source>Bảng kê thu phí, lệ phí ngày {day:%d/%m/%Y}</source>
        <translation>Fees collected on {day:%d/%m/%Y}</translation>
    </message>
    <message>
        <source>Ghi chú (nếu có)</source>
        <translation>Note (if any)</translation>
    </message>
    <message>
        <source>Ngày hẹn trả: chọn thủ tục để tính.</source>
        <translation>Return date: choose a procedure to compute it.</translation>
    </message>
    <message>
        <source>Hồ sơ mới (Ctrl+N)</source>
        <translation>New dossier (Ctrl+N)</translation>
    </message>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục và thành phần hồ sơ</source>
        <translation>Procedure and papers</translation>
    </message>
    <message>
        <source>Nộp, nhận kết quả và lệ phí</source>
        <translation>Filing, result delivery and fees</translation>
    </message>
    <message>
        <source>Số bộ hồ sơ:</source>
        <translation>Sets of papers:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>In phiếu yêu cầu bổ sung (Mẫu 02) ({SAVE_KEYS})</source>
        <translation>Print request for papers (Form 02) ({SAVE_KEYS})</translation>
    </message>
    <message>
        <source>Tiếp nhận {reopened} và in giấy hẹn (Mẫu 01) ({SAVE_KEYS})</source>
        <translation>Receive {reopened} and print slip (Form 01) ({SAVE_KEYS})</translation>
    </message>
    <message>
        <source>Lưu và in giấy hẹn (Mẫu 01) ({SAVE_KEYS})</source>
        <translation>Save and print slip (Form 01) ({SAVE_KEYS})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Còn thiếu giấy tờ bắt buộc — sẽ in phiếu yêu cầu bổ sung:&lt;/b&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</source>
        <translation>&lt;b&gt;Required papers missing — a request for papers will be printed:&lt;/b&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Hướng dẫn bổ sung: mang theo gì, nộp ở đâu (in trên Mẫu 02)</source>
        <translation>What to bring and where (printed on Form 02)</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận (Mẫu 03) ({REFUSE_KEY})</source>
        <translation>Refuse (Form 03) ({REFUSE_KEY})</translation>
    </message>
    <message>
        <source>Vẫn tiếp nhận — Trưởng bộ phận ({OVERRIDE_KEY})</source>
        <translation>Receive anyway — supervisor ({OVERRIDE_KEY})</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đang chờ bổ sung: tiếp nhận (hoặc từ chối) dưới cùng mã này.</source>
        <translation>Dossier {code} awaits papers: receive (or refuse) it under the same code.</translation>
    </message>
    <message>
        <source>Phải ghi lý do.</source>
        <translation>A reason is required.</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận hồ sơ (Mẫu 03)</source>
        <translation>Refuse the dossier (Form 03)</translation>
    </message>
    <message>
        <source>Lý do từ chối (in trên Phiếu từ chối tiếp nhận giải quyết hồ sơ):</source>
        <translation>Reason for refusal (printed on the refusal form):</translation>
    </message>
    <message>
        <source>Từ chối và in Mẫu 03</source>
        <translation>Refuse and print Form 03</translation>
    </message>
    <message>
        <source>Vẫn tiếp nhận hồ sơ chưa đủ giấy tờ</source>
        <translation>Receive an incomplete dossier</translation>
    </message>
    <message>
        <source>Còn thiếu: </source>
        <translation>Missing: </translation>
    </message>
    <message>
        <source>.
Lý do vẫn tiếp nhận (ghi vào nhật ký hồ sơ):</source>
        <translation>.
Reason for receiving anyway (kept in the dossier&apos;s log):</translation>
    </message>
    <message>
        <source>Tiếp nhận và in Mẫu 01</source>
        <translation>Receive and print Form 01</translation>
    </message>
    <message>
        <source>Cho phép nộp hoặc trả kết quả qua bưu điện</source>
        <translation>Allow filing or return by post</translation>
    </message>
    <message>
        <source>{refusal}
Lý do vẫn cho phép qua bưu điện (ghi vào nhật ký hồ sơ):</source>
        <translation>{refusal}
Reason for allowing post anyway (kept in the dossier&apos;s log):</translation>
    </message>
    <message>
        <source>Cho phép và lưu</source>
        <translation>Allow and save</translation>
    </message>
    <message>
        <source>Chưa lưu: {text}</source>
        <translation>Not saved: {text}</translation>
    </message>
    <message>
        <source>Đang lưu hồ sơ…</source>
        <translation>Saving dossier…</translation>
    </message>
    <message>
        <source>Tại nhà người dân chỉ tiếp nhận hồ sơ đủ giấy tờ.</source>
        <translation>At a citizen&apos;s home only complete dossiers are received.</translation>
    </message>
    <message>
        <source>Hướng dẫn người dân bổ sung rồi hẹn lại, hoặc tiếp nhận tại quầy.</source>
        <translation>Tell the citizen what to add and book again, or receive it at the counter.</translation>
    </message>
    <message>
        <source>Chưa lưu: còn {count} lỗi cần sửa (chữ đỏ dưới ô nhập).</source>
        <translation>Not saved: {count} errors to correct (in red under the fields).</translation>
    </message>
    <message>
        <source>{saved_text} Đang tạo phiếu…</source>
        <translation>{saved_text} Making the slip…</translation>
    </message>
    <message>
        <source>Đang lập giấy tiếp nhận để in…</source>
        <translation>Preparing the receipt slip for printing…</translation>
    </message>
    <message>
        <source>Chưa lưu: {error_text}</source>
        <translation>Not saved: {error_text}</translation>
    </message>
    <message>
        <source>Chưa lưu được hồ sơ: {error_text}</source>
        <translation>Could not save the dossier: {error_text}</translation>
    </message>
    <message>
        <source>{saved_text} Phiếu đã sẵn sàng.</source>
        <translation>{saved_text} The slip is ready.</translation>
    </message>
    <message>
        <source>{saved_text} Nhưng chưa tạo được phiếu: {error_text}. Có thể in lại từ Danh sách hồ sơ.</source>
        <translation>{saved_text} But the slip could not be made: {error_text}. It can be reprinted from the dossier list.</translation>
    </message>
    <message>
        <source>Hôm nay đã tiếp nhận hồ sơ {listed} của người có số CCCD {id_number} cho cùng thủ tục này. Có thể hồ sơ đang được lưu hai lần.</source>
        <translation>Dossier {listed} was received today for ID card no. {id_number} and the same procedure. This dossier may be saved twice.</translation>
    </message>
    <message>
        <source>Đã từ chối tiếp nhận hồ sơ {code} (Mẫu 03).</source>
        <translation>Dossier {code} refused (Form 03).</translation>
    </message>
    <message>
        <source>Đã lưu hồ sơ {code}, chờ bổ sung giấy tờ (Mẫu 02).</source>
        <translation>Dossier {code} saved, awaiting papers (Form 02).</translation>
    </message>
    <message>
        <source>Đã lưu hồ sơ {code}.</source>
        <translation>Dossier {code} saved.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không chờ bổ sung giấy tờ: mở ở Danh sách hồ sơ (F3).</source>
        <translation>Dossier {code} is not awaiting papers: open it from the dossier list (F3).</translation>
    </message>
    <message>
        <source>thu khi tiếp nhận</source>
        <translation>collected at intake</translation>
    </message>
    <message>
        <source>thu khi trả kết quả</source>
        <translation>collected at return</translation>
    </message>
    <message>
        <source>miễn</source>
        <translation>exempt</translation>
    </message>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>{amount:,} đ</source>
        <translation>{amount:,} VND</translation>
    </message>
    <message>
        <source>{m:%H} giờ {m:%M}, {value} ngày {m:%d/%m/%Y}</source>
        <translation>{m:%H}:{m:%M}, {value} {m:%d/%m/%Y}</translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả qua bưu điện</source>
        <translation>Address for the result by post</translation>
    </message>
    <message>
        <source>Thủ tục tiếp nhận không phụ thuộc địa giới: chọn xã/phường có thẩm quyền giải quyết</source>
        <translation>This procedure is received anywhere: choose the commune that decides it</translation>
    </message>
    <message>
        <source>Hình thức nộp:</source>
        <translation>Filed by:</translation>
    </message>
    <message>
        <source>Xã/phường giải quyết:</source>
        <translation>Deciding commune:</translation>
    </message>
    <message>
        <source>Nhận kết quả:</source>
        <translation>Result by:</translation>
    </message>
    <message>
        <source>Địa chỉ nhận:</source>
        <translation>Delivery address:</translation>
    </message>
    <message>
        <source>Xã/phường nơi tiếp nhận</source>
        <translation>The receiving commune</translation>
    </message>
    <message>
        <source>Người gửi hồ sơ qua bưu điện</source>
        <translation>Sender of the dossier by post</translation>
    </message>
    <message>
        <source>Người gửi:</source>
        <translation>Sender:</translation>
    </message>
    <message>
        <source>nếu có</source>
        <translation>if any</translation>
    </message>
    <message>
        <source>Nhân viên bưu chính thu gom tại địa chỉ người gửi</source>
        <translation>Postal worker collects at the sender&apos;s address</translation>
    </message>
    <message>
        <source>Số hiệu:</source>
        <translation>Item no.:</translation>
    </message>
    <message>
        <source>Không có phí, lệ phí.</source>
        <translation>No fees.</translation>
    </message>
    <message>
        <source>Thu {money} sau khi lưu, theo biên lai.</source>
        <translation>Collect {money} after saving, with a receipt.</translation>
    </message>
    <message>
        <source>Ngày giờ của máy có thể sai</source>
        <translation>This computer&apos;s clock may be wrong</translation>
    </message>
    <message>
        <source>Ngày giờ của máy sẽ in trên giấy tiếp nhận, trong mã hồ sơ và ngày hẹn trả. Xem ngày giờ ở góc màn hình trước khi chọn.</source>
        <translation>The computer&apos;s date and time are printed on the slip, in the dossier code and the return date. Check the clock in the corner of the screen before choosing.</translation>
    </message>
    <message>
        <source>Ngày giờ đúng, vẫn lưu và in</source>
        <translation>The clock is right, save and print</translation>
    </message>
    <message>
        <source>Không lưu, để chỉnh ngày giờ</source>
        <translation>Don&apos;t save, I&apos;ll fix the clock</translation>
    </message>
    <message>
        <source>Ngày hẹn trả: {error_text}</source>
        <translation>Return date: {error_text}</translation>
    </message>
    <message>
        <source>Ngày hẹn trả: {appointment_text}</source>
        <translation>Return date: {appointment_text}</translation>
    </message>
    <message>
        <source>Đang mở hồ sơ {code}…</source>
        <translation>Opening dossier {code}…</translation>
    </message>
    <message>
        <source>Mở hồ sơ {code} sẽ thay hồ sơ đang nhập, chưa được lưu.</source>
        <translation>Opening dossier {code} replaces the unsaved dossier being entered.</translation>
    </message>
    <message>
        <source>Đã mở hồ sơ {code}: đánh dấu giấy tờ vừa nhận.</source>
        <translation>Dossier {code} opened: tick the papers just received.</translation>
    </message>
    <message>
        <source>Tiếp nhận tại nhà theo lịch hẹn số {id} ({citizen_name}, {address}): quét CCCD, đánh dấu giấy tờ rồi lưu (Ctrl+S).</source>
        <translation>Home intake for booking no. {id} ({citizen_name}, {address}): scan the ID card, tick the papers, then save (Ctrl+S).</translation>
    </message>
    <message>
        <source>Hồ sơ đang nhập chưa được lưu.</source>
        <translation>The dossier being entered is not saved.</translation>
    </message>
    <message>
        <source>Bỏ hồ sơ đang nhập?</source>
        <translation>Discard the dossier being entered?</translation>
    </message>
    <message>
        <source>Hồ sơ này có thể đã được lưu</source>
        <translation>This dossier may already be saved</translation>
    </message>
    <message>
        <source>{what} Bỏ những gì đã nhập để bắt đầu hồ sơ mới?</source>
        <translation>{what} Discard what was entered and start a new dossier?</translation>
    </message>
    <message>
        <source>Giữ lại, tiếp tục nhập</source>
        <translation>Keep it, continue</translation>
    </message>
    <message>
        <source>Bỏ, nhập hồ sơ mới</source>
        <translation>Discard, start a new one</translation>
    </message>
    <message>
        <source>Không lưu, xem lại</source>
        <translation>Don&apos;t save, check again</translation>
    </message>
    <message>
        <source>Đây là hồ sơ khác, vẫn lưu</source>
        <translation>It is another dossier, save it</translation>
    </message>
    <message>
        <source>Hồ sơ đang nhập ở màn hình Tiếp nhận chưa được lưu. Bỏ những gì đã nhập và rời khỏi màn hình làm việc?</source>
        <translation>The dossier being entered on the Intake screen is not saved. Discard what was entered and leave?</translation>
    </message>
    <message>
        <source>Bỏ và rời đi</source>
        <translation>Discard and leave</translation>
    </message>
    <message>
        <source>đã hẹn lại</source>
        <translation>new date given</translation>
    </message>
    <message>
        <source>bổ sung {supplement_requests} lần</source>
        <translation>papers requested {supplement_requests} times</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đang tìm hồ sơ quá hạn và sắp đến hạn…</source>
        <translation>Looking for overdue and due-soon dossiers…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{overdue}&lt;/b&gt; hồ sơ quá hạn · &lt;b&gt;{due_soon}&lt;/b&gt; hồ sơ sắp đến hạn</source>
        <translation>&lt;b&gt;{overdue}&lt;/b&gt; overdue · &lt;b&gt;{due_soon}&lt;/b&gt; due soon</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Phần mềm quầy Một cửa</source>
        <translation>One-stop counter</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Phải chọn mật khẩu mới trước khi làm việc. Hãy đăng nhập lại.</source>
        <translation>You must choose a new password before working. Please sign in again.</translation>
    </message>
    <message>
        <source>Quầy Một cửa</source>
        <translation>One-stop counter</translation>
    </message>
    <message>
        <source>Đồng bộ: đang gửi hồ sơ lên tỉnh</source>
        <translation>Sync: sending dossiers to the province</translation>
    </message>
    <message>
        <source>Đồng bộ: đang nhận thay đổi từ tỉnh</source>
        <translation>Sync: receiving changes from the province</translation>
    </message>
    <message>
        <source>Quầy Một cửa — {counter_name} — {unit_name}</source>
        <translation>One-stop counter — {counter_name} — {unit_name}</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ (F2)</source>
        <translation>Intake (F2)</translation>
    </message>
    <message>
        <source>Danh sách hồ sơ (F3)</source>
        <translation>Dossiers (F3)</translation>
    </message>
    <message>
        <source>Trả kết quả (F4)</source>
        <translation>Return results (F4)</translation>
    </message>
    <message>
        <source>Quá hạn và sắp đến hạn (F6)</source>
        <translation>Overdue and due soon (F6)</translation>
    </message>
    <message>
        <source>Báo cáo (F11)</source>
        <translation>Reports (F11)</translation>
    </message>
    <message>
        <source>Cán bộ: {full_name} ({username})</source>
        <translation>Clerk: {full_name} ({username})</translation>
    </message>
    <message>
        <source>Đồng bộ: chưa cấu hình</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <source>Đồng bộ:</source>
        <translation>Sync:</translation>
    </message>
    <message>
        <source>Có lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Mã hồ sơ trên Cổng</source>
        <translation>Portal dossier code</translation>
    </message>
    <message>
        <source>Dịch vụ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Người dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Mã hồ sơ do Cổng dịch vụ công cấp</source>
        <translation>Dossier code given by the public service portal</translation>
    </message>
    <message>
        <source>Dịch vụ công trực tuyến {lower}</source>
        <translation>Online public service {lower}</translation>
    </message>
    <message>
        <source>Ghi nhận hỗ trợ (Ctrl+Enter)</source>
        <translation>Record help (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ghi nhận hỗ trợ người dân nộp hồ sơ trực tuyến (không tạo hồ sơ mới)</source>
        <translation>Record help given to a citizen filing online (no new dossier)</translation>
    </message>
    <message>
        <source>Mã hồ sơ trên Cổng:</source>
        <translation>Portal dossier code:</translation>
    </message>
    <message>
        <source>Loại dịch vụ:</source>
        <translation>Service level:</translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <source>Họ tên người dân:</source>
        <translation>Citizen&apos;s name:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Các lần hỗ trợ hôm nay&lt;/b&gt;</source>
        <translation>&lt;b&gt;Help given today&lt;/b&gt;</translation>
    </message>
    <message>
        <source>· {count} lần</source>
        <translation>· {count} times</translation>
    </message>
    <message>
        <source>Đã ghi nhận lần hỗ trợ số {number}.</source>
        <translation>Help no. {number} recorded.</translation>
    </message>
    <message>
        <source>Chưa ghi nhận: xem chữ đỏ dưới ô nhập.</source>
        <translation>Not recorded: see the red text under the fields.</translation>
    </message>
    <message>
        <source>Chưa ghi nhận: {text}</source>
        <translation>Not recorded: {text}</translation>
    </message>
    <message>
        <source>Số nhà, thôn/xóm, đường</source>
        <translation>House no., hamlet, street</translation>
    </message>
    <message>
        <source>— Chọn tỉnh, thành phố —</source>
        <translation>— Choose a province —</translation>
    </message>
    <message>
        <source>Người nhận:</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Tỉnh, thành phố:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>Xã, phường:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <source>Tỉnh, TP:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>— Chọn xã, phường —</source>
        <translation>— Choose a commune —</translation>
    </message>
    <message>
        <source>Ký hiệu/số biên lai cước (để trống: chờ số)</source>
        <translation>Postage receipt series/number (blank: pending)</translation>
    </message>
    <message>
        <source>Cước bưu chính:</source>
        <translation>Postage:</translation>
    </message>
    <message>
        <source>Khối lượng:</source>
        <translation>Weight:</translation>
    </message>
    <message>
        <source>Biên lai cước:</source>
        <translation>Postage receipt:</translation>
    </message>
    <message>
        <source>Mã vận đơn:</source>
        <translation>Tracking no.:</translation>
    </message>
    <message>
        <source>Hết mã vận đơn (S10) của máy này: không trả qua bưu điện được. Hãy đồng bộ hoặc nạp tệp mã vận đơn.</source>
        <translation>This computer has no tracking numbers (S10) left: results cannot go by post. Sync, or load a tracking number file.</translation>
    </message>
    <message>
        <source>Lấy tự động từ kho mã của máy (còn {unused} mã).</source>
        <translation>Taken from this computer&apos;s pool ({unused} left).</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation>Item no.</translation>
    </message>
    <message>
        <source>Chiều</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Người nhận / gửi</source>
        <translation>Recipient / sender</translation>
    </message>
    <message>
        <source>Cước</source>
        <translation>Postage</translation>
    </message>
    <message>
        <source>Người cập nhật</source>
        <translation>Updated by</translation>
    </message>
    <message>
        <source>Ghi chú (ví dụ: người nhận đã ký)</source>
        <translation>Note (e.g. recipient signed)</translation>
    </message>
    <message>
        <source>Cập nhật trạng thái bưu gửi (Ctrl+U)</source>
        <translation>Update postal item status (Ctrl+U)</translation>
    </message>
    <message>
        <source>Hồ sơ này không có bưu gửi.</source>
        <translation>This dossier has no postal items.</translation>
    </message>
    <message>
        <source>Trạng thái mới:</source>
        <translation>New status:</translation>
    </message>
    <message>
        <source>Bưu gửi {number}: {label}.</source>
        <translation>Postal item {number}: {label}.</translation>
    </message>
    <message>
        <source>Mã: {code}</source>
        <translation>Code: {code}</translation>
    </message>
    <message>
        <source>Lĩnh vực: {field}</source>
        <translation>Field: {field}</translation>
    </message>
    <message>
        <source>Cơ quan giải quyết: {agency}</source>
        <translation>Deciding office: {agency}</translation>
    </message>
    <message>
        <source>Thời hạn: {time_limit}</source>
        <translation>Time limit: {time_limit}</translation>
    </message>
    <message>
        <source>Gõ tên hoặc mã thủ tục, ví dụ: chung thuc</source>
        <translation>Type a procedure&apos;s name or code, e.g. chung thuc</translation>
    </message>
    <message>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục phù hợp.</source>
        <translation>No matching procedure.</translation>
    </message>
    <message>
        <source>Kết quả giải quyết ({received} hồ sơ đã tiếp nhận)</source>
        <translation>Outcomes ({received} dossiers received)</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Công việc của từng cán bộ trong kỳ</source>
        <translation>Each clerk&apos;s work in the period</translation>
    </message>
    <message>
        <source>Tổng số</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Xem báo cáo (F5)</source>
        <translation>Show report (F5)</translation>
    </message>
    <message>
        <source>Xuất Excel… (Ctrl+E)</source>
        <translation>Export to Excel… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Biểu đồ</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Theo thủ tục</source>
        <translation>By procedure</translation>
    </message>
    <message>
        <source>Công việc theo tháng</source>
        <translation>Work by month</translation>
    </message>
    <message>
        <source>Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.</source>
        <translation>The start date must not be after the end date.</translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Đang đếm hồ sơ cho báo cáo…</source>
        <translation>Counting dossiers for the report…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{received}&lt;/b&gt; hồ sơ đã tiếp nhận · trước hạn {early} · đúng hạn {on_time} · quá hạn {late}</source>
        <translation>&lt;b&gt;{received}&lt;/b&gt; dossiers received · early {early} · on time {on_time} · overdue {late}</translation>
    </message>
    <message>
        <source>Hồ sơ theo kênh tiếp nhận</source>
        <translation>Dossiers by channel</translation>
    </message>
    <message>
        <source>Số lượt</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Hồ sơ theo trạng thái</source>
        <translation>Dossiers by status</translation>
    </message>
    <message>
        <source>Theo lĩnh vực</source>
        <translation>By field</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Đã lưu báo cáo vào {out}</source>
        <translation>Report saved to {out}</translation>
    </message>
    <message>
        <source>Cả đơn vị</source>
        <translation>Whole unit</translation>
    </message>
    <message>
        <source>Đang tìm hồ sơ {code}…</source>
        <translation>Looking for dossier {code}…</translation>
    </message>
    <message>
        <source>Đang tìm hồ sơ để trả kết quả…</source>
        <translation>Looking for the dossier to return…</translation>
    </message>
    <message>
        <source>Kiểm tra giấy tờ người nhận, rồi nhấn F9 (hoặc Ctrl+Enter) để xác nhận trả kết quả.</source>
        <translation>Check the recipient&apos;s ID, then press F9 (or Ctrl+Enter) to confirm the return.</translation>
    </message>
    <message>
        <source>Hãy nhập họ tên người nhận kết quả.</source>
        <translation>Enter the name of the person collecting the result.</translation>
    </message>
    <message>
        <source>Hồ sơ còn phí, lệ phí thu khi trả kết quả: nhấn Ctrl+T để thu theo biên lai.</source>
        <translation>Fees are due at return: press Ctrl+T to collect them with a receipt.</translation>
    </message>
    <message>
        <source>Đã trả kết quả hồ sơ {code} qua bưu điện cho {name}, số hiệu bưu gửi {tracking_number}.</source>
        <translation>Result of dossier {code} sent by post to {name}, item no. {tracking_number}.</translation>
    </message>
    <message>
        <source>Đang lập danh sách giao bưu gửi ngày {day:%d/%m/%Y}…</source>
        <translation>Making the postal hand-over list of {day:%d/%m/%Y}…</translation>
    </message>
    <message>
        <source>Không lập được danh sách giao bưu gửi: {error_text}</source>
        <translation>Could not make the postal hand-over list: {error_text}</translation>
    </message>
    <message>
        <source>Đã trả kết quả hồ sơ {code} cho {receiver}.</source>
        <translation>Result of dossier {code} returned to {receiver}.</translation>
    </message>
    <message>
        <source>Chưa trả được hồ sơ {code}: {error_text}</source>
        <translation>Could not return dossier {code}: {error_text}</translation>
    </message>
    <message>
        <source>Quét mã vạch trên giấy tiếp nhận, hoặc gõ mã hồ sơ rồi nhấn Enter</source>
        <translation>Scan the barcode on the receipt slip, or type the dossier code and press Enter</translation>
    </message>
    <message>
        <source>Phím tắt: {FEES_KEY}</source>
        <translation>Shortcut: {FEES_KEY}</translation>
    </message>
    <message>
        <source>Trả qua bưu điện (bưu chính công ích)</source>
        <translation>Return by post (public postal service)</translation>
    </message>
    <message>
        <source>Danh sách giao bưu gửi hôm nay… ({HANDOVER_KEY})</source>
        <translation>Today&apos;s postal hand-over list… ({HANDOVER_KEY})</translation>
    </message>
    <message>
        <source>Xác nhận trả kết quả (Ctrl+Enter)</source>
        <translation>Confirm return (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Bỏ qua (Esc)</source>
        <translation>Skip (Esc)</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nhận kết quả:</source>
        <translation>Collected by:</translation>
    </message>
    <message>
        <source>Số CCCD người nhận:</source>
        <translation>Collector&apos;s ID card no.:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mã hồ sơ:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dossier code:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Bỏ qua hồ sơ này?</source>
        <translation>Skip this dossier?</translation>
    </message>
    <message>
        <source>Thông tin người nhận đã nhập chưa được ghi. Bỏ qua hồ sơ này?</source>
        <translation>The collector&apos;s details entered are not saved. Skip this dossier?</translation>
    </message>
    <message>
        <source>Bỏ qua, quét hồ sơ khác</source>
        <translation>Skip, scan another</translation>
    </message>
    <message>
        <source>Người nhận theo CCCD vừa quét: {full_name}.</source>
        <translation>Collector from the scanned ID card: {full_name}.</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ. Quét mã vạch trên giấy tiếp nhận.</source>
        <translation>No dossier yet. Scan the barcode on the receipt slip.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:12pt&apos;&gt;{code}&lt;/b&gt;&lt;br&gt;{procedure}&lt;br&gt;Người nộp: &lt;b&gt;{applicant}&lt;/b&gt; · CCCD: {id_number}&lt;br&gt;Trạng thái: {status} · Hẹn trả: {due}</source>
        <translation>&lt;b style=&apos;font-size:12pt&apos;&gt;{code}&lt;/b&gt;&lt;br&gt;{procedure}&lt;br&gt;Applicant: &lt;b&gt;{applicant}&lt;/b&gt; · ID card: {id_number}&lt;br&gt;Status: {status} · Due: {due}</translation>
    </message>
    <message>
        <source>Thu {money} phí, lệ phí khi trả kết quả ({FEES_KEY})</source>
        <translation>Collect {money} in fees at return ({FEES_KEY})</translation>
    </message>
    <message>
        <source>Danh sách giao bưu gửi ngày {day:%d/%m/%Y}</source>
        <translation>Postal hand-over list of {day:%d/%m/%Y}</translation>
    </message>
    <message>
        <source>Đã thu phí, lệ phí khi trả kết quả (đã ghi sổ thu)</source>
        <translation>Fees at return collected (entered in the ledger)</translation>
    </message>
    <message>
        <source>Đã thu phí, lệ phí. Nhấn F9 để xác nhận trả kết quả.</source>
        <translation>Fees collected. Press F9 to confirm the return.</translation>
    </message>
    <message>
        <source>Hẹn tại nhà (F7)</source>
        <translation>Home visits (F7)</translation>
    </message>
    <message>
        <source>Hỗ trợ nộp trực tuyến (F8)</source>
        <translation>Online filing help (F8)</translation>
    </message>
    <message>
        <source>Thu phí, lệ phí (F10)</source>
        <translation>Fees (F10)</translation>
    </message>
    <message>
        <source>Giấy cuộn máy in hóa đơn (rộng 80 mm)</source>
        <translation>Receipt printer roll (80 mm wide)</translation>
    </message>
    <message>
        <source>(máy in mặc định của hệ thống)</source>
        <translation>(the system&apos;s default printer)</translation>
    </message>
    <message>
        <source>Cài đặt của quầy</source>
        <translation>Counter settings</translation>
    </message>
    <message>
        <source>Lưu cài đặt (Ctrl+S)</source>
        <translation>Save settings (Ctrl+S)</translation>
    </message>
    <message>
        <source>để trống nếu thứ Bảy nghỉ</source>
        <translation>leave blank if Saturday is off</translation>
    </message>
    <message>
        <source> ngày làm việc</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>ví dụ: Hà Tĩnh, Đức Thọ</source>
        <translation>e.g. Hà Tĩnh, Đức Thọ</translation>
    </message>
    <message>
        <source> ngày, kể cả hôm nay</source>
        <translation> days, today included</translation>
    </message>
    <message>
        <source>không hỏi</source>
        <translation>never ask</translation>
    </message>
    <message>
        <source>Khi lưu hồ sơ cùng số định danh và cùng thủ tục với hồ sơ đã nhận trong chừng ấy ngày, quầy hỏi lại trước khi lưu (1: chỉ trong hôm nay).</source>
        <translation>When a dossier with the same ID number and procedure as one received within this many days is saved, the counter asks first (1: today only).</translation>
    </message>
    <message>
        <source>Buổi làm việc (thứ Hai – thứ Sáu):</source>
        <translation>Working hours (Monday – Friday):</translation>
    </message>
    <message>
        <source>Buổi làm việc thứ Bảy:</source>
        <translation>Saturday working hours:</translation>
    </message>
    <message>
        <source>Khổ Giấy tiếp nhận (Mẫu 01):</source>
        <translation>Receipt slip size (Form 01):</translation>
    </message>
    <message>
        <source>Máy in mặc định:</source>
        <translation>Default printer:</translation>
    </message>
    <message>
        <source>Báo “sắp đến hạn” trước:</source>
        <translation>Flag “due soon” ahead by:</translation>
    </message>
    <message>
        <source>Địa danh ghi trên phiếu:</source>
        <translation>Place name on forms:</translation>
    </message>
    <message>
        <source>Hỏi hồ sơ có thể trùng trong:</source>
        <translation>Ask about likely duplicates within:</translation>
    </message>
    <message>
        <source>Ngôn ngữ màn hình (khi mở lại chương trình):</source>
        <translation>Screen language (when the program restarts):</translation>
    </message>
    <message>
        <source>Giờ làm việc dùng để tính ngày hẹn trả cho hồ sơ nhận từ nay; hồ sơ đã nhận giữ ngày hẹn đã in. Dạng: 07:00-11:30,13:30-17:00.</source>
        <translation>Working hours set the return date of dossiers received from now on; dossiers already received keep their printed date. Format: 07:00-11:30,13:30-17:00.</translation>
    </message>
    <message>
        <source>{printer} (không thấy trên máy này)</source>
        <translation>{printer} (not found on this computer)</translation>
    </message>
    <message>
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Không có gì thay đổi.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>Chưa lưu: hãy sửa các ô báo đỏ.</source>
        <translation>Not saved: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Chọn Bộ phận Một cửa / Trung tâm Phục vụ hành chính công của quầy này.</source>
        <translation>Choose the one-stop office / public administration centre of this counter.</translation>
    </message>
    <message>
        <source>Đang tải danh mục đơn vị…</source>
        <translation>Loading the list of units…</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Danh mục không có đơn vị nào.</source>
        <translation>The catalogue has no units.</translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Mỗi máy trong cùng đơn vị cần một số thứ tự khác nhau (0–9) để mã hồ sơ không trùng.</source>
        <translation>Each computer in a unit needs its own number (0–9) so that dossier codes never clash.</translation>
    </message>
    <message>
        <source>Quầy 1</source>
        <translation>Counter 1</translation>
    </message>
    <message>
        <source>Tên quầy:</source>
        <translation>Counter name:</translation>
    </message>
    <message>
        <source>Số thứ tự máy:</source>
        <translation>Computer number:</translation>
    </message>
    <message>
        <source>Quản trị viên đầu tiên</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>Tài khoản quản trị (vai trò Cán bộ CNTT): đăng ký máy với máy chủ, cài đặt quầy và tạo tài khoản cho Trưởng bộ phận, nhân viên tiếp nhận (menu Tài khoản › Quản lý tài khoản, Ctrl+Shift+U).</source>
        <translation>The administrator account (IT role): registers the computer with the server, sets up the counter and creates accounts for the supervisor and clerks (menu Account › Manage accounts, Ctrl+Shift+U).</translation>
    </message>
    <message>
        <source>Mật khẩu (ít nhất 8 ký tự):</source>
        <translation>Password (at least 8 characters):</translation>
    </message>
    <message>
        <source>Thiết lập quầy lần đầu</source>
        <translation>First-time counter setup</translation>
    </message>
    <message>
        <source>Tiếp &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đang lưu thiết lập…</source>
        <translation>Saving the setup…</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận hồ sơ {code}</source>
        <translation>Receipt slip of dossier {code}</translation>
    </message>
    <message>
        <source>In (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>In giấy tiếp nhận</source>
        <translation>Print receipt slip</translation>
    </message>
    <message>
        <source>Đã gửi {pages} trang tới máy in.</source>
        <translation>{pages} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Không mở được máy in. Kiểm tra máy in rồi in lại.</source>
        <translation>Could not open the printer. Check it and print again.</translation>
    </message>
    <message>
        <source>Lưu giấy tiếp nhận</source>
        <translation>Save receipt slip</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Không lưu được tệp {path}: {strerror}</source>
        <translation>Could not save {path}: {strerror}</translation>
    </message>
    <message>
        <source>Đã lưu {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Gửi qua bưu điện, số bưu gửi:</source>
        <translation>Sent by post, item no.:</translation>
    </message>
    <message>
        <source>VD: EE123456785VN</source>
        <translation>e.g. EE123456785VN</translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}&lt;/b&gt; — hồ sơ {code}</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt; — dossier {code}</translation>
    </message>
    <message>
        <source>Chưa nhập {lower}.</source>
        <translation>Missing: {lower}.</translation>
    </message>
    <message>
        <source>Ngày hẹn mới phải sau ngày hẹn hiện tại.</source>
        <translation>The new date must be after the current one.</translation>
    </message>
    <message>
        <source> Đánh dấu ô xác nhận.</source>
        <translation> Tick the confirmation box.</translation>
    </message>
    <message>
        <source>Chuyển cơ quan giải quyết</source>
        <translation>Send to the deciding office</translation>
    </message>
    <message>
        <source>Cơ quan nhận</source>
        <translation>Receiving office</translation>
    </message>
    <message>
        <source>Để trống: cơ quan giải quyết của hồ sơ</source>
        <translation>Blank: the dossier&apos;s deciding office</translation>
    </message>
    <message>
        <source>Để trống nếu gửi bưu điện</source>
        <translation>Blank if sent by post</translation>
    </message>
    <message>
        <source>Gửi qua bưu điện</source>
        <translation>Sent by post</translation>
    </message>
    <message>
        <source>Ghi nhận đã chuyển</source>
        <translation>Record as sent</translation>
    </message>
    <message>
        <source>Cơ quan đã nhận hồ sơ</source>
        <translation>Office received the dossier</translation>
    </message>
    <message>
        <source>Người nhận tại cơ quan</source>
        <translation>Received at the office by</translation>
    </message>
    <message>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung</source>
        <translation>Papers to add</translation>
    </message>
    <message>
        <source>Mỗi giấy tờ một dòng</source>
        <translation>One paper per line</translation>
    </message>
    <message>
        <source>Lưu và in phiếu</source>
        <translation>Save and print</translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Receive added papers</translation>
    </message>
    <message>
        <source>Người giao kết quả</source>
        <translation>Result handed over by</translation>
    </message>
    <message>
        <source>Ghi nhận có kết quả</source>
        <translation>Record result ready</translation>
    </message>
    <message>
        <source>Từ chối sau thẩm định</source>
        <translation>Refuse after review</translation>
    </message>
    <message>
        <source>Lý do từ chối (theo văn bản)</source>
        <translation>Reason for refusal (as written)</translation>
    </message>
    <message>
        <source>Hẹn lại ngày trả</source>
        <translation>New return date</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới</source>
        <translation>New return date</translation>
    </message>
    <message>
        <source>Lưu và in phiếu xin lỗi</source>
        <translation>Save and print the apology</translation>
    </message>
    <message>
        <source>Yêu cầu nghĩa vụ tài chính</source>
        <translation>Request financial obligation</translation>
    </message>
    <message>
        <source>Đã nộp nghĩa vụ tài chính</source>
        <translation>Financial obligation paid</translation>
    </message>
    <message>
        <source>Dừng giải quyết</source>
        <translation>Stop processing</translation>
    </message>
    <message>
        <source>Rút hồ sơ</source>
        <translation>Withdraw dossier</translation>
    </message>
    <message>
        <source>Hồ sơ đã được yêu cầu bổ sung một lần. Yêu cầu bổ sung lần thứ hai sẽ làm hồ sơ bị tính là quá hạn.</source>
        <translation>Papers were already requested once. A second request makes the dossier count as overdue.</translation>
    </message>
    <message>
        <source>Tôi hiểu, vẫn yêu cầu bổ sung (hồ sơ tính là quá hạn)</source>
        <translation>I understand, request papers anyway (counts as overdue)</translation>
    </message>
    <message>
        <source>Hồ sơ đã được hẹn lại ngày trả một lần. Việc hẹn lại ngày trả kết quả chỉ được thực hiện không quá một lần.</source>
        <translation>A new return date was already given once. The return date may be changed only once.</translation>
    </message>
    <message>
        <source>Đồng bộ: đang kiểm tra…</source>
        <translation>Sync: checking…</translation>
    </message>
    <message>
        <source>Đồng bộ: {text}</source>
        <translation>Sync: {text}</translation>
    </message>
    <message>
        <source>Đồng bộ…</source>
        <translation>Sync…</translation>
    </message>
    <message>
        <source>Xem tình trạng đồng bộ với máy chủ tỉnh, đăng ký máy, đồng bộ ngay ({SYNC_KEY})</source>
        <translation>Sync status with the provincial server, registration, sync now ({SYNC_KEY})</translation>
    </message>
    <message>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Cập nhật hồ sơ</source>
        <translation>Dossier update</translation>
    </message>
    <message>
        <source>Hỗ trợ nộp trực tuyến</source>
        <translation>Online filing help</translation>
    </message>
    <message>
        <source>Trạng thái hồ sơ</source>
        <translation>Dossier status</translation>
    </message>
    <message>
        <source>Danh mục thủ tục</source>
        <translation>Procedure catalogue</translation>
    </message>
    <message>
        <source>Lịch ngày nghỉ, làm bù</source>
        <translation>Holidays and make-up days</translation>
    </message>
    <message>
        <source>Mã vận đơn bưu chính</source>
        <translation>Postal tracking numbers</translation>
    </message>
    <message>
        <source>Thu hồi máy</source>
        <translation>Computer revoked</translation>
    </message>
    <message>
        <source>Đã áp dụng</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Đã có trên máy</source>
        <translation>Already here</translation>
    </message>
    <message>
        <source>Không áp dụng được</source>
        <translation>Could not apply</translation>
    </message>
    <message>
        <source>Đồng bộ với máy chủ tỉnh</source>
        <translation>Sync with the provincial server</translation>
    </message>
    <message>
        <source>Đăng ký máy với máy chủ…</source>
        <translation>Register with the server…</translation>
    </message>
    <message>
        <source>Dừng ({key})</source>
        <translation>Stop ({key})</translation>
    </message>
    <message>
        <source>Dừng sau lô đang gửi: phần đã gửi giữ nguyên, phần còn lại gửi ở lần sau</source>
        <translation>Stop after the batch being sent: what was sent stays sent, the rest goes next time</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Kiểu</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Xác nhận</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Trùng</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Cách ly</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <source>Chờ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Thao tác lỗi hoặc đang chờ</source>
        <translation>Failed or waiting operations</translation>
    </message>
    <message>
        <source>Các lần đồng bộ</source>
        <translation>Sync runs</translation>
    </message>
    <message>
        <source>Thay đổi từ tỉnh</source>
        <translation>Changes from the province</translation>
    </message>
    <message>
        <source>Máy tự đồng bộ khi có mạng. Đồng bộ ngay do cán bộ CNTT thực hiện.</source>
        <translation>This PC syncs by itself when the network is up. A sync by hand is for the IT officer.</translation>
    </message>
    <message>
        <source>Đang dừng: chờ lô đang gửi được máy chủ xác nhận…</source>
        <translation>Stopping: waiting for the server to confirm the batch being sent…</translation>
    </message>
    <message>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Thao tác lỗi hoặc đang chờ ({count})</source>
        <translation>Failed or waiting operations ({count})</translation>
    </message>
    <message>
        <source>Đồng bộ ngay (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đã thu hồi quyền đồng bộ của máy “{counter_name}” (đơn vị {unit_code}, số thứ tự máy {slot}). Nếu bộ phận CNTT cấp mã đăng ký mới, hãy đăng ký lại: hồ sơ chưa gửi sẽ được gửi sau đó.</source>
        <translation>The provincial server revoked the sync rights of “{counter_name}” (unit {unit_code}, number {slot}). If IT gives a new registration code, register again: unsent dossiers will be sent then.</translation>
    </message>
    <message>
        <source>Máy “{counter_name}” (đơn vị {unit_code}, số thứ tự máy {slot}) chưa đăng ký với máy chủ tỉnh. Hồ sơ vẫn lưu trên máy và sẽ được gửi sau khi đăng ký.</source>
        <translation>“{counter_name}” (unit {unit_code}, number {slot}) is not registered with the provincial server. Dossiers are kept on this computer and sent once it is registered.</translation>
    </message>
    <message>
        <source>Máy chủ: {server_url} · máy số {device_id} · đơn vị {unit_code}, số thứ tự máy {slot} · đăng ký lúc {when}</source>
        <translation>Server: {server_url} · computer {device_id} · unit {unit_code}, number {slot} · registered {when}</translation>
    </message>
    <message>
        <source>Đăng ký lại với mã mới…</source>
        <translation>Register again with a new code…</translation>
    </message>
    <message>
        <source>Đang nhận thay đổi từ tỉnh</source>
        <translation>Receiving changes from the province</translation>
    </message>
    <message>
        <source>Đang gửi hồ sơ lên tỉnh</source>
        <translation>Sending dossiers to the province</translation>
    </message>
    <message>
        <source>Đăng ký máy với máy chủ</source>
        <translation>Register with the server</translation>
    </message>
    <message>
        <source>ví dụ ABCD-2345</source>
        <translation>e.g. ABCD-2345</translation>
    </message>
    <message>
        <source>Bộ phận CNTT cấp địa chỉ máy chủ và mã đăng ký dùng một lần. Đăng ký xong, máy sẽ gửi mọi hồ sơ đã lưu, kể cả hồ sơ lưu trước khi đăng ký.</source>
        <translation>IT gives the server address and a one-time registration code. Once registered, the computer sends every saved dossier, including those saved before.</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>Mã đăng ký:</source>
        <translation>Registration code:</translation>
    </message>
    <message>
        <source>Nhập địa chỉ máy chủ và mã đăng ký.</source>
        <translation>Enter the server address and the registration code.</translation>
    </message>
    <message>
        <source>Đang đăng ký với máy chủ…</source>
        <translation>Registering with the server…</translation>
    </message>
    <message>
        <source>Đã đăng ký: máy số {device_id}, đơn vị {unit_code}, số thứ tự máy {slot}. Máy sẽ bắt đầu gửi hồ sơ ngay.</source>
        <translation>Registered: computer {device_id}, unit {unit_code}, number {slot}. Sending dossiers starts now.</translation>
    </message>
    <message>
        <source>Đang xử lý…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source> (còn {more} việc khác)</source>
        <translation> ({more} more tasks)</translation>
    </message>
    <message>
        <source>Dời lịch hẹn số {id}</source>
        <translation>Move booking no. {id}</translation>
    </message>
    <message>
        <source>Đặt lịch hẹn tiếp nhận tại nhà</source>
        <translation>Book a home intake</translation>
    </message>
    <message>
        <source>Mã xã/phường (nếu có)</source>
        <translation>Commune code (if any)</translation>
    </message>
    <message>
        <source>Lưu lịch hẹn (Ctrl+Enter)</source>
        <translation>Save booking (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cán bộ thực hiện:</source>
        <translation>Clerk:</translation>
    </message>
    <message>
        <source>Ngày, từ giờ – đến giờ:</source>
        <translation>Day, from – to:</translation>
    </message>
    <message>
        <source>Mã đơn vị hành chính:</source>
        <translation>Administrative unit code:</translation>
    </message>
    <message>
        <source>Đang lưu lịch hẹn…</source>
        <translation>Saving booking…</translation>
    </message>
    <message>
        <source>Chưa lưu: xem chữ đỏ dưới ô nhập.</source>
        <translation>Not saved: see the red text under the fields.</translation>
    </message>
    <message>
        <source>Kết quả lịch hẹn số {id} — {citizen_name}</source>
        <translation>Outcome of booking no. {id} — {citizen_name}</translation>
    </message>
    <message>
        <source>Ghi kết quả (Ctrl+Enter)</source>
        <translation>Record outcome (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Kết quả:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>Trong ngày</source>
        <translation>One day</translation>
    </message>
    <message>
        <source>Cả tuần (Thứ Hai – Chủ nhật)</source>
        <translation>Whole week (Monday – Sunday)</translation>
    </message>
    <message>
        <source>Đặt lịch hẹn ({BOOK_KEY})</source>
        <translation>Book ({BOOK_KEY})</translation>
    </message>
    <message>
        <source>Dời lịch ({MOVE_KEY})</source>
        <translation>Move ({MOVE_KEY})</translation>
    </message>
    <message>
        <source>Ghi kết quả ({OUTCOME_KEY})</source>
        <translation>Record outcome ({OUTCOME_KEY})</translation>
    </message>
    <message>
        <source>Tiếp nhận tại nhà ({RECEIVE_KEY})</source>
        <translation>Home intake ({RECEIVE_KEY})</translation>
    </message>
    <message>
        <source>Xem:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Cán bộ:</source>
        <translation>Clerk:</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; lịch hẹn · &lt;b&gt;{booked}&lt;/b&gt; đang chờ</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; bookings · &lt;b&gt;{booked}&lt;/b&gt; waiting</translation>
    </message>
    <message>
        <source>Chọn một lịch hẹn trong danh sách để {doing}.</source>
        <translation>Select a booking in the list to {doing}.</translation>
    </message>
    <message>
        <source>Lịch hẹn số {id} đã “{label}”: không {doing} được.</source>
        <translation>Booking no. {id} is “{label}”: cannot {doing}.</translation>
    </message>
    <message>
        <source>dời lịch</source>
        <translation>move it</translation>
    </message>
    <message>
        <source>Đã lưu lịch hẹn số {visit_id}.</source>
        <translation>Booking no. {visit_id} saved.</translation>
    </message>
    <message>
        <source>ghi kết quả</source>
        <translation>record its outcome</translation>
    </message>
    <message>
        <source>tiếp nhận</source>
        <translation>receive it</translation>
    </message>
    <message>
        <source>Có lỗi không mong muốn ({kind}: {error}). Hãy báo cán bộ CNTT.</source>
        <translation>Unexpected error ({kind}: {error}). Please tell IT.</translation>
    </message>
    <message>
        <source>Kho dữ liệu bị hỏng</source>
        <translation>The data store is damaged</translation>
    </message>
</context>
</TS>
