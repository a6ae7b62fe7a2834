/**
 * The outputs the office submits: the self-assessment workbook in the
 * province's columns (code, criterion, maximum, self-score, evidence,
 * explanation) printed like the results workbook (A4, title block, header
 * repeated, one page wide, Times New Roman), and the evidence bundle whose
 * folders and file names carry the criterion code, with an index sheet.
 */
import { basename } from "node:path";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { safeFileName } from "../../domain/files/safe-file-name.js";
import { formatPoints } from "../../domain/par/index.js";
import type { Translator } from "../../i18n/i18n.js";
import { addPrintedSheet, PRINT_FONT } from "../reports/printed-sheet.js";
import { citeReference } from "../evidence-references.js";
import type { ParCriterionView, ParView } from "./par-view.js";

const FONT = PRINT_FONT;
/** Widths that fill an A4 portrait page one page wide; long texts wrap. */
const WIDTHS = [8, 40, 8, 8, 30, 34];
const COLUMNS = WIDTHS.length;
const THIN = { style: "thin" as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** What a criterion cites: its own files and documents, then its tasks'. */
export function criterionEvidence(row: ParCriterionView): string[] {
  return [
    ...row.files.map((f) => f.fileName),
    ...row.references.map(citeReference),
    ...row.tasks.flatMap((task) => [...task.files.map((f) => f.fileName), ...task.references.map(citeReference)]),
  ];
}

/** The note beside a score: the explanation where evidence is missing, else how the points were reached. */
function noteOf(row: ParCriterionView, t: Translator["t"]): string {
  if (row.source === "survey") return t("par-survey");
  const basis =
    row.source === "automatic" && row.automatic
      ? row.automatic.share !== undefined
        ? t("par-automatic-share", { kind: row.automatic.kind, share: formatPoints(row.automatic.share) })
        : t("par-automatic-outcome", { outcome: row.automatic.outcome ?? "missing" })
      : row.source === "self"
        ? (row.selfScore?.justification ?? "")
        : "";
  return [basis, row.explanation ?? ""].filter((s) => s.length > 0).join("\n");
}

function fitHeight(row: ExcelJS.Row): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    const width = WIDTHS[column - 1] ?? 10;
    const needed = cell.text
      .split("\n")
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / (width * 1.4))), 0);
    lines = Math.max(lines, needed);
  });
  row.height = Math.max(16, lines * 14.5);
}

function titleRow(sheet: ExcelJS.Worksheet, text: string, style: { bold?: boolean; italic?: boolean; size?: number }) {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, COLUMNS);
  row.getCell(1).font = {
    name: FONT,
    size: style.size ?? 12,
    bold: style.bold ?? false,
    italic: style.italic ?? false,
  };
  row.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  row.height = Math.max(18, Math.ceil(text.length / 95) * 16);
}

