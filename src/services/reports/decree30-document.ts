/**
 * The pieces of a report laid out the way Decree 30/2020/NĐ-CP lays out an
 * administrative document: A4 with its margins, Times New Roman at its
 * sizes, the issuer and the national motto side by side, the title, body
 * paragraphs, a boxed table, and "Nơi nhận" beside the signature. The
 * commune's and the province's reports are both made of these.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from "docx";
import type { Issuer } from "../../domain/units/index.js";

export const FONT = "Times New Roman";
/** Half-points: body 14 pt, the issuer 13 pt, quốc hiệu and "Nơi nhận" 12 pt, its lines 11 pt (Decree 30, Appendix I). */
export const SIZE = { body: 28, header: 26, small: 24, tiny: 22 };
/** Decree 30/2020, Appendix I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm (in twips: 1 mm = 56.7). */
export const MARGINS_TWIPS = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
/** The width between the margins of an A4 page, in twips: what the tables fill. */
export const TEXT_WIDTH_TWIPS = 11906 - MARGINS_TWIPS.left - MARGINS_TWIPS.right;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

export type RunStyle = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean };
export const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE.body,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
export const centered = (text: string, style: RunStyle = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, style)] });
/** Body text: justified, first line indented 1 cm, 6 pt after, as offices type it. */
export const body = (children: TextRun[] | string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { after: 120, line: 300 },
    children: typeof children === "string" ? [run(children)] : children,
  });
export const heading = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { before: 120, after: 120 },
    children: [run(text, { bold: true })],
  });
/** What only a person can judge, left for the office to write: "[Đánh giá chung: …]". */
export const placeholder = (text: string) => body([run(`[${text}]`, { italics: true })]);

function twoColumns(left: Paragraph[], right: Paragraph[], widths: [number, number]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: widths[0], type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: widths[1], type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

/**
 * The heading: the issuer (under its governing body when it has one, as a
 * department writes "UBND TỈNH …" above "SỞ NỘI VỤ"), a rule and "Số: …/BC-…"
 * on the left; the national motto and the place and date line on the right.
 */
export function documentHeading(issuer: { name: string; parentName?: string | null; symbol: string }): Table {
  const above = issuer.parentName ? [centered(issuer.parentName.toLocaleUpperCase("vi"), { size: SIZE.header })] : [];
  return twoColumns(
    [
      ...above,
      centered(issuer.name.toLocaleUpperCase("vi"), { bold: true, size: SIZE.header }),
      centered("────────", { size: SIZE.header }),
      centered(`Số: …/BC-${issuer.symbol}`, { size: SIZE.header }),
    ],
    [
      centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: SIZE.small }),
      centered("Độc lập - Tự do - Hạnh phúc", { bold: true, size: SIZE.body, underline: true }),
      new Paragraph({ spacing: { before: 120 }, alignment: AlignmentType.CENTER, children: [] }),
      centered("……, ngày … tháng … năm ……", { italics: true, size: SIZE.body }),
    ],
    [3500, 5571],
  );
}

/** "BÁO CÁO", the report's subject in bold under it, and the short rule. */
export function reportTitle(subject: string): Paragraph[] {
  return [
    new Paragraph({
      spacing: { before: 240 },
      alignment: AlignmentType.CENTER,
      children: [run("BÁO CÁO", { bold: true })],
    }),
    centered(subject, { bold: true }),
    centered("────────", {}),
  ];
}

/** "Nơi nhận" with its lines on the left, the signer's title, "(Ký tên, đóng dấu)" and the name on the right. */
export function signatureBlock(recipients: string[], signer: Issuer["signer"]): Array<Paragraph | Table> {
  return [
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    twoColumns(
      [
        new Paragraph({ children: [run("Nơi nhận:", { bold: true, italics: true, size: SIZE.small })] }),
        ...recipients.map((line) => new Paragraph({ children: [run(line, { size: SIZE.tiny })] })),
      ],
      [
        ...signer.map((line) => centered(line, { bold: true, size: SIZE.header })),
        centered("(Ký tên, đóng dấu)", { italics: true, size: SIZE.small }),
        new Paragraph({ spacing: { before: 1200 }, children: [] }),
        centered("[Họ và tên]", { bold: true, size: SIZE.header }),
      ],
      [4300, 4771],
    ),
  ];
}

/**
 * A table with borders, its header row repeated on each page, in 12 pt: the
 * names' column (`textColumn`, the first by default) left-aligned, the
 * figures centred; `boldLast` for a total row.
 */
export function boxedTable(
  titles: string[],
  widths: number[],
  rows: string[][],
  options: { boldLast?: boolean; textColumn?: number } = {},
): Table {
  const textColumn = options.textColumn ?? 0;
  const cell = (text: string, index: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[index] as number, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: index === textColumn ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, { bold, size: SIZE.small })],
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: titles.map((title, index) => cell(title, index, true)) }),
      ...rows.map(
        (texts, r) =>
          new TableRow({
            cantSplit: true,
            children: texts.map((text, index) => cell(text, index, options.boldLast === true && r === rows.length - 1)),
          }),
      ),
    ],
  });
}

/** The .docx of a report: A4 portrait, the decree's margins, Times New Roman throughout. */
export async function packDecree30Document(title: string, children: Array<Paragraph | Table>): Promise<Buffer> {
  const document = new Document({
    creator: "nhacviec",
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { ...MARGINS_TWIPS, header: 567, footer: 567 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
