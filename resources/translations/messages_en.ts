<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>labels</name>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive the dossier</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Ask for missing papers</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận hồ sơ</source>
        <translation>Refuse the dossier</translation>
    </message>
    <message>
        <source>Chuyển hồ sơ đến cơ quan giải quyết</source>
        <translation>Forward to the competent agency</translation>
    </message>
    <message>
        <source>Cơ quan giải quyết nhận hồ sơ</source>
        <translation>Agency received the dossier</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung trong quá trình giải quyết</source>
        <translation>Agency asks for more papers</translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Additional papers received</translation>
    </message>
    <message>
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Payment of financial obligations requested</translation>
    </message>
    <message>
        <source>Đã thực hiện nghĩa vụ tài chính</source>
        <translation>Financial obligations paid</translation>
    </message>
    <message>
        <source>Xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apologise and set a new return date</translation>
    </message>
    <message>
        <source>Nhận kết quả từ cơ quan giải quyết</source>
        <translation>Result received from the agency</translation>
    </message>
    <message>
        <source>Từ chối giải quyết sau thẩm định</source>
        <translation>Refused after appraisal</translation>
    </message>
    <message>
        <source>Dừng giải quyết hồ sơ</source>
        <translation>Stop processing the dossier</translation>
    </message>
    <message>
        <source>Rút hồ sơ theo yêu cầu của công dân</source>
        <translation>Withdraw at the applicant&apos;s request</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Return the result</translation>
    </message>
    <message>
        <source>Bản nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Chờ bổ sung, hoàn thiện hồ sơ</source>
        <translation>Waiting for missing papers</translation>
    </message>
    <message>
        <source>Chờ nộp phí</source>
        <translation>Waiting for the fee</translation>
    </message>
    <message>
        <source>Đã tiếp nhận, chưa chuyển</source>
        <translation>Received, not yet forwarded</translation>
    </message>
    <message>
        <source>Đang chuyển đến cơ quan giải quyết</source>
        <translation>On its way to the agency</translation>
    </message>
    <message>
        <source>Cơ quan đang giải quyết</source>
        <translation>Being processed by the agency</translation>
    </message>
    <message>
        <source>Chờ bổ sung giấy tờ (tạm dừng tính hạn)</source>
        <translation>Waiting for more papers (deadline paused)</translation>
    </message>
    <message>
        <source>Chờ thực hiện nghĩa vụ tài chính</source>
        <translation>Waiting for financial obligations</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused at the counter</translation>
    </message>
    <message>
        <source>Công dân đã rút hồ sơ</source>
        <translation>Withdrawn by the applicant</translation>
    </message>
    <message>
        <source>Dừng giải quyết</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <source>Có kết quả, chờ trả</source>
        <translation>Result ready for pick-up</translation>
    </message>
    <message>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Mới đăng ký</source>
        <translation>Newly registered</translation>
    </message>
    <message>
        <source>Được tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Không được tiếp nhận</source>
        <translation>Not received</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>Being processed</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>More papers requested</translation>
    </message>
    <message>
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawal requested by the applicant</translation>
    </message>
    <message>
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <source>Đã xử lý xong</source>
        <translation>Processed</translation>
    </message>
    <message>
        <source>Nhân viên tiếp nhận</source>
        <translation>Counter clerk</translation>
    </message>
    <message>
        <source>Trưởng bộ phận</source>
        <translation>Head of unit</translation>
    </message>
    <message>
        <source>Cán bộ CNTT</source>
        <translation>IT officer</translation>
    </message>
    <message>
        <source>tiếp nhận hồ sơ</source>
        <translation>receive dossiers</translation>
    </message>
    <message>
        <source>trả kết quả</source>
        <translation>return results</translation>
    </message>
    <message>
        <source>cập nhật bước xử lý hồ sơ</source>
        <translation>record processing steps</translation>
    </message>
    <message>
        <source>cho phép ngoại lệ có ghi lý do</source>
        <translation>allow exceptions with a logged reason</translation>
    </message>
    <message>
        <source>mở khóa tài khoản</source>
        <translation>unlock accounts</translation>
    </message>
    <message>
        <source>xem báo cáo</source>
        <translation>view reports</translation>
    </message>
    <message>
        <source>quản lý tài khoản</source>
        <translation>manage accounts</translation>
    </message>
    <message>
        <source>thay đổi cài đặt của quầy</source>
        <translation>change the counter&apos;s settings</translation>
    </message>
    <message>
        <source>đăng ký máy với máy chủ</source>
        <translation>enrol this PC with the server</translation>
    </message>
    <message>
        <source>đồng bộ</source>
        <translation>synchronise</translation>
    </message>
    <message>
        <source>chẩn đoán</source>
        <translation>run diagnostics</translation>
    </message>
    <message>
        <source>Đã hẹn</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Đã thực hiện</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Người dân vắng nhà</source>
        <translation>Nobody at home</translation>
    </message>
    <message>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Đã dời lịch</source>
        <translation>Rescheduled</translation>
    </message>
    <message>
        <source>Toàn trình</source>
        <translation>full</translation>
    </message>
    <message>
        <source>Một phần</source>
        <translation>partial</translation>
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
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Trực tiếp tại quầy</source>
        <translation>In person at the counter</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Qua dịch vụ bưu chính (BCCI)</source>
        <translation>By postal service (BCCI)</translation>
    </message>
    <message>
        <source>Tại quầy</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <source>Qua bưu điện, gửi về địa chỉ</source>
        <translation>By post, to an address</translation>
    </message>
    <message>
        <source>Đã đăng ký</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Đang thu gom</source>
        <translation>Being collected</translation>
    </message>
    <message>
        <source>Đang vận chuyển</source>
        <translation>In transit</translation>
    </message>
    <message>
        <source>Đã phát thành công</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Chuyển hoàn người gửi</source>
        <translation>Returned to sender</translation>
    </message>
    <message>
        <source>Nhận hồ sơ qua bưu chính</source>
        <translation>Dossier received by post</translation>
    </message>
    <message>
        <source>Thu gom hồ sơ tại địa chỉ</source>
        <translation>Dossier collected at an address</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu chính</source>
        <translation>Result sent by post</translation>
    </message>
    <message>
        <source>Đang giải quyết, trong hạn</source>
        <translation>In progress, on time</translation>
    </message>
    <message>
        <source>Đang giải quyết, quá hạn</source>
        <translation>In progress, overdue</translation>
    </message>
    <message>
        <source>Qua bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <source>Tại nhà người dân</source>
        <translation>At the applicant&apos;s home</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>Tại nhà</source>
        <translation>At home</translation>
    </message>
    <message>
        <source>Hỗ trợ nộp trực tuyến</source>
        <translation>Help with online filing</translation>
    </message>
    <message>
        <source>máy chủ không trả lời khi mở kết nối</source>
        <translation>the server did not answer when connecting</translation>
    </message>
    <message>
        <source>quá nhiều kết nối đang chờ</source>
        <translation>too many connections waiting</translation>
    </message>
    <message>
        <source>không mở được kết nối: mạng mất hoặc máy chủ chưa chạy</source>
        <translation>could not connect: the network is down or the server is not running</translation>
    </message>
    <message>
        <source>kết nối bị ngắt giữa chừng</source>
        <translation>the connection was cut midway</translation>
    </message>
    <message>
        <source>kết nối bị ngắt khi đang nhận</source>
        <translation>the connection was cut while receiving</translation>
    </message>
    <message>
        <source>kết nối bị ngắt khi đang gửi</source>
        <translation>the connection was cut while sending</translation>
    </message>
    <message>
        <source>máy chủ trung gian (proxy) từ chối</source>
        <translation>the proxy refused</translation>
    </message>
    <message>
        <source>lỗi mạng</source>
        <translation>network error</translation>
    </message>
    <message>
        <source>ngày sinh</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>ngày cấp</source>
        <translation>date of issue</translation>
    </message>
    <message>
        <source>cấp tỉnh</source>
        <translation>the province</translation>
    </message>
    <message>
        <source>cấp xã</source>
        <translation>the commune</translation>
    </message>
    <message>
        <source>mọi Trung tâm Phục vụ hành chính công cấp xã</source>
        <translation>any commune Public Administration Service Centre</translation>
    </message>
    <message>
        <source>không đơn vị nào trong danh mục</source>
        <translation>no unit in the catalogue</translation>
    </message>
    <message>
        <source>họ tên người dân</source>
        <translation>the citizen&apos;s full name</translation>
    </message>
    <message>
        <source>địa chỉ</source>
        <translation>the address</translation>
    </message>
    <message>
        <source>cơ quan</source>
        <translation>agency</translation>
    </message>
    <message>
        <source>đơn vị</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>lĩnh vực</source>
        <translation>field</translation>
    </message>
    <message>
        <source>thủ tục</source>
        <translation>the procedure</translation>
    </message>
    <message>
        <source>ngày làm việc</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>giờ làm việc</source>
        <translation>working hours</translation>
    </message>
    <message>
        <source>buổi làm việc</source>
        <translation>half-day sessions</translation>
    </message>
    <message>
        <source>giây</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>phút</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>giờ</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>ngày</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Trong ngày</source>
        <translation>Same day</translation>
    </message>
    <message>
        <source>giấy cuộn 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Bị cách ly</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <source>Chờ thao tác trước</source>
        <translation>Waiting for an earlier operation</translation>
    </message>
    <message>
        <source>Dữ liệu hỏng</source>
        <translation>Damaged data</translation>
    </message>
    <message>
        <source>Chờ thao tác hỏng</source>
        <translation>Waiting on a damaged operation</translation>
    </message>
    <message>
        <source>tự động</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>bấm tay</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>lệnh</source>
        <translation>command</translation>
    </message>
    <message>
        <source>thử nghiệm</source>
        <translation>test</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>“{action}” không thể là bước đầu tiên của một hồ sơ.</source>
        <translation>“{action}” cannot be the first step of a dossier.</translation>
    </message>
    <message>
        <source>Không thể “{action}” khi hồ sơ đang ở trạng thái “{state}”.</source>
        <translation>Cannot “{action}” while the dossier is in the state “{state}”.</translation>
    </message>
    <message>
        <source>Mở lại hồ sơ để xem trạng thái mới nhất.</source>
        <translation>Open the dossier again to see its latest state.</translation>
    </message>
    <message>
        <source>Không thể chuyển hồ sơ từ trạng thái “{current}” sang “{target}”.</source>
        <translation>A dossier cannot move from “{current}” to “{target}”.</translation>
    </message>
    <message>
        <source>Chưa nhập mã vận đơn.</source>
        <translation>The tracking number is missing.</translation>
    </message>
    <message>
        <source>Mã vận đơn phải gồm 2 chữ cái, 9 chữ số và 2 chữ cái, ví dụ EE123456785VN.</source>
        <translation>A tracking number is 2 letters, 9 digits and 2 letters, for example EE123456785VN.</translation>
    </message>
    <message>
        <source>Mã vận đơn {code} sai chữ số kiểm tra; hãy quét lại mã vạch hoặc nhập lại.</source>
        <translation>Tracking number {code} has a wrong check digit; scan the barcode again or retype it.</translation>
    </message>
    <message>
        <source>Nhận kết quả qua bưu điện thì phải có địa chỉ nhận.</source>
        <translation>A result sent by post needs a delivery address.</translation>
    </message>
    <message>
        <source>Thủ tục này không đăng ký trả kết quả qua bưu điện.</source>
        <translation>This procedure does not offer results by post.</translation>
    </message>
    <message>
        <source>Chưa nhập số CCCD/CMND.</source>
        <translation>The ID card number is missing.</translation>
    </message>
    <message>
        <source>Số CCCD/CMND chỉ được gồm chữ số.</source>
        <translation>An ID card number may contain digits only.</translation>
    </message>
    <message>
        <source>Số CCCD phải gồm 12 chữ số (CMND cũ gồm 9 chữ số); số đã nhập có {count} chữ số.</source>
        <translation>A citizen ID number has 12 digits (an old ID card 9); the number typed has {count} digits.</translation>
    </message>
    <message>
        <source>Mã tỉnh {province} trong số CCCD không tồn tại.</source>
        <translation>Province code {province} in the citizen ID number does not exist.</translation>
    </message>
    <message>
        <source>Năm sinh trong số CCCD ({year}) nằm ở tương lai; kiểm tra chữ số thứ 4–6.</source>
        <translation>The birth year in the citizen ID number ({year}) is in the future; check digits 4–6.</translation>
    </message>
    <message>
        <source>Số CMND cũ phải gồm 9 hoặc 12 chữ số.</source>
        <translation>An old ID card (CMND) number has 9 or 12 digits.</translation>
    </message>
    <message>
        <source>Năm sinh trong số CCCD ({year}) không khớp với ngày sinh ({birth_year}).</source>
        <translation>The birth year in the citizen ID number ({year}) does not match the date of birth ({birth_year}).</translation>
    </message>
    <message>
        <source>Chưa nhập số điện thoại.</source>
        <translation>The phone number is missing.</translation>
    </message>
    <message>
        <source>Chỉ nhận số điện thoại Việt Nam (+84).</source>
        <translation>Only Vietnamese phone numbers (+84) are accepted.</translation>
    </message>
    <message>
        <source>Số điện thoại chỉ được gồm chữ số (có thể có +84 ở đầu).</source>
        <translation>A phone number may contain digits only (optionally starting with +84).</translation>
    </message>
    <message>
        <source>Số {number} dùng đầu số 11 chữ số cũ (01x); từ năm 2018 số di động chỉ còn 10 chữ số, hãy nhập số mới.</source>
        <translation>{number} uses an old 11-digit prefix (01x); since 2018 mobile numbers have 10 digits, type the new number.</translation>
    </message>
    <message>
        <source>Số điện thoại không hợp lệ: số di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định gồm 11 chữ số, bắt đầu bằng 02 (ví dụ 0239 3855 555).</source>
        <translation>Invalid phone number: a mobile number has 10 digits starting with 03, 05, 07, 08 or 09; a landline has 11 digits starting with 02 (for example 0239 3855 555).</translation>
    </message>
    <message>
        <source>Mã vận đơn chỉ được gồm chữ cái không dấu và chữ số.</source>
        <translation>A tracking number may contain only unaccented letters and digits.</translation>
    </message>
    <message>
        <source>Mã vận đơn {code} không theo chuẩn S10 (ví dụ EE123456785VN); hãy kiểm tra lại.</source>
        <translation>Tracking number {code} does not follow the S10 standard (for example EE123456785VN); check it.</translation>
    </message>
    <message>
        <source>Chưa nhập ngày.</source>
        <translation>The date is missing.</translation>
    </message>
    <message>
        <source>Ngày “{text}” không đúng định dạng; hãy nhập ngày/tháng/năm, ví dụ 05/09/2025.</source>
        <translation>“{text}” is not a date; type day/month/year, for example 05/09/2025.</translation>
    </message>
    <message>
        <source>Ngày {day:%d/%m/%Y} nằm ở tương lai.</source>
        <translation>The date {day:%d/%m/%Y} is in the future.</translation>
    </message>
    <message>
        <source>Năm {year} không hợp lệ (phải từ {earliest} trở đi).</source>
        <translation>The year {year} is not valid (it must be {earliest} or later).</translation>
    </message>
    <message>
        <source>Ngày {day:02d}/{month:02d}/{year} không tồn tại.</source>
        <translation>The date {day:02d}/{month:02d}/{year} does not exist.</translation>
    </message>
    <message>
        <source>Chưa nhập địa chỉ email.</source>
        <translation>The e-mail address is missing.</translation>
    </message>
    <message>
        <source>Địa chỉ email “{text}” không hợp lệ; ví dụ đúng: ten@example.com.</source>
        <translation>“{text}” is not a valid e-mail address; a correct one looks like name@example.com.</translation>
    </message>
    <message>
        <source>Chưa nhập họ tên.</source>
        <translation>The full name is missing.</translation>
    </message>
    <message>
        <source>Họ tên quá dài (tối đa {limit} ký tự).</source>
        <translation>The full name is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <source>Họ tên chỉ được gồm chữ cái, dấu cách và các dấu &apos; - . (có ký tự không hợp lệ: {chars}).</source>
        <translation>A full name may contain only letters, spaces and the marks &apos; - . (invalid characters: {chars}).</translation>
    </message>
    <message>
        <source>Họ tên phải có ít nhất một chữ cái.</source>
        <translation>A full name needs at least one letter.</translation>
    </message>
    <message>
        <source>Tên đăng nhập hoặc mật khẩu không đúng.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Mật khẩu phải có ít nhất {count} ký tự.</source>
        <translation>A password needs at least {count} characters.</translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Type a user name.</translation>
    </message>
    <message>
        <source>Tên đăng nhập chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (tối đa {count} ký tự).</source>
        <translation>A user name may contain only unaccented letters, digits, dots, hyphens and underscores (at most {count} characters).</translation>
    </message>
    <message>
        <source>Hãy nhập họ và tên.</source>
        <translation>Type the full name.</translation>
    </message>
    <message>
        <source>Vai trò “{role}” không hợp lệ.</source>
        <translation>“{role}” is not a role.</translation>
    </message>
    <message>
        <source>Tên đăng nhập “{username}” đã tồn tại.</source>
        <translation>The user name “{username}” is already taken.</translation>
    </message>
    <message>
        <source>Không thể tự khóa hẳn tài khoản của chính mình.</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <source>Tài khoản “{username}” đã ngừng sử dụng từ trước.</source>
        <translation>The account “{username}” was already disabled.</translation>
    </message>
    <message>
        <source>Tài khoản “{username}” đang được sử dụng.</source>
        <translation>The account “{username}” is already in use.</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại không đúng.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>Mật khẩu mới phải khác mật khẩu cũ.</source>
        <translation>The new password must differ from the old one.</translation>
    </message>
    <message>
        <source>Tài khoản đang bị khóa đến {until:%H:%M} do nhập sai mật khẩu nhiều lần. Hãy chờ hoặc nhờ Trưởng bộ phận (hoặc Cán bộ CNTT) mở khóa.</source>
        <translation>The account is locked until {until:%H:%M} after too many wrong passwords. Wait, or ask the head of unit (or the IT officer) to unlock it.</translation>
    </message>
    <message>
        <source>Nhập sai mật khẩu quá nhiều lần: tài khoản bị khóa {minutes} phút.</source>
        <translation>Too many wrong passwords: the account is locked for {minutes} minutes.</translation>
    </message>
    <message>
        <source>Không có tài khoản “{username}”.</source>
        <translation>There is no account “{username}”.</translation>
    </message>
    <message>
        <source>Đây là tài khoản quản trị cuối cùng còn hoạt động: không thể khóa hẳn.</source>
        <translation>This is the last active administrator account: it cannot be disabled.</translation>
    </message>
    <message>
        <source>Tạo tài khoản {role} khác trước.</source>
        <translation>Create another {role} account first.</translation>
    </message>
    <message>
        <source>Máy này chưa được thiết lập. Hãy chạy trình thiết lập lần đầu.</source>
        <translation>This PC is not set up yet. Run the first-run set-up.</translation>
    </message>
    <message>
        <source>Đơn vị mã “{code}” không có trong danh mục hiện hành.</source>
        <translation>There is no unit “{code}” in the current catalogue.</translation>
    </message>
    <message>
        <source>Không có thủ tục mã “{code}” trong danh mục hiện hành.</source>
        <translation>There is no procedure “{code}” in the current catalogue.</translation>
    </message>
    <message>
        <source>Danh mục chưa ghi cơ quan quản lý của đơn vị mã “{unit}”: không xác định được cơ quan giải quyết thủ tục {procedure}.</source>
        <translation>The catalogue does not name the managing agency of unit “{unit}”: the agency competent for procedure {procedure} is unknown.</translation>
    </message>
    <message>
        <source>Cập nhật danh mục thủ tục hành chính mới trước khi tiếp nhận.</source>
        <translation>Update the procedure catalogue before receiving.</translation>
    </message>
    <message>
        <source>Chưa xác định được xã, phường có thẩm quyền giải quyết thủ tục {procedure} (mã “{home}” không phải xã, phường trong danh mục).</source>
        <translation>The commune competent for procedure {procedure} is not known (“{home}” is not a commune in the catalogue).</translation>
    </message>
    <message>
        <source>Chưa xác định được xã, phường có thẩm quyền giải quyết thủ tục {procedure}.</source>
        <translation>The commune competent for procedure {procedure} is not known.</translation>
    </message>
    <message>
        <source>Chọn xã, phường nơi người nộp cư trú.</source>
        <translation>Choose the commune where the applicant lives.</translation>
    </message>
    <message>
        <source>Thủ tục {procedure} {name} không tiếp nhận phi địa giới: hồ sơ của {commune} phải nộp tại xã, phường đó.</source>
        <translation>Procedure {procedure} {name} is not received outside its commune: dossiers of {commune} must be filed there.</translation>
    </message>
    <message>
        <source>Thủ tục {procedure_code} {procedure_name} do {level} giải quyết: {unit_name} không tiếp nhận.</source>
        <translation>Procedure {procedure_code} {procedure_name} is handled by {level}: {unit_name} does not receive it.</translation>
    </message>
    <message>
        <source>Thủ tục {procedure_code} {procedure_name} không nhận tại đây: {unit_name} không tiếp nhận.</source>
        <translation>Procedure {procedure_code} {procedure_name} is not received here: {unit_name} does not receive it.</translation>
    </message>
    <message>
        <source>Hướng dẫn người nộp đến: {where}.</source>
        <translation>Direct the applicant to: {where}.</translation>
    </message>
    <message>
        <source>Chỉ giám sát viên mới được cho phép ngoại lệ, và phải ghi lý do.</source>
        <translation>Only a supervisor may allow an exception, and must write the reason.</translation>
    </message>
    <message>
        <source>Hướng dẫn người yêu cầu đến trực tiếp, hoặc nhờ giám sát viên cho phép kèm lý do.</source>
        <translation>Ask the applicant to come in person, or ask a supervisor to allow it with a reason.</translation>
    </message>
    <message>
        <source>Thủ tục “{procedure}” yêu cầu người yêu cầu trực tiếp có mặt khi nộp hồ sơ: không nhận hồ sơ gửi qua bưu điện.
