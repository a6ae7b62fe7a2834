# nhacviec: every word the users read, in Vietnamese (the default).
# Keys are the same in en.ftl; a test fails when one file lacks a key of the other.

## Roles and states

# The words of a milestone's state, one source for the chat, the web, the reports and the workbook:
# the four official ratings (done on time, done late, in progress, overdue), then "Thường xuyên" and "Chờ duyệt".
-st-open = Chưa thực hiện
-st-in-progress = Đang thực hiện
-st-done = Hoàn thành
-st-done-on-time = Hoàn thành đúng hạn
-st-done-late = Hoàn thành trễ hạn
-st-overdue = Quá hạn
-st-waiting = Chờ duyệt
-st-ongoing = Thường xuyên
-st-undated = Chưa có thời hạn
-st-cancelled = Đã hủy
-evidence = minh chứng

role-name = { $role ->
    [member] công chức
    [unit_head] phụ trách bộ phận
    [coordinator] { $office } (điều phối)
    [chairman] Chủ tịch UBND
    [province_leader] Lãnh đạo tỉnh
    [province_reviewer] Sở Nội vụ (theo dõi)
   *[other] { $role }
}
state-label = { $state ->
    [open] { -st-open }
    [in_progress] { -st-in-progress }
    [submitted] { -st-waiting }
    [done] { -st-done }
    [done-on-time] { -st-done-on-time }
    [done-late] { -st-done-late }
    [overdue] { -st-overdue } { $days } ngày
    [ongoing] { -st-ongoing }
    [undated] { -st-undated }
    [cancelled] { -st-cancelled }
   *[other] { $state }
}
approval-state = { $state ->
    [approved] đã được duyệt
    [rejected] đã bị từ chối hoặc trả lại
    [withdrawn] đã được rút lại
   *[other] đang chờ
}
office-unknown = văn phòng UBND
due-none = chưa có hạn
no-unit = chưa giao đơn vị

## Commands (setMyCommands)

cmd-start = Bắt đầu, kết nối tài khoản
cmd-viec = Việc của tôi
cmd-quahan = Việc quá hạn
cmd-canduyet = Việc chờ tôi duyệt
cmd-tonghop = Báo cáo tổng hợp
cmd-moi = Mời người tham gia
cmd-ngonngu = Đổi ngôn ngữ
cmd-nhiemvu = Nhiệm vụ theo văn bản
cmd-help = Hướng dẫn
cmd-chiso = Tự đánh giá chỉ số CCHC

## Onboarding

not-registered = Xin chào! Đây là trợ lý nhắc việc cải cách hành chính của UBND. Tài khoản Telegram của bạn chưa được kết nối: hãy nhờ { $office } gửi đường link mời rồi bấm vào link đó.
welcome = Chào { $name }! Bạn đã được kết nối với { $organization } với vai trò { $role }{ $unit }.
    Bot sẽ nhắc bạn trước mỗi hạn công việc. Gõ /viec để xem việc của bạn, /help để xem hướng dẫn.
welcome-back = Chào { $name }! Gõ /viec để xem việc của bạn, /help để xem hướng dẫn.
unit-suffix = , bộ phận { $unit }
invite-unknown = Mã mời không đúng. Hãy kiểm tra lại đường link hoặc xin { $office } một link mới.
invite-used = Mã mời này đã được dùng. Mỗi link chỉ dùng được một lần: hãy xin { $office } một link mới.
invite-expired = Mã mời này đã hết hạn (link có hiệu lực 7 ngày). Hãy xin { $office } một link mới.
invite-too-many-attempts = Bạn đã nhập sai mã mời { $attempts } lần trong { $window } phút. Hãy thử lại sau { $time } (khoảng { $minutes } phút nữa).
invite-already-bound = Tài khoản của bạn đã được kết nối với { $organization }.
invite-joined = 👋 { $name } đã tham gia với vai trò { $role }{ $unit }.

## Help

help-everyone = Hướng dẫn sử dụng:
    /viec – việc của bạn, sắp theo hạn
    /quahan – việc đã quá hạn
    /ngonngu – đổi ngôn ngữ
    Ở mỗi việc có các nút: Đã hoàn thành, Gửi minh chứng, Báo cáo tiến độ, Xin gia hạn.
help-coordinator = Dành cho { $office }:
    /canduyet – hoàn thành và gia hạn chờ duyệt
    /tonghop – báo cáo tổng hợp (/tonghop tắt: thôi nhận bản hằng tuần; /tonghop bật: nhận lại)
    /baocao – báo cáo kết quả (Excel)
    /moi – tạo link mời người tham gia
    /nguoi – người tham gia theo bộ phận
    /rasoat – rà soát kế hoạch vừa nhập (ngày, đơn vị chủ trì, tên đơn vị)
    /caidat – cài đặt nhắc việc: tên văn phòng, giờ gửi, số ngày nhắc, ngày nghỉ
    /chiso – tự đánh giá chỉ số CCHC: điểm, minh chứng còn thiếu, bảng tự chấm

    /nhiemvu – nhiệm vụ theo từng văn bản giao (lọc: quá hạn, xong, chưa xong, số văn bản, đơn vị)
help-chairman = Dành cho lãnh đạo:
    /canduyet – đề nghị gia hạn chờ quyết định
    /tonghop – báo cáo tổng hợp (/tonghop tắt: thôi nhận bản hằng tuần; /tonghop bật: nhận lại)
    /nhiemvu – nhiệm vụ theo từng văn bản giao (lọc: quá hạn, xong, chưa xong, số văn bản, đơn vị)

## Lists

register-title = 📚 Nhiệm vụ theo văn bản: { $count } văn bản{ $filter }
register-filter = { " " }(lọc: { $filter })
register-empty = Không có văn bản nào có nhiệm vụ phù hợp{ $filter }.
register-document = 📄 { $name }
register-summary = “{ $summary }”
register-completion = Hoàn thành { $done }/{ $total }{ $overdue ->
    [0] {""}
   *[other] { " " }· ⚠️ { $overdue } quá hạn
}
register-task = { $icon } { $title } — { $lead }{ $due }
register-task-due = { " " }— hạn { $date }
register-no-lead = chưa có đơn vị chủ trì
register-more-tasks = … và { $count } nhiệm vụ khác
register-more-documents = … và { $count } văn bản khác; lọc theo số văn bản, đơn vị hoặc “quá hạn” để xem.
register-hint = Gõ /nhiemvu quá hạn, /nhiemvu 25/TB-UBND hoặc /nhiemvu <tên đơn vị> để lọc.

tasks-title = 📋 Việc đang mở: { $count }{ $pages ->
    [1] {""}
   *[other] {" "}(trang { $page }/{ $pages })
}
tasks-empty = 🎉 Không có việc nào đang mở.
overdue-title = ⏰ Việc quá hạn: { $count }{ $pages ->
    [1] {""}
   *[other] {" "}(trang { $page }/{ $pages })
}
overdue-empty = 👍 Không có việc nào quá hạn.
task-line = { $colour } { $index }. { $number } { $title }
    Hạn: { $due } · { $state }{ $unit }
task-unit = · { $unit }
btn-done = ✅ { $index }. Đã hoàn thành
btn-evidence = 📎 Gửi minh chứng
btn-progress = 📈 Báo cáo tiến độ
btn-extend = ⏳ Xin gia hạn
btn-prev = ◀ Trang trước
btn-next = Trang sau ▶
btn-cancel = Hủy
btn-skip = Bỏ qua

## Acting on a milestone

not-allowed = ⛔ Bạn không có quyền với việc này: chỉ bộ phận chủ trì, { $office } và lãnh đạo UBND mới thao tác được.
button-stale = Nút này không còn hiệu lực. Gõ /viec để xem danh sách mới.
milestone-closed = Việc “{ $title }” { $state ->
    [done] đã hoàn thành
    [cancelled] đã bị hủy
   *[other] không còn mở
}, không cần thao tác thêm.
input-cancelled = Đã hủy.
unknown-text = Gõ /viec để xem việc của bạn hoặc /help để xem hướng dẫn.
error-generic = Có lỗi xảy ra, bạn hãy thử lại sau ít phút.

done-needs-evidence = Sản phẩm của việc “{ $title }” là văn bản ({ $product }). Hãy gửi tệp minh chứng (tài liệu hoặc ảnh, tối đa 20 MB) ngay tại đây; bot sẽ gửi đề nghị duyệt sau khi nhận tệp.
completion-submitted = ✅ Đã ghi nhận hoàn thành “{ $title }” và gửi { $office } duyệt.
completion-done = ✅ “{ $title }” đã hoàn thành.
completion-already-submitted = “{ $title }” đang chờ duyệt hoàn thành.

evidence-ask = Hãy gửi tệp minh chứng cho việc “{ $title }” (tài liệu hoặc ảnh, tối đa 20 MB), hoặc gõ số hiệu văn bản, ví dụ: Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã …
evidence-too-large = Tệp “{ $file }” lớn hơn 20 MB nên Telegram không cho bot tải về. Hãy nén lại hoặc gửi bản nhẹ hơn.
evidence-saved = 📎 Đã lưu minh chứng “{ $file }” cho việc “{ $title }”.
evidence-unexpected = Bạn muốn gửi tệp này làm minh chứng cho việc nào? Hãy bấm “Gửi minh chứng” ở việc đó (gõ /viec để xem).
evidence-failed = Không tải được tệp từ Telegram. Bạn hãy gửi lại.

evidence-reference-check =
    Bot đọc được văn bản minh chứng cho việc “{ $title }”:
    • Loại văn bản: { $type }
    • Số, ký hiệu: { $number }
    • Ngày ban hành: { $date }
    • Cơ quan ban hành: { $issuer }
    Bấm “Đúng, lưu minh chứng” để lưu, hoặc gõ lại nếu chưa đúng.
