/**
 * The province's results workbook (Decree 30's report at province level):
 * communes as rows, ranked as the league table ranks them, one sheet for all
 * the province's work and one per field of reform. Printed like the other
 * workbooks (A4, Times New Roman, page numbers).
 */
import ExcelJS from "exceljs";
import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import type { LeagueRow } from "../../domain/province/index.js";
import type { Translator } from "../../i18n/i18n.js";
import { addPrintedSheet, PRINT_FONT } from "./printed-sheet.js";

const WIDTHS = [7, 34, 12, 13, 13, 13, 12, 13];
const THIN = { style: "thin" as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** One table of communes under a title: rank, commune, tasks, done, done on time, on-time share, overdue, days late. */
function addLeagueSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: readonly LeagueRow[],
  heading: { title: string; asOf: string; t: Translator["t"] },
): void {
  const { t } = heading;
  // Sheet names are at most 31 characters without []:*?/\ (Excel's rule).
  const sheet = addPrintedSheet(workbook, name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31), {
    orientation: "portrait",
    widths: WIDTHS,
    pageLabel: t("report-page"),
  });
  for (const text of [heading.title, heading.asOf]) {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, WIDTHS.length);
    row.getCell(1).font = { name: PRINT_FONT, size: 13, bold: text === heading.title };
    row.getCell(1).alignment = { horizontal: "center", wrapText: true };
  }
  const header = sheet.addRow([
    t("web-province-rank"),
    t("web-province-commune"),
    t("province-workbook-tasks"),
    t("web-province-done"),
    t("province-workbook-on-time"),
    t("web-province-on-time"),
    t("web-province-overdue"),
    t("web-province-days-late"),
  ]);
  const body = rows.map((r) =>
    sheet.addRow([r.rank, r.organizationName, r.tasks, r.done, r.doneOnTime, r.onTimeShare, r.overdue, r.daysLate]),
  );
  for (const row of [header, ...body]) {
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.font = { name: PRINT_FONT, size: 12, bold: row === header };
      cell.border = BOX;
      cell.alignment = { vertical: "middle", wrapText: true, horizontal: column === 2 ? "left" : "center" };
    });
  }
  sheet.getColumn(6).numFmt = "0%";
}

/** The workbook of the province's communes on `asOf`: all work, then each field of reform. */
export async function buildProvinceWorkbook(
  data: {
    provinceName: string;
    asOf: IsoDate;
    all: readonly LeagueRow[];
    byField: ReadonlyArray<{ field: string; rows: readonly LeagueRow[] }>;
  },
  { t }: Translator,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const asOf = t("web-province-as-of", { date: formatVietnameseDate(data.asOf) });
  const title = t("web-province-title", { province: data.provinceName });
  addLeagueSheet(workbook, t("province-workbook-all"), data.all, { title, asOf, t });
  for (const [i, { field, rows }] of data.byField.entries()) {
    addLeagueSheet(workbook, `${i + 1}. ${field}`, rows, { title: `${title} – ${field}`, asOf, t });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