Thủ tục “{procedure}” yêu cầu người nhận trực tiếp có mặt khi trả kết quả: không trả kết quả qua bưu điện.</source>
        <translation>The procedure “{procedure}” requires the applicant to submit in person: dossiers sent by post are not accepted.
The procedure “{procedure}” requires the recipient to collect in person: the result is not sent by post.</translation>
    </message>
    <message>
        <source>Thủ tục “{procedure}” yêu cầu người yêu cầu trực tiếp có mặt khi nộp hồ sơ: không nhận hồ sơ gửi qua bưu điện.</source>
        <translation>The procedure “{procedure}” requires the applicant to submit in person: dossiers sent by post are not accepted.</translation>
    </message>
    <message>
        <source>Thủ tục “{procedure}” yêu cầu người nhận trực tiếp có mặt khi trả kết quả: không trả kết quả qua bưu điện.</source>
        <translation>The procedure “{procedure}” requires the recipient to collect in person: the result is not sent by post.</translation>
    </message>
    <message>
        <source>Chưa nhập số CCCD / định danh của người nộp.</source>
        <translation>The applicant&apos;s ID number is missing.</translation>
    </message>
    <message>
        <source>Chưa chọn thủ tục hành chính.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <source>Chưa đánh dấu thành phần hồ sơ nào đã nhận.</source>
        <translation>No paper of the dossier is ticked as received.</translation>
    </message>
    <message>
        <source>Số bộ hồ sơ phải từ 1 trở lên.</source>
        <translation>The number of sets must be 1 or more.</translation>
    </message>
    <message>
        <source>Hồ sơ còn thiếu giấy tờ bắt buộc: {papers}.</source>
        <translation>Required papers are missing: {papers}.</translation>
    </message>
    <message>
        <source>Lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) cho người nộp.</source>
        <translation>Give the applicant a request for missing papers (Form 02).</translation>
    </message>
    <message>
        <source>Cần ghi rõ lý do từ chối tiếp nhận hồ sơ.</source>
        <translation>Write down why the dossier is refused.</translation>
    </message>
    <message>
        <source>Mật khẩu vừa được đặt lại: hãy chọn mật khẩu mới trước khi làm việc.</source>
        <translation>The password was just reset: choose a new password before working.</translation>
    </message>
    <message>
        <source>Tài khoản “{username}” không còn được sử dụng.</source>
        <translation>The account “{username}” is no longer in use.</translation>
    </message>
    <message>
        <source>Hãy đăng nhập lại.</source>
        <translation>Log in again.</translation>
    </message>
    <message>
        <source>{role} không có quyền {permission}.</source>
        <translation>The role {role} may not {permission}.</translation>
    </message>
    <message>
        <source>Đăng nhập lại và chọn mật khẩu mới.</source>
        <translation>Log in again and choose a new password.</translation>
    </message>
    <message>
        <source>{role} không quản lý được tài khoản {target}.</source>
        <translation>The role {role} cannot manage {target} accounts.</translation>
    </message>
    <message>
        <source>Nhờ Cán bộ CNTT thực hiện.</source>
        <translation>Ask the IT officer to do it.</translation>
    </message>
    <message>
        <source>Nhờ Trưởng bộ phận thực hiện.</source>
        <translation>Ask the head of unit to do it.</translation>
    </message>
    <message>
        <source>Việc này do nhân viên tiếp nhận hoặc Trưởng bộ phận làm.</source>
        <translation>This is done by a counter clerk or the head of unit.</translation>
    </message>
    <message>
        <source>Nhờ Trưởng bộ phận hoặc Cán bộ CNTT thực hiện.</source>
        <translation>Ask the head of unit or the IT officer to do it.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đã trả kết quả lúc {when}.</source>
        <translation>The result of dossier {code} was returned at {when}.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đang ở trạng thái “{status}”: không có kết quả để trả.</source>
        <translation>Dossier {code} is “{status}”: there is no result to return.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa có kết quả (trạng thái: {status}; hẹn trả {due}).</source>
        <translation>Dossier {code} has no result yet (state: {status}; due {due}).</translation>
    </message>
    <message>
        <source>Hồ sơ còn phí, lệ phí thu khi trả kết quả: hãy thu trước khi trả.</source>
        <translation>Fees due on return are unpaid: collect them before returning the result.</translation>
    </message>
    <message>
        <source>Nhập họ tên người nhận kết quả.</source>
        <translation>Type the full name of the person collecting the result.</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ “{url}” dùng http:// không mã hoá: mã đăng ký, chữ ký và hồ sơ của công dân sẽ đi qua mạng ở dạng đọc được và có thể bị sửa. Hãy dùng địa chỉ https:// do bộ phận CNTT tỉnh cấp (ví dụ https://dongbo.hatinh.gov.vn). Chỉ khi thử nghiệm trong mạng nội bộ mới dùng --allow-insecure-http.</source>
        <translation>The server address “{url}” uses unencrypted http://: enrolment codes, signatures and citizens&apos; dossiers would cross the network readable and could be altered. Use the https:// address given by the provincial IT unit (for example https://dongbo.hatinh.gov.vn). Use --allow-insecure-http only for tests inside a local network.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đang gặp sự cố (mã {status}).</source>
        <translation>The provincial server has a problem (code {status}).</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh từ chối yêu cầu (mã {status}).</source>
        <translation>The provincial server refused the request (code {status}).</translation>
    </message>
    <message>
        <source>Trả lời của máy chủ không hợp lệ ({detail}).</source>
        <translation>The server&apos;s reply is not valid ({detail}).</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ tỉnh ({detail}).</source>
        <translation>Cannot reach the provincial server ({detail}).</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh không trả lời kịp (hết thời gian chờ).</source>
        <translation>The provincial server did not answer in time.</translation>
    </message>
    <message>
        <source>Kiểm tra cáp mạng hoặc Wi-Fi; máy sẽ tự gửi lại khi có mạng. Hồ sơ vẫn được lưu an toàn trên máy này.</source>
        <translation>Check the network cable or Wi-Fi; this PC will send again by itself once the network is back. Dossiers stay safely stored on this PC.</translation>
    </message>
    <message>
        <source>Đường truyền chậm; máy sẽ tự thử lại với lô nhỏ hơn.</source>
        <translation>The connection is slow; this PC will try again with a smaller batch.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đang bận hoặc đang khởi động lại; máy sẽ tự thử lại sau.</source>
        <translation>The provincial server is busy or restarting; this PC will try again later.</translation>
    </message>
    <message>
        <source>Máy sẽ tự thử lại. Nếu lỗi lặp lại nhiều lần, báo bộ phận CNTT.</source>
        <translation>This PC will try again. If it keeps failing, tell the IT unit.</translation>
    </message>
    <message>
        <source>Máy sẽ gửi lại toàn bộ lô. Nếu lỗi lặp lại, báo bộ phận CNTT (có thể thiết bị mạng đang can thiệp dữ liệu).</source>
        <translation>This PC will send the whole batch again. If it keeps failing, tell the IT unit (network equipment may be altering the data).</translation>
    </message>
    <message>
        <source>Máy sẽ tự chia nhỏ lô và gửi lại.</source>
        <translation>This PC will split the batch and send it again.</translation>
    </message>
    <message>
        <source>Hồ sơ chưa gửi vẫn được giữ nguyên trên máy; khi bộ phận CNTT cấp mã mới, đăng ký lại máy (Đồng bộ → Đăng ký lại, hoặc counter-app enrol).</source>
        <translation>Unsent dossiers stay on this PC; when the IT unit gives a new code, enrol this PC again (Sync → Enrol again, or counter-app enrol).</translation>
    </message>
    <message>
        <source>Liên hệ bộ phận CNTT để kiểm tra đăng ký của máy này.</source>
        <translation>Ask the IT unit to check this PC&apos;s enrolment.</translation>
    </message>
    <message>
        <source>Đăng ký máy với máy chủ tỉnh (Đồng bộ → Đăng ký máy với máy chủ) bằng mã do bộ phận CNTT cấp. Hồ sơ lưu trước đó sẽ được gửi sau khi đăng ký.</source>
        <translation>Enrol this PC with the provincial server (Sync → Enrol with the server) using the code from the IT unit. Dossiers saved before are sent after enrolment.</translation>
    </message>
    <message>
        <source>Làm theo thông báo này; nếu cần, liên hệ bộ phận CNTT.</source>
        <translation>Follow this message; if needed, contact the IT unit.</translation>
    </message>
    <message>
        <source>Làm theo thông báo này; nếu cần, xin bộ phận CNTT hỗ trợ.</source>
        <translation>Follow this message; if needed, ask the IT unit for help.</translation>
    </message>
    <message>
        <source>Một lần đồng bộ khác đang chạy trên máy này; chờ nó xong.</source>
        <translation>Another sync is running on this PC; wait for it to finish.</translation>
    </message>
    <message>
        <source>Chỉnh ngày giờ của máy cho đúng (bật tự động đồng bộ giờ của Windows) rồi đồng bộ lại. Hồ sơ vẫn được lưu an toàn trên máy này.</source>
        <translation>Set this PC&apos;s date and time right (turn on Windows&apos; automatic time) and sync again. Dossiers stay safely stored on this PC.</translation>
    </message>
    <message>
        <source>Dùng địa chỉ https:// của máy chủ tỉnh; hỏi bộ phận CNTT nếu chưa có.</source>
        <translation>Use the provincial server&apos;s https:// address; ask the IT unit if you do not have it.</translation>
    </message>
    <message>
        <source>Máy này chưa đăng ký với máy chủ tỉnh nên chưa gửi được hồ sơ.</source>
        <translation>This PC is not enrolled with the provincial server, so it cannot send dossiers yet.</translation>
    </message>
    <message>
        <source>Một lần đồng bộ khác đang chạy trên máy này (cửa sổ chính hoặc lệnh counter-app sync).</source>
        <translation>Another sync is running on this PC (the main window or the counter-app sync command).</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ mã “{code}”.</source>
        <translation>No dossier “{code}” found.</translation>
    </message>
    <message>
        <source>Cần ghi rõ lý do khi “{action}”.</source>
        <translation>A reason is required to “{action}”.</translation>
    </message>
    <message>
        <source>Chỉ Trưởng bộ phận mới được tiếp nhận hồ sơ còn thiếu giấy tờ bắt buộc.</source>
        <translation>Only the head of unit may receive a dossier that lacks required papers.</translation>
    </message>
    <message>
        <source>Lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, hoặc nhờ Trưởng bộ phận duyệt.</source>
        <translation>Issue a request for missing papers, or ask the head of unit to approve.</translation>
    </message>
    <message>
        <source>Cần ghi lý do tiếp nhận hồ sơ còn thiếu giấy tờ.</source>
        <translation>Write down why a dossier lacking papers is received.</translation>
    </message>
    <message>
        <source>Số biên lai “{text}” không đúng dạng KÝ_HIỆU/SỐ.</source>
        <translation>Receipt number “{text}” is not in the form SERIES/NUMBER.</translation>
    </message>
    <message>
        <source>Nhập ký hiệu và số in trên biên lai, ví dụ 1C26TBL/0000123 (số tối đa 8 chữ số).</source>
        <translation>Type the series and number printed on the receipt, for example 1C26TBL/0000123 (at most 8 digits).</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không có khoản phí, lệ phí “{name}”.</source>
        <translation>Dossier {code} has no fee “{name}”.</translation>
    </message>
    <message>
        <source>Các khoản của hồ sơ: {names}.</source>
        <translation>The dossier&apos;s fees: {names}.</translation>
    </message>
    <message>
        <source>Biên lai {receipt} đã được ghi cho hồ sơ {code} lúc {at:%H:%M %d/%m/%Y} ({clerk}).</source>
        <translation>Receipt {receipt} was already recorded for dossier {code} at {at:%H:%M %d/%m/%Y} ({clerk}).</translation>
    </message>
    <message>
        <source>Kiểm tra lại ký hiệu và số trên biên lai; mỗi biên lai chỉ ghi một lần.</source>
        <translation>Check the series and number on the receipt; each receipt is recorded once.</translation>
    </message>
    <message>
        <source>Số tiền không được âm.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <source>Số tiền {amount} đồng khác mức thu {due} đồng của khoản “{name}”.</source>
        <translation>The amount {amount} đồng differs from the rate of {due} đồng for “{name}”.</translation>
    </message>
    <message>
        <source>Ghi lý do khi thu khác mức đã công bố.</source>
        <translation>Write down why the amount differs from the published rate.</translation>
    </message>
    <message>
        <source>Khoản “{name}” được miễn: ghi miễn, không thu.</source>
        <translation>“{name}” is exempt: record the exemption, collect nothing.</translation>
    </message>
    <message>
        <source>Khoản “{name}” của hồ sơ {code} đã thu đủ.</source>
        <translation>“{name}” of dossier {code} is already paid in full.</translation>
    </message>
    <message>
        <source>Xem các lần thu: counter-app fees show MÃ_HỒ_SƠ.</source>
        <translation>See the payments: counter-app fees show DOSSIER_CODE.</translation>
    </message>
    <message>
        <source>Ghi lý do miễn (đối tượng được miễn).</source>
        <translation>Write down why it is exempt (who is exempt).</translation>
    </message>
    <message>
        <source>Nhập tên khoản cước và số tiền lớn hơn 0.</source>
        <translation>Type the postage item&apos;s name and an amount above 0.</translation>
    </message>
    <message>
        <source>Không có lần thu số {entry}.</source>
        <translation>There is no payment number {entry}.</translation>
    </message>
    <message>
        <source>Ghi lý do hoàn trả.</source>
        <translation>Write down why it is refunded.</translation>
    </message>
    <message>
        <source>Chỉ hoàn trả một lần thu, từ 1 đến {amount} đồng.</source>
        <translation>Refund only a payment, from 1 to {amount} đồng.</translation>
    </message>
    <message>
        <source>Nhập số tiền điều chỉnh (khác 0) và lý do.</source>
        <translation>Type the correction amount (not 0) and the reason.</translation>
    </message>
    <message>
        <source>Lần thu số {entry} không chờ số biên lai.</source>
        <translation>Payment number {entry} is not waiting for a receipt number.</translation>
    </message>
    <message>
        <source>Khổ phiếu chỉ nhận: {A4}, {A5}, {receipt}.</source>
        <translation>The slip size can only be: {A4}, {A5}, {receipt}.</translation>
    </message>
    <message>
        <source>Tên máy in quá dài.</source>
        <translation>The printer name is too long.</translation>
    </message>
    <message>
        <source>Ngưỡng “sắp đến hạn” là số ngày làm việc từ 1 đến {most}.</source>
        <translation>The “due soon” threshold is a number of working days from 1 to {most}.</translation>
    </message>
    <message>
        <source>Số ngày hỏi hồ sơ trùng: từ 0 (không hỏi) đến {most}.</source>
        <translation>Days to ask about duplicate dossiers: from 0 (never ask) to {most}.</translation>
    </message>
    <message>
        <source>Địa danh ghi trên phiếu: 1 đến {most} ký tự.</source>
        <translation>The place name on forms: 1 to {most} characters.</translation>
    </message>
    <message>
        <source>Ngôn ngữ màn hình chỉ nhận: {languages}.</source>
        <translation>The screen language can only be: {languages}.</translation>
    </message>
    <message>
        <source>Khổ giấy chỉ nhận A4, A5 hoặc receipt (cuộn 80 mm).</source>
        <translation>The paper size can only be A4, A5 or receipt (80 mm roll).</translation>
    </message>
    <message>
        <source>{key} phải là số nguyên dương.</source>
        <translation>{key} must be a positive whole number.</translation>
    </message>
    <message>
        <source>{key} phải là số ngày từ 0 đến {most}.</source>
        <translation>{key} must be a number of days from 0 to {most}.</translation>
    </message>
    <message>
        <source>Kho dữ liệu {db_file} báo lỗi: {error}.</source>
        <translation>The data store {db_file} reported an error: {error}.</translation>
    </message>
    <message>
        <source>Thử lại; nếu lỗi lặp lại, báo bộ phận CNTT.</source>
        <translation>Try again; if the error repeats, tell the IT unit.</translation>
    </message>
    <message>
        <source>Kho dữ liệu {db_file} đang bị một chương trình khác giữ khoá (một cửa sổ counter-app khác, một lần đồng bộ hoặc sao lưu).</source>
        <translation>The data store {db_file} is locked by another program (another counter-app window, a sync or a backup).</translation>
    </message>
    <message>
        <source>Chờ một lát rồi thử lại; nếu vẫn vậy, đóng các chương trình đang mở kho này.</source>
        <translation>Wait a moment and try again; if it persists, close the programs that have this store open.</translation>
    </message>
    <message>
        <source>Kho dữ liệu {db_file} đang bận với một thao tác khác.</source>
        <translation>The data store {db_file} is busy with another operation.</translation>
    </message>
    <message>
        <source>Thử lại sau vài giây.</source>
        <translation>Try again in a few seconds.</translation>
    </message>
    <message>
        <source>Ổ đĩa chứa kho dữ liệu {db_file} đã đầy; thao tác vừa rồi chưa được lưu.</source>
        <translation>The disk holding the data store {db_file} is full; the last action was not saved.</translation>
    </message>
    <message>
        <source>Giải phóng dung lượng ổ đĩa (xoá tệp không cần, dọn thùng rác) rồi thử lại.</source>
        <translation>Free some disk space (delete unneeded files, empty the recycle bin) and try again.</translation>
    </message>
    <message>
        <source>Không ghi được vào kho dữ liệu {db_file}: tệp hoặc thư mục chỉ cho đọc.</source>
        <translation>Cannot write to the data store {db_file}: the file or folder is read-only.</translation>
    </message>
    <message>
        <source>Cấp quyền ghi cho thư mục dữ liệu (hoặc mở khoá ghi của ổ đĩa) rồi thử lại.</source>
        <translation>Give write permission to the data folder (or unlock the drive for writing) and try again.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu {db_file} bị hỏng (không đọc được như một cơ sở dữ liệu).</source>
        <translation>The data file {db_file} is damaged (it cannot be read as a database).</translation>
    </message>
    <message>
        <source>Đừng xoá hay ghi đè tệp này; báo bộ phận CNTT để khôi phục từ bản sao lưu trong {backups}.</source>
        <translation>Do not delete or overwrite this file; ask the IT unit to restore it from the backups in {backups}.</translation>
    </message>
    <message>
        <source>Không mở được tệp dữ liệu {db_file}.</source>
        <translation>Cannot open the data file {db_file}.</translation>
    </message>
    <message>
        <source>Kiểm tra thư mục dữ liệu còn đó (ổ mạng, ổ USB đã cắm) và có quyền truy cập.</source>
        <translation>Check that the data folder is still there (network drive, USB drive plugged in) and accessible.</translation>
    </message>
    <message>
        <source>Lỗi đọc/ghi ổ đĩa với kho dữ liệu {db_file}.</source>
        <translation>Disk read/write error on the data store {db_file}.</translation>
    </message>
    <message>
        <source>Kiểm tra ổ đĩa (hoặc ổ mạng) rồi thử lại; báo bộ phận CNTT nếu lỗi lặp lại.</source>
        <translation>Check the disk (or network drive) and try again; tell the IT unit if it keeps happening.</translation>
    </message>
    <message>
        <source>Không tạo được thư mục dữ liệu {parent}: {detail}.</source>
        <translation>Could not create the data folder {parent}: {detail}.</translation>
    </message>
    <message>
        <source>Chọn thư mục có quyền ghi (--data-dir hoặc COUNTER_APP_DATA) hoặc cấp quyền ghi rồi thử lại.</source>
        <translation>Choose a folder you may write to (--data-dir or COUNTER_APP_DATA), or grant write permission and try again.</translation>
    </message>
    <message>
        <source>Kiểm tra đường dẫn thư mục dữ liệu (--data-dir hoặc COUNTER_APP_DATA).</source>
        <translation>Check the data folder path (--data-dir or COUNTER_APP_DATA).</translation>
    </message>
    <message>
        <source>Giờ kết thúc phải sau giờ bắt đầu.</source>
        <translation>The end time must be after the start time.</translation>
    </message>
    <message>
        <source>Một lịch hẹn không dài quá 8 giờ.</source>
        <translation>An appointment cannot last more than 8 hours.</translation>
    </message>
    <message>
        <source>Ngày {day:%d/%m/%Y} không phải ngày làm việc của quầy.</source>
        <translation>{day:%d/%m/%Y} is not a working day of the counter.</translation>
    </message>
    <message>
        <source>Lịch hẹn {slot} không nằm trọn trong một buổi làm việc ({hours}).</source>
        <translation>The appointment {slot} does not fit within one working session ({hours}).</translation>
    </message>
    <message>
        <source>Chọn giờ trong buổi làm việc của ngày đó.</source>
        <translation>Choose a time within a working session of that day.</translation>
    </message>
    <message>
        <source>Chưa nhập mã hồ sơ trên Cổng dịch vụ công.</source>
        <translation>The dossier code on the public service portal is missing.</translation>
    </message>
    <message>
        <source>Mã hồ sơ trên Cổng dài quá {limit} ký tự.</source>
        <translation>The portal dossier code is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>Mã hồ sơ trên Cổng không được có khoảng trắng.</source>
        <translation>The portal dossier code cannot contain spaces.</translation>
    </message>
    <message>
        <source>Chưa nhập {label}.</source>
        <translation>Enter {label}.</translation>
    </message>
    <message>
        <source>Trạng thái bưu gửi “{text}” không có.</source>
        <translation>There is no postal item status “{text}”.</translation>
    </message>
    <message>
        <source>Chọn một trong: {names}.</source>
        <translation>Choose one of: {names}.</translation>
    </message>
    <message>
        <source>Bưu gửi {number} đang “{current}”, không chuyển sang “{target}” được.</source>
        <translation>Postal item {number} is “{current}” and cannot move to “{target}”.</translation>
    </message>
    <message>
        <source>Trạng thái tiếp theo có thể: {allowed}.</source>
        <translation>Possible next states: {allowed}.</translation>
    </message>
    <message>
        <source>Nhập số nhà, thôn/xóm hoặc đường.</source>
        <translation>Type the house number, hamlet or street.</translation>
    </message>
    <message>
        <source>Chọn tỉnh, thành phố.</source>
        <translation>Choose the province or city.</translation>
    </message>
    <message>
        <source>Chọn xã, phường, đặc khu.</source>
        <translation>Choose the commune, ward or special zone.</translation>
    </message>
    <message>
        <source>Cước phải từ 0 đến 10.000.000 đồng.</source>
        <translation>Postage must be from 0 to 10,000,000 đồng.</translation>
    </message>
    <message>
        <source>Khối lượng phải từ 1 đến 30.000 gam.</source>
        <translation>The weight must be from 1 to 30,000 grams.</translation>
    </message>
    <message>
        <source>Tệp không có mã vận đơn nào; chưa nạp gì.</source>
        <translation>The file has no tracking numbers; nothing was loaded.</translation>
    </message>
    <message>
        <source>Buổi làm việc không hợp lệ: {start:%H:%M}-{end:%H:%M} (giờ bắt đầu phải trước giờ kết thúc).</source>
        <translation>Invalid working session: {start:%H:%M}-{end:%H:%M} (the start must be before the end).</translation>
    </message>
    <message>
        <source>Chưa khai báo buổi làm việc nào trong ngày.</source>
        <translation>No working session of the day is set.</translation>
    </message>
    <message>
        <source>Danh sách ngày làm việc trong tuần không hợp lệ.</source>
        <translation>The list of working weekdays is not valid.</translation>
    </message>
    <message>
        <source>Số giờ của một ngày làm việc phải lớn hơn 0.</source>
        <translation>The hours of a working day must be above 0.</translation>
    </message>
    <message>
        <source>Các buổi làm việc phải theo thứ tự và không chồng lên nhau.</source>
        <translation>Working sessions must be in order and must not overlap.</translation>
    </message>
    <message>
        <source>Giờ làm việc không hợp lệ: “{text}” (cần dạng 07:00-11:30,13:30-17:00).</source>
        <translation>Invalid working hours: “{text}” (expected like 07:00-11:30,13:30-17:00).</translation>
    </message>
    <message>
        <source>Ngày làm việc trong tuần không hợp lệ: “{text}” (cần dạng 1-5; thứ Hai là 1, Chủ nhật là 7).</source>
        <translation>Invalid working weekdays: “{text}” (expected like 1-5; Monday is 1, Sunday is 7).</translation>
    </message>
    <message>
        <source>Khoảng ngày trong tuần bị ngược: “{text}”.</source>
        <translation>The weekday range is reversed: “{text}”.</translation>
    </message>
    <message>
        <source>Số giờ của một ngày làm việc không hợp lệ: “{text}”.</source>
        <translation>Invalid hours of a working day: “{text}”.</translation>
    </message>
    <message>
        <source>Ngày {day:%d/%m/%Y} vừa là ngày nghỉ vừa là ngày làm bù.</source>
        <translation>{day:%d/%m/%Y} is both a day off and a make-up working day.</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết không được âm.</source>
        <translation>The processing time cannot be negative.</translation>
    </message>
    <message>
        <source>Ngày {day:%d/%m/%Y} không phải ngày làm việc.</source>
        <translation>{day:%d/%m/%Y} is not a working day.</translation>
    </message>
    <message>
        <source>Thời hạn tính theo ngày lịch phải là số ngày nguyên.</source>
        <translation>A time limit in calendar days must be a whole number of days.</translation>
    </message>
    <message>
        <source>{moment:%H:%M %d/%m/%Y} không nằm trong giờ làm việc.</source>
        <translation>{moment:%H:%M %d/%m/%Y} is outside working hours.</translation>
    </message>
    <message>
        <source>Không tìm thấy ngày làm việc nào trong {limit} ngày kể từ {day:%d/%m/%Y}; hãy kiểm tra bảng ngày nghỉ và lịch làm việc.</source>
        <translation>No working day found within {limit} days from {day:%d/%m/%Y}; check the days off and the working hours.</translation>
    </message>
    <message>
        <source>Danh mục</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Danh mục: có trường bị lặp trong cùng một đối tượng JSON.</source>
        <translation>Catalogue: a field is repeated in the same JSON object.</translation>
    </message>
    <message>
        <source>Tệp danh mục không phải JSON hợp lệ (dòng {line}, cột {column}).</source>
        <translation>The catalogue file is not valid JSON (line {line}, column {column}).</translation>
    </message>
    <message>
        <source>Thủ tục {code}</source>
        <translation>Procedure {code}</translation>
    </message>
    <message>
        <source>{where}: phải là một đối tượng JSON.</source>
        <translation>{where}: must be a JSON object.</translation>
    </message>
    <message>
        <source>{where}: trường lạ “{stray}”.</source>
        <translation>{where}: unknown field “{stray}”.</translation>
    </message>
    <message>
        <source>{where}: thiếu trường “{key}”.</source>
        <translation>{where}: the field “{key}” is missing.</translation>
    </message>
    <message>
        <source>{where}: không được để trống trường “{key}”.</source>
        <translation>{where}: the field “{key}” must not be empty.</translation>
    </message>
    <message>
        <source>{where}: trường “{key}” phải là chuỗi ký tự.</source>
        <translation>{where}: the field “{key}” must be text.</translation>
    </message>
    <message>
        <source>{where}: giá trị “{value}” của trường “{key}” không hợp lệ.</source>
        <translation>{where}: the value “{value}” of the field “{key}” is not valid.</translation>
    </message>
    <message>
        <source>{where}: trường “{key}” phải là true hoặc false.</source>
        <translation>{where}: the field “{key}” must be true or false.</translation>
    </message>
    <message>
        <source>{where}: trường “{key}” phải là số nguyên không âm.</source>
        <translation>{where}: the field “{key}” must be a whole number, not negative.</translation>
    </message>
    <message>
        <source>{where}: trường “{key}” phải là danh sách.</source>
        <translation>{where}: the field “{key}” must be a list.</translation>
    </message>
    <message>
        <source>{where}: trường “{key}” không được để trống.</source>
        <translation>{where}: the field “{key}” must not be empty.</translation>
    </message>
    <message>
        <source>{where}: mã định danh “{code}” không đúng dạng 000.00.00.H27.</source>
        <translation>{where}: the identifier “{code}” is not in the form 000.00.00.H27.</translation>
    </message>
    <message>
        <source>{where}: định dạng “{fmt}” không được hỗ trợ (cần “{tag}”).</source>
        <translation>{where}: the format “{fmt}” is not supported (“{tag}” is needed).</translation>
    </message>
    <message>
        <source>Danh mục: tỉnh</source>
        <translation>Catalogue: province</translation>
    </message>
    <message>
        <source>{where}: ngày hiệu lực “{effective}” không đúng dạng YYYY-MM-DD.</source>
        <translation>{where}: the effective date “{effective}” is not in the form YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>{where}: số phiên bản “{version}” dài {length} ký tự; tối đa {limit} ký tự.</source>
        <translation>{where}: the version “{version}” is {length} characters long; at most {limit} characters.</translation>
    </message>
    <message>
        <source>Đơn vị thứ {nth}</source>
        <translation>Unit no. {nth}</translation>
    </message>
    <message>
        <source>Đơn vị {code}</source>
        <translation>Unit {code}</translation>
    </message>
    <message>
        <source>Cơ quan thứ {nth}</source>
        <translation>Agency no. {nth}</translation>
    </message>
    <message>
        <source>Cơ quan {code}</source>
        <translation>Agency {code}</translation>
    </message>
    <message>
        <source>Lĩnh vực thứ {nth}</source>
        <translation>Field no. {nth}</translation>
    </message>
    <message>
        <source>Thủ tục thứ {nth}</source>
        <translation>Procedure no. {nth}</translation>
    </message>
    <message>
        <source>{where}: mã thủ tục không đúng dạng N.NNNNNN.</source>
        <translation>{where}: the procedure code is not in the form N.NNNNNN.</translation>
    </message>
    <message>
        <source>{where}: trường “units” chỉ được chứa mã đơn vị.</source>
        <translation>{where}: the field “units” may hold only unit codes.</translation>
    </message>
    <message>
        <source>{where}: mã thủ tục địa phương “{value}” không khớp mã thủ tục.</source>
        <translation>{where}: the local procedure code “{value}” does not match the procedure code.</translation>
    </message>
    <message>
        <source>{where}: thời hạn</source>
        <translation>{where}: time limit</translation>
    </message>
    <message>
        <source>{where}: đơn vị thời hạn “{unit}” không hợp lệ.</source>
        <translation>{where}: the time limit unit “{unit}” is not valid.</translation>
    </message>
    <message>
        <source>{where}: thời hạn “{value}” không phải là số.</source>
        <translation>{where}: the time limit “{value}” is not a number.</translation>
    </message>
    <message>
        <source>{where}: thời hạn giải quyết không được âm.</source>
        <translation>{where}: the processing time cannot be negative.</translation>
    </message>
    <message>
        <source>{where}: giờ chốt “{value}” không đúng dạng HH:MM.</source>
        <translation>{where}: the cut-off time “{value}” is not in the form HH:MM.</translation>
    </message>
    <message>
        <source>Thủ tục {code}: phí, lệ phí</source>
        <translation>Procedure {code}: fees and charges</translation>
    </message>
    <message>
        <source>Thủ tục {code}: khoản “{name}”</source>
        <translation>Procedure {code}: item “{name}”</translation>
    </message>
    <message>
        <source>{where}: miễn thu (exempt) khi và chỉ khi số tiền bằng 0.</source>
        <translation>{where}: exempt if and only if the amount is 0.</translation>
    </message>
    <message>
        <source>Thủ tục {code}: thành phần hồ sơ</source>
        <translation>Procedure {code}: dossier papers</translation>
    </message>
    <message>
        <source>Thủ tục {code}: thành phần “{name}”</source>
        <translation>Procedure {code}: paper “{name}”</translation>
    </message>
    <message>
        <source>{where}: phải có ít nhất một bản chính hoặc bản sao.</source>
        <translation>{where}: at least one original or copy is required.</translation>
    </message>
    <message>
        <source>{where}: lĩnh vực “{field}” không có trong danh mục.</source>
        <translation>{where}: the field of work “{field}” is not in the catalogue.</translation>
    </message>
    <message>
        <source>{where}: đơn vị tiếp nhận “{unknown}” không có trong danh mục.</source>
        <translation>{where}: the receiving unit “{unknown}” is not in the catalogue.</translation>
    </message>
    <message>
        <source>{where}: cơ quan giải quyết “{agency}” không có trong danh mục.</source>
        <translation>{where}: the handling agency “{agency}” is not in the catalogue.</translation>
    </message>
    <message>
        <source>{where}: chỉ thủ tục cấp xã mới được nhận tại mọi xã (any_commune).</source>
        <translation>{where}: only a commune-level procedure may be received at every commune (any_commune).</translation>
    </message>
    <message>
        <source>{where}: thủ tục cấp xã bỏ trống cơ quan giải quyết chỉ được nhận tại cấp xã.</source>
        <translation>{where}: a commune-level procedure with no handling agency may be received only at commune level.</translation>
    </message>
    <message>
        <source>Danh mục: mã {label} “{duplicate}” bị trùng.</source>
        <translation>Catalogue: the {label} code “{duplicate}” is repeated.</translation>
    </message>
    <message>
        <source>Mã định danh cơ quan “{code}” không đúng dạng (ví dụ 000.00.00.H27).</source>
        <translation>The agency code “{code}” is not well formed (for example 000.00.00.H27).</translation>
    </message>
    <message>
        <source>Số thứ tự máy (slot) phải từ 0 đến {max}, không phải {slot}.</source>
        <translation>The PC number must be from 0 to {max}, not {slot}.</translation>
    </message>
    <message>
        <source>Máy này đã cấp hết {count} mã hồ sơ của ngày {day:%d/%m/%Y}. Hãy tiếp nhận trên máy khác hoặc liên hệ bộ phận CNTT.</source>
        <translation>This PC has used all {count} dossier codes of {day:%d/%m/%Y}. Receive on another PC or contact the IT unit.</translation>
    </message>
    <message>
        <source>“{text}” không phải mã hồ sơ hợp lệ (dạng 000.00.00.H27-261126-0001).</source>
        <translation>“{text}” is not a valid dossier code (form 000.00.00.H27-261126-0001).</translation>
    </message>
    <message>
        <source>Ngày trong mã hồ sơ “{text}” không hợp lệ.</source>
        <translation>The date in the dossier code “{text}” is not valid.</translation>
    </message>
    <message>
        <source>Tệp số thứ tự hồ sơ của slot không hợp lệ hoặc đã bị sửa (chữ ký của máy chủ không khớp); chưa nạp gì.</source>
        <translation>The PC&apos;s dossier number file is not valid or was altered (the server&apos;s signature does not match); nothing was loaded.</translation>
    </message>
    <message>
        <source>Xin bộ phận CNTT tệp mới tạo bằng “counter-server slot-file”.</source>
        <translation>Ask the IT unit for a new file made with “counter-server slot-file”.</translation>
    </message>
    <message>
        <source>Tệp số thứ tự hồ sơ không phải của máy chủ này; chưa nạp gì.</source>
        <translation>The dossier number file is not from this server; nothing was loaded.</translation>
    </message>
    <message>
        <source>Trường đầu tiên của mã QR phải là số CCCD 12 chữ số.</source>
        <translation>The first field of the QR code must be the 12-digit CCCD number.</translation>
    </message>
    <message>
        <source>Mã QR không có dấu phân cách “|”. Hãy tắt bộ gõ tiếng Việt (Unikey, EVKey) và đặt máy quét ở bàn phím US rồi quét lại.</source>
        <translation>The QR code has no “|” separator. Turn off the Vietnamese input method (Unikey, EVKey), set the scanner to a US keyboard and scan again.</translation>
    </message>
    <message>
        <source>Mã QR trên CCCD phải có ít nhất {fields} trường ngăn cách bởi “|”, nhưng chỉ đọc được {count}. Hãy quét lại.</source>
        <translation>The CCCD QR code must have at least {fields} fields separated by “|”, but only {count} were read. Scan again.</translation>
    </message>
    <message>
        <source>Trường {label} trên mã QR phải có dạng ngàythángnăm 8 chữ số, đọc được “{value}”.</source>
        <translation>The {label} in the QR code must be 8 digits (ddmmyyyy); read “{value}”.</translation>
    </message>
    <message>
        <source>Ngày cấp trên mã QR trước ngày sinh.</source>
        <translation>The date of issue in the QR code is before the date of birth.</translation>
    </message>
    <message>
        <source>Giới tính trên mã QR phải là Nam hoặc Nữ, đọc được “{value}”.</source>
        <translation>The sex in the QR code must be Nam or Nữ; read “{value}”.</translation>
    </message>
    <message>
        <source>Giới tính trên mã QR ({sex}) không khớp với số CCCD ({id_sex}).</source>
        <translation>The sex in the QR code ({sex}) does not match the CCCD number ({id_sex}).</translation>
    </message>
    <message>
        <source>Số CMND cũ trên mã QR phải gồm 9 chữ số, đọc được “{value}”.</source>
        <translation>The old CMND number in the QR code must have 9 digits; read “{value}”.</translation>
    </message>
    <message>
        <source>Hồ sơ đã được hẹn lại {done} lần; không được hẹn lại quá {limit} lần.</source>
        <translation>The dossier was already rescheduled {done} times; it may not be rescheduled more than {limit} times.</translation>
    </message>
    <message>
        <source>Liên hệ cơ quan giải quyết để xử lý hồ sơ quá hạn.</source>
        <translation>Contact the handling agency about the overdue dossier.</translation>
    </message>
    <message>
        <source>Ngày hẹn mới phải sau ngày hẹn hiện tại ({current_due:%H:%M %d/%m/%Y}).</source>
        <translation>The new due date must be after the current one ({current_due:%H:%M %d/%m/%Y}).</translation>
    </message>
    <message>
        <source>Ngày hẹn mới {new_due:%d/%m/%Y} là ngày nghỉ; hãy chọn một ngày làm việc.</source>
        <translation>The new due date {new_due:%d/%m/%Y} is a day off; choose a working day.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu {db_file} bị hỏng hoặc không đọc được: {exc}</source>
        <translation>The data file {db_file} is damaged or cannot be read: {exc}</translation>
    </message>
    <message>
        <source>Báo bộ phận CNTT; đừng xoá tệp này.</source>
        <translation>Tell the IT unit; do not delete this file.</translation>
    </message>
    <message>
        <source>Đã ngừng ghi để không làm hỏng thêm. Báo bộ phận CNTT khôi phục bản sao lưu tốt mới nhất {newest_name}: counter-app backup restore &quot;{newest}&quot; (tệp hỏng được giữ lại, không bị xoá).</source>
        <translation>Writing has stopped so nothing more is damaged. Ask the IT unit to restore the newest good backup {newest_name}: counter-app backup restore &quot;{newest}&quot; (the damaged file is kept, not deleted).</translation>
    </message>
    <message>
        <source>Đã ngừng ghi để không làm hỏng thêm. Không có bản sao lưu tốt nào trong {backups}; đừng xoá tệp này, báo bộ phận CNTT.</source>
        <translation>Writing has stopped so nothing more is damaged. There is no good backup in {backups}; do not delete this file, tell the IT unit.</translation>
    </message>
    <message>
        <source>Kho dữ liệu {db_file} bị hỏng (kiểm tra toàn vẹn: {first}).</source>
        <translation>The data store {db_file} is damaged (integrity check: {first}).</translation>
    </message>
    <message>
        <source>Không có tỉnh, thành phố mã “{code}”.</source>
        <translation>There is no province or city with code “{code}”.</translation>
    </message>
    <message>
        <source>{name} không có xã, phường mã “{code}”.</source>
        <translation>{name} has no commune or ward with code “{code}”.</translation>
    </message>
    <message>
        <source>Chưa có kho dữ liệu trong {data_dir} để sao lưu.</source>
        <translation>There is no data store in {data_dir} to back up.</translation>
    </message>
    <message>
        <source>Không thấy tệp sao lưu {backup}.</source>
        <translation>The backup file {backup} was not found.</translation>
    </message>
    <message>
        <source>Xem danh sách: counter-app backup list.</source>
        <translation>See the list: counter-app backup list.</translation>
    </message>
    <message>
        <source>Bản sao lưu {backup} cũng bị hỏng ({found}); chưa thay gì.</source>
        <translation>The backup {backup} is damaged too ({found}); nothing was replaced.</translation>
    </message>
    <message>
        <source>Chọn bản khác trong counter-app backup list.</source>
        <translation>Choose another one from counter-app backup list.</translation>
    </message>
    <message>
        <source>Không ghi được sổ theo dõi hồ sơ ra tệp “{path_name}”: chỉ hỗ trợ tệp .pdf hoặc .xlsx.</source>
        <translation>Cannot write the dossier register to “{path_name}”: only .pdf or .xlsx files are supported.</translation>
    </message>
    <message>
        <source>Đặt tên tệp ra có đuôi .pdf (để in) hoặc .xlsx (để mở bằng Excel).</source>
        <translation>Name the output file .pdf (to print) or .xlsx (to open in Excel).</translation>
    </message>
    <message>
        <source>Ngày bắt đầu (--from) phải trước hoặc bằng ngày kết thúc (--to).</source>
        <translation>The start date (--from) must be on or before the end date (--to).</translation>
    </message>
    <message>
        <source>Máy này chưa được thiết lập.</source>
        <translation>This PC is not set up yet.</translation>
    </message>
    <message>
        <source>Không đọc được tệp {csv_file}: {exc}</source>
        <translation>Cannot read the file {csv_file}: {exc}</translation>
    </message>
    <message>
        <source>Tệp {csv_file_name} không hợp lệ: {exc}</source>
        <translation>The file {csv_file_name} is not valid: {exc}</translation>
    </message>
    <message>
        <source>Không đọc được tệp danh mục {path}: {exc}</source>
        <translation>Cannot read the catalogue file {path}: {exc}</translation>
    </message>
    <message>
        <source>Danh mục {name} không hợp lệ: {exc}</source>
        <translation>The catalogue {name} is not valid: {exc}</translation>
    </message>
    <message>
        <source>Danh mục phiên bản {version} đã có trên máy với nội dung khác; mỗi phiên bản mới phải có số phiên bản mới.</source>
        <translation>Catalogue version {version} is already on this PC with different content; each new catalogue needs a new version number.</translation>
    </message>
    <message>
        <source>Không tìm thấy xung đột số {conflict_id}.</source>
        <translation>Conflict No. {conflict_id} was not found.</translation>
    </message>
    <message>
        <source>Kho này là kho thật của một quầy: không điền dữ liệu mẫu vào đây.</source>
        <translation>This is a real counter&apos;s store: demo data is not put into it.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa được tiếp nhận (đang chờ bổ sung giấy tờ hoặc đã bị từ chối) nên không có Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01).</source>
        <translation>Dossier {code} was not received (it awaits more papers or was refused), so it has no receipt and appointment slip (Form 01).</translation>
    </message>
    <message>
        <source>In Phiếu yêu cầu bổ sung (Mẫu 02) hoặc Phiếu từ chối (Mẫu 03) của hồ sơ.</source>
        <translation>Print the dossier&apos;s request for more papers (Form 02) or refusal slip (Form 03).</translation>
    </message>
    <message>
        <source>Không tìm thấy biểu mẫu số {form_id}.</source>
        <translation>Form No. {form_id} was not found.</translation>
    </message>
    <message>
        <source>Loại ngày không hợp lệ: “{kind}” (chỉ nhận holiday hoặc workday).</source>
        <translation>Invalid day kind: “{kind}” (only holiday or workday).</translation>
    </message>
    <message>
        <source>“{outcome}” không phải kết quả của một lịch hẹn.</source>
        <translation>“{outcome}” is not an outcome of an appointment.</translation>
    </message>
    <message>
        <source>Lịch hẹn số {visit_id} đang ở trạng thái “{status}”: chỉ tiếp nhận được hồ sơ của lịch hẹn đang chờ thực hiện.</source>
        <translation>Appointment No. {visit_id} is “{status}”: only a dossier of a pending appointment can be received.</translation>
    </message>
    <message>
        <source>Lịch hẹn số {visit_id} giao cho cán bộ {clerk}; hồ sơ phải do cán bộ đó tiếp nhận.</source>
        <translation>Appointment No. {visit_id} is assigned to clerk {clerk}; that clerk must receive the dossier.</translation>
    </message>
    <message>
        <source>Không có lịch hẹn số {visit_id}.</source>
        <translation>There is no appointment No. {visit_id}.</translation>
    </message>
    <message>
        <source>Mã đơn vị hành chính “{area}” không hợp lệ.</source>
        <translation>The administrative unit code “{area}” is not valid.</translation>
    </message>
    <message>
        <source>Không có cán bộ “{username}” đang làm việc ở quầy này.</source>
        <translation>There is no active clerk “{username}” at this counter.</translation>
    </message>
    <message>
        <source>Không có thủ tục mã {code} trong danh mục.</source>
        <translation>There is no procedure with code {code} in the catalogue.</translation>
    </message>
    <message>
        <source>Cán bộ {clerk} đã có lịch hẹn số {id} ({starts_at}, {citizen_name}) trùng giờ với lịch {slot}.</source>
        <translation>Clerk {clerk} already has appointment No. {id} ({starts_at}, {citizen_name}) at the same time as {slot}.</translation>
    </message>
    <message>
        <source>Chọn giờ khác hoặc giao cho cán bộ khác.</source>
        <translation>Choose another time or assign another clerk.</translation>
    </message>
    <message>
        <source>Lịch hẹn số {visit_id} đã “{label}”, không thay đổi được.</source>
        <translation>Appointment No. {visit_id} is already “{label}” and cannot be changed.</translation>
    </message>
    <message>
        <source>Đặt một lịch hẹn mới nếu cần.</source>
        <translation>Book a new appointment if needed.</translation>
    </message>
    <message>
        <source>Nhập người nhận hồ sơ hoặc số hiệu bưu gửi.</source>
        <translation>Enter the recipient or the postal tracking number.</translation>
    </message>
    <message>
        <source>Hồ sơ {dossier_code} đã được yêu cầu bổ sung {supplement_requests} lần; yêu cầu thêm lần nữa thì hồ sơ bị tính là trễ hạn.</source>
        <translation>More papers were already requested {supplement_requests} times for dossier {dossier_code}; another request counts the dossier as late.</translation>
    </message>
    <message>
        <source>Xác nhận nếu vẫn yêu cầu bổ sung.</source>
        <translation>Confirm if you still request more papers.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} trên Cổng đã được ghi nhận hỗ trợ (số {id}, cán bộ {clerk}, {when}).</source>
        <translation>Help with portal dossier {code} was already recorded (No. {id}, clerk {clerk}, {when}).</translation>
    </message>
    <message>
        <source>Hồ sơ {dossier_code} không trả kết quả qua bưu điện.</source>
        <translation>The result of dossier {dossier_code} is not sent by post.</translation>
    </message>
    <message>
        <source>Không có bưu gửi số hiệu “{number}”.</source>
        <translation>There is no postal item with tracking number “{number}”.</translation>
    </message>
    <message>
        <source>Bưu gửi số {item_id} không có trạng thái nào.</source>
        <translation>Postal item No. {item_id} has no status.</translation>
    </message>
    <message>
        <source>Không có hồ sơ {code} trên máy này.</source>
        <translation>There is no dossier {code} on this PC.</translation>
    </message>
    <message>
        <source>Trạng thái “{status}” không thuộc 10 mã chuẩn.</source>
        <translation>The status “{status}” is not one of the 10 standard codes.</translation>
    </message>
    <message>
        <source>Hồ sơ {code}: tỉnh ({actor}) đã chuyển hồ sơ sang “{province}” trong khi trên máy này hồ sơ đã ở trạng thái “{here}”. Cả hai thay đổi đều được lưu; hồ sơ nhận trạng thái của tỉnh. Hãy kiểm tra lại hồ sơ.</source>
        <translation>Dossier {code}: the province ({actor}) moved the dossier to “{province}” while on this PC it was already “{here}”. Both changes are kept; the dossier takes the province&apos;s status. Check the dossier again.</translation>
    </message>
    <message>
        <source>Hồ sơ {code}: tỉnh đã chuyển hồ sơ sang “{province}” trước khi nhận các thao tác sau đó của máy này; thay đổi được ghi vào lịch sử, trạng thái giữ theo máy chủ tỉnh.</source>
        <translation>Dossier {code}: the province moved the dossier to “{province}” before it received this PC&apos;s later operations; the change is written in the history, and the status stays as the provincial server has it.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đã ở trạng thái “{status}”.</source>
        <translation>Dossier {code} is already “{status}”.</translation>
    </message>
    <message>
        <source>Hết mã vận đơn bưu chính (S10) của máy này. Hãy đồng bộ để nhận phần mã tỉnh cấp cho máy, hoặc nạp tệp mã bằng “counter-app tracking import”.</source>
        <translation>This PC has no postal tracking numbers (S10) left. Sync to receive this PC&apos;s share from the province, or load a file of numbers with “counter-app tracking import”.</translation>
    </message>
    <message>
        <source>Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.</source>
        <translation>The start date must be on or before the end date.</translation>
    </message>
    <message>
        <source>Tên quầy, tên đăng nhập và họ tên quản trị không được để trống.</source>
        <translation>The counter name, the administrator&apos;s user name and full name must not be empty.</translation>
    </message>
    <message>
        <source>Máy này đã được thiết lập.</source>
        <translation>This PC is already set up.</translation>
    </message>
    <message>
        <source>Đơn vị mã “{unit_code}” không có trong danh mục.</source>
        <translation>There is no unit with code “{unit_code}” in the catalogue.</translation>
    </message>
    <message>
        <source>Máy này chưa được thiết lập. Hãy chạy “counter-app setup” trước.</source>
        <translation>This PC is not set up yet. Run “counter-app setup” first.</translation>
    </message>
    <message>
        <source>Tệp này dành cho đơn vị {unit_code}, máy số {slot}, nhưng máy này thuộc đơn vị {own_unit}, máy số {own_slot}. Chưa nạp gì.</source>
        <translation>This file is for unit {unit_code}, PC No. {slot}, but this PC belongs to unit {own_unit}, PC No. {own_slot}. Nothing was loaded.</translation>
    </message>
    <message>
        <source>Máy này chưa biết khoá công khai của máy chủ để kiểm tra chữ ký của tệp. Hãy thêm --server-key KHOÁ (bộ phận CNTT thấy khoá khi tạo tệp bằng “counter-server slot-file”).</source>
        <translation>This PC does not know the server&apos;s public key to check the file&apos;s signature yet. Add --server-key KEY (the IT unit sees the key when making the file with “counter-server slot-file”).</translation>
    </message>
    <message>
        <source>Máy chủ từ chối {count} mã vận đơn nạp từ tệp (máy khác đã giữ), ví dụ: {example}</source>
        <translation>The server refused {count} tracking numbers loaded from the file (another PC holds them), for example: {example}</translation>
    </message>
    <message>
        <source>Máy chủ trả lời thiếu mã vận đơn đã gửi.</source>
        <translation>The server&apos;s reply leaves out tracking numbers that were sent.</translation>
    </message>
    <message>
        <source>Trả lời về mã vận đơn không kiểm tra được ({exc}); chưa ghi gì.</source>
        <translation>The reply about tracking numbers could not be verified ({exc}); nothing was saved.</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ “{text}” không hợp lệ (ví dụ: https://dongbo.hatinh.gov.vn).</source>
        <translation>The server address “{text}” is not valid (for example: https://dongbo.hatinh.gov.vn).</translation>
    </message>
    <message>
        <source>Máy này đã đăng ký với máy chủ {server_url} (máy số {server_device_id}).</source>
        <translation>This PC is already enrolled with the server {server_url} (PC No. {server_device_id}).</translation>
    </message>
    <message>
        <source>Nhập mã đăng ký máy do bộ phận CNTT cấp.</source>
        <translation>Enter the enrolment code given by the IT unit.</translation>
    </message>
    <message>
        <source>Khoá công khai máy chủ gửi về không hợp lệ.</source>
        <translation>The public key the server sent is not valid.</translation>
    </message>
    <message>
        <source>Mã đăng ký dành cho đơn vị {unit_code}, máy số {slot}, nhưng máy này thuộc đơn vị {own_unit}, máy số {own_slot}. Chưa lưu gì; báo bộ phận CNTT thu hồi máy số {device_id} trên máy chủ và cấp mã đúng đơn vị.</source>
        <translation>The enrolment code is for unit {unit_code}, PC No. {slot}, but this PC belongs to unit {own_unit}, PC No. {own_slot}. Nothing was saved; ask the IT unit to revoke PC No. {device_id} on the server and issue a code for the right unit.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh không còn thay đổi số {cursor} mà máy đã nhận (có thể máy chủ vừa được khôi phục từ bản sao lưu): máy nhận lại các thay đổi của tỉnh từ đầu và gửi lại {count} thao tác máy chủ đã xác nhận trước đây để máy chủ bổ sung phần bị mất. Dữ liệu trên máy được giữ nguyên.</source>
        <translation>The provincial server no longer holds change {cursor}, which this PC had received (the server may just have been restored from a backup): this PC takes the province&apos;s changes again from the start and sends again {count} operations the server had confirmed, so that the server can fill in what it lost. The data on this PC is kept as it is.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh không còn {missing} thao tác đã xác nhận gần đây cho máy này (có thể máy chủ vừa được khôi phục từ bản sao lưu). Máy gửi lại {count} thao tác đã được xác nhận để máy chủ bổ sung phần bị mất. Dữ liệu trên máy được giữ nguyên.</source>
        <translation>The provincial server no longer holds {missing} operations it recently confirmed for this PC (the server may just have been restored from a backup). This PC sends again {count} confirmed operations so that the server can fill in what it lost. The data on this PC is kept as it is.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh yêu cầu nhận lại dữ liệu từ đầu khi không có lý do (vị trí {cursor}); chưa làm gì thêm. Dữ liệu trên máy được giữ nguyên.</source>
        <translation>The provincial server asked to receive its data again from the start for no reason (position {cursor}); nothing more was done. The data on this PC is kept as it was.</translation>
    </message>
    <message>
        <source>Dữ liệu tỉnh gửi về không kiểm tra được ({exc}); chưa áp dụng gì.</source>
        <translation>The data the province sent could not be verified ({exc}); nothing was applied.</translation>
    </message>
    <message>
        <source>Biên nhận của máy chủ không kiểm tra được ({exc}); chưa đánh dấu gì, lô sẽ được gửi lại.</source>
        <translation>The server&apos;s receipt could not be verified ({exc}); nothing was marked, the batch will be sent again.</translation>
    </message>
    <message>
        <source>Lỗi không mong đợi khi đồng bộ: {exc}</source>
        <translation>Unexpected error while syncing: {exc}</translation>
    </message>
    <message>
        <source>Máy đã bị thu hồi quyền đồng bộ</source>
        <translation>This PC&apos;s sync rights were revoked</translation>
    </message>
    <message>
        <source>Chưa đăng ký với máy chủ tỉnh</source>
        <translation>Not enrolled with the provincial server</translation>
    </message>
    <message>
        <source>Đã gửi hết</source>
        <translation>All sent</translation>
    </message>
    <message>
        <source>{count} lỗi</source>
        <translation>{count} errors</translation>
    </message>
    <message>
        <source>lần cuối {when} (giờ máy chủ; đồng hồ máy lúc đó sai)</source>
        <translation>last {when} (server time; this PC&apos;s clock was wrong then)</translation>
    </message>
    <message>
        <source>lần cuối {when}</source>
        <translation>last {when}</translation>
    </message>
    <message>
        <source>{count} hồ sơ chờ gửi</source>
        <translation>{count} dossiers waiting to be sent</translation>
    </message>
    <message>
        <source>{count} hồ sơ chờ gửi, cũ nhất {age} phút</source>
        <translation>{count} dossiers waiting to be sent, oldest {age} min</translation>
    </message>
    <message>
        <source>{count} hồ sơ chờ gửi, cũ nhất {age} giờ</source>
        <translation>{count} dossiers waiting to be sent, oldest {age} h</translation>
    </message>
    <message>
        <source>{count} hồ sơ chờ gửi, cũ nhất {age} ngày</source>
        <translation>{count} dossiers waiting to be sent, oldest {age} days</translation>
    </message>
    <message>
        <source>Máy này chưa được đăng ký với máy chủ tỉnh (hoặc số máy không đúng). Liên hệ bộ phận CNTT để đăng ký.</source>
        <translation>This PC is not enrolled with the provincial server (or its number is wrong). Contact the IT unit to enrol it.</translation>
    </message>
    <message>
        <source>Máy này đã bị thu hồi quyền đồng bộ. Liên hệ bộ phận CNTT.</source>
        <translation>This PC&apos;s sync rights were revoked. Contact the IT unit.</translation>
    </message>
    <message>
        <source>Chữ ký của dữ liệu gửi lên không hợp lệ: dữ liệu có thể đã bị thay đổi trên đường truyền. Toàn bộ lô bị từ chối.</source>
        <translation>The signature of the data sent is not valid: the data may have been altered on the way. The whole batch was refused.</translation>
    </message>
    <message>
        <source>Phần mềm trên máy này dùng giao thức đồng bộ cũ (yêu cầu thiếu giờ hoặc mã chống gửi lại). Hãy cập nhật phần mềm Một cửa rồi đồng bộ lại.</source>
        <translation>The software on this PC uses an old sync protocol (the request lacks a time or an anti-replay code). Update the one-stop software and sync again.</translation>
    </message>
    <message>
        <source>Yêu cầu này đã được gửi tới máy chủ một lần (mã chống gửi lại đã dùng): có thể nó bị ghi lại và gửi lại trên đường truyền. Yêu cầu bị từ chối.</source>
        <translation>This request already reached the server once (its anti-replay code was used): it may have been recorded and sent again on the way. The request was refused.</translation>
    </message>
    <message>
        <source>Mã đăng ký máy không đúng. Hãy kiểm tra lại hoặc xin mã mới.</source>
        <translation>The enrolment code is wrong. Check it or ask for a new one.</translation>
    </message>
    <message>
        <source>Mã đăng ký máy này đã được dùng. Hãy xin mã mới.</source>
        <translation>This enrolment code was already used. Ask for a new one.</translation>
    </message>
    <message>
        <source>Mã đăng ký máy đã hết hạn. Hãy xin mã mới.</source>
        <translation>The enrolment code has expired. Ask for a new one.</translation>
    </message>
    <message>
        <source>Máy này (cùng mã máy) đã được đăng ký trước đây; mỗi lần đăng ký cần cài đặt lại để có mã máy mới.</source>
        <translation>This PC (with the same PC id) was enrolled before; each enrolment needs a new installation to get a new PC id.</translation>
    </message>
    <message>
        <source>Phiên bản dữ liệu của phần mềm trên máy không được máy chủ hỗ trợ. Hãy cập nhật phần mềm.</source>
        <translation>The server does not support this PC&apos;s data version. Update the software.</translation>
    </message>
    <message>
        <source>Máy này đã thử quá nhiều mã đăng ký không đúng. Hãy đợi {seconds} giây rồi thử lại, và kiểm tra mã với bộ phận CNTT.</source>
        <translation>This PC has tried too many wrong enrolment codes. Wait {seconds} seconds, then try again, and check the code with the IT unit.</translation>
    </message>
    <message>
        <source>Lô dữ liệu không đúng định dạng: {detail}</source>
        <translation>The batch is not in the right format: {detail}</translation>
    </message>
    <message>
        <source>Thiếu hoặc sai trường “{name}”.</source>
        <translation>The field “{name}” is missing or wrong.</translation>
    </message>
    <message>
        <source>Trường “{name}” phải là số nguyên.</source>
        <translation>The field “{name}” must be a whole number.</translation>
    </message>
    <message>
        <source>Tham số “{name}” phải là số nguyên không âm.</source>
        <translation>The parameter “{name}” must be a whole number, not negative.</translation>
    </message>
    <message>
        <source>Đồng hồ của máy này nhanh hơn giờ máy chủ tỉnh {size} {size_unit} (máy đang ghi {device_time}). Hãy chỉnh lại ngày giờ của máy (Cài đặt ngày giờ của Windows, bật tự động đồng bộ giờ) rồi đồng bộ lại; máy chủ chỉ nhận yêu cầu lệch tối đa {window} {window_unit}.</source>
        <translation>This PC&apos;s clock is {size} {size_unit} ahead of the provincial server&apos;s time (the PC shows {device_time}). Set the PC&apos;s date and time right (Windows date and time settings, turn on automatic time sync), then sync again; the server only accepts requests off by at most {window} {window_unit}.</translation>
    </message>
    <message>
        <source>Đồng hồ của máy này chậm hơn giờ máy chủ tỉnh {size} {size_unit} (máy đang ghi {device_time}). Hãy chỉnh lại ngày giờ của máy (Cài đặt ngày giờ của Windows, bật tự động đồng bộ giờ) rồi đồng bộ lại; máy chủ chỉ nhận yêu cầu lệch tối đa {window} {window_unit}.</source>
        <translation>This PC&apos;s clock is {size} {size_unit} behind the provincial server&apos;s time (the PC shows {device_time}). Set the PC&apos;s date and time right (Windows date and time settings, turn on automatic time sync), then sync again; the server only accepts requests off by at most {window} {window_unit}.</translation>
    </message>
    <message>
        <source>Mã đăng ký này dành cho đơn vị {code_unit}, nhưng máy này thuộc đơn vị {pc_unit}. Mã chưa bị dùng; hãy xin mã đăng ký của đúng đơn vị.</source>
        <translation>This enrolment code is for unit {code_unit}, but this PC belongs to unit {pc_unit}. The code has not been used; ask for an enrolment code of the right unit.</translation>
    </message>
    <message>
        <source>Số thứ tự máy (slot) {slot} của đơn vị {unit} đang được máy “{name}” (số {id}) dùng. Hãy chọn slot khác, hoặc thu hồi máy cũ trước.</source>
        <translation>PC number {slot} of unit {unit} is in use by the PC “{name}” (no. {id}). Choose another PC number, or revoke the old PC first.</translation>
    </message>
    <message>
        <source>Mã máy này thuộc máy số {id}, đã bị thu hồi. Phần mềm bản mới tự tạo mã máy mới và đăng ký lại với cùng mã đăng ký.</source>
        <translation>This PC&apos;s identity belongs to PC no. {id}, which was revoked. A newer version of the software makes a new identity by itself and enrols again with the same enrolment code.</translation>
    </message>
    <message>
        <source>Số thứ tự máy (slot) {slot} hoặc mã máy này vừa được đăng ký ở một yêu cầu khác. Hãy kiểm tra lại danh sách máy.</source>
        <translation>PC number {slot} or this PC&apos;s identity has just been enrolled by another request. Check the list of PCs again.</translation>
    </message>
    <message>
        <source>Máy này đã cấp mã hồ sơ với số thứ tự máy {slot} vào ngày {days}, trong khi một máy khác cùng số thứ tự (đã thu hồi) cũng cấp mã trong những ngày đó: có thể trùng mã với phiếu đã in. Không đăng ký; bộ phận CNTT cần đối chiếu các hồ sơ này, hoặc đăng ký máy với một số thứ tự máy khác.</source>
        <translation>This PC issued dossier codes with PC number {slot} on {days}, while another PC with the same number (revoked) also issued codes on those days: codes may repeat those on printed slips. Not enrolled; the IT unit must check these dossiers, or enrol the PC with another PC number.</translation>
    </message>
    <message>
        <source>Yêu cầu giữ mã vận đơn không đúng định dạng: {detail}</source>
        <translation>The tracking number claim is not in the right format: {detail}</translation>
    </message>
    <message>
        <source>Dữ liệu gửi lên vượt quá giới hạn {size} của địa chỉ này; máy chủ không nhận.</source>
        <translation>The data sent is over this address&apos;s limit of {size}; the server does not take it.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đang nhận quá nhiều lô dữ liệu cùng lúc. Phần mềm sẽ tự gửi lại sau {seconds} giây.</source>
        <translation>The provincial server is receiving too many batches at once. The software will send again by itself in {seconds} seconds.</translation>
    </message>
    <message>
        <source>Tham số “probe” phải là tối đa {count} mã thao tác (UUID), cách nhau bởi dấu phẩy.</source>
        <translation>The parameter “probe” must be at most {count} operation ids (UUID), separated by commas.</translation>
    </message>
    <message>
        <source>Mã {number} đã thuộc máy số {device} của đơn vị {unit}; máy này không dùng mã này. Bộ phận CNTT đã được báo.</source>
        <translation>The number {number} already belongs to PC no. {device} of unit {unit}; this PC does not use it. The IT unit has been told.</translation>
    </message>
    <message>
        <source>Mã {number} đã thuộc đơn vị (cấp chung) của đơn vị {unit}; máy này không dùng mã này. Bộ phận CNTT đã được báo.</source>
        <translation>The number {number} already belongs to unit {unit} (shared by its PCs); this PC does not use it. The IT unit has been told.</translation>
    </message>
    <message>
        <source>Gửi: {sent} thao tác trong {batches} lô ({size}); máy chủ xác nhận {acked}, trùng (đã có) {duplicates}, xung đột {conflicts}, cách ly {quarantined}, chờ thao tác trước {held}; {released} thao tác chờ trước đây nay đã được áp dụng.</source>
        <translation>Sent: {sent} operations in {batches} batches ({size}); the server confirmed {acked}, duplicates (already there) {duplicates}, conflicts {conflicts}, quarantined {quarantined}, waiting for an earlier one {held}; {released} operations that were waiting are now applied.</translation>
    </message>
    <message>
        <source>Gửi: {sent} thao tác trong {batches} lô ({size}); máy chủ xác nhận {acked}, trùng (đã có) {duplicates}, xung đột {conflicts}, cách ly {quarantined}, chờ thao tác trước {held}.</source>
        <translation>Sent: {sent} operations in {batches} batches ({size}); the server confirmed {acked}, duplicates (already there) {duplicates}, conflicts {conflicts}, quarantined {quarantined}, waiting for an earlier one {held}.</translation>
    </message>
    <message>
        <source>Nhận từ tỉnh: {pulled} thay đổi (áp dụng {applied}, đã có {unchanged}, không áp dụng được {not_applied}).</source>
        <translation>Received from the province: {pulled} changes (applied {applied}, already here {unchanged}, could not apply {not_applied}).</translation>
    </message>
    <message>
        <source>Nhận từ tỉnh: {pulled} thay đổi (áp dụng {applied}, đã có {unchanged}).</source>
        <translation>Received from the province: {pulled} changes (applied {applied}, already here {unchanged}).</translation>
    </message>
    <message>
        <source>Nhận từ tỉnh: {pulled} thay đổi (áp dụng {applied}, không áp dụng được {not_applied}).</source>
        <translation>Received from the province: {pulled} changes (applied {applied}, could not apply {not_applied}).</translation>
    </message>
    <message>
        <source>Nhận từ tỉnh: {pulled} thay đổi (áp dụng {applied}).</source>
        <translation>Received from the province: {pulled} changes (applied {applied}).</translation>
    </message>
    <message>
        <source>Đã dừng theo yêu cầu sau khi gửi {sent}/{to_send} thao tác; {left} thao tác còn lại vẫn an toàn trên máy và sẽ được gửi ở lần đồng bộ sau.</source>
        <translation>Stopped on request after sending {sent}/{to_send} operations; the {left} left are safe on this PC and will be sent at the next sync.</translation>
    </message>
    <message>
        <source>Có {count} thay đổi không khớp giữa tỉnh và máy này: cả hai đều được lưu, xem danh sách xung đột hồ sơ.</source>
        <translation>{count} changes differ between the province and this PC: both are kept, see the list of dossier conflicts.</translation>
    </message>
    <message>
        <source>Tình trạng: {status}.</source>
        <translation>Status: {status}.</translation>
    </message>
    <message>
        <source>Thao tác #{seq} của hồ sơ {code} bị hỏng trên máy (dữ liệu đã lưu không khớp mã kiểm tra SHA-256): không gửi thao tác này và các thao tác sau của cùng hồ sơ. Báo bộ phận CNTT khôi phục kho từ bản sao lưu (counter-app backup list).</source>
        <translation>Operation #{seq} of dossier {code} is damaged on this PC (the stored data does not match its SHA-256 check): this operation and the later ones of the same dossier are not sent. Ask the IT unit to restore the store from a backup (counter-app backup list).</translation>
    </message>
    <message>
        <source>Không gửi: thao tác #{cause} trước đó của cùng hồ sơ {code} bị hỏng.</source>
        <translation>Not sent: the earlier operation #{cause} of the same dossier {code} is damaged.</translation>
    </message>
    <message>
        <source>Đồng hồ máy này đang là {now}, sớm hơn thời điểm mới nhất đã ghi trên máy ({newest}). Ngày giờ của máy có thể đang sai: mã hồ sơ và ngày hẹn trả trên giấy tiếp nhận sẽ sai theo.</source>
        <translation>This PC&apos;s clock says {now}, earlier than the latest time already recorded on this PC ({newest}). The PC&apos;s date and time may be wrong: the dossier code and the return date on the receipt would be wrong too.</translation>
    </message>
    <message>
        <source>Lần liên lạc gần nhất với máy chủ tỉnh ({when}), đồng hồ máy này chậm {size} {size_unit} so với giờ máy chủ. Ngày giờ của máy có thể đang sai: mã hồ sơ và ngày hẹn trả trên giấy tiếp nhận sẽ sai theo.</source>
        <translation>At the last contact with the provincial server ({when}), this PC&apos;s clock was {size} {size_unit} behind the server&apos;s time. The PC&apos;s date and time may be wrong: the dossier code and the return date on the receipt would be wrong too.</translation>
    </message>
    <message>
        <source>Lần liên lạc gần nhất với máy chủ tỉnh ({when}), đồng hồ máy này nhanh {size} {size_unit} so với giờ máy chủ. Ngày giờ của máy có thể đang sai: mã hồ sơ và ngày hẹn trả trên giấy tiếp nhận sẽ sai theo.</source>
        <translation>At the last contact with the provincial server ({when}), this PC&apos;s clock was {size} {size_unit} ahead of the server&apos;s time. The PC&apos;s date and time may be wrong: the dossier code and the return date on the receipt would be wrong too.</translation>
    </message>
    <message>
        <source>Kiểm tra ngày giờ ở góc màn hình; nếu sai, chỉnh lại (bật tự động đồng bộ giờ của Windows) rồi lưu lại. Chỉ xác nhận lưu khi chắc chắn ngày giờ đang đúng.</source>
        <translation>Check the date and time in the corner of the screen; if they are wrong, correct them (turn on Windows&apos; automatic time sync) and save again. Confirm saving only when you are sure the date and time are right.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đã thu hồi quyền đồng bộ của máy này.</source>
        <translation>The provincial server has revoked this PC&apos;s right to sync.</translation>
    </message>
    <message>
        <source>Loại thay đổi “{kind}” chưa được phần mềm hỗ trợ.</source>
        <translation>The change kind “{kind}” is not supported by this software yet.</translation>
    </message>
    <message>
        <source>Thay đổi không hợp lệ: {reason}</source>
        <translation>The change is not valid: {reason}</translation>
    </message>
    <message>
        <source>Hồ sơ {code}: thay đổi trạng thái này đã được ghi trên máy từ trước.</source>
        <translation>Dossier {code}: this status change was already recorded on this PC.</translation>
    </message>
    <message>
        <source>Danh mục {version} không hợp lệ: {exc}</source>
        <translation>The catalogue {version} is not valid: {exc}</translation>
    </message>
    <message>
        <source>Danh mục {version}: mã băm không khớp.</source>
        <translation>The catalogue {version}: the hash does not match.</translation>
    </message>
    <message>
        <source>Danh mục {version} đã có trên máy.</source>
        <translation>The catalogue {version} is already on this PC.</translation>
    </message>
    <message>
        <source>Lịch năm {year} có ngày không hợp lệ.</source>
        <translation>The calendar for {year} has an invalid day.</translation>
    </message>
    <message>
        <source>Lịch năm {year} đã có trên máy.</source>
        <translation>The calendar for {year} is already on this PC.</translation>
    </message>
    <message>
        <source>Mã vận đơn dành cho đơn vị khác ({unit}).</source>
        <translation>The tracking numbers are for another unit ({unit}).</translation>
    </message>
    <message>
        <source>Phần mã vận đơn của máy số {owner}.</source>
        <translation>The tracking numbers of PC no. {owner}.</translation>
    </message>
    <message>
        <source>Các mã vận đơn này đã có trên máy.</source>
        <translation>These tracking numbers are already on this PC.</translation>
    </message>
    <message>
        <source>Nhận {count} mã vận đơn bưu chính cho máy này.</source>
        <translation>Received {count} postal tracking numbers for this PC.</translation>
    </message>
    <message>
        <source>Nhận {count} mã vận đơn cấp chung cho đơn vị: chỉ lưu, không dùng (các máy khác của đơn vị cũng có các mã này). Xin tỉnh chia mã cho từng máy.</source>
        <translation>Received {count} tracking numbers given to the whole unit: kept, not used (the unit&apos;s other PCs have these numbers too). Ask the province to share the numbers out per PC.</translation>
    </message>
    <message>
        <source>Máy mã {device_id} (máy số {slot}) đã bị thu hồi.</source>
        <translation>The PC with id {device_id} (PC no. {slot}) has been revoked.</translation>
    </message>
    <message>
        <source>Máy chủ đã có bản khác của thao tác này; không gửi lại được. Báo bộ phận CNTT (có thể máy đã bị khôi phục từ bản sao lưu cũ).</source>
        <translation>The server already has a different version of this operation; it cannot be sent again. Tell the IT unit (this PC may have been restored from an old backup).</translation>
    </message>
    <message>
        <source>Máy chủ không nhận thao tác này vì lý do ghi bên cạnh; hồ sơ trên máy vẫn còn nguyên. Báo bộ phận CNTT để xử lý trên hệ thống tỉnh.</source>
        <translation>The server did not accept this operation for the reason shown beside it; the dossier on this PC is intact. Tell the IT unit to handle it on the provincial system.</translation>
    </message>
    <message>
        <source>Máy chủ đang chờ thao tác trước của cùng hồ sơ; máy sẽ tự gửi lại, không cần làm gì.</source>
        <translation>The server is waiting for an earlier operation of the same dossier; this PC will send it again by itself, nothing to do.</translation>
    </message>
    <message>
        <source>Dữ liệu của thao tác này trên máy đã bị hỏng nên không được gửi. Báo bộ phận CNTT khôi phục kho từ bản sao lưu (counter-app backup list).</source>
        <translation>This operation&apos;s data on this PC is damaged, so it is not sent. Ask the IT unit to restore the store from a backup (counter-app backup list).</translation>
    </message>
    <message>
        <source>Không gửi vì một thao tác trước của cùng hồ sơ bị hỏng; báo bộ phận CNTT.</source>
        <translation>Not sent because an earlier operation of the same dossier is damaged; tell the IT unit.</translation>
    </message>
    <message>
        <source>Máy chủ đã nhận thao tác này và đang chờ thao tác trước của cùng hồ sơ.</source>
        <translation>The server already has this operation and is waiting for an earlier operation of the same dossier.</translation>
    </message>
    <message>
        <source>Máy chủ đã nhận thao tác này từ trước và đã cách ly nó.</source>
        <translation>The server received this operation before and quarantined it.</translation>
    </message>
    <message>
        <source>Gửi lại để máy chủ tỉnh đối chiếu: máy chủ có thể đã mất thao tác này khi được khôi phục từ bản sao lưu.</source>
        <translation>Sent again for the provincial server to check: the server may have lost this operation when it was restored from a backup.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đã lưu thao tác này nhưng không đổi trạng thái hồ sơ: tỉnh đã chuyển hồ sơ sang trạng thái khác trước đó.</source>
        <translation>The provincial server stored this operation but did not change the dossier&apos;s status: the province had already moved the dossier to another status.</translation>
    </message>
    <message>
        <source>Hồ sơ {code}:</source>
        <translation>Dossier {code}:</translation>
    </message>
    <message>
        <source>Số thứ tự thao tác #{seq} của máy này đã dùng cho một thao tác khác: dữ liệu máy có thể đã bị sao chép hoặc khôi phục từ bản cũ. Liên hệ bộ phận CNTT.</source>
        <translation>Operation number #{seq} of this PC was already used for another operation: the PC&apos;s data may have been copied or restored from an old backup. Contact the IT unit.</translation>
    </message>
    <message>
        <source>Thao tác này đã được gửi trước đây với nội dung khác; bản mới không được áp dụng. Liên hệ bộ phận CNTT.</source>
        <translation>This operation was sent before with different content; the new copy is not applied. Contact the IT unit.</translation>
    </message>
    <message>
        <source>Hồ sơ này do máy khác tạo; máy này không được cập nhật nó.</source>
        <translation>This dossier was created by another PC; this PC may not update it.</translation>
    </message>
    <message>
        <source>Đã có thao tác khác nối tiếp thao tác #{prev} của hồ sơ này (rẽ nhánh).</source>
        <translation>Another operation already follows operation #{prev} of this dossier (a fork).</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đã tồn tại trên máy chủ.</source>
        <translation>Dossier {code} already exists on the server.</translation>
    </message>
    <message>
        <source>Thao tác trước (#{prev}) của hồ sơ này đã bị cách ly, nên thao tác này cũng vậy.</source>
        <translation>The earlier operation (#{prev}) of this dossier was quarantined, so this one is too.</translation>
    </message>
    <message>
        <source>Đang chờ thao tác trước (#{prev}) của hồ sơ này; sẽ áp dụng khi nó đến.</source>
        <translation>Waiting for the earlier operation (#{prev}) of this dossier; it will be applied when that arrives.</translation>
    </message>
    <message>
        <source>Số thứ tự sự kiện {seq} không tiếp nối các sự kiện đã có của hồ sơ.</source>
        <translation>Event number {seq} does not follow the dossier&apos;s existing events.</translation>
    </message>
    <message>
        <source>Mã hồ sơ {code} đã được dùng cho một hồ sơ khác.</source>
        <translation>Dossier code {code} is already used for another dossier.</translation>
    </message>
    <message>
        <source>Máy chủ không có hồ sơ mà thao tác này cập nhật.</source>
        <translation>The server does not have the dossier this operation updates.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} trên Cổng dịch vụ công đã được một quầy khác (hoặc một bản ghi khác) ghi nhận hỗ trợ; bản ghi này không được tính thêm lần nữa.</source>
        <translation>Dossier {code} on the public service portal was already recorded as helped by another counter (or another record); this record is not counted again.</translation>
    </message>
    <message>
        <source>Đã áp dụng dù thiếu thao tác trước (#{prev}): đã chờ quá {hours} giờ. Cần kiểm tra lại hồ sơ này.</source>
        <translation>Applied without the earlier operation (#{prev}): waited more than {hours} hours. Check this dossier again.</translation>
    </message>
    <message>
        <source>Đã chờ thao tác trước (#{prev}) quá {hours} giờ và không áp dụng được: {why}</source>
        <translation>Waited more than {hours} hours for the earlier operation (#{prev}) and could not apply it: {why}</translation>
    </message>
</context>
</TS>