btn-reference-save = ✅ Đúng, lưu minh chứng
evidence-reference-saved = 📑 Đã lưu minh chứng “{ $citation }” cho việc “{ $title }”.
evidence-reference-duplicate = Văn bản “{ $citation }” đã có trong minh chứng của việc “{ $title }”.
evidence-reference-bad = { $reason ->
    [no-number] Chưa thấy số, ký hiệu văn bản (ví dụ 15/KH-UBND).
    [no-date] Chưa thấy ngày ban hành (ví dụ ngày 20/01/2026).
    [impossible-date] Ngày ban hành không có thật trên lịch, bạn kiểm tra lại.
    [no-issuer] Chưa thấy cơ quan ban hành (ví dụ “của UBND xã Gio Sơn”).
   *[other] Chưa đọc được văn bản.
} Hãy gửi tệp, hoặc gõ theo mẫu: Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã …

progress-ask = Việc “{ $title }” đã làm được bao nhiêu?
progress-saved = 📈 Đã ghi tiến độ { $percent }% cho “{ $title }”. Bạn có thể gõ thêm ghi chú, hoặc bấm Bỏ qua.
progress-note-saved = 📝 Đã ghi chú cho “{ $title }”.

extension-ask-date = Bạn xin gia hạn “{ $title }” (hạn hiện tại { $due }) đến ngày nào? Ví dụ: 15/3, thứ 6 tuần sau, cuối tháng.
extension-bad-date = Chưa hiểu “{ $text }” là ngày nào. Hãy gõ lại, ví dụ: 15/3, ngày 15 tháng 3, 2 tuần nữa.
extension-impossible-date = “{ $text }” không phải là một ngày có thật. Hãy gõ lại.
extension-not-later = Ngày mới ({ $date }) phải sau hạn hiện tại ({ $due }). Hãy gõ lại.
date-past = “{ $text }” là { $date }, ngày đã qua. Hãy gõ một ngày từ hôm nay trở đi.
date-ambiguous = “{ $text }” có thể là nhiều ngày. Bạn chọn ngày nào?
date-weekday-mismatch = “{ $text }”: { $date }, không phải { $written }. Bạn chọn ngày nào?
extension-ask-reason = Gia hạn đến { $date }. Lý do xin gia hạn là gì?
extension-submitted = ⏳ Đã gửi đề nghị gia hạn “{ $title }” đến { $date }. Bot sẽ báo khi có quyết định.
extension-already-pending = “{ $title }” đã có một đề nghị gia hạn đang chờ quyết định.

## Approvals

approval-completion-request = 📝 { $person } ({ $unit }) báo hoàn thành:
    { $number } { $title }
    Hạn: { $due } · Báo ngày: { $submitted } · Minh chứng: { $evidence } tệp
approval-extension-request = ⏳ { $person } ({ $unit }) xin gia hạn:
    { $number } { $title }
    Hạn hiện tại: { $due } → đề nghị: { $date }
    Lý do: { $reason }
btn-approve = ✔️ Duyệt
btn-return = ↩️ Trả lại
btn-grant = ✔️ Đồng ý
btn-deny = ✖️ Không đồng ý
approval-decided = { $decision ->
    [approved] ✔️ Đã duyệt
    [returned] ↩️ Đã trả lại
    [granted] ✔️ Đã đồng ý gia hạn
   *[denied] ✖️ Không đồng ý gia hạn
} ({ $person }).
approval-already-decided = Đề nghị này { $state }.
approval-stale = Hạn của việc này đã thay đổi sau khi có đề nghị; đề nghị không còn hiệu lực.
return-ask-comment = Lý do trả lại “{ $title }” là gì? Người báo hoàn thành sẽ nhận được lời nhắn này.
notify-completion-approved = ✅ Việc “{ $title }” đã được duyệt hoàn thành.
notify-completion-returned = ↩️ Việc “{ $title }” bị trả lại: { $comment }
notify-extension-granted = ⏳ Đề nghị gia hạn “{ $title }” đến { $date } đã được đồng ý. Nhắc việc sẽ theo hạn mới.
notify-extension-denied = Đề nghị gia hạn “{ $title }” không được đồng ý. Hạn vẫn là { $due }.
pending-title = 🗂 Chờ bạn duyệt: { $count }
pending-empty = Không có gì chờ bạn duyệt.

## Digest

digest-not-allowed = Chỉ { $office } và lãnh đạo UBND xem được báo cáo tổng hợp.
digest-weekly-off = Đã thôi gửi báo cáo tổng hợp hằng tuần cho bạn, trên mọi kênh (Telegram, Zalo, thư điện tử). Nhắc việc và thông báo vẫn gửi như thường; /tonghop vẫn xem được lúc cần. Gõ /tonghop bật để nhận lại.
digest-weekly-off-already = Bạn đã thôi nhận báo cáo tổng hợp hằng tuần từ trước. Gõ /tonghop bật để nhận lại.
digest-weekly-on = Đã bật lại báo cáo tổng hợp hằng tuần cho bạn, trên mọi kênh bạn có.
digest-weekly-on-already = Bạn đang nhận báo cáo tổng hợp hằng tuần. Gõ /tonghop tắt để thôi nhận.
digest-switch-unknown = Chưa hiểu “{ $text }”. Gõ /tonghop để xem báo cáo tổng hợp, /tonghop tắt để thôi nhận bản hằng tuần, /tonghop bật để nhận lại.
digest-title = 📊 Tổng hợp tuần { $week }
digest-counts = 🔵 Đúng tiến độ: { $onTrack }
    🟡 Đến hạn trong tuần: { $dueThisWeek }
    🔴 { -st-overdue }: { $overdue }
    🟢 { -st-done-on-time }: { $doneOnTime }
    🟠 { -st-done-late }: { $doneLate }
digest-ongoing = 🔁 { -st-ongoing }: { $count }
digest-no-date = ⚪ { -st-undated }: { $count }
digest-source = 📄 Theo { $source }: { $count } việc quá hạn
digest-source-plan = kế hoạch năm
digest-unit = ⏰ { $unit } ({ $count } việc quá hạn)
digest-item = { "  " }- { $number } { $title }: hạn { $due }, quá { $days } ngày
digest-more = … và { $count } việc quá hạn khác (/quahan)

## Reminders (sent by the worker)

reminder-source = { "   " }↳ Theo { $source }
reminder-title = 🔔 Nhắc việc: { $count } việc
reminder-line = { $index }. { $kind ->
    [start] Bắt đầu thực hiện
    [reminder] Sắp đến hạn
    [due] Đến hạn hôm nay
    [overdue] Đã quá hạn
    [escalation] Quá hạn, cần chỉ đạo
    [checkin] Báo cáo tiến độ tháng
   *[other] Việc cần làm
}: { $number } { $title }{ $unit }{ $due }{ $late }
reminder-unit = { " " }[{ $unit }]
reminder-due = { " " }– hạn { $date }
reminder-late = { " " }(quá { $days } ngày)
# The due day is a day off: the due-day send goes the working day before and says which day it is and why.
reminder-due-day-off = { " " }– hạn { $date } (nghỉ { $reason })
reminder-line-due-ahead = { $index }. Đến hạn { $when }: { $number } { $title }{ $unit }{ $due }{ $late }
reminder-weekend = cuối tuần
reminder-tomorrow = ngày mai
reminder-supporting = { " " }(bộ phận bạn là đơn vị phối hợp)
# The unit meant to receive this has nobody reachable; the coordinator gets it instead.
reminder-no-recipient = { " " }⚠️ Chưa có người nhận ở { $units }, hãy mời người nhận (/moi).
calendar-unpublished = 📅 Lịch nghỉ Tết { $year } chưa được công bố; nhắc việc đang tính theo luật (nghỉ Tết từ { $first } đến { $last }, các ngày lễ theo Bộ luật Lao động).
needs-date-title = 📅 { $count } việc chưa có thời hạn, cần đặt ngày:
needs-date-line = - { $number } { $title }{ $written }
needs-date-more = … và { $count } việc khác
unreachable-person = ⚠️ Không gửi được nhắc việc cho { $name }: người này đã chặn bot hoặc xóa cuộc trò chuyện. Hãy liên hệ trực tiếp.
unreachable-person-email = ⚠️ Không gửi được nhắc việc cho { $name }: hộp thư của người này từ chối nhận thư. Hãy liên hệ trực tiếp hoặc nhập lại địa chỉ email.

## Language

language-ask = Chọn ngôn ngữ / Choose a language:
# Each language is named in itself, so a reader of either finds theirs.
btn-language-vi = 🇻🇳 Tiếng Việt
btn-language-en = 🇬🇧 English
language-set = Đã chuyển sang tiếng Việt.

## Invites from the chat

invite-not-allowed = Chỉ { $office } tạo được link mời.
invite-choose-role = Mời người tham gia với vai trò nào?
invite-choose-unit = Người này thuộc bộ phận nào?
invite-no-units = Chưa có bộ phận nào: hãy nhập kế hoạch trước.
invite-created = 🔗 Link mời { $role }{ $unit }, dùng một lần, hết hạn ngày { $expires }:
    { $link }

## Typed dates (parse-dates)

date-error = { $reason ->
    [ambiguous] có thể là nhiều ngày, hãy chọn
    [empty] dòng trống
    [impossible-date] không có ngày này
   *[unknown] không hiểu ngày này
}

## Importing a plan from the chat

import-reading = ⏳ Đang đọc “{ $file }”…
import-preview-new = 📄 Kế hoạch mới “{ $title }” ({ $year }):
import-preview-update = 📄 Cập nhật kế hoạch “{ $title }” ({ $year }):
import-preview-document-new = 📄 Văn bản mới: { $source }
import-preview-document-update = 📄 Văn bản đã nhập trước đây: { $source }
import-document-summary = “{ $summary }”
import-task-line = { $index }. { $title } — chủ trì: { $lead }; hạn: { $deadline }
import-task-no-lead = ⚠️ cần chọn đơn vị chủ trì
import-task-no-date = ⚠️ cần đặt thời hạn
import-tasks-more = … và { $count } nhiệm vụ nữa
import-needs-receipt = • { $count } nhiệm vụ tính hạn “kể từ ngày nhận được văn bản”: gõ ngày nhận (ví dụ 03/12/2026) để tính hạn trước khi xác nhận.
import-received-on = • Ngày nhận văn bản: { $date }
import-counts = • { $tasks } nhiệm vụ, { $milestones } mốc thời hạn
    • { $needsDate } nhiệm vụ cần đặt hoặc xem lại thời hạn
    • { $units } đơn vị được nhắc đến
