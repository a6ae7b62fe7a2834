import { basename } from "node:path";
import { safeFileName } from "../../domain/files/safe-file-name.js";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import type { Translator } from "../../i18n/i18n.js";
import { addPrintedSheet, PRINT_FONT } from "./printed-sheet.js";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { countedUnits, type ProgressColour } from "../../domain/milestones/index.js";
import { citeReference } from "../evidence-references.js";
import { taskNumber } from "../reminders/compose-message.js";
import type { PaperReport, PaperRow } from "./paper-report.js";
import { addToTally, completionRate, emptyTally, formatRate, type Tally, tallyOf } from "./report-tally.js";

/** The colours of the chat, as cell fills (ARGB). */
const FILL: Record<ProgressColour, string> = {
  green: "FFC6EFCE",
  blue: "FFDDEBF7",
  orange: "FFFCE4D6",
  red: "FFFFC7CE",
  grey: "FFEDEDED",
};
const ONGOING_FILL = "FFFFF2CC";

const excelDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** Offices print in Times New Roman; a cell without a font falls back to the viewer's default. */
const FONT = PRINT_FONT;
/** Widths (in characters) that fill an A4 landscape page at a readable scale; long text wraps. */
const WIDTHS = [6, 36, 12, 20, 18, 11, 14, 13, 11, 8, 15, 30];
const COLUMNS = WIDTHS.length;
const THIN = { style: "thin" as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function spanRow(
  sheet: ExcelJS.Worksheet,
  text: string,
  style: { bold?: boolean; italic?: boolean; size?: number; align?: "left" | "center"; from?: number; to?: number },
): ExcelJS.Row {
  const row = sheet.addRow([]);
  const from = style.from ?? 1;
  const to = style.to ?? COLUMNS;
  row.getCell(from).value = text;
  sheet.mergeCells(row.number, from, row.number, to);
  const cell = row.getCell(from);
  cell.font = { name: FONT, size: style.size ?? 12, bold: style.bold ?? false, italic: style.italic ?? false };
  cell.alignment = { horizontal: style.align ?? "left", vertical: "middle", wrapText: true };
  return row;
}

/**
 * Row height for wrapped text: LibreOffice and Excel keep the default height
 * of a row written by a library, so long task names would print cut off.
 */
function fitHeight(row: ExcelJS.Row): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    if (cell.isMerged && cell.master !== cell) return;
    // A merged cell wraps across every column it spans.
    let width = WIDTHS[column - 1] ?? 10;
    for (let next = column + 1; next <= COLUMNS && row.getCell(next).master === cell; next++) {
      width += WIDTHS[next - 1] ?? 10;
    }
    const text = cell.value instanceof Date ? "" : cell.text;
    const needed = text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / (width * 1.2))), 0);
    lines = Math.max(lines, needed);
  });
  row.height = Math.max(16, lines * 15);
}

/** One line of counts, as the totals under each section say them. */
function tallyLine(t: Translator["t"], tally: Tally): string {
  return t("report-tally-line", {
    total: tally.total,
    done: tally.done,
    rate: formatRate(completionRate(tally)),
    late: tally.doneLate,
    overdue: tally.overdue,
    pending: tally.inProgress,
    ongoing: tally.ongoing,
  });
}

/** What a row cites as evidence: its files by name, then its documents by number and date. */
export function evidenceText(row: PaperRow): string {
  return [...row.evidence.map((e) => e.fileName), ...row.references.map(citeReference)].join("\n");
}

/** A body cell's look: boxed, wrapped, the number and days-late columns centred. */
function styleBody(row: ExcelJS.Row, options: { bold?: boolean } = {}): void {
  for (let column = 1; column <= COLUMNS; column++) {
    const cell = row.getCell(column);
    cell.font = { name: FONT, size: 11, bold: options.bold ?? false };
    cell.border = BOX;
    cell.alignment = {
      vertical: "top",
      wrapText: true,
      ...(column === 1 || column === 10 ? { horizontal: "center" } : {}),
    };
  }
}

type Section = { name: string; rows: PaperRow[] };

/** The rows by the plan's section ("" for rows outside any), in the plan's order. */
function sectionsOf(rows: PaperRow[]): Map<string, Section> {
  const sections = new Map<string, Section>();
  for (const row of rows) {
    const key = row.section ?? "";
    const group = sections.get(key) ?? {
      name: row.section ? `${row.section}. ${row.sectionTitle ?? ""}`.trim() : "—",
      rows: [],
    };
    group.rows.push(row);
    sections.set(key, group);
  }
  return sections;
}

