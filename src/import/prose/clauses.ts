/**
 * The clauses of a paragraph that assigns work, as offices write them: labelled
 * ("Cơ quan chủ trì: …; Thời gian hoàn thành: …") on the same line or the next
 * ones, or inline ("… do Phòng X chủ trì, phối hợp với …, hoàn thành trước
 * 30/6/2026"). Shared by the prose plan reader and the directive interpreter.
 */

/** What a paragraph says about who does the work, with whom, what it yields and by when. */
export interface Clauses {
  /** The work itself, with the clauses taken out. */
  work: string;
  lead: string[];
  support: string[];
  product: string[];
  /** Deadline phrases verbatim ("trước ngày 30/6/2026", "Quý II/2026"), in order. */
  deadlines: string[];
}

/** "note" is a labelled detail ("Nội dung: …") that is neither the work's title nor a field. */
type ClauseRole = "lead" | "support" | "deadline" | "product" | "note";

/** Labels as offices print them, longest first so "Thời gian hoàn thành" wins over "Thời gian". */
const LABELS: ReadonlyArray<readonly [string, ClauseRole]> = (
  [
    ["cơ quan, đơn vị chủ trì", "lead"],
    ["cơ quan chủ trì thực hiện", "lead"],
    ["đơn vị chủ trì thực hiện", "lead"],
    ["cơ quan chủ trì", "lead"],
    ["đơn vị chủ trì", "lead"],
    ["bộ phận chủ trì", "lead"],
    ["đơn vị thực hiện", "lead"],
    ["cơ quan thực hiện", "lead"],
    ["đơn vị tham mưu", "lead"],
    ["trách nhiệm thực hiện", "lead"],
    ["người thực hiện", "lead"],
    ["chủ trì", "lead"],
    ["cơ quan, đơn vị phối hợp", "support"],
    ["cơ quan phối hợp", "support"],
    ["đơn vị phối hợp thực hiện", "support"],
    ["đơn vị phối hợp", "support"],
    ["phối hợp thực hiện", "support"],
    ["phối hợp", "support"],
    ["thời gian hoàn thành", "deadline"],
    ["thời gian thực hiện", "deadline"],
    ["thời hạn hoàn thành", "deadline"],
    ["thời hạn thực hiện", "deadline"],
    ["thời hạn", "deadline"],
    ["tiến độ hoàn thành", "deadline"],
    ["tiến độ", "deadline"],
    ["thời gian", "deadline"],
    ["sản phẩm đầu ra", "product"],
    ["sản phẩm", "product"],
    ["kết quả đầu ra", "product"],
    ["kết quả", "product"],
    ["nội dung", "note"],
    ["nội dung thực hiện", "note"],
    ["hình thức", "note"],
    ["yêu cầu", "note"],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A label at the start of the text or after a clause mark, then ":". */
const LABEL_PATTERN = new RegExp(
  `(^|[;.,(\\n–-]\\s*|\\s)(?:[-+•*]\\s*)?(${LABELS.map(([label]) => escape(label)).join("|")})\\s*:`,
  "giu",
);

/** The same labels at the very start of a line, bulleted or not (a non-global copy: `test` keeps no state). */
const LEADING_LABEL = new RegExp(`^(?:[-+•*]\\s*)?(?:${LABELS.map(([label]) => escape(label)).join("|")})\\s*:`, "iu");

const roleOfLabel = (label: string): ClauseRole =>
  (LABELS.find(([l]) => l === label.toLocaleLowerCase("vi")) as readonly [string, ClauseRole])[1];

/** Trailing punctuation and the brackets a clause was written in. */
function trimClause(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/^[\s:;,.(–-]+/u, "")
    .replace(/[\s;,.:(–-]+$/u, "")
    .replace(/^\((.*)\)$/u, "$1")
    .replace(/\)$/u, (m) => (text.includes("(") ? m : ""))
    .trim();
}

/** True when a line starts with a clause label ("Cơ quan chủ trì: …"), so it belongs to the item above. */
export function startsWithClauseLabel(line: string): boolean {
  return LEADING_LABEL.test(line);
}

/** Cuts labelled clauses out of `text`; what precedes the first label is the work. */
function labelled(text: string): { work: string; found: Array<[ClauseRole, string]> } {
  const matches = [...text.matchAll(LABEL_PATTERN)];
  if (matches.length === 0) return { work: text, found: [] };
  const found: Array<[ClauseRole, string]> = [];
  matches.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const next = matches[i + 1];
    const end = next ? (next.index ?? text.length) + (next[1] ?? "").length : text.length;
    found.push([roleOfLabel(match[2] as string), trimClause(text.slice(start, end))]);
  });
  const first = matches[0] as RegExpMatchArray;
  return { work: text.slice(0, (first.index ?? 0) + (first[1] ?? "").length), found };
}

/** Words a unit's name starts with: a comma or "và" before one starts the next unit. */
const UNIT_HEADS =
  "Phòng|Văn phòng|Công an|Ban|Trung tâm|Công chức|UBND|Ủy ban|Uỷ ban|Sở|Đoàn|Hội|Mặt trận|Bộ phận|Trạm|Trường|Đài|Chi cục|Cục|Hạt|Kho bạc|Thanh tra|Quân sự|Chi nhánh|Bảo hiểm|Liên đoàn|Thủ trưởng|Chủ tịch|Phó Chủ tịch|Trưởng|Tổ|Các|Hợp tác xã|Bệnh viện|Đảng ủy|Đảng uỷ|Công ty|Bưu điện|Viện|Báo|Tỉnh đoàn|Huyện đoàn|Chi bộ";