import-new-units = • { $count } tên đơn vị mới: { $names }
import-unassigned = • { $count } nhiệm vụ chưa có đơn vị chủ trì
import-warnings = • { $count } nhiệm vụ có cảnh báo
import-no-changes = • Không có gì thay đổi so với lần nhập trước
import-added = • Thêm { $count }: { $tasks }
import-removed = • Bỏ { $count }: { $tasks }
import-moved = • Đổi hạn { $task }: “{ $from }” → “{ $to }”
import-changed = • Sửa nội dung { $count }: { $tasks }
import-confirm-question = Chưa có gì được lưu. Bấm “Xác nhận” để áp dụng và lên lịch nhắc việc.
import-too-many-tasks = ⚠️ Kế hoạch này có { $tasks } nhiệm vụ, nhiều hơn giới hạn { $limit } nhiệm vụ của một kế hoạch: có thể tệp đã bị đọc sai. Chưa có gì được lưu.
    Xác nhận nhập { $tasks } nhiệm vụ?
btn-import-confirm = ✅ Xác nhận
btn-import-tasks = Nhập { $tasks } nhiệm vụ
import-applied = ✅ Đã lưu kế hoạch: { $tasks } nhiệm vụ, { $milestones } mốc thời hạn; nhắc việc đã được lên lịch.
import-cancelled = Đã hủy, kế hoạch không thay đổi.
import-nothing-assigned = ℹ️ Không có gì được nhập: { $reason }.
import-failed = ❌ Không đọc được tệp: { $error }
import-file-changed = Tệp không còn như lúc xem trước; hãy gửi lại.
import-unsupported = ❌ “{ $file }” không phải loại tệp kế hoạch bot đọc được ({ $extensions }).
import-not-allowed = Chỉ { $office } nhập được kế hoạch. Nếu đây là minh chứng, hãy bấm “Gửi minh chứng” ở việc tương ứng (/viec).

## Reviewing an import (/rasoat)

cmd-rasoat = Rà soát kế hoạch vừa nhập
review-title = 🧭 Cần xử lý: { $count } mục (mục { $index }/{ $count })
review-empty = ✅ Không còn gì cần xử lý.
review-date = 📅 { $number } { $title } chưa có ngày hoàn thành. Kế hoạch ghi: “{ $written }”.
review-lead = 👥 { $number } { $title } chưa có đơn vị chủ trì.{ $proposed }
review-proposed = { " " }Kế hoạch gợi ý: { $names }.
review-unit = 🏷 “{ $name }” ({ $count } nhiệm vụ) chưa khớp bộ phận nào. Đây là tên khác của một bộ phận, hay là một bộ phận riêng?
review-no-recipient-tasks = Bộ phận này chủ trì hoặc phối hợp { $count } nhiệm vụ đang mở; nhắc việc của họ đang được gửi cho điều phối viên.
review-warnings = ⚠️ { $number } { $title }:
    { $warnings }
btn-review-set-date = 📅 Đặt ngày
btn-review-skip = Bỏ qua ▶
btn-review-keep = Là bộ phận riêng
btn-review-merge = = { $unit }
btn-review-seen = 👍 Đã xem
review-receipt = 📨 { $document }: { $count } nhiệm vụ tính hạn “kể từ ngày nhận văn bản”, chưa có ngày nhận văn bản.
btn-review-set-receipt = 📨 Nhập ngày nhận
review-ask-receipt = Nhập ngày nhận văn bản { $document } (ví dụ: 05/12/2026, hôm qua):
review-receipt-set = ✅ Ngày nhận văn bản { $document }: { $date }. { $count } nhiệm vụ tính hạn từ ngày nhận; nhắc việc đã được lên lịch.
review-receipt-task = • { $number } { $title }: hạn { $dates }
receipt-future = Ngày nhận văn bản “{ $text }” là { $date }, ngày chưa đến. Hãy gõ ngày văn bản đến cơ quan, ví dụ 05/12/2026.
receipt-not-a-day = Ngày nhận văn bản là một ngày, “{ $text }” thì không. Hãy gõ lại, ví dụ 05/12/2026.
receipt-bad-date = Chưa hiểu ngày nhận văn bản “{ $text }”. Hãy gõ lại, ví dụ: 05/12/2026, 5/12, hôm qua.
review-ask-date = Nhập ngày hoàn thành cho { $number } (ví dụ: 15/3, cuối quý 2, 30/6/2025):
review-date-set = ✅ { $number }: hạn { $date }; nhắc việc đã được lên lịch.
review-lead-set = ✅ { $number }: đơn vị chủ trì là { $unit }.
review-merged = ✅ “{ $from }” là tên khác của “{ $into }”; lần nhập sau sẽ tự nhận ra.
review-kept = ✅ “{ $name }” là một bộ phận riêng.
review-seen = 👍 Đã ghi nhận.

## Reports (/baocao, export)

cmd-baocao = Báo cáo kết quả (Excel)
report-not-allowed = Chỉ { $office } và lãnh đạo UBND xuất được báo cáo.
report-caption = 📊 Báo cáo kết quả thực hiện công tác CCHC – { $organization }, ngày { $date }
report-empty = Chưa có nhiệm vụ nào để báo cáo.
report-sheet-results = Kết quả thực hiện
report-col-number = TT
report-col-task = Nhiệm vụ
report-col-milestone = Mốc
report-col-product = Kết quả/Sản phẩm
report-col-lead = Đơn vị chủ trì
report-col-due = Thời hạn
report-col-state = Trạng thái
report-col-rating = Đánh giá
report-col-completed = Ngày hoàn thành
report-col-days-late = Số ngày trễ
report-col-assignee = Người thực hiện
report-col-evidence = Minh chứng
report-col-total = Tổng số
report-rating = { $colour ->
    [green] { -st-done-on-time }
    [blue] { -st-in-progress }
    [orange] { -st-done-late }
    [red] { -st-overdue }
   *[other] { -st-undated }
}

report-title = BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH
report-as-of = (Tính đến ngày { $date })
report-page = Trang
report-ongoing = { -st-ongoing }
report-section-total = Cộng mục { $section }
report-grand-total = TỔNG CỘNG
report-tally-line = { $total } mốc: hoàn thành { $done } ({ $rate }), trong đó trễ hạn { $late }; quá hạn { $overdue }; đang thực hiện { $pending }; thường xuyên { $ongoing }
report-summary-title = TỔNG HỢP THEO MỤC VÀ THEO ĐƠN VỊ CHỦ TRÌ
report-by-section = Theo mục của kế hoạch
report-by-unit = Theo đơn vị chủ trì
report-col-group = Mục / Đơn vị
report-col-done = Hoàn thành
report-col-rate = Tỷ lệ hoàn thành
report-col-done-late = Trong đó trễ hạn
report-col-overdue = { -st-overdue }
report-col-in-progress = { -st-in-progress }
report-col-ongoing = { -st-ongoing }
report-place-date = ……, ngày …… tháng …… năm ……
report-signer-preparer = NGƯỜI LẬP BIỂU
report-signer-head = CHỦ TỊCH
report-sign-hint = (Ký, ghi rõ họ tên)
report-sign-seal = (Ký tên, đóng dấu)
report-choose = Chọn báo cáo cần xuất:
btn-report-period = 📝 Báo cáo CCHC { $period } (Word)
report-docx-caption = 📝 Báo cáo kết quả thực hiện công tác CCHC { $period } – { $organization }. Các đoạn trong [ngoặc vuông] để cán bộ tự viết trước khi trình ký.

## Digest chart

chart-title = Tiến độ theo đơn vị – tuần { $week }
chart-on-time = Đúng hạn
chart-late = Trễ hạn
chart-overdue = { -st-overdue }
chart-ongoing = { -st-ongoing }

## People (/nguoi)

cmd-nguoi = Người tham gia
people-title = 👥 Người tham gia – { $organization }
people-unit = 🏢 { $unit }
people-leaders = 🏛 Lãnh đạo và điều phối
people-person = { "  " }{ $state ->
    [unreachable] ⚠️
   *[joined] ✅
} { $name } ({ $role }){ $state ->
    [unreachable] { " " }– đã chặn bot, không nhận được nhắc việc
   *[joined] {""}
}
people-invited = { "  " }✉️ { $name } ({ $role }) – đã mời, chưa tham gia, link hết hạn { $expires }
people-invited-unnamed = chưa rõ tên
people-empty-unit = { "  " }(chưa có ai)
btn-people-deactivate = ⛔ { $name }
people-deactivate-ask = Ngừng nhắc việc cho { $name }? Người này sẽ không còn vai trò nào; việc của bộ phận vẫn giữ nguyên. Có thể mời lại sau.
btn-people-deactivate-confirm = Ngừng nhắc việc
people-deactivated = Đã ngừng nhắc việc cho { $name }.
people-unit-empty = ⚠️ Bộ phận { $unit } không còn ai nhận nhắc việc. Hãy mời người thay:
btn-people-invite-replacement = Mời người cho { $unit }
people-not-self = Không thể tự ngừng tài khoản của mình.

## Web app

cmd-web = Mở bảng điều khiển trên web
web-link-message = Liên kết đăng nhập bảng điều khiển (dùng một lần, hết hạn sau 10 phút):
    { $url }
