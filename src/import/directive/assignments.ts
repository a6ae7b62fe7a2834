/**
 * The work a sentence gives, as offices word it: "Giao Phòng X chủ trì, phối hợp
 * với Y …", "Đề nghị UBND các xã, phường …", "Yêu cầu Công an xã …", "Phòng X
 * chủ trì …", or a unit named over its items ("Công an xã: a) … b) …").
 */
import { unitsOf } from "../prose/clauses.js";

/** Whom a sentence gives work to, as far as the importing office is concerned. */
export type Audience = "office" | "unit" | "other" | "follow-up";

export interface Assignment {
  lead: string[];
  support: string[];
  work: string;
  deadlines: string[];
  product: string | null;
}

/** Verbs that end the unit names a sentence opens with: "Giao Phòng Kinh tế | chủ trì …". */
const VERBS = [
  "chủ trì",
  "phối hợp",
  "tham mưu",
  "thực hiện",
  "khẩn trương",
  "rà soát",
  "xây dựng",
  "tổ chức",
  "triển khai",
  "hướng dẫn",
  "kiểm tra",
  "hoàn thành",
  "tăng cường",
  "chỉ đạo",
  "báo cáo",
  "tổng hợp",
  "theo dõi",
  "đôn đốc",
  "chuẩn bị",
  "lập",
  "cập nhật",
  "thống kê",
  "tuyên truyền",
  "chịu trách nhiệm",
  "có nhiệm vụ",
  "có trách nhiệm",
  "nghiên cứu",
  "đề xuất",
  "giải quyết",
  "xử lý",
  "trình",
  "soạn thảo",
  "bố trí",
  "thông báo",
  "tiếp nhận",
  "điều tra",
  "vận động",
  "phát động",
  "quản lý",
  "duy trì",
  "đẩy nhanh",
  "đảm bảo",
  "bảo đảm",
  "gửi",
  "nộp",
  "ban hành",
  "thành lập",
  "khắc phục",
  "sửa chữa",
  "công khai",
  "niêm yết",
  "tập trung",
  "thường xuyên",
  "nắm",
  "phân công",
  "cử",
  "làm việc",
  "giám sát",
  "thẩm định",
  "hoàn thiện",
  "số hóa",
  "kiện toàn",
  "quan tâm",
  "chủ động",
  "tiếp tục",
  "phối kết hợp",
  "rà",
  "đăng ký",
  "tổ chức",
  "phổ biến",
  "quán triệt",
  "xác minh",
  "kiểm đếm",
  "cung cấp",
  "tiến hành",
  "nghiêm túc",
  "sớm",
  "lựa chọn",
  "dự thảo",
  "củng cố",
  "mua sắm",
  "vệ sinh",
  "ra quân",
  "canh gác",
  "đối chiếu",
  "phê duyệt",
  "đánh giá",
  "kịp thời",
  "cấp",
  "sắp xếp",
  "bàn giao",
  "nhập",
  "thu",
  "chi trả",
  "tăng",
  "nâng cấp",
  "trực",
  "treo",
  "kêu gọi",
  "hỗ trợ",
  "phát hiện",
  "kiểm điểm",
  "thu hồi",
  "bổ sung",
  "điều chỉnh",
  "thăm",
  "dọn",
];
const VERB_PATTERN = VERBS.map((v) => v.replace(/\s+/g, "\\s+")).join("|");

/** Where the unit names of a sentence's start end: before a verb, "chủ trì", a comma before a verb, or ":". */
const UNITS_THEN_VERB = new RegExp(
  // "Ban Quản lý dự án đầu tư xây dựng xã": a verb followed by a level word is part of the unit's name.
  `^(.+?)(?:\\s*,)?\\s+(?=(?:${VERB_PATTERN})(?=\\s|,|$)(?!\\s+(?:xã|phường|tỉnh|huyện|thị trấn)(?:\\s|,|$)))`,
  "u",
);

/** Words a unit's name starts with, as offices write them. */
export const UNIT_START =
  /^(?:các\s+)?(?:Phòng|Văn phòng|Công an|Ban(?!\s+hành)|Trung tâm|Công chức|UBND|Ủy ban|Uỷ ban|Sở|Đoàn|Hội(?!\s+(?:nghị|thi|thảo|diễn))|Mặt trận|Bộ phận|Trạm|Trường|Đài|Chi cục|Cục|Hạt|Kho bạc|Thanh tra|Chi nhánh|Bảo hiểm|Liên đoàn|Thủ trưởng|Chủ tịch|Phó Chủ tịch|Trưởng|Tổ(?!\s+chức)|Hợp tác xã|Bệnh viện|Đảng ủy|Công ty|Bưu điện|Viện|Chỉ huy|Giám đốc|Cán bộ|Người đứng đầu|Bí thư|Hiệu trưởng|Lãnh đạo|Thôn|Khu phố|Trưởng thôn|Chánh|Kế toán|Địa chính|Tư pháp|Quân sự|Y tế|Bộ Chỉ huy|Viễn thông|Điện lực|Phó)(?=\s|$)/u;