const UNIT_SEPARATOR = new RegExp(
  `\\s*;\\s*|,\\s*(?=(?:${UNIT_HEADS})\\s)|\\s+và\\s+(?=(?:${UNIT_HEADS.replace("UBND|Ủy ban|Uỷ ban|", "")})\\s)`,
  "u",
);

/** Unit names in a clause: ";" always separates; "," and "và" only before a capitalised unit word. */
export function unitsOf(text: string): string[] {
  const cleaned = trimClause(text)
    .replace(/^(?:giao|đề nghị|yêu cầu|do)\s+/iu, "")
    .replace(/\s+(?:thực hiện|chủ trì thực hiện|chủ trì|tham mưu thực hiện|tham mưu)$/iu, "");
  if (cleaned.length === 0) return [];
  const names = cleaned
    .split(UNIT_SEPARATOR)
    .map((n) => trimClause(n))
    .filter((n) => n.length > 0);
  return [...new Set(names)];
}

/** Inline deadline: "hoàn thành trước 30/6/2026", "trước ngày 15/12/2026", "trong tháng 3/2026", "thường xuyên". */
const INLINE_DEADLINE =
  /(?:,\s*|\s+|^)((?:(?:hoàn thành|thực hiện|báo cáo(?: kết quả)?(?: về [^,.;]*?)?|gửi(?: về)? [^,.;]*?|xong)\s+)?(?:trước|chậm nhất|trong(?: thời hạn)?|không quá|ngay trong|vào|định kỳ|hằng|hàng)\s+(?:ngày|tháng|quý|năm|tuần|\d|thời hạn|6 tháng|\d{1,2}\/)[^;]*?)(?=[;.](?:\s|$)|$)/iu;
const ONGOING_DEADLINE =
  /(?:,\s*|\s+|^)((?:thực hiện\s+)?(?:thường xuyên|hằng năm|hàng năm|liên tục)(?: trong năm(?: \d{4})?)?)\s*[.;]?$/iu;

/** Inline clauses: "do X chủ trì", "X chủ trì,", "phối hợp với Y", "hoàn thành trước …". */
function inline(text: string, labelled: ReadonlySet<ClauseRole>): { work: string; found: Array<[ClauseRole, string]> } {
  const found: Array<[ClauseRole, string]> = [];
  let work = text;
  const take = (pattern: RegExp, role: ClauseRole, group = 1): void => {
    // A field the paragraph labels is read from its label alone: "định kỳ quý" in the work is not a second deadline.
    if (labelled.has(role)) return;
    const match = pattern.exec(work);
    if (!match) return;
    found.push([role, trimClause(match[group] as string)]);
    work = `${work.slice(0, match.index)}${work.slice(match.index + match[0].length)}`;
  };
  take(
    /(?:[,;.]\s*|\s+|^)(?:thời gian|thời hạn)(?: hoàn thành| thực hiện)?\s+((?:trước|trong|chậm nhất|quý|tháng|năm|ngày|\d|thường xuyên|hằng|hàng|định kỳ)[^;]*?)\s*(?=[;:]|\.(?:\s|$)|$)/iu,
    "deadline",
  );
  take(INLINE_DEADLINE, "deadline");
  take(ONGOING_DEADLINE, "deadline");
  take(/,?\s*(?:do|giao)\s+((?:\p{Lu}|các\s)[^,;]*?)\s+chủ trì(?: thực hiện| tham mưu)?(?=[,;.:]|\s*$)/u, "lead");
  take(
    /,?\s*(?:trong đó\s+)?((?:\p{Lu})[^,;:]*?)\s+(?:là đơn vị\s+)?chủ trì(?: thực hiện| tham mưu)?(?=[,;.:]|\s*$)/u,
    "lead",
  );
  take(
    /,?\s*(?:và\s+)?phối hợp (?:chặt chẽ )?(?:với\s+)?((?:các\s+)?\p{Lu}[^;.]*?)(?=\s+(?:tổ chức|thực hiện|triển khai|hoàn thành)(?=\s|$)|[;.]|\s*$)/u,
    "support",
  );
  take(/,?\s*sản phẩm(?: là)?\s+([^;.]*)/iu, "product");
  return { work, found };
}

/** The longest item text read for clauses. */
export const MAX_ITEM_CHARS = 4000;

/** Reads the clauses of one item's text (its own lines joined). */
export function readClauses(full: string): Clauses {
  // No item runs to pages; reading only its start keeps a hostile paragraph from costing minutes of regex.
  const text = full.length > MAX_ITEM_CHARS ? full.slice(0, MAX_ITEM_CHARS) : full;
  const byLabel = labelled(text);
  const byWords = inline(byLabel.work, new Set(byLabel.found.map(([role]) => role)));
  const clauses: Clauses = { work: trimClause(byWords.work), lead: [], support: [], product: [], deadlines: [] };
  for (const [role, value] of [...byWords.found, ...byLabel.found]) {
    if (value.length === 0) continue;
    if (role === "lead") clauses.lead.push(...unitsOf(value).filter((u) => !clauses.lead.includes(u)));
    else if (role === "support") clauses.support.push(...unitsOf(value).filter((u) => !clauses.support.includes(u)));
    else if (role === "product") clauses.product.push(value);
    else if (role === "note") continue;
    else if (!clauses.deadlines.includes(value)) clauses.deadlines.push(value);
  }
  return clauses;
}

/** True when the clauses name a lead or a deadline: the paragraph assigns work. */
export function assignsWork(clauses: Clauses): boolean {
  return clauses.lead.length > 0 || clauses.deadlines.length > 0;
}
