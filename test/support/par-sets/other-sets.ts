/**
 * Two smaller criteria sets in other provinces' layouts, for the importer's
 * tests: an Excel sheet with Roman field rows merged across the first columns,
 * criteria numbered through the whole table, "a)" sub-criteria and "Điểm tối
 * đa" after the evidence; and a table with no STT column (the code leads the
 * criterion's cell) printed to PDF by LibreOffice.
 */
import type { Row } from "./commune-set-2026.js";

/** Code as printed, name, max, scoring, evidence; the golden code follows in the tsv. */
export const EXCEL_SET: Row[] = [
  ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "10", "", ""],
  [
    "1.",
    "Ban hành kế hoạch CCHC năm",
    "2",
    "Ban hành đúng thời hạn: 2 điểm; ban hành chậm: 1 điểm; không ban hành: 0 điểm",
    "Kế hoạch CCHC",
  ],
  [
    "2.",
    "Mức độ hoàn thành kế hoạch CCHC",
    "4",
    "Hoàn thành 100% kế hoạch: 4 điểm; từ 70% đến dưới 100%: 2 điểm; dưới 70%: 0 điểm",
    "Báo cáo CCHC năm",
  ],
  ["3.", "Công tác tuyên truyền CCHC", "4", "", ""],
  ["a)", "Ban hành kế hoạch tuyên truyền", "1,5", "Có kế hoạch: 1,5 điểm; không có: 0 điểm", "Kế hoạch tuyên truyền"],
  [
    "b)",
    "Thực hiện kế hoạch tuyên truyền",
    "2,5",
    "Hoàn thành 100%: 2,5 điểm; dưới 100%: 1 điểm",
    "Báo cáo tuyên truyền",
  ],
  ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "12", "", ""],
  ["4.", "Công khai thủ tục hành chính", "4", "Đầy đủ: 4 điểm; không đầy đủ: 0 điểm", "Hình ảnh niêm yết"],
  ["5.", "Giải quyết hồ sơ đúng hạn", "8", "", ""],
  [
    "a)",
    "Tỷ lệ hồ sơ giải quyết đúng hạn",
    "6",
    "Từ 95% trở lên: 6 điểm; từ 85% đến dưới 95%: 3 điểm; dưới 85%: 0 điểm",
    "Số liệu Hệ thống giải quyết TTHC",
  ],
  ["b)", "Xin lỗi khi giải quyết quá hạn", "2", "Xin lỗi đầy đủ: 2 điểm; không xin lỗi: 0 điểm", "Thư xin lỗi"],
  ["III", "CHÍNH QUYỀN SỐ", "8", "", ""],
  [
    "6.",
    "Dịch vụ công trực tuyến toàn trình",
    "5",
    "Từ 50% trở lên: 5 điểm; dưới 50%: 2 điểm",
    "Số liệu Cổng dịch vụ công",
  ],
  ["7.", "Ký số văn bản đi", "3", "Từ 90% trở lên: 3 điểm; dưới 90%: 1 điểm", "Số liệu hệ thống văn bản"],
];

/** The codes the Excel set's rows must import as (written by hand, not by the parser). */
export const EXCEL_GOLDEN: Array<[string, string]> = [
  ["I", "10"],
  ["1", "2"],
  ["2", "4"],
  ["3", "4"],
  ["3.a", "1.5"],
  ["3.b", "2.5"],
  ["II", "12"],
  ["4", "4"],
  ["5", "8"],
  ["5.a", "6"],
  ["5.b", "2"],
  ["III", "8"],
  ["6", "5"],
  ["7", "3"],
];

export const PDF_SET: Row[] = [
  ["1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "9", "", ""],
  [
    "1.1.",
    "Ban hành kế hoạch CCHC năm đúng thời hạn",
    "1,5",
    "Ban hành đúng thời hạn: 1,5 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm",
    "Kế hoạch CCHC năm",
  ],
  [
    "1.2.",
    "Mức độ hoàn thành kế hoạch CCHC năm",
    "3",
    "Hoàn thành 100% kế hoạch: 3 điểm; từ 80% đến dưới 100%: 1,5 điểm; dưới 80%: 0 điểm",
    "Báo cáo kết quả thực hiện kế hoạch CCHC năm, kèm danh mục nhiệm vụ đã hoàn thành và tài liệu chứng minh từng nhiệm vụ",
  ],
  [
    "1.3.",
    "Báo cáo CCHC định kỳ",
    "1,5",
    "Đầy đủ, đúng thời hạn: 1,5 điểm; có báo cáo chậm: 0,5 điểm; không đầy đủ: 0 điểm",
    "Báo cáo quý, 6 tháng, năm",
  ],
  ["1.4.", "Thực hiện nhiệm vụ UBND tỉnh giao", "3", "", ""],
  [
    "1.4.1.",
    "Tỷ lệ nhiệm vụ hoàn thành đúng hạn",
    "2",
    "Hoàn thành 100% đúng hạn: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm",
    "Báo cáo kết quả",
  ],
  ["1.4.2.", "Báo cáo kết quả thực hiện nhiệm vụ được giao", "1", "Có báo cáo: 1 điểm; không có: 0 điểm", "Báo cáo"],
  ["2.", "Cải cách thể chế", "6", "", ""],
  [
    "2.1.",
    "Rà soát văn bản quy phạm pháp luật",
    "3",
    "Rà soát đầy đủ: 3 điểm; không đầy đủ: 0 điểm",
    "Báo cáo rà soát",
  ],
  [
    "2.2.",
    "Phổ biến, giáo dục pháp luật",
    "3",
    "Hoàn thành 100% kế hoạch: 3 điểm; dưới 100%: 1 điểm",
    "Báo cáo phổ biến, giáo dục pháp luật",
  ],
  ["3.", "Xây dựng chính quyền điện tử, chính quyền số", "5", "", ""],
  [
    "3.1.",
    "Tỷ lệ hồ sơ trực tuyến toàn trình",
    "2,5",
    "Từ 50% trở lên: 2,5 điểm; dưới 50%: 1 điểm",
    "Số liệu Cổng dịch vụ công",
  ],
  ["3.2.", "Tỷ lệ văn bản ký số", "2,5", "Từ 90% trở lên: 2,5 điểm; dưới 90%: 1 điểm", "Số liệu hệ thống"],
];

export const PDF_GOLDEN: Array<[string, string]> = [
  ["1", "9"],
  ["1.1", "1.5"],
  ["1.2", "3"],
  ["1.3", "1.5"],
  ["1.4", "3"],
  ["1.4.1", "2"],
  ["1.4.2", "1"],
  ["2", "6"],
  ["2.1", "3"],
  ["2.2", "3"],
  ["3", "5"],
  ["3.1", "2.5"],
  ["3.2", "2.5"],
];