web-open-button = Mở bảng điều khiển
web-menu-button = Bảng điều khiển
web-skip = Bỏ qua, đến nội dung chính
web-nav-label = Điều hướng
web-nav-plan = Kế hoạch
web-nav-overview = Tổng quan
web-sign-out = Đăng xuất
web-signed-out = Bạn đã đăng xuất.
web-plan-title = Kế hoạch CCHC – { $org }
web-col-number = STT
web-col-task = Nhiệm vụ
web-col-activity = Hoạt động, sản phẩm
web-col-lead = Chủ trì
web-col-support = Phối hợp
web-col-deadline = Thời hạn
web-col-state = Trạng thái
web-col-days-late = Số ngày trễ
web-filter-unit = Đơn vị chủ trì
web-filter-state = Trạng thái
web-filter-section = Phần
web-filter-from = Hạn từ ngày
web-filter-to = Đến ngày
web-filter-search = Tìm kiếm
web-filter-all = Tất cả
web-filter-apply = Lọc
web-filter-clear = Bỏ lọc
web-plan-count = { $shown }/{ $total } mốc việc của { $tasks } nhiệm vụ
web-plan-empty = Không có việc nào khớp bộ lọc.
web-state-name = { $state ->
    [open] { -st-open }
    [in_progress] { -st-in-progress }
    [submitted] { -st-waiting }
    [done] { -st-done }
    [overdue] { -st-overdue }
    [cancelled] { -st-cancelled }
   *[other] { $state }
}
web-schedule = Thời hạn và trạng thái
web-start = Bắt đầu
web-written = Thời hạn ghi trong kế hoạch
web-product = Sản phẩm
web-progress = Tiến độ
web-days-late = trễ { $days } ngày
web-pending-completion-title = Báo hoàn thành chờ duyệt
web-pending-completion = { $person } báo hoàn thành lúc { $date }, kèm { $evidence } { -evidence }.
web-approve = Duyệt hoàn thành
web-return = Trả lại
web-return-comment = Lý do trả lại (người báo sẽ nhận được)
web-return-needs-comment = Hãy ghi lý do trả lại.
web-pending-extension-title = Đề nghị gia hạn
web-pending-extension = { $person } xin gia hạn đến { $date }. Lý do: { $reason }
web-grant = Đồng ý gia hạn
web-deny = Không đồng ý
web-comment = Ghi chú (không bắt buộc)
web-set-date = Đặt thời hạn
web-set-date-hint = Gõ ngày như trong chat: 15/9/2025, cuối quý 3, thứ 6 tuần sau
web-set-date-button = Lưu thời hạn
web-date-unknown = Không hiểu ngày “{ $text }”. Thử “15/9/2025” hoặc “cuối quý 3”.
web-date-choose = “{ $text }” có thể là: { $choices }. Hãy gõ đúng ngày muốn đặt.
web-date-weekday-mismatch = “{ $text }”: { $date }, không phải { $written }. Hãy gõ đúng ngày muốn đặt: { $choices }.
web-evidence = Minh chứng
web-evidence-none = Chưa có { -evidence }.
web-notes = Ghi chú tiến độ
web-notes-none = Chưa có ghi chú tiến độ.
web-events = Nhật ký
web-event = { $action ->
    [imported] Nhập từ kế hoạch
    [deadline-moved] Đổi thời hạn
    [completion-submitted] Báo hoàn thành
    [completed] Hoàn thành
    [completion-approved] Được duyệt hoàn thành
    [completion-returned] Bị trả lại
    [evidence-attached] Gửi { -evidence }
    [progress] Báo tiến độ
    [progress-note] Ghi chú tiến độ
    [extension-requested] Xin gia hạn
    [extension-approved] Được gia hạn
    [extension-refused] Không được gia hạn
    [lead-assigned] Giao đơn vị chủ trì
   *[other] { $action }
}
web-done = { $what ->
    [approve] Đã duyệt hoàn thành; người báo đã được nhắn trong Telegram.
    [return] Đã trả lại; người báo đã được nhắn trong Telegram.
    [grant] Đã đồng ý gia hạn.
    [deny] Đã không đồng ý gia hạn.
    [date] Đã lưu thời hạn mới.
    [lead] Đã đổi đơn vị chủ trì; người của các bộ phận đã được nhắn trong Telegram.
   *[other] Đã lưu.
}
web-closed = Việc đã hoàn thành hoặc đã hủy, không đổi được.
web-bad-request = Yêu cầu không hợp lệ.
web-overview-title = Tổng quan – { $org }
web-overview-per-unit = Mốc việc theo đơn vị chủ trì
web-overview-attention = Cần xử lý
web-overview-overdue = Việc quá hạn
web-overview-none-overdue = Không có việc quá hạn.
web-error-title = Không thực hiện được
web-csrf = Biểu mẫu đã cũ hoặc không hợp lệ, thay đổi chưa được lưu. Hãy tải lại trang rồi làm lại.
web-not-found-title = Không tìm thấy
web-not-found = Không tìm thấy trang này, hoặc bạn không có quyền xem.
web-signin-title = Đăng nhập nhacviec
web-signin-link-intro = Bấm nút dưới đây để đăng nhập bằng liên kết vừa nhận trong Telegram. Liên kết chỉ dùng được một lần.
web-signin-button = Đăng nhập
web-signin-refused = Liên kết không hợp lệ, đã được dùng hoặc đã hết hạn. Gõ /web trong Telegram để nhận liên kết mới.
web-signin-needed = Hãy mở bảng điều khiển từ Telegram (nút “Mở bảng điều khiển”), hoặc gõ /web trong chat với bot để nhận liên kết đăng nhập.
web-signin-rate-limited = Quá nhiều lần thử đăng nhập. Hãy đợi vài phút rồi thử lại.
web-mini-app-wait = Đang đăng nhập…
web-mini-app-missing = Trang này cần được mở từ Telegram.
web-mini-app-refused = Không đăng nhập được: tài khoản Telegram này chưa được kết nối với nhacviec.
web-section = Phần { $section }
web-nav-import = Nhập kế hoạch
web-import-title = Nhập kế hoạch
web-import-file = Tệp kế hoạch ({ $extensions })
web-import-preview = Xem trước
web-import-no-file = Hãy chọn một tệp kế hoạch.
web-receipt-label = Ngày nhận văn bản
web-receipt-none = chưa nhập
web-receipt-awaiting = { $count } nhiệm vụ tính hạn kể từ ngày nhận văn bản đang chờ ngày này
web-receipt-set = Lưu ngày nhận
web-receipt-correct = Sửa ngày nhận
web-receipt-saved = Đã lưu ngày nhận văn bản: hạn của các nhiệm vụ tính từ ngày nhận đã được cập nhật, nhắc việc đã lên lịch.
web-receipt-empty = Ngày nhận văn bản: hãy chọn một ngày.
web-receipt-choose = Ngày nhận văn bản “{ $text }” có thể là: { $choices }. Hãy gõ đủ ngày/tháng/năm.
web-receipts-waiting = Văn bản chờ ngày nhận ({ $count })
web-import-received-on = Ngày nhận văn bản (không bắt buộc; để tính hạn “kể từ ngày nhận văn bản”)
web-import-confirm = Xác nhận và lên lịch nhắc việc
web-import-cancel = Hủy

## Send kinds and recipients (preview)

send-kind = { $kind ->
    [start] mở đầu thời hạn
    [reminder] nhắc việc
    [due] đến hạn hôm nay
    [overdue] quá hạn (báo bộ phận)
    [escalation] quá hạn (báo cấp trên)
    [checkin] hỏi tiến độ hằng tháng
    [digest] tổng hợp tuần cho Chủ tịch
    [needs-date] danh sách việc chưa có ngày
   *[other] { $kind }
}
send-recipient = { $role ->
    [member] bộ phận
    [coordinator] điều phối viên
    [chairman] Chủ tịch
   *[other] { $role }
}
preview-line = { $when }  { $kind } → { $to }{ $task }{ $due }
preview-due = { " " }(hạn { $date })
preview-supporting = { $unit } (phối hợp)
preview-stand-in = { $people } (điều phối viên, chưa có người nhận ở { $unit })
preview-nobody = không ai nhận ({ $to } chưa có người)

## Web app: units and people, lead changes, reports

web-nav-people = Đơn vị và người
web-nav-register = Nhiệm vụ theo văn bản
web-register-title = Nhiệm vụ theo văn bản – { $org }
web-register-source = Văn bản
web-register-unit = Đơn vị (chủ trì hoặc phối hợp)
web-register-count = { $count } văn bản
web-register-empty = Không có văn bản nào có nhiệm vụ phù hợp.
web-register-completion = Hoàn thành { $done }/{ $total }{ $overdue ->
    [0] {""}
   *[other] { " " }· { $overdue } quá hạn
}
web-register-workbook = Tải bảng kết quả (.xlsx)
web-register-standing = { $standing ->
    [done] { -st-done }
    [overdue] { -st-overdue }
   *[open] { -st-in-progress }
}
web-nav-reports = Báo cáo
web-people-title = Đơn vị và người – { $org }
web-people-leaders = Lãnh đạo và điều phối
web-people-none = Chưa có ai.
web-people-unreachable = không nhắn được
web-people-tasks = chủ trì { $lead }, phối hợp { $support } nhiệm vụ
web-people-aliases = Tên gọi khác: { $aliases }
web-people-deactivate = Ngừng nhắc việc
web-people-units = Các bộ phận
web-deactivate-title = Ngừng nhắc việc cho { $name }
web-deactivated = Đã ngừng nhắc việc cho { $name }; người này đã bị đăng xuất khỏi bảng điều khiển.
web-unit-empty = Bộ phận { $unit } không còn ai nhận nhắc việc: hãy mời người thay.
web-cancel = Quay lại
web-invite-title = Mời người tham gia
web-invite-result = Lời mời vừa tạo
web-invite-role = Vai trò
web-invite-unit = Bộ phận (cho công chức và phụ trách bộ phận)
web-invite-unit-none = Không (lãnh đạo, điều phối)
web-invite-name = Họ tên (không bắt buộc)
web-invite-button = Tạo lời mời
web-invite-created = Đã tạo lời mời { $role }{ $unit }, dùng một lần, hết hạn ngày { $expires }. Gửi liên kết này cho người được mời:
web-invite-code = Hoặc người đó gõ trong chat với bot: /start { $code }
web-invite-needs-unit = Công chức và phụ trách bộ phận phải thuộc một bộ phận: hãy chọn bộ phận.
web-merge-title = Gộp hai bộ phận
web-merge-hint = Bộ phận thứ nhất gộp vào bộ phận thứ hai: việc, người và lời mời chuyển sang; tên cũ thành tên gọi khác cho các lần nhập sau.
web-merge-from = Bộ phận gộp đi
web-merge-into = Gộp vào
web-merge-button = Gộp
web-merge-same = Hãy chọn hai bộ phận khác nhau.
web-merged = Đã gộp “{ $from }” vào “{ $into }”.
web-split-title = Tách ô ghi nhiều bộ phận
web-split-hint = Ô chủ trì hoặc phối hợp của kế hoạch ghi nhiều bộ phận trong một tên. Mỗi dòng một bộ phận; việc của ô chuyển cho từng bộ phận.
web-split-parts = Tách “{ $unit }” thành (mỗi dòng một bộ phận)
web-split-button = Tách
web-split-done = Đã tách “{ $from }” thành: { $into }.
web-split-none = Không có bộ phận nào mang tên ghép nhiều bộ phận.
web-lead-title = Đổi đơn vị chủ trì
web-lead-unit = Đơn vị chủ trì mới
web-lead-button = Đổi chủ trì
web-lead-same = { $unit } đã là đơn vị chủ trì.
notify-lead-gained = 📌 Bộ phận { $unit } được giao chủ trì nhiệm vụ “{ $title }” (hạn { $due }). Gõ /viec để xem.
notify-lead-lost = ℹ️ Nhiệm vụ “{ $title }” nay do { $unit } chủ trì; bộ phận { $old } không còn chủ trì nhiệm vụ này.
notify-deadline-moved = 📅 Hạn nhiệm vụ { $number } “{ $title }” ({ $unit }) đổi từ { $from } sang { $to }.
notify-plan-applied = 📥 { $person } đã áp dụng { $created ->
    [yes] văn bản mới
   *[no] bản cập nhật của
} “{ $title }”: { $tasks } nhiệm vụ, { $added } mới, { $removed } bỏ, { $moved } đổi hạn.
notify-plan-applied-by-system = hệ thống
notify-stand-in = ⚠️ Chưa có người nhận ở { $unit }, bạn nhận thay (hãy mời người nhận: /moi):
web-reports-title = Báo cáo – { $org }
web-reports-workbook = Bảng kết quả thực hiện kế hoạch
web-reports-workbook-hint = Mọi mốc việc với trạng thái, số ngày trễ và { -evidence }, tính đến ngày { $date }.
web-reports-cchc = Báo cáo kết quả CCHC (Nghị định 30/2020/NĐ-CP)
web-reports-cchc-hint = Kết quả trong kỳ và nhiệm vụ kỳ sau, theo thể thức văn bản hành chính.
web-reports-download = Tải { $format }
web-reports-failed = Không tạo được tệp: { $error }
## Office settings (/caidat and the web settings page)