/** The title block and the column header, repeated on every printed page and frozen on screen. */
function writeHeading(sheet: ExcelJS.Worksheet, report: PaperReport, t: Translator["t"]): void {
  spanRow(sheet, report.organizationName.toLocaleUpperCase("vi"), { bold: true, to: 5 });
  spanRow(sheet, t("report-title"), { bold: true, size: 14, align: "center" });
  spanRow(sheet, report.planTitles.join("; "), { italic: true, align: "center" });
  spanRow(sheet, t("report-as-of", { date: formatVietnameseDate(report.asOf) }), { italic: true, align: "center" });
  sheet.addRow([]);
  const columns = ["number", "task", "milestone", "product", "lead", "due", "state", "rating", "completed"];
  const titles = [...columns, "days-late", "assignee", "evidence"].map((column) => t(`report-col-${column}`));
  const header = sheet.addRow(titles);
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
    cell.border = BOX;
  });
  header.height = 32;
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  sheet.views = [{ state: "frozen", ySplit: header.number }];
}

/** One task's row: its state and rating cells filled with the chat's colour. */
function writeTaskRow(sheet: ExcelJS.Worksheet, row: PaperRow, t: Translator["t"]): void {
  const line = sheet.addRow([
    taskNumber(row.section, row.stt),
    row.title,
    row.mark,
    row.product ?? "",
    row.leadUnits.join(", "),
    excelDate(row.due),
    row.ongoing ? t("report-ongoing") : t("state-label", { state: row.shown, days: row.daysLate }),
    row.ongoing ? t("report-ongoing") : t("report-rating", { colour: row.colour }),
    excelDate(row.completedOn),
    row.ongoing ? null : row.daysLate,
    row.assignee ?? "",
    evidenceText(row),
  ]);
  styleBody(line);
  fitHeight(line);
  for (const column of [6, 9]) line.getCell(column).numFmt = "dd/mm/yyyy";
  for (const column of [7, 8]) {
    line.getCell(column).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: row.ongoing ? ONGOING_FILL : FILL[row.colour] },
    };
  }
}

/** Each section's heading, its tasks and its total, then the grand total. */
function writeTasks(sheet: ExcelJS.Worksheet, sections: Map<string, Section>, rows: PaperRow[], t: Translator["t"]) {
  for (const [section, group] of sections) {
    if (section) {
      const sectionRow = sheet.addRow([section, group.name.replace(/^[^.]*\.\s*/, "")]);
      sheet.mergeCells(sectionRow.number, 2, sectionRow.number, COLUMNS);
      styleBody(sectionRow, { bold: true });
    }
    for (const row of group.rows) writeTaskRow(sheet, row, t);
    const total = sheet.addRow([
      "",
      t("report-section-total", { section: section || "—" }),
      tallyLine(t, tallyOf(group.rows)),
    ]);
    sheet.mergeCells(total.number, 3, total.number, COLUMNS);
    styleBody(total, { bold: true });
    fitHeight(total);
    total.getCell(2).font = { name: FONT, size: 11, bold: true, italic: true };
  }
  const grand = sheet.addRow(["", t("report-grand-total"), tallyLine(t, tallyOf(rows))]);
  sheet.mergeCells(grand.number, 3, grand.number, COLUMNS);
  styleBody(grand, { bold: true });
}