/** The self-assessment workbook of a view. */
export async function buildParWorkbook(view: ParView, { t }: Translator): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "nhacviec";
  const sheet = addPrintedSheet(workbook, t("par-sheet"), {
    orientation: "portrait",
    widths: WIDTHS,
    pageLabel: t("report-page"),
  });
  const office = sheet.addRow([view.organizationName.toLocaleUpperCase("vi")]);
  sheet.mergeCells(office.number, 1, office.number, 3);
  office.getCell(1).font = { name: FONT, size: 12, bold: true };
  titleRow(sheet, t("par-title", { year: String(view.year) }), { bold: true, size: 14 });
  titleRow(sheet, t("par-set-line", { title: view.set.title, source: view.set.source }), { italic: true, size: 11 });
  titleRow(sheet, t("par-as-of", { date: formatVietnameseDate(view.asOf) }), { italic: true, size: 11 });
  sheet.addRow([]);
  const header = sheet.addRow([
    t("par-col-code"),
    t("par-col-criterion"),
    t("par-col-max"),
    t("par-col-score"),
    t("par-col-evidence"),
    t("par-col-explanation"),
  ]);
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
    cell.border = BOX;
  });
  header.height = 32;
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  sheet.views = [{ state: "frozen", ySplit: header.number }];
  const style = (row: ExcelJS.Row, bold: boolean) => {
    for (let column = 1; column <= COLUMNS; column++) {
      const cell = row.getCell(column);
      cell.font = { name: FONT, size: 11, bold };
      cell.border = BOX;
      cell.alignment = {
        vertical: "top",
        wrapText: true,
        ...([1, 3, 4].includes(column) ? { horizontal: "center" } : {}),
      };
    }
  };
  const addTotal = (label: string, points: number, maxPoints: number) => {
    const row = sheet.addRow(["", label, maxPoints, points, "", ""]);
    style(row, true);
    for (const column of [3, 4]) row.getCell(column).numFmt = "0.##";
  };
  for (const row of view.criteria) {
    const { criterion } = row;
    if (row.depth === 0 && row !== view.criteria[0]) {
      const previous = view.fields[view.fields.findIndex((f) => f.code === criterion.code) - 1];
      if (previous) addTotal(t("par-field-total", { code: previous.code }), previous.points, previous.maxPoints);
    }
    const line = sheet.addRow([
      criterion.code,
      criterion.name,
      criterion.maxPoints,
      row.points,
      criterionEvidence(row).join("\n"),
      criterion.children.length > 0 ? "" : noteOf(row, t),
    ]);
    style(line, row.depth === 0 || criterion.children.length > 0);
    line.getCell(2).alignment = { vertical: "top", wrapText: true, indent: Math.min(row.depth, 3) };
    for (const column of [3, 4]) line.getCell(column).numFmt = "0.##";
    if (row.missingEvidence || row.missingScore) {
      line.getCell(row.missingScore ? 4 : 5).fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FFFFC7CE" },
      };
    }
    fitHeight(line);
  }
  const last = view.fields.at(-1);
  if (last) addTotal(t("par-field-total", { code: last.code }), last.points, last.maxPoints);
  addTotal(t("par-grand-total"), view.total.points, view.total.maxPoints);
  sheet.addRow([]);
  const signers = sheet.addRow([]);
  for (const [from, to, text] of [
    [1, 2, t("report-signer-preparer")],
    [5, 6, t("report-signer-head")],
  ] as const) {
    signers.getCell(from).value = text;
    sheet.mergeCells(signers.number, from, signers.number, to);
    signers.getCell(from).font = { name: FONT, size: 12, bold: true };
    signers.getCell(from).alignment = { horizontal: "center" };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const segment = (text: string, maxBytes = 100) => safeFileName(text, { maxBytes });

/** Where each evidence file of a view goes in the bundle: `<code> <criterion>/<code>_<file>`. */
export function bundlePaths(
  view: ParView,
): Array<{ row: ParCriterionView; path: string; storagePath: string; source: string }> {
  const used = new Set<string>();
  const entries: Array<{ row: ParCriterionView; path: string; storagePath: string; source: string }> = [];
  for (const row of view.criteria) {
    const folder = segment(`${row.criterion.code} ${row.criterion.name}`);
    const files = [
      ...row.files.map((file) => ({ file, source: "" })),
      ...row.tasks.flatMap((task) => task.files.map((file) => ({ file, source: `${task.number}|${task.title}` }))),
    ];
    for (const { file, source } of files) {
      let path = `${folder}/${segment(`${row.criterion.code}_${basename(file.fileName)}`, 140)}`;
      if (used.has(path))
        path = `${folder}/${segment(`${row.criterion.code}_${file.sha256.slice(0, 8)}_${basename(file.fileName)}`, 140)}`;
      used.add(path);
      entries.push({ row, path, storagePath: file.storagePath, source });
    }
  }
  return entries;
}

/** The evidence bundle: the workbook, an index sheet, and every file under its criterion's folder. */
export async function buildParBundle(
  view: ParView,
  workbook: Buffer,
  workbookName: string,
  { t }: Translator,
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(workbookName, workbook);
  const entries = bundlePaths(view);
  const index = new ExcelJS.Workbook();
  const sheet = index.addWorksheet(t("par-index-sheet"), {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const header = sheet.addRow([
    t("par-col-code"),
    t("par-col-criterion"),
    t("par-index-col-path"),
    t("par-index-col-source"),
  ]);
  header.font = { name: FONT, bold: true };
  [10, 40, 50, 40].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const entry of entries) {
    const [number, title] = entry.source.split("|");
    const source = entry.source
      ? t("par-from-task", { number: number ?? "", title: title ?? "" })
      : t("par-from-criterion");
    sheet.addRow([entry.row.criterion.code, entry.row.criterion.name, entry.path, source]).font = { name: FONT };
    zip.file(entry.path, await readFile(entry.storagePath));
  }
  const cite = (row: ParCriterionView, text: string, source: string) => {
    sheet.addRow([row.criterion.code, row.criterion.name, text, source]).font = { name: FONT };
  };
  for (const row of view.criteria) {
    for (const reference of row.references) cite(row, citeReference(reference), t("par-from-criterion"));
    for (const task of row.tasks) {
      const source = t("par-from-task", { number: task.number, title: task.title });
      for (const reference of task.references) cite(row, citeReference(reference), source);
    }
  }
  zip.file(`${segment(t("par-index-sheet"))}.xlsx`, Buffer.from(await index.xlsx.writeBuffer()));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