/** Deadline phrases offices use, read from their trigger to the end of their clause. */
const DEADLINE_TRIGGER =
  /(?:^|[\s,(])((?:hoàn thành|xong|báo cáo|gửi)?\s*(?:trước(?=\s+(?:ngày|\d|tháng|quý|năm|tết|rằm|mùng|mồng|cuối|giữa|đầu|thời hạn|thời điểm|kỳ|đợt|khi|lễ|hạn))|chậm nhất(?: là)?(?: vào)?(?: ngày)?|trong thời hạn|trong vòng|trong(?= (?:tháng|quý|năm|tuần|\d|ngày \d|thời gian \d))|không quá|ngay sau khi|ngay khi|ngay trong|định kỳ|hằng|hàng(?= (?:tháng|quý|năm|tuần|ngày))|vào ngày|thời gian hoàn thành\s*:?|thời hạn\s*:?|thường xuyên|liên tục|tháng\s+\d{1,2}\/\d{4})(?=[\s:.,;)]|$)[^;]*)/giu;

/** Cuts the deadline clause out of a sentence: trigger to the clause's end ("," before a non-date word ends it). */
export function takeDeadline(sentence: string): { rest: string; deadline: string | null } {
  // Overlapping candidates: "hằng tháng về Sở … trước ngày 20 hằng tháng" holds a better one inside the first.
  const matches: RegExpExecArray[] = [];
  DEADLINE_TRIGGER.lastIndex = 0;
  for (let m = DEADLINE_TRIGGER.exec(sentence); m; m = DEADLINE_TRIGGER.exec(sentence)) {
    matches.push(m);
    DEADLINE_TRIGGER.lastIndex = m.index + 1;
  }
  // A dated phrase wins over "thường xuyên" or "định kỳ" met earlier in the sentence.
  const dated = matches.filter((m) => /\d|tết|rằm/iu.test(clauseOf(m[1] as string)));
  const match =
    dated.find((m) =>
      /^\s*(?:hoàn thành|xong|báo cáo|gửi)?\s*(?:trước|chậm nhất|trong|thời hạn|thời gian|vào ngày)/iu.test(
        m[1] as string,
      ),
    ) ??
    dated[0] ??
    matches[0];
  if (!match) return { rest: sentence, deadline: null };
  const kept = clauseOf(match[1] as string);
  const phrase = kept.replace(/[\s.;:)]+$/u, "");
  const start = (match.index ?? 0) + match[0].indexOf(match[1] as string);
  const rest = `${sentence.slice(0, start)}${sentence.slice(start + kept.length)}`;
  return {
    rest: rest
      .replace(/\s+,/gu, ",")
      .replace(/,\s*(?=[,.;]|$)/u, "")
      .trim(),
    deadline: phrase.trim(),
  };
}

/** A deadline phrase up to the comma that starts another clause ("…, báo cáo UBND xã"), not one inside it ("hằng quý, trước ngày 20"). */
function clauseOf(phrase: string): string {
  const parts = phrase.split(/,\s*/u);
  let kept = parts[0] as string;
  for (const part of parts.slice(1)) {
    if (/^(trước|chậm nhất|trong|hằng|hàng|định kỳ|kể từ|tính từ|ngày \d|riêng|sau|theo)(?=\s|$)/iu.test(part))
      kept += `, ${part}`;
    else break;
  }
  return kept.replace(/\.\s.*$/su, "");
}

/** "Giao X …", "Đề nghị X …", "Yêu cầu X …", "X chủ trì …", "X: …": the units a sentence opens with, and the rest. */
export function leadOf(sentence: string): { lead: string[]; rest: string } | null {
  const opened =
    /^(?:(?:đồng thời|đề nghị|giao|yêu cầu|kính đề nghị|kính mong|ủy ban nhân dân [\p{L} ]+? (?:đề nghị|yêu cầu|giao)|ubnd [\p{L} ]+? (?:đề nghị|yêu cầu|giao)|chủ tịch ubnd [\p{L} ]+? (?:đề nghị|yêu cầu|giao)|chủ tịch [\p{L} ]+? (?:đề nghị|yêu cầu|giao))\s+(?:cho\s+)?)/iu.exec(
      sentence,
    );
  // "Thực hiện …, Sở Nội vụ đề nghị UBND các xã, phường …": the request may come after the background.
  const inner = opened
    ? null
    : /(?:^|,\s*|\s)(?:đề nghị|yêu cầu|giao cho|giao)\s+(?=(?:các\s+)?\p{Lu})/u.exec(sentence);
  const body = opened
    ? sentence.slice(opened[0].length)
    : inner
      ? sentence.slice(inner.index + inner[0].length)
      : sentence;
  if (!UNIT_START.test(body)) return null;
  const labelled = /^([^:]{3,120}?)\s*:\s*(.*)$/su.exec(body);
  const label = labelled?.[1] ?? "";
  // "Phòng X: …" names a unit; "Chủ tịch UBND xã kết luận: …" only opens what follows.
  const namesUnit =
    !/(^|\s)(chủ trì|phối hợp|thực hiện|kết luận|phân công|chỉ thị|như sau|yêu cầu|đề nghị|giao|quyết định|thông báo|điện)(\s|$)/iu.test(
      label,
    ) && label.split(/\s+/).length <= 12;
  if (labelled && namesUnit) {
    return { lead: unitsOf(labelled[1] as string), rest: (labelled[2] as string).trim() };
  }
  const match = UNITS_THEN_VERB.exec(body);
  if (!match) return opened || inner ? { lead: unitsOf(body), rest: "" } : null;
  const names = (match[1] as string).replace(/\s+(?:là đơn vị|là cơ quan|làm đầu mối)$/u, "");
  if (names.split(/\s+/).length > 16) return null;
  return { lead: unitsOf(names), rest: body.slice(match[0].length).trim() };
}