/** The summary by section and by unit; it reuses the page's columns so every printed page keeps the same header. */
function writeSummary(sheet: ExcelJS.Worksheet, sections: Map<string, Section>, rows: PaperRow[], t: Translator["t"]) {
  sheet.addRow([]);
  spanRow(sheet, t("report-summary-title"), { bold: true, align: "center" });
  const counts = ["total", "done", "rate", "done-late", "overdue", "in-progress", "ongoing"];
  const summaryHeader = sheet.addRow([
    t("report-col-number"),
    t("report-col-group"),
    "",
    "",
    "",
    ...counts.map((column) => t(`report-col-${column}`)),
  ]);
  sheet.mergeCells(summaryHeader.number, 2, summaryHeader.number, 5);
  styleBody(summaryHeader, { bold: true });
  summaryHeader.eachCell((cell) => {
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  const summaryRow = (number: string, name: string, tally: Tally, bold = false) => {
    const row = sheet.addRow([
      number,
      name,
      "",
      "",
      "",
      tally.total,
      tally.done,
      formatRate(completionRate(tally)),
      tally.doneLate,
      tally.overdue,
      tally.inProgress,
      tally.ongoing,
    ]);
    sheet.mergeCells(row.number, 2, row.number, 5);
    styleBody(row, { bold });
    fitHeight(row);
    for (let column = 6; column <= COLUMNS; column++) row.getCell(column).alignment = { horizontal: "center" };
  };
  spanRow(sheet, t("report-by-section"), { bold: true, italic: true });
  let index = 0;
  for (const [, group] of sections) summaryRow(String(++index), group.name, tallyOf(group.rows));
  spanRow(sheet, t("report-by-unit"), { bold: true, italic: true });
  const byUnit = new Map<string, Tally>();
  for (const row of rows) {
    for (const unit of countedUnits(row.leadUnits).map((u) => u ?? t("no-unit"))) {
      byUnit.set(unit, addToTally(byUnit.get(unit) ?? emptyTally(), row));
    }
  }
  index = 0;
  for (const [unit, tally] of [...byUnit].sort(([a], [b]) => a.localeCompare(b, "vi"))) {
    summaryRow(String(++index), unit, tally);
  }
  summaryRow("", t("report-grand-total"), tallyOf(rows), true);
}

/** The place and date, and the signature block: who prepared it on the left, the head (and seal) on the right. */
function writeSignatures(sheet: ExcelJS.Worksheet, t: Translator["t"]): void {
  sheet.addRow([]);
  const place = spanRow(sheet, t("report-place-date"), { italic: true, align: "center", from: 8, to: COLUMNS });
  place.getCell(8).font = { name: FONT, size: 12, italic: true };
  const lines = [
    { keys: ["report-signer-preparer", "report-signer-head"], font: { size: 12, bold: true } },
    { keys: ["report-sign-hint", "report-sign-seal"], font: { size: 11, italic: true } },
  ];
  for (const { keys, font } of lines) {
    const row = sheet.addRow([]);
    for (const [from, to, key] of [
      [1, 5, keys[0]],
      [8, COLUMNS, keys[1]],
    ] as const) {
      row.getCell(from).value = t(key as string);
      sheet.mergeCells(row.number, from, row.number, to);
      row.getCell(from).font = { name: FONT, ...font };
      row.getCell(from).alignment = { horizontal: "center" };
    }
  }
}

/**
 * The results report made for paper: one A4 landscape sheet, fit to one page
 * wide, the header row repeated on every page, a title block, a row per task
 * and milestone, totals per section, per unit and overall, and the signature
 * block the office signs before sending it up.
 */
export async function buildReportWorkbook(report: PaperReport, { t }: Translator): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "nhacviec";
  const sheet = addPrintedSheet(workbook, t("report-sheet-results"), {
    orientation: "landscape",
    widths: WIDTHS,
    pageLabel: t("report-page"),
  });
  const sections = sectionsOf(report.rows);
  writeHeading(sheet, report, t);
  writeTasks(sheet, sections, report.rows, t);
  writeSummary(sheet, sections, report.rows, t);
  writeSignatures(sheet, t);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A path segment any archive tool and file system accept. */
function segment(text: string, maxBytes = 120): string {
  return safeFileName(text, { maxBytes });
}

/**
 * The evidence for the PAR-INDEX self-assessment: every file under
 * `<section>/<task>/`, with the report as the index at the top.
 */
export async function buildEvidenceZip(rows: PaperRow[], workbook: Buffer, workbookName: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(workbookName, workbook);
  const used = new Set<string>();
  for (const row of rows) {
    for (const file of row.evidence) {
      const folder = `${segment(row.section ?? "_")}/${segment(`${row.stt ?? ""} ${row.title}`)}${row.label ? ` (${segment(row.label, 60)})` : ""}`;
      let path = `${folder}/${segment(basename(file.fileName), 120)}`;
      if (used.has(path)) path = `${folder}/${file.sha256.slice(0, 8)}-${segment(basename(file.fileName), 110)}`;
      used.add(path);
      zip.file(path, await readFile(file.storagePath));
    }
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
