/**
 * A Thông báo kết luận signed Wednesday 02/12/2026 whose first two tasks count
 * from the day the office receives it (five working days; ten calendar days)
 * and whose third has a date of its own: the document of the receipt tests.
 */
export const RECEIPT_NOTICE_NUMBER = "31/TB-UBND";

export const RECEIPT_NOTICE = `ỦY BAN NHÂN DÂN
XÃ GIO SƠN
Số: 31/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gio Sơn, ngày 02 tháng 12 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND xã về rà soát thủ tục hành chính

Ngày 01/12/2026, Chủ tịch UBND xã họp với các bộ phận về rà soát thủ tục hành chính. Chủ tịch UBND xã kết luận như sau:
1. Giao Tư pháp – Hộ tịch rà soát các thủ tục hành chính thuộc lĩnh vực hộ tịch, báo cáo Chủ tịch UBND xã trong thời hạn 05 ngày làm việc kể từ ngày nhận được Thông báo này.
2. Giao Văn phòng – Thống kê cập nhật danh mục thủ tục hành chính trên Cổng dịch vụ công, hoàn thành trong 10 ngày kể từ ngày nhận văn bản.
3. Giao Văn phòng – Thống kê tổng hợp kết quả rà soát, báo cáo Chủ tịch UBND xã trước ngày 25/12/2026.

Nơi nhận:
- Các bộ phận chuyên môn;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Bình
`;