/** "phối hợp với Y, Z tổ chức …" → support [Y, Z]; the rest keeps the work. */
export function supportOf(text: string): { support: string[]; rest: string } {
  const match = new RegExp(
    `(?:,\\s*)?(?:chủ trì,?\\s*)?phối hợp(?: chặt chẽ)?(?: với)?\\s+((?:các\\s+\\p{L}|\\p{Lu}).*?)(?=\\s+(?:${VERB_PATTERN}|trong|để|nhằm|khi|về|tại|theo|trên)(?=\\s|,|$)|[;.]|$)`,
    "u",
  ).exec(text);
  if (!match) return { support: [], rest: text.replace(/^chủ trì,?\s*/iu, "") };
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  return {
    support: unitsOf((match[1] as string).replace(/,\s*$/u, "")),
    rest: rest.replace(/^\s*chủ trì,?\s*/iu, "").trim(),
  };
}

/** Words of a unit or body outside the importing office: a province's or the central government's. */
const OTHER_BODY =
  /^(?:các\s+)?(?:UBND (?:tỉnh|thành phố|huyện)|Ủy ban nhân dân (?:tỉnh|thành phố|huyện)|Sở\s|sở, ban, ngành|Bộ\s|Công an tỉnh|Bộ Chỉ huy|Văn phòng UBND tỉnh|Thanh tra tỉnh|Kho bạc Nhà nước|Bảo hiểm xã hội tỉnh|Cục\s|Chi cục\s|Đài Phát thanh|Báo\s|Ban .* tỉnh|Điện lực|Viễn thông|Liên đoàn Lao động tỉnh|Tỉnh đoàn|Hội .* tỉnh|Trung tâm .* tỉnh|Giám đốc|Thủ trưởng các sở|cơ quan báo chí|doanh nghiệp|Ngân hàng)/iu;

/** Bodies beside or above a department: the province, other departments, ministries. */
const OUTSIDE_DEPARTMENT =
  /^(?:các\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Sở\s|sở, ban, ngành|Bộ\s|Công an tỉnh|Văn phòng UBND tỉnh|Thanh tra tỉnh|Kho bạc Nhà nước|Bảo hiểm xã hội|Cục\s|Đài Phát thanh|Báo\s|Điện lực|Viễn thông|doanh nghiệp|Ngân hàng)/iu;

/** The commune-level office the importer serves, as other bodies address it. */
const OFFICE_ADDRESS =
  /^(?:các\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch UBND|Chủ tịch Ủy ban nhân dân)\s+(?:các\s+)?(?:xã|phường|đặc khu|thị trấn|cấp xã)(?:[, ]+(?:phường|đặc khu|thị trấn|xã))*(?:\s+[\p{L}][\p{L} ]*)?$/iu;

/** Who a lead names: the importing office, one of its units, another body, or the office that follows up. */
export function audienceOf(lead: string[], work: string, issuerIsAbove: boolean, issuer: string | null): Audience {
  if (lead.length > 0 && lead.every((name) => OFFICE_ADDRESS.test(name))) return "office";
  if (
    /^(?:theo dõi|đôn đốc|tổng hợp)[, ]+(?:theo dõi|đôn đốc|kiểm tra|tổng hợp|báo cáo)/u.test(work) &&
    work.length < 140
  ) {
    return "follow-up";
  }
  if (lead.some((name) => issuer !== null && name.toLocaleLowerCase("vi") === issuer.toLocaleLowerCase("vi"))) {
    return "other";
  }
  if (issuerIsAbove) return lead.some((name) => OFFICE_ADDRESS.test(name)) ? "office" : "other";
  // A department's own Chi cục, Trung tâm and Phòng are its units; only bodies beside or above it are others.
  const outside = /^Sở /u.test(issuer ?? "") ? OUTSIDE_DEPARTMENT : OTHER_BODY;
  return lead.some((name) => OFFICE_ADDRESS.test(name) || !outside.test(name)) ? "unit" : "other";
}