cmd-caidat = Cài đặt nhắc việc của văn phòng
settings-title = ⚙️ Cài đặt nhắc việc của { $office }
settings-pick = Bấm một mục để thay đổi.
settings-field-officeName = Tên văn phòng
settings-field-sendTime = Giờ gửi
settings-field-workingDaysBefore = Nhắc trước hạn (ngày làm việc)
settings-field-overdueSteps = Báo quá hạn sau (ngày làm việc): bộ phận / văn phòng / Chủ tịch
settings-field-remindSupportingUnits = Nhắc đơn vị phối hợp
settings-field-weeklyDigestDay = Ngày gửi tổng hợp tuần
settings-field-weeklyDigestTo = Người nhận tổng hợp tuần
settings-field-dayOff = Thêm ngày nghỉ riêng
settings-field-workingDay = Thêm ngày làm việc (làm bù)
settings-field-clearDay = Bỏ một ngày riêng đã thêm
settings-field-days = Ngày riêng của đơn vị
settings-line = { $label }: { $value }
settings-unset = (chưa đặt)
settings-yes = có
settings-no = không
settings-to-chairman = Chủ tịch
settings-to-coordinators = Văn phòng
settings-to-both = Cả hai
settings-days-none = không có
settings-days = nghỉ: { $off }; làm việc: { $working }
settings-ask-officeName = Gõ tên văn phòng, ví dụ: Văn phòng HĐND và UBND xã
settings-ask-sendTime = Gõ giờ gửi (HH:MM), ví dụ: 07:30
settings-ask-workingDaysBefore = Gõ các số ngày làm việc trước hạn sẽ nhắc, cách nhau bằng dấu /, ví dụ: 14/7/3/1
settings-ask-overdueSteps = Gõ 3 số ngày làm việc sau hạn để báo bộ phận / văn phòng / Chủ tịch, ví dụ: 1/3/7
settings-ask-dayOff = Gõ ngày nghỉ riêng của đơn vị (dd/mm/yyyy), ví dụ: 02/01/2027
settings-ask-workingDay = Gõ ngày làm việc (làm bù) của đơn vị (dd/mm/yyyy), ví dụ: 09/01/2027
settings-ask-clearDay = Gõ ngày riêng cần bỏ (dd/mm/yyyy)
settings-ask-choice = Chọn { $label }:
settings-change = { $label }: { $before } → { $after }
settings-effect-none = Không lần nhắc sắp tới nào thay đổi.
settings-effect-retimed = { $count } lần nhắc sắp tới đổi giờ { $from } → { $to }
settings-effect-added = { $count } lần nhắc mới
settings-effect-removed = bỏ { $count } lần nhắc
settings-effect-first = lần gần nhất: { $when }
settings-effect-digest = Tổng hợp tuần tới: { $before } → { $after }
settings-confirm-ask = Áp dụng thay đổi này?
settings-confirm-button = ✅ Áp dụng
settings-applied = ✅ Đã lưu. Các lần nhắc sắp tới đã được tính lại; các lần đã gửi giữ nguyên.
settings-not-allowed = Chỉ { $office } thay đổi được cài đặt nhắc việc.
settings-same = Giá trị này giống hiện tại, không có gì thay đổi.
settings-expired = Thay đổi này không còn chờ xác nhận. Gõ /caidat để bắt đầu lại.
web-nav-settings = Cài đặt
web-settings-field = Mục cần đổi
web-settings-value = Giá trị mới
web-settings-preview-button = Xem trước
web-settings-apply-button = Áp dụng
web-settings-back = Quay lại cài đặt
## Zalo
zalo-not-registered = Xin chào! Đây là trợ lý nhắc việc cải cách hành chính của UBND. Zalo của bạn chưa được kết nối: hãy gửi vào đây mã mời mà { $office } gửi bạn. Nếu bạn đã dùng Telegram, gõ /zalo trong Telegram để lấy mã liên kết rồi gửi mã đó vào đây.
zalo-welcome-linked = Chào { $name }! Từ nay bạn nhận nhắc việc của { $organization } cả qua Zalo. Gõ “giúp” để xem hướng dẫn.
zalo-link-unknown = Mã không đúng. Hãy kiểm tra lại mã mời, hoặc gõ /zalo trong Telegram để lấy mã liên kết mới.
zalo-link-used = Mã này đã được dùng. Hãy xin mã mời mới, hoặc gõ /zalo trong Telegram để lấy mã liên kết mới.
zalo-link-expired = Mã này đã hết hạn. Hãy xin mã mời mới, hoặc gõ /zalo trong Telegram để lấy mã liên kết mới.
zalo-link-already-bound = Zalo này đã được kết nối với một người khác. Hãy liên hệ { $office }.
zalo-help = Hướng dẫn dùng trợ lý nhắc việc trên Zalo (gõ các lệnh sau):
    • việc – xem việc của bạn
    • quá hạn – xem việc quá hạn
    • xong <số> – báo xong việc số <số> trong danh sách gần nhất (ví dụ: xong 2)
    • web – nhận liên kết đăng nhập trang web
    • giúp – xem hướng dẫn này
    Mỗi việc có một liên kết đến trang của việc đó: mở để gửi minh chứng, xin gia hạn hoặc xem chi tiết.
zalo-unknown = Bot chưa hiểu tin nhắn này. Gõ “giúp” để xem các lệnh.
zalo-text-only = Bot chỉ đọc tin nhắn chữ. Gõ “giúp” để xem các lệnh.
zalo-task-link = { "   " }🔗 { $url }
zalo-list-hint = Gõ “xong <số>” để báo xong một việc, ví dụ: xong 1.
zalo-list-more = … và { $count } việc nữa: xem tất cả trên trang web (gõ “web”).
zalo-done-usage = Hãy gõ “xong” kèm số thứ tự của việc trong danh sách gần nhất, ví dụ: xong 2.
zalo-done-no-such = Không có việc số { $reference } trong danh sách gần nhất. Gõ “việc” để xem lại danh sách.
zalo-done-needs-evidence = Sản phẩm của việc “{ $title }” là văn bản ({ $product }): hãy mở trang của việc để gửi tệp minh chứng rồi báo hoàn thành ở đó:
    { $url }
zalo-web-link = Liên kết đăng nhập trang web (dùng một lần, hết hạn sau 10 phút):
    { $url }
zalo-chart-link = 📊 Biểu đồ tiến độ theo đơn vị – tuần { $week }: { $url }
zalo-code-message = Để nhận nhắc việc cả qua Zalo: mở Zalo Bot “{ $bot }” và gửi mã sau (dùng một lần, hết hạn sau 24 giờ):
zalo-not-enabled = Đơn vị chưa bật nhận nhắc việc qua Zalo.
invite-zalo-hint = Dùng Zalo? Mở Zalo Bot “{ $bot }” và gửi mã mời: { $code }
web-task-link-title = Liên kết việc
web-task-link-forged = Liên kết này không hợp lệ (đã bị sửa hoặc không do hệ thống tạo). Hãy mở liên kết trong tin nhắn nhắc việc mới nhất.
web-task-link-expired = Liên kết này đã hết hạn. Hãy mở liên kết trong tin nhắn nhắc việc mới nhất, hoặc gõ “việc” trong Zalo để nhận liên kết mới.
web-task-link-sign-in = Để mở việc này, hãy đăng nhập trước: gõ “web” trong Zalo (hoặc /web trong Telegram) rồi bấm liên kết nhận được, sau đó mở lại liên kết việc.

