import type ExcelJS from "exceljs";

/** The typeface of every printed workbook: what offices print their documents in. */
export const PRINT_FONT = "Times New Roman";

/**
 * A worksheet laid out for paper the way offices print: A4, one page wide
 * (as many pages down as it takes), centred, with "Trang x/y" in the footer.
 * One definition for the results workbook and the self-assessment workbook.
 */
export function addPrintedSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  options: { orientation: "portrait" | "landscape"; widths: readonly number[]; pageLabel: string },
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: options.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {
        left: options.orientation === "portrait" ? 0.5 : 0.4,
        right: 0.4,
        top: 0.6,
        bottom: 0.6,
        header: 0.3,
        footer: 0.3,
      },
    },
    headerFooter: { oddFooter: `&C&"${PRINT_FONT}"&10${options.pageLabel} &P/&N` },
  });
  options.widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  return sheet;
}
