import { basename } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import type { Translator } from "../../i18n/i18n.js";
import type { ProgressColour } from "../../domain/milestones/index.js";
import { taskNumber } from "../reminders/compose-message.js";
import type { ReportRow } from "./report-rows.js";

/** The colours of the chat, as cell fills (ARGB). */
const FILL: Record<ProgressColour, string> = {
  green: "FFC6EFCE",
  blue: "FFDDEBF7",
  orange: "FFFCE4D6",
  red: "FFFFC7CE",
  grey: "FFEDEDED",
};

const excelDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** Widths that fit the longest value of each column, within reason. */
function fitColumns(sheet: ExcelJS.Worksheet, max = 60): void {
  sheet.columns.forEach((column) => {
    let width = 6;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const value = cell.value instanceof Date ? "00/00/0000" : cell.text;
      const longestLine = Math.max(...value.split("\n").map((line) => line.length));
      width = Math.max(width, Math.min(max, longestLine + 2));
    });
    column.width = width;
  });
}

function header(sheet: ExcelJS.Worksheet, titles: string[]): void {
  const row = sheet.addRow(titles);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

type Tally = { total: number; green: number; orange: number; red: number; blue: number; grey: number };
const emptyTally = (): Tally => ({ total: 0, green: 0, orange: 0, red: 0, blue: 0, grey: 0 });

/**
 * The report in the shape of the plan's appendix: a row per task and
 * milestone with its due day, state, rating colour, completion, days late,
 * who did it and the evidence files; then a summary per section and per unit.
 */
export async function buildReportWorkbook(rows: ReportRow[], { t }: Translator): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "nhacviec";
  const results = workbook.addWorksheet(t("report-sheet-results"));
  header(results, [
    t("report-col-number"),
    t("report-col-task"),
    t("report-col-milestone"),
    t("report-col-product"),
    t("report-col-lead"),
    t("report-col-due"),
    t("report-col-state"),
    t("report-col-rating"),
    t("report-col-completed"),
    t("report-col-days-late"),
    t("report-col-assignee"),
    t("report-col-evidence"),
  ]);
  let lastSection: string | null | undefined;
  for (const row of rows) {
    if (row.section !== lastSection && row.section) {
      const sectionRow = results.addRow([row.section, row.sectionTitle ?? ""]);
      sectionRow.font = { bold: true };
      lastSection = row.section;
    }
    const line = results.addRow([
      taskNumber(row.section, row.stt),
      row.title,
      row.label ?? "",
      row.product ?? "",
      row.leadUnits.join(", "),
      excelDate(row.due),
      t("state-label", { state: row.state, days: row.daysLate }),
      t("report-rating", { colour: row.colour }),
      excelDate(row.completedOn),
      row.daysLate,
      row.assignee ?? "",
      row.evidence.map((e) => e.fileName).join("\n"),
    ]);
    line.alignment = { vertical: "top", wrapText: true };
    for (const column of [6, 9]) line.getCell(column).numFmt = "dd/mm/yyyy";
    for (const column of [7, 8]) {
      line.getCell(column).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[row.colour] } };
    }
  }
  fitColumns(results);

  const summary = (name: string, firstColumn: string, groups: Map<string, Tally>) => {
    const sheet = workbook.addWorksheet(name);
    header(sheet, [
      firstColumn,
      t("report-col-total"),
      t("report-rating", { colour: "green" }),
      t("report-rating", { colour: "orange" }),
      t("report-rating", { colour: "red" }),
      t("report-rating", { colour: "blue" }),
      t("report-rating", { colour: "grey" }),
    ]);
    for (const [group, tally] of groups) {
      sheet.addRow([group, tally.total, tally.green, tally.orange, tally.red, tally.blue, tally.grey]);
    }
    fitColumns(sheet, 50);
  };
  const bySection = new Map<string, Tally>();
  const byUnit = new Map<string, Tally>();
  for (const row of rows) {
    const sectionName = row.section ? `${row.section}. ${row.sectionTitle ?? ""}`.trim() : "—";
    const unitNames = row.leadUnits.length > 0 ? row.leadUnits : [t("no-unit")];
    for (const [map, keys] of [
      [bySection, [sectionName]],
      [byUnit, unitNames],
    ] as const) {
      for (const key of keys) {
        const tally = map.get(key) ?? emptyTally();
        tally.total++;
        tally[row.colour]++;
        map.set(key, tally);
      }
    }
  }
  summary(t("report-sheet-sections"), t("report-col-section"), bySection);
  summary(t("report-sheet-units"), t("report-col-unit"), new Map([...byUnit].sort(([a], [b]) => a.localeCompare(b))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A path segment any archive tool and file system accept. */
function segment(text: string, max = 60): string {
  return (
    text
      .normalize("NFC")
      .replace(/[/\\:*?"<>|\0]/g, "_")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, max) || "_"
  );
}

/**
 * The evidence for the PAR-INDEX self-assessment: every file under
 * `<section>/<task>/`, with the report as the index at the top.
 */
export async function buildEvidenceZip(rows: ReportRow[], workbook: Buffer, workbookName: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(workbookName, workbook);
  const used = new Set<string>();
  for (const row of rows) {
    for (const file of row.evidence) {
      const folder = `${segment(row.section ?? "_")}/${segment(`${row.stt ?? ""} ${row.title}`)}${row.label ? ` (${segment(row.label, 30)})` : ""}`;
      let path = `${folder}/${segment(basename(file.fileName), 120)}`;
      if (used.has(path)) path = `${folder}/${file.sha256.slice(0, 8)}-${segment(basename(file.fileName), 110)}`;
      used.add(path);
      zip.file(path, await readFile(file.storagePath));
    }
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