## PAR INDEX self-assessment (issue 27): the workbook, the evidence bundle, /chiso and the CLI
par-sheet = Tự đánh giá
par-title = BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM { $year }
par-set-line = { $title } – { $source }
par-as-of = (Số liệu tính đến ngày { $date })
par-col-code = STT
par-col-criterion = Lĩnh vực, tiêu chí, tiêu chí thành phần
par-col-max = Điểm tối đa
par-col-score = Điểm tự chấm
par-col-evidence = Tài liệu kiểm chứng
par-col-explanation = Giải trình, thuyết minh
par-field-total = Cộng lĩnh vực { $code }
par-grand-total = TỔNG ĐIỂM
par-survey = Điểm do tỉnh xác định qua điều tra xã hội học
par-automatic-share = { $kind ->
    [superior-tasks-on-time] Tính từ kết quả: { $share }% nhiệm vụ cấp trên giao hoàn thành đúng hạn
   *[plan-completion] Tính từ kết quả: hoàn thành { $share }% kế hoạch CCHC năm
}
par-automatic-outcome = Tính từ kết quả: { $outcome ->
    [on-time] đúng thời hạn
    [late] có văn bản chậm thời hạn
   *[missing] chưa đầy đủ
}
par-index-sheet = Danh mục tài liệu kiểm chứng
par-index-col-path = Tệp trong gói
par-index-col-source = Nguồn
par-from-task = Nhiệm vụ { $number }: { $title }
par-from-criterion = Gắn trực tiếp với tiêu chí
par-none = Chưa bắt đầu tự đánh giá chỉ số CCHC. Điều phối viên nhập bộ chỉ số của tỉnh và bắt đầu tự đánh giá trên trang web (mục Chỉ số CCHC) hoặc bằng lệnh nhacviec par.
par-summary = 📊 Tự đánh giá chỉ số CCHC năm { $year }
    { $title }
    Tổng điểm: { $points }/{ $max }
    { $fields }
    Thiếu tài liệu kiểm chứng: { $noEvidence } tiêu chí; chưa có điểm: { $noScore } tiêu chí.
par-summary-field = • { $code }. { $name }: { $points }/{ $max }
par-summary-deadline = Hạn tự đánh giá: { $date }.
btn-par-links = 🔗 Xác nhận nhiệm vụ theo tiêu chí
btn-par-score = ✍️ Chấm điểm tiêu chí
par-score-pick = Chọn tiêu chí để tự chấm điểm, hoặc gõ mã tiêu chí (ví dụ 1.1.1). Còn { $count } tiêu chí chưa có điểm:
    { $list }
par-score-pick-line = • { $code } { $name } (tối đa { $max })
par-score-all-scored = Mọi tiêu chí tự chấm đều đã có điểm. Gõ mã tiêu chí (ví dụ 1.1.1) để sửa điểm.
par-score-unknown = Không có tiêu chí tự chấm mã “{ $code }” trong bộ chỉ số: hãy gõ lại mã tiêu chí (ví dụ 1.1.1).
par-score-automatic = Tiêu chí { $code } được tính tự động từ kết quả thực hiện nhiệm vụ, không tự chấm: hãy gõ mã tiêu chí khác.
par-score-ask-points = Tiêu chí { $code } “{ $criterion }” (tối đa { $max } điểm). Hãy gõ điểm tự chấm, ví dụ “1,5” hoặc “đạt 1 điểm”.
par-score-scoring = Cách chấm: { $scoring }
par-score-current = Điểm đang lưu: { $points } – { $justification }
par-score-bad = { $reason ->
    [above-max] Điểm “{ $text }” vượt điểm tối đa { $max } của tiêu chí { $code }: hãy gõ lại điểm.
    [negative] Điểm “{ $text }” của tiêu chí { $code } không được âm: hãy gõ một số từ 0 đến { $max }.
   *[other] Không đọc được điểm “{ $text }” cho tiêu chí { $code }: hãy gõ một số từ 0 đến { $max }, ví dụ “1,5”.
}
par-score-ask-justification = Điểm tự chấm tiêu chí { $code }: { $points }. Hãy gõ giải trình (căn cứ chấm điểm), ví dụ “Đã ban hành Kế hoạch số 12/KH-UBND ngày 15/01/2025”.
par-score-no-justification = Điểm tự chấm cần có giải trình: hãy gõ căn cứ chấm điểm.
par-score-saved = Đã lưu điểm tự chấm tiêu chí { $code }: { $points }/{ $max } điểm, kèm giải trình.
btn-par-workbook = 📄 Bảng tự đánh giá
btn-par-bundle = 🗂 Gói minh chứng
btn-par-chase = ⏰ Đôn đốc phần còn thiếu
par-link-step = Tiêu chí { $code } “{ $criterion }” (gợi ý { $index }/{ $count })
    Nhiệm vụ { $number } “{ $task }” có phục vụ tiêu chí này không?
par-links-empty = Không còn gợi ý nào chờ xác nhận.
btn-par-yes = ✅ Có
btn-par-no = ❌ Không
btn-par-skip = ⏭ Để sau
par-link-confirmed = Đã gắn nhiệm vụ { $number } với tiêu chí { $code }: minh chứng của nhiệm vụ được tính cho tiêu chí.
par-link-rejected = Đã ghi nhận: nhiệm vụ { $number } không phục vụ tiêu chí { $code }.
par-chased = Đang đôn đốc { $count } tiêu chí còn thiếu tài liệu kiểm chứng hoặc điểm tự chấm, hạn { $date }.
par-no-deadline = Chưa đặt hạn tự đánh giá nên chưa đôn đốc được: đặt hạn trên trang web (mục Chỉ số CCHC).
par-workbook-caption = Bảng tự đánh giá chỉ số CCHC năm { $year } – { $organization }
par-bundle-caption = Gói tài liệu kiểm chứng chỉ số CCHC năm { $year } – { $organization }
web-par-title = Chỉ số CCHC
web-par-import-title = Nhập bộ chỉ số của tỉnh
web-par-province = Tỉnh (mã, ví dụ binh-duong)
web-par-year = Năm
web-par-file = Tệp bộ chỉ số (.docx, .xlsx, .pdf)
web-par-import = Nhập bộ chỉ số
web-par-imported = Đã nhập bộ chỉ số “{ $title }”: { $count } tiêu chí, phiên bản { $version }.
web-par-import-failed = Không nhập được: { $error }
web-par-start-title = Bắt đầu tự đánh giá
web-par-deadline = Hạn tự đánh giá (YYYY-MM-DD)
web-par-start = Bắt đầu
web-par-no-set = Chưa có bộ chỉ số của { $province } năm { $year }: hãy nhập bộ chỉ số trước.
web-par-suggestions = Nhiệm vụ gợi ý chờ xác nhận
web-par-total = Tổng điểm: { $points }/{ $max }
web-par-missing = Còn thiếu: { $count } tiêu chí (được đôn đốc như một hạn việc)
web-par-save = Lưu
web-par-justification = Giải trình điểm tự chấm
web-par-score-invalid = Điểm tiêu chí { $code } phải là số từ 0 đến { $max } và có giải trình.
web-par-download-xlsx = Bảng tự đánh giá (.xlsx)
web-par-download-pdf = Bảng tự đánh giá (PDF)
web-par-download-zip = Gói minh chứng (.zip)
web-par-chase = Đôn đốc phần còn thiếu
web-par-attach-file = Tệp kiểm chứng (tối đa 20 MB mỗi tệp)
web-par-attach = Đính kèm
web-par-files-saved = Đã lưu { $count } tệp kiểm chứng cho tiêu chí { $code }: { $files }.
web-par-reference = Văn bản kiểm chứng (số, ngày, cơ quan ban hành)
web-par-reference-bad = Không đọc được văn bản: cần số/ký hiệu, ngày ban hành và cơ quan ban hành.
web-par-link-yes = Đúng, phục vụ tiêu chí
web-par-link-no = Không

## Email

email-digest-subject = Tổng hợp tiến độ – tuần { $week }
email-confirm-subject = Xác nhận địa chỉ email nhận nhắc việc
email-confirm-text = Xin chào { $name },
    { $office } đã đăng ký địa chỉ email này để gửi nhắc việc cho anh/chị. Mở liên kết sau để xác nhận (hết hạn sau 7 ngày):
    { $url }
    Nếu anh/chị không yêu cầu, hãy bỏ qua thư này: sẽ không có thư nào khác được gửi đến.
email-confirm-title = Xác nhận email
email-confirm-ask = Xác nhận nhận nhắc việc tại { $address }?
email-confirm-button = Xác nhận
email-confirmed = Đã xác nhận: nhắc việc sẽ được gửi tới { $address }.
email-confirm-invalid = Liên kết xác nhận không hợp lệ hoặc đã hết hạn. Hãy nhờ điều phối viên gửi lại.
email-unsubscribe-title = Hủy nhận bản tổng hợp
email-unsubscribe-link = Ngừng nhận bản tổng hợp hằng tuần qua email
email-unsubscribe-ask = Ngừng nhận bản tổng hợp hằng tuần qua email? Nhắc việc vẫn được gửi.
email-unsubscribe-button = Ngừng nhận bản tổng hợp
email-unsubscribed = Đã ngừng gửi bản tổng hợp hằng tuần tới địa chỉ này. Nhắc việc vẫn được gửi.
email-unsubscribe-invalid = Liên kết hủy nhận không hợp lệ.
email-address-invalid = “{ $address }” không phải địa chỉ email hợp lệ.
email-address-taken = Địa chỉ { $address } đã thuộc về người khác.
email-confirmation-sent = Đã gửi thư xác nhận tới { $address }. Thư nhắc việc chỉ được gửi sau khi { $name } mở liên kết trong thư.
email-not-enabled = Đơn vị chưa bật gửi nhắc việc qua email.
email-set-usage = Cách dùng: /email <họ tên như trong /nguoi> <địa chỉ email>
web-people-email = Email
web-people-email-save = Gửi thư xác nhận
web-people-email-unconfirmed = chờ xác nhận

## Web app: what needs me first, and a member's work on a milestone

