/**
 * Writes the PAR INDEX criteria sets the tests and the example use:
 * `npx tsx test/support/par-sets/make-fixtures.ts` → test/fixtures/par/. The shipped
 * commune set as a Word appendix (header row repeated, column numbers, bold
 * field rows, a total row), its golden table, and the two other layouts
 * (.xlsx, and .pdf printed by LibreOffice from a Word table).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { COMMUNE_SET, type Row } from "./commune-set-2026.js";
import { EXCEL_GOLDEN, EXCEL_SET, PDF_GOLDEN, PDF_SET } from "./other-sets.js";

const OUT = join(import.meta.dirname, "../../fixtures/par");
const FONT = "Times New Roman";

const text = (value: string, bold = false) =>
  new Paragraph({ children: [new TextRun({ text: value, bold, font: FONT, size: 24 })] });
const centred = (value: string, bold = false, italic = false) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: value, bold, italics: italic, font: FONT, size: 26 })],
  });
const cell = (value: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: value.split("\n").map((line) => text(line, bold)),
  });

async function wordTable(
  heading: string[],
  header: string[],
  widths: number[],
  rows: string[][],
  boldRow: (row: string[]) => boolean,
  numbers: boolean,
): Promise<Buffer> {
  const tableRows = [
    new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i] as number, true)) }),
    ...(numbers
      ? [new TableRow({ tableHeader: true, children: header.map((_, i) => cell(`(${i + 1})`, widths[i] as number)) })]
      : []),
    ...rows.map(
      (row) => new TableRow({ children: row.map((value, i) => cell(value, widths[i] as number, boldRow(row))) }),
    ),
  ];
  const document = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          ...heading.map((line, i) => centred(line, i < heading.length - 1, i === heading.length - 1)),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: tableRows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

const golden = (rows: Array<[string, string, string]>) =>
  `code\tname\tmaxPoints\n${rows.map((r) => r.join("\t")).join("\n")}\n`;

async function communeSet(): Promise<void> {
  const total = "100";
  const bytes = await wordTable(
    [
      "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG",
      "Phụ lục III",
      "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA ỦY BAN NHÂN DÂN CÁC XÃ, PHƯỜNG, THỊ TRẤN NĂM 2026",
      "(Bộ chỉ số mẫu của nhacviec, soạn theo cấu trúc Bộ Chỉ số CCHC cấp xã ban hành kèm theo Quyết định số 2071/QĐ-UBND ngày 27/7/2018 của UBND tỉnh Bình Dương)",
    ],
    [
      "STT",
      "Lĩnh vực, tiêu chí, tiêu chí thành phần",
      "Điểm tối đa",
      "Cách chấm điểm",
      "Tài liệu kiểm chứng",
      "Điểm tự chấm",
    ],
    [6, 30, 8, 30, 18, 8],
    [...COMMUNE_SET.map((r: Row) => [...r, ""]), ["", "Tổng điểm", total, "", "", ""]],
    (row) => !(row[0] as string).includes(".") || row[1] === "Tổng điểm",
    true,
  );
  writeFileSync(join(OUT, "binh-duong-xa-2026.docx"), bytes);
  writeFileSync(
    join(OUT, "binh-duong-xa-2026.golden.tsv"),
    golden(COMMUNE_SET.map(([code, name, max]) => [code, name, max.replace(",", ".")])),
  );
}

async function excelSet(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Chỉ số CCHC cấp xã");
  sheet.addRow(["UBND TỈNH QUẢNG TRỊ"]);
  sheet.addRow(["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2026 (mẫu thử, bố cục bảng tính)"]);
  sheet.addRow([]);
  sheet.addRow([
    "TT",
    "Nội dung tiêu chí",
    "Tài liệu kiểm chứng",
    "Hướng dẫn chấm điểm",
    "Điểm tối đa",
    "Điểm tự chấm",
    "Ghi chú",
  ]);
  for (const [code, name, max, scoring, evidence] of EXCEL_SET) {
    const roman = /^[IVX]+$/.test(code);
    const row = sheet.addRow(
      roman
        ? [`${code}. ${name}`, "", "", "", Number(max.replace(",", "."))]
        : [code, name, evidence, scoring, Number(max.replace(",", "."))],
    );
    if (roman) {
      sheet.mergeCells(row.number, 1, row.number, 4);
      row.font = { bold: true };
    }
  }
  sheet.addRow(["", "Tổng cộng", "", "", 30]);
  writeFileSync(join(OUT, "quang-tri-xa-2026.xlsx"), Buffer.from(await workbook.xlsx.writeBuffer()));

  writeFileSync(
    join(OUT, "quang-tri-xa-2026.golden.tsv"),
    golden(EXCEL_GOLDEN.map(([code, max], i) => [code, (EXCEL_SET[i] as Row)[1], max])),
  );
}

async function pdfSet(): Promise<void> {
  const bytes = await wordTable(
    [
      "UBND TỈNH HÀ TĨNH",
      "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CẤP XÃ NĂM 2026 (mẫu thử, bố cục khác)",
      "(in ra PDF bằng LibreOffice)",
    ],
    ["TT", "Tiêu chí, tiêu chí thành phần", "Tài liệu kiểm chứng", "Thang điểm", "Phương pháp chấm điểm"],
    [7, 35, 20, 8, 30],
    PDF_SET.map(([code, name, max, scoring, evidence]) => [code, name, evidence, max, scoring]),
    (row) => /^\d+\.$/.test(row[0] as string),
    false,
  );
  const dir = mkdtempSync(join(tmpdir(), "par-pdf-"));
  try {
    writeFileSync(join(dir, "ha-tinh-xa-2026.docx"), bytes);
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "ha-tinh-xa-2026.docx")], {
      stdio: "ignore",
    });
    writeFileSync(join(OUT, "ha-tinh-xa-2026.pdf"), readFileSync(join(dir, "ha-tinh-xa-2026.pdf")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  writeFileSync(
    join(OUT, "ha-tinh-xa-2026.golden.tsv"),
    golden(PDF_GOLDEN.map(([code, max], i) => [code, (PDF_SET[i] as Row)[1], max])),
  );
}

await communeSet();
await excelSet();
await pdfSet();
