/**
 * "Báo cáo kết quả thực hiện công tác cải cách hành chính" for a quarter, a
 * half year or a year, as a Word document laid out the way Decree
 * 30/2020/NĐ-CP lays out an administrative document. The facts come from the
 * database; what only a person can judge is left as [bracketed placeholders].
 */
import type { Paragraph, Table } from "docx";
import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import { citeReference } from "../evidence-references.js";
import { taskNumber } from "../reminders/compose-message.js";
import type { Database } from "../../../db/client.js";
import { type Principal, type Refused, refusedFor } from "../access.js";
import { issuerOf } from "../../domain/units/index.js";
import {
  body,
  boxedTable,
  documentHeading,
  heading,
  packDecree30Document,
  placeholder,
  reportTitle,
  signatureBlock,
} from "./decree30-document.js";
import { loadPaperReport, type PaperRow } from "./paper-report.js";
import { completionRate, formatRate, type Tally, tallyOf } from "./report-tally.js";

/** A reporting period: a quarter, a half year or a year. */
export interface ReportPeriod {
  /** As typed: "2026-Q3", "2026-H1", "2026". */
  code: string;
  from: IsoDate;
  to: IsoDate;
  /** "quý III năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
  label: string;
}

const ROMAN = ["I", "II", "III", "IV"];
const LAST_DAY = ["03-31", "06-30", "09-30", "12-31"];

/** Reads "2026-Q3", "2026-H1" or "2026"; anything else is refused as `period-unknown`. */
export function parseReportPeriod(text: string): Refused<"not-found"> | { kind: "ok"; period: ReportPeriod } {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/i.exec(text.trim());
  if (!match) return refusedFor("period-unknown", text);
  return { kind: "ok", period: periodOf(Number(match[1]), match[2]?.toUpperCase()) };
}

function periodOf(year: number, part: string | undefined): ReportPeriod {
  if (!part) return { code: `${year}`, from: `${year}-01-01`, to: `${year}-12-31`, label: `năm ${year}` };
  const index = Number(part.slice(1));
  if (part.startsWith("Q")) {
    const startMonth = String((index - 1) * 3 + 1).padStart(2, "0");
    return {
      code: `${year}-${part}`,
      from: `${year}-${startMonth}-01`,
      to: `${year}-${LAST_DAY[index - 1]}`,
      label: `quý ${ROMAN[index - 1]} năm ${year}`,
    };
  }
  return index === 1
    ? { code: `${year}-H1`, from: `${year}-01-01`, to: `${year}-06-30`, label: `6 tháng đầu năm ${year}` }
    : { code: `${year}-H2`, from: `${year}-07-01`, to: `${year}-12-31`, label: `6 tháng cuối năm ${year}` };
}

/** The periods an office reports on around a day: this quarter, the last one, the half year or the year. */
export function reportPeriodsAround(today: string): ReportPeriod[] {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const codes = [
    `${year}-Q${quarter}`,
    quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`,
    quarter <= 2 ? `${year - 1}` : `${year}-H1`,
    `${year}`,
  ];
  return [...new Set(codes)].map(periodOfCode);
}

/** A period this module wrote the code of itself: always one. */
function periodOfCode(code: string): ReportPeriod {
  const parsed = parseReportPeriod(code);
  if (parsed.kind !== "ok") throw new Error(`not a report period code: ${code}`);
  return parsed.period;
}

/** The period that follows: the next quarter, half year or year. */
export function nextReportPeriod(period: ReportPeriod): ReportPeriod {
  const year = Number(period.code.slice(0, 4));
  const part = period.code.slice(5);
  if (!part) return periodOfCode(`${year + 1}`);
  const index = Number(part.slice(1));
  if (part.startsWith("Q")) return periodOfCode(index === 4 ? `${year + 1}-Q1` : `${year}-Q${index + 1}`);
  return periodOfCode(index === 1 ? `${year}-H2` : `${year + 1}-H1`);
}

export interface CchcReportInput {
  organizationName: string;
  planTitles: string[];
  period: ReportPeriod;
  asOf: IsoDate;
  /** Milestones due within the period. */
  rows: PaperRow[];
  /** Milestones due within the next period. */
  nextRows: PaperRow[];
}

function countsTable(groups: Array<[string, Tally]>): Table {
  const titles = ["Mục", "Đến hạn", "Hoàn thành", "Trong đó trễ hạn", "Quá hạn", "Đang thực hiện", "Tỷ lệ hoàn thành"];
  const widths = [2871, 900, 1100, 1000, 900, 1100, 1200];
  const line = ([name, tally]: [string, Tally]) => [
    name,
    String(tally.total - tally.ongoing),
    String(tally.done),
    String(tally.doneLate),
    String(tally.overdue),
    String(tally.inProgress),
    formatRate(completionRate(tally)),
  ];
  return boxedTable(titles, widths, groups.map(line), { boldLast: true });
}

function sectionsOf(rows: PaperRow[]): Array<{ name: string; rows: PaperRow[] }> {
  const sections = new Map<string, { name: string; rows: PaperRow[] }>();
  for (const row of rows) {
    const key = row.section ?? "";
    const group = sections.get(key) ?? {
      name: row.section ? `${row.section}. ${row.sectionTitle ?? ""}`.trim() : "Nhiệm vụ khác",
      rows: [],
    };
    group.rows.push(row);
    sections.set(key, group);
  }
  return [...sections.values()];
}

const titleOf = (row: PaperRow) =>
  `${taskNumber(row.section, row.stt)}. ${row.title}${row.mark ? ` (${row.mark})` : ""}`.replace(/^\.\s*/, "");
const unitsOf = (row: PaperRow) => (row.leadUnits.length > 0 ? row.leadUnits.join(", ") : "chưa giao đơn vị");
const dateOf = (day: IsoDate | null) => (day ? formatVietnameseDate(day) : "chưa có hạn");

/** The evidence cited so far; a done task without any gets a placeholder for the office to fill. */
function evidenceOf(row: PaperRow, required: boolean): string {
  const cited = [...row.references.map(citeReference), ...row.evidence.map((file) => `tệp “${file.fileName}”`)];
  if (cited.length > 0) return `; minh chứng: ${cited.join("; ")}`;
  return required ? "; [chưa có minh chứng: …]" : "";
}

function outcomeOf(row: PaperRow): string {
  if (row.ongoing) return `thực hiện thường xuyên (${unitsOf(row)})`;
  if (row.state === "done") {
    const when = row.completedOn ? ` ngày ${formatVietnameseDate(row.completedOn)}` : "";
    const late = row.daysLate > 0 ? `, trễ ${row.daysLate} ngày so với hạn ${dateOf(row.due)}` : ", đúng hạn";
    return `đã hoàn thành${when}${late} (${unitsOf(row)})${evidenceOf(row, true)}`;
  }
  if (row.state === "overdue") {
    return `quá hạn ${row.daysLate} ngày, chưa hoàn thành (${unitsOf(row)})${evidenceOf(row, false)}`;
  }
  if (row.state === "cancelled") return "đã hủy";
  const waiting = row.state === "submitted" ? "đã báo hoàn thành, đang chờ duyệt" : "đang thực hiện, trong hạn";
  return `${waiting}, hạn ${dateOf(row.due)} (${unitsOf(row)})${evidenceOf(row, false)}`;
}

/** The report as a .docx. */
export async function buildCchcReport(input: CchcReportInput): Promise<Buffer> {
  const { period, rows } = input;
  const next = nextReportPeriod(period);
  const total = tallyOf(rows);
  const sections = sectionsOf(rows);
  const late = rows.filter((row) => !row.ongoing && row.state === "overdue");
  const plans = input.planTitles.length > 0 ? input.planTitles.join("; ") : "[kế hoạch CCHC năm]";

  const issuer = issuerOf(input.organizationName, "commune");
  const children: Array<Paragraph | Table> = [
    documentHeading({ name: input.organizationName, symbol: issuer.symbol }),
    ...reportTitle(`Kết quả thực hiện công tác cải cách hành chính ${period.label}`),
    body(
      `Thực hiện ${plans}, ${input.organizationName} báo cáo kết quả thực hiện công tác cải cách hành chính ${period.label} (số liệu tính đến ngày ${formatVietnameseDate(input.asOf)}) như sau:`,
    ),
    heading("I. KẾT QUẢ THỰC HIỆN"),
    heading("1. Tình hình chung"),
    body(
      `Trong kỳ báo cáo có ${total.total - total.ongoing} nhiệm vụ đến hạn; đã hoàn thành ${total.done} nhiệm vụ (tỷ lệ ${formatRate(completionRate(total))}), trong đó hoàn thành trễ hạn ${total.doneLate}; quá hạn chưa hoàn thành ${total.overdue}; đang thực hiện trong hạn ${total.inProgress}${total.ongoing > 0 ? `; ngoài ra ${total.ongoing} nhiệm vụ thực hiện thường xuyên` : ""}.`,
    ),
    countsTable([...sections.map((s): [string, Tally] => [s.name, tallyOf(s.rows)]), ["Tổng cộng", total]]),
    placeholder("Đánh giá chung: …"),
    heading("2. Kết quả thực hiện theo từng nhiệm vụ"),
  ];
  for (const section of sections) {
    children.push(heading(section.name));
    for (const row of section.rows) children.push(body(`- ${titleOf(row)}: ${outcomeOf(row)}.`));
  }
  if (sections.length === 0) children.push(body("Trong kỳ không có nhiệm vụ nào đến hạn."));
  children.push(heading("II. NHIỆM VỤ CHƯA HOÀN THÀNH VÀ NGUYÊN NHÂN"));
  if (late.length === 0) children.push(body("Không có nhiệm vụ quá hạn trong kỳ."));
  for (const row of late) {
    const why = row.lastNote ? `đơn vị báo cáo: “${row.lastNote}”` : "[Nguyên nhân: …]";
    children.push(
      body(`- ${titleOf(row)}: hạn ${dateOf(row.due)}, quá hạn ${row.daysLate} ngày (${unitsOf(row)}); ${why}.`),
    );
  }
  children.push(placeholder("Tồn tại, hạn chế và nguyên nhân: …"));
  children.push(heading(`III. NHIỆM VỤ TRỌNG TÂM ${next.label.toLocaleUpperCase("vi")}`));
  if (input.nextRows.length === 0) children.push(body("Kế hoạch không có nhiệm vụ đến hạn trong kỳ tới."));
  for (const row of input.nextRows) children.push(body(`- ${titleOf(row)}: hạn ${dateOf(row.due)} (${unitsOf(row)}).`));
  children.push(placeholder("Giải pháp, nhiệm vụ khác: …"));
  children.push(heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"));
  children.push(placeholder("Đề xuất, kiến nghị: …"));
  children.push(
    ...signatureBlock(
      ["- [Cơ quan cấp trên nhận báo cáo];", "- Thường trực Đảng ủy, HĐND;", "- Lưu: VT."],
      issuer.signer,
    ),
  );
  return packDecree30Document(`Báo cáo kết quả thực hiện công tác CCHC ${period.label}`, children);
}

/** The facts of the report: milestones due in the period and in the next one, judged as of `asOf`. */
export async function loadCchcReportInput(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  period: ReportPeriod,
  asOf: IsoDate,
  /** One document's tasks only: the report of what a Thông báo or a Công văn assigned. */
  source: { planId?: string } = {},
): Promise<Refused<"not-found" | "not-allowed"> | ({ kind: "ok" } & CchcReportInput)> {
  const current = await loadPaperReport(db, principal, organizationSlug, {
    today: asOf,
    from: period.from,
    to: period.to,
    ...source,
  });
  if (current.kind !== "ok") return current;
  const next = nextReportPeriod(period);
  const following = await loadPaperReport(db, principal, organizationSlug, {
    today: asOf,
    from: next.from,
    to: next.to,
    ...source,
  });
  if (following.kind !== "ok") return following;
  return {
    kind: "ok",
    organizationName: current.organizationName,
    planTitles: [...new Set([...current.planTitles, ...following.planTitles])],
    period,
    asOf,
    rows: current.rows,
    nextRows: following.rows,
  };
}