web-nav-attention = Cần xử lý
web-nav-mine = Việc của tôi
web-nav-count = việc
web-mine-empty = Bộ phận của bạn không có việc nào đang mở.
web-attention-tile-waiting = chờ quyết định
web-attention-tile-overdue = việc quá hạn
web-attention-tile-soon = đến hạn trong { $days } ngày
web-attention-waiting = Chờ quyết định ({ $count })
web-attention-none-waiting = Không có việc nào chờ quyết định.
web-attention-new-units = Tên đơn vị mới cần xác nhận ({ $count })
web-attention-new-units-hint = Gộp vào đơn vị đã có hoặc giữ làm đơn vị riêng ở trang Đơn vị và người.
web-attention-tasks = { $count } nhiệm vụ
web-attention-undated = Nhiệm vụ chưa có thời hạn ({ $count })
web-attention-overdue = Quá hạn, lâu nhất trước ({ $count })
web-attention-due-soon = Đến hạn trong { $days } ngày tới ({ $count })
web-attention-none = Không có.
web-attention-kind-completion = Báo hoàn thành
web-attention-kind-extension = Xin gia hạn
web-attention-completion = { $person } báo hoàn thành lúc { $date }.
web-attention-coordinator-decides = { $office } duyệt báo hoàn thành.
web-due-on = hạn { $date }
web-evidence-image = Ảnh minh chứng { $file }
web-evidence-pdf = Minh chứng PDF { $file }
web-evidence-open = Mở PDF
web-error-500-title = Lỗi hệ thống
web-error-500 = Có lỗi khi xử lý yêu cầu này, thay đổi chưa được lưu. Hãy thử lại sau ít phút; nếu vẫn lỗi, báo { $office }.
web-work-title = Báo cáo công việc
web-work-done = Báo hoàn thành
web-work-done-needs = Sản phẩm của việc này là văn bản ({ $product }): hãy gửi tệp hoặc số hiệu văn bản làm minh chứng trước.
web-work-done-button = Đã hoàn thành
web-work-needs-evidence = Sản phẩm của việc “{ $title }” là văn bản ({ $product }). Hãy gửi tệp minh chứng (tài liệu hoặc ảnh, tối đa 20 MB) hoặc số hiệu văn bản, rồi báo hoàn thành.
web-work-evidence = Gửi minh chứng
web-work-evidence-files = Tệp minh chứng (tài liệu hoặc ảnh, tối đa 20 MB mỗi tệp)
web-work-then-done = Gửi xong thì báo hoàn thành
web-work-evidence-button = Gửi tệp
web-work-no-file = Hãy chọn ít nhất một tệp minh chứng.
web-work-too-large = Tệp “{ $file }” lớn hơn 20 MB. Hãy nén lại hoặc gửi bản nhẹ hơn.
web-work-no-store = Máy chủ chưa được cấu hình nơi lưu minh chứng; hãy gửi tệp qua Telegram.
web-work-reference = Minh chứng là văn bản
web-work-reference-hint = Số hiệu văn bản, ví dụ: Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã …
web-work-reference-button = Lưu văn bản
web-work-progress = Báo cáo tiến độ
web-work-percent = Đã làm được (%)
web-work-note = Ghi chú (không bắt buộc)
web-work-progress-button = Lưu tiến độ
web-work-progress-saved = 📈 Đã ghi tiến độ { $percent }% cho “{ $title }”.
web-work-bad-percent = Hãy nhập tiến độ là một số từ 0 đến 100.
web-work-extend = Xin gia hạn
web-work-extend-date = Đến ngày (gõ như trong chat: 15/3, thứ 6 tuần sau, cuối tháng)
web-work-extend-choose = Chọn ngày
web-work-extend-reason = Lý do xin gia hạn
web-work-extend-button = Gửi đề nghị gia hạn
web-work-reason-needed = Hãy ghi lý do xin gia hạn.
web-attention-extension-asked = đã xin gia hạn đến { $date }
web-not-found-home = Về trang đầu
## Refusals: what a service refused, by kind and by reason (src/services/access.ts REFUSALS and REFUSAL_REASONS)
# A fragment after what was refused ("tổ chức "gio-son": không tìm thấy"), or the whole line on the web.

refusal-not-found = không tìm thấy
refusal-not-allowed = không được phép
refusal-closed = đã đóng
refusal-stale = đã thay đổi từ lúc đọc, hãy thử lại
refusal-organization-unknown = không có đơn vị (tổ chức) "{ $subject }"; hãy nhập kế hoạch trước
refusal-unit-unknown = không tìm thấy bộ phận "{ $subject }"
refusal-alias-empty = tên gọi khác không được để trống
refusal-alias-taken = tên gọi "{ $subject }" đã dùng cho một bộ phận khác
refusal-units-same = hai tên này đã là một bộ phận ({ $subject })
refusal-split-part-is-unit = "{ $subject }" là chính bộ phận đang tách (hoặc một tên gọi khác của nó); hãy ghi tên từng bộ phận
refusal-split-needs-two = cần ít nhất hai tên bộ phận để tách "{ $subject }"
refusal-unit-has-people = bộ phận "{ $subject }" đã có người hoặc lời mời; chỉ tách được ô tên ghép từ kế hoạch
refusal-date-invalid = ngày không hợp lệ
refusal-start-after-due = ngày bắt đầu sau hạn hoàn thành
refusal-received-before-issued = Ngày nhận văn bản không được trước ngày ban hành văn bản ({ $subject })
refusal-received-in-future = Ngày nhận văn bản { $subject } chưa đến: hãy nhập ngày văn bản đã đến cơ quan (hôm nay hoặc trước đó)
refusal-period-unknown = "{ $subject }" không phải kỳ báo cáo; hãy viết 2026-Q3 (quý), 2026-H1 (6 tháng) hoặc 2026 (năm)
refusal-commune-unknown = "{ $subject }" không phải xã, phường thuộc tỉnh
refusal-group-unknown = tỉnh chưa có nhóm xã, phường "{ $subject }"; hãy tạo nhóm (cột "Nhóm" khi thêm xã, phường) rồi giao lại
refusal-group-name-invalid = "{ $subject }" không phải tên nhóm xã, phường

pdf-failed-no-libreoffice = Cần cài LibreOffice (lệnh soffice) trên máy chủ để xuất PDF, ví dụ: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui. Trong lúc chờ, hãy xuất .docx/.xlsx rồi in từ Word/Excel.
pdf-failed-timeout = LibreOffice chuyển sang PDF quá lâu nên đã dừng; hãy thử lại sau.
pdf-failed-failed = LibreOffice không chuyển được sang PDF; hãy xuất .docx/.xlsx rồi in từ Word/Excel.
refusal-code-unknown = mã không đúng
refusal-code-used = mã đã được dùng
refusal-code-expired = mã đã hết hạn
refusal-chat-bound = tài khoản chat này đã được kết nối với { $subject }
refusal-too-many-attempts = nhập sai mã quá nhiều lần; hãy thử lại sau
notify-province-task-assigned = 📌 Tỉnh giao nhiệm vụ “{ $title }” (hạn { $due }). Chọn bộ phận chủ trì trong mục rà soát (/rasoat).
notify-province-task-reported = { $outcome ->
    [completed] ✅ { $commune } đã hoàn thành nhiệm vụ “{ $title }”.
   *[extended] ⏳ { $commune } đã gia hạn nhiệm vụ “{ $title }” đến { $due }.
}
web-nav-province = Các xã, phường
web-province-title = Kết quả CCHC các xã, phường – { $province }
web-province-league = Bảng xếp hạng xã, phường
web-province-rank = Hạng
web-province-commune = Xã, phường
web-province-on-time = Đúng hạn
web-province-overdue = Quá hạn
web-province-days-late = Số ngày trễ
web-province-done = Hoàn thành
web-province-field = Lĩnh vực cải cách
web-province-tasks = Nhiệm vụ tỉnh giao
web-province-task-done = { $done }/{ $total } xã đã hoàn thành{ $late ->
    [0] {""}
   *[other] , { $late } xã trễ hạn
}
web-province-awaiting = ({ $count } xã chờ tỉnh duyệt)
web-province-assign = Giao nhiệm vụ cho các xã, phường
web-province-assign-button = Giao cho các xã
web-province-assigned = Đã giao { $tasks } nhiệm vụ: { $copies } bản giao đến các xã, phường.
web-province-onboard = Thêm xã, phường từ danh sách
web-province-onboard-hint = Tệp .csv hoặc .xlsx có cột “Tên xã/phường”, tùy chọn “Mã”, “Họ tên người điều phối”, “Thư điện tử” và “Nhóm”. Tải về tệp liên kết mời của từng xã; khi hệ thống có gửi thư, lời mời cũng được gửi tới địa chỉ thư của từng xã.
web-province-onboard-file = Tệp danh sách
web-province-onboard-button = Thêm và tạo liên kết mời
commune-invite-mail-subject = Lời mời làm người điều phối nhắc việc của { $commune }
commune-invite-mail-text = Xin chào{ $name },
    { $province } mời anh/chị tham gia hệ thống nhắc việc cải cách hành chính với vai trò người điều phối (đầu mối văn phòng) của { $commune }.
    Mở liên kết sau trong Telegram để nhận lời mời:
    { $link }
    Liên kết chỉ dùng được một lần, cho một người, và có hiệu lực đến { $time } ngày { $expires }. Hết hạn thì hãy xin { $province } một liên kết mới.
    Nếu anh/chị không phải người được mời, hãy bỏ qua thư này.
commune-invite-status = { $status ->
    [sent] đã gửi
    [failed] chưa gửi được
    [no-address] không có địa chỉ
   *[off] chưa bật gửi thư
}
commune-invite-mail-summary = Thư mời: { $sent } đã gửi, { $failed } chưa gửi được, { $none } không có địa chỉ.
commune-invite-mail-off = Chưa cấu hình gửi thư (SMTP_URL, EMAIL_FROM, PUBLIC_URL): không gửi thư mời nào; hãy gửi các liên kết trong tệp CSV.
web-province-invite-mail = Gửi lời mời người điều phối qua thư
web-province-invite-mail-hint = Một liên kết mời mới, dùng một lần, gửi tới địa chỉ dưới đây. Khi thư đã gửi đi, các liên kết mời người điều phối tỉnh gửi trước đó cho xã (trong tệp CSV hoặc thư trước) không dùng được nữa.
web-province-invite-mail-address = Thư điện tử
web-province-invite-mail-name = Họ tên người điều phối (nếu biết)
web-province-invite-mail-button = Gửi thư mời
web-province-invite-mailed = Đã gửi thư mời tới { $address } cho { $commune }; liên kết có hiệu lực đến ngày { $expires }.
web-province-invite-not-mailed = Chưa gửi được thư mời tới { $address }: máy chủ thư không nhận. Hãy thử lại sau, hoặc gửi liên kết từ tệp CSV.
web-province-back = ← Bảng xếp hạng
web-province-evidence = Minh chứng
web-province-no-lead = (xã chưa chọn bộ phận chủ trì)
web-province-accept = Tỉnh duyệt
web-province-not-done = Xã chưa hoàn thành nhiệm vụ này
web-province-as-of = Tính đến ngày { $date }.
web-province-status = { $status ->
    [done] Hoàn thành
    [awaiting-province] Chờ tỉnh duyệt
    [submitted] Chờ xã duyệt
    [overdue] Quá hạn
   *[open] Đang thực hiện
}
province-digest-title = 📊 Tổng hợp CCHC các xã, phường – { $province }, ngày { $date }
province-digest-task = • { $title }: { $done }/{ $total } xã đã hoàn thành{ $late ->
    [0] {""}
   *[other] , { $late } xã trễ hạn
}
province-digest-trailing = Các xã còn việc quá hạn:
province-digest-commune = • { $commune }: { $overdue } việc quá hạn, { $days } ngày trễ, { $percent }% đúng hạn
province-digest-league = Bảng xếp hạng { $communes } xã, phường: { $late ->
    [0] không xã nào còn việc quá hạn
   *[other] { $late } xã còn { $overdue } việc quá hạn
}
province-digest-leading = Dẫn đầu: { $communes }
province-digest-share = { $commune } ({ $percent }% đúng hạn)
province-digest-finished = Hoàn thành trong tuần qua: { $communes }{ $more ->
    [0] {""}
   *[other] {" "}và { $more } xã khác
}
province-digest-finished-commune = { $commune } ({ $count } việc)
province-digest-subject = Tổng hợp CCHC các xã, phường – { $province }, ngày { $date }
province-digest-chart = Tiến độ các xã, phường – ngày { $date }
province-digest-zalo-link = 📊 Bảng xếp hạng và biểu đồ các xã, phường: { $url }
province-workbook-all = Tất cả lĩnh vực
province-workbook-tasks = Số nhiệm vụ
province-workbook-on-time = Hoàn thành đúng hạn
web-province-workbook = Tải bảng kết quả các xã (.xlsx)
web-province-report = Báo cáo kết quả CCHC các xã, phường (Nghị định 30/2020/NĐ-CP)
web-province-report-hint = Bảng xếp hạng của kỳ, các xã còn việc quá hạn và từng nhiệm vụ tỉnh giao, theo thể thức văn bản hành chính.
province-report-title = Báo cáo kết quả CCHC các xã, phường { $period }
province-report-subject = Kết quả thực hiện nhiệm vụ cải cách hành chính của các xã, phường { $period }
province-report-intro = Thực hiện { $plans }, { $issuer } báo cáo kết quả thực hiện các nhiệm vụ cải cách hành chính giao các xã, phường { $period } (số liệu tính đến ngày { $date }) như sau:
province-report-plans-unknown = [kế hoạch CCHC năm]
province-report-summary-heading = I. TÌNH HÌNH CHUNG
province-report-summary = Trên địa bàn có { $communes } xã, phường. Trong kỳ, { $reached } xã, phường có nhiệm vụ tỉnh giao đến hạn: { $tasks } nhiệm vụ, tổng cộng { $copies } lượt nhiệm vụ ở các xã; đã hoàn thành đúng hạn { $onTime }, hoàn thành trễ hạn { $late }, quá hạn chưa hoàn thành { $overdue }, đang thực hiện hoặc chờ duyệt { $pending }. Tỷ lệ hoàn thành đúng hạn đạt { $share }.
province-report-none = Trong kỳ không có nhiệm vụ tỉnh giao nào đến hạn ở các xã, phường.
province-report-assess = Đánh giá chung: …
province-report-communes-heading = II. KẾT QUẢ CỦA TỪNG XÃ, PHƯỜNG
province-report-ranking-rule = Các xã, phường được xếp hạng theo tỷ lệ nhiệm vụ hoàn thành đúng hạn (trên số nhiệm vụ đã hoàn thành hoặc quá hạn), sau đó theo số nhiệm vụ quá hạn ít hơn, số ngày trễ ít hơn.
province-report-col-number = STT
province-report-col-done-late = Hoàn thành trễ hạn
province-report-col-share = Tỷ lệ đúng hạn
province-report-col-rank = Xếp hạng
province-report-total = Tổng cộng
province-report-overdue-heading = III. CÁC XÃ, PHƯỜNG CÒN NHIỆM VỤ QUÁ HẠN
province-report-overdue-commune = - { $commune }: { $overdue } nhiệm vụ quá hạn, tổng cộng { $days } ngày trễ
province-report-overdue-task = “{ $title }” (quá hạn { $days } ngày)
province-report-overdue-more = Ngoài ra còn { $count } xã, phường có nhiệm vụ quá hạn (xem bảng tại mục II).
province-report-overdue-none = Không có xã, phường nào còn nhiệm vụ quá hạn trong kỳ.
province-report-causes = Nguyên nhân và giải pháp đôn đốc: …
province-report-tasks-heading = IV. KẾT QUẢ TỪNG NHIỆM VỤ TỈNH GIAO
province-report-proposals-heading = V. ĐỀ XUẤT, KIẾN NGHỊ
province-report-proposals = Đề xuất, kiến nghị: …
province-report-recipient-above = - [Cơ quan cấp trên nhận báo cáo];
province-report-recipient-communes = - UBND các xã, phường;
province-report-recipient-archive = - Lưu: VT.
web-milestone-overseen = Việc của { $organization }: tỉnh chỉ xem, không thao tác thay xã.
## The province's fan-out and groups of communes (web /province, `nhacviec fanout`, `nhacviec org group`)
fanout-task = { $number ->
    [none] nhiệm vụ “{ $title }”
   *[other] nhiệm vụ { $number } “{ $title }”
}
fanout-refused = { $task }: { $reason }
fanout-line = { $task }: { $reached } xã nhận bản giao mới, { $already } xã đã có, { $unknown } tên không khớp xã nào{ $names }
fanout-line-dry = { $task }: { $reached } xã sẽ nhận bản giao, { $already } xã đã có, { $unknown } tên không khớp xã nào{ $names }
fanout-total = Tổng: { $tasks } nhiệm vụ giao xuống xã, phường; { $reached } bản giao mới, { $already } bản đã có, { $unknown } tên không khớp.
fanout-total-dry = Chạy thử, chưa ghi gì: { $tasks } nhiệm vụ; { $reached } bản giao sẽ tạo, { $already } bản đã có, { $unknown } tên không khớp.
fanout-none = Không có nhiệm vụ nào do các xã, phường chủ trì.
group-line = { $group } ({ $count } xã): { $communes }
group-none = Tỉnh chưa có nhóm xã, phường nào.
group-edited = Nhóm “{ $group }”: thêm { $added } xã, bớt { $removed } xã; nay có { $count } xã.
group-deleted = Nhóm “{ $group }” không còn xã nào nên đã xóa.
web-province-groups = Nhóm xã, phường
web-province-groups-hint = Nhiệm vụ có đơn vị chủ trì ghi tên nhóm (ví dụ “UBND các xã biên giới”, “các xã thuộc Cụm 2”) được giao đến các xã trong nhóm. Một xã có thể ở nhiều nhóm.
web-province-group-new = Thêm nhóm
web-province-group-name = Tên nhóm
web-province-group-save = Lưu nhóm
web-province-group-count = { $count } xã
## The plan table's sorting, grouping and counts; the overview's charts
web-filter-toggle = Lọc và sắp xếp{ $count ->
    [0] {""}
   *[other] {" "}({ $count })
}
web-sort-label = Sắp xếp theo
web-sort = { $by ->
    [due] Thời hạn gần nhất
    [late] Số ngày trễ nhiều nhất
    [unit] Đơn vị chủ trì
    [state] Trạng thái
   *[plan] Thứ tự kế hoạch
}
web-group-label = Nhóm theo
web-group = { $by ->
    [unit] Đơn vị chủ trì
    [none] Không nhóm
   *[section] Phần của kế hoạch
}
web-filter-week = Đến hạn tuần này
web-filter-done = Hiện cả việc đã xong
web-plan-counts = Số mốc việc theo trạng thái
web-plan-hidden-done = đã ẩn { $count } mốc đã xong hoặc đã hủy (hiện)
web-group-count = { $tasks } nhiệm vụ{ $overdue ->
    [0] {""}
   *[other] , { $overdue } quá hạn
}
web-no-section = Không thuộc phần nào
web-overview-per-month = Thời hạn theo tháng năm { $year }
web-month = Th{ $month }
web-month-bar = Tháng { $month }: { $total } mốc ({ $done } đã xong, { $overdue } quá hạn, { $open } còn lại)
web-chart-open = Còn lại
web-chart-done = Đã xong
web-chart-overdue = Quá hạn
task-group = 🏢 { $unit }
btn-done-short = ✅ { $index }
btn-evidence-short = 📎 { $index }
web-report-build-title = Tạo báo cáo
web-report-build-pending = Đang tạo báo cáo… Trang sẽ tự tải lại khi xong.
web-report-build-reload = Tải lại trang
web-report-build-ready = Báo cáo đã tạo xong.
web-report-build-back = Về trang Báo cáo
review-unit-likely = Có thể là cách viết khác của: { $units }
btn-review-merge-likely = ≈ { $unit }
web-import-warned = Nhiệm vụ có cảnh báo ({ $count })
web-import-new-units = Đơn vị mới ({ $count }): nếu là cách viết khác của một đơn vị đã có, bấm để gộp
web-import-merge-into = ≈ Gộp vào { $unit }
web-import-merged = Đã ghi “{ $name }” là tên gọi khác của { $unit }; bản xem trước đã cập nhật.
web-settings-part = Số thứ { $index }
web-settings-step-unit = Báo bộ phận sau (ngày)
web-settings-step-office = Báo văn phòng sau (ngày)
web-settings-step-chairman = Báo Chủ tịch sau (ngày)
web-settings-yes = Có
web-settings-no = Không
web-settings-weekday = { $day ->
    [2] Thứ Hai
    [3] Thứ Ba
    [4] Thứ Tư
    [5] Thứ Năm
    [6] Thứ Sáu
   *[7] Thứ Bảy
}
web-settings-digest-to = { $to ->
    [chairman] Chủ tịch
    [office] Văn phòng
   *[both] Cả hai
}
web-chart-total = mốc
