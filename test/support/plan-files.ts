/**
 * Builds one plan in every format the importer reads (tab text, CSV, .docx with
 * merged cells, .xlsx with merged ranges), so tests and benchmarks can check
 * that each format imports to the same tasks.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import ExcelJS from "exceljs";

export interface SampleRow {
  activity: string;
  product: string;
  lead: string;
  support: string;
  deadline: string;
}

export interface SampleTask {
  stt: string;
  title: string;
  rows: SampleRow[];
}

export interface SampleSection {
  roman: string;
  title: string;
  tasks: SampleTask[];
}

export interface SamplePlan {
  heading: string;
  sections: SampleSection[];
}

export const HEADER = [
  "TT",
  "Mục tiêu",
  "Hoạt động",
  "Kết quả/Sản phẩm",
  "Chủ trì",
  "Phối hợp",
  "Thời gian hoàn thành",
];

/** A small plan with activity rows, a deadline shared by two tasks, and units split by ';'. */
export const samplePlan: SamplePlan = {
  heading: "Cải cách hành chính xã Thử Nghiệm năm 2025",
  sections: [
    {
      roman: "I",
      title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
      tasks: [
        {
          stt: "1",
          title: "Xây dựng Kế hoạch CCHC năm 2025",
          rows: [
            {
              activity: "Ban hành Kế hoạch",
              product: "Kế hoạch",
              lead: "Văn phòng – Thống kê",
              support: "Các ngành liên quan",
              deadline: "Trước ngày 28/01/2025",
            },
            {
              activity: "Tuyên truyền Kế hoạch",
              product: "Tin bài",
              lead: "Văn hóa – Xã hội",
              support: "Các ngành liên quan",
              deadline: "Cả năm 2025",
            },
          ],
        },
        {
          stt: "2",
          title: "Kiểm tra công tác CCHC",
          rows: [
            {
              activity: "Kiểm tra các bộ phận",
              product: "Kết luận kiểm tra",
              lead: "Văn phòng – Thống kê; Tư pháp – Hộ tịch",
              support: "CBCC",
              deadline: "Quý III, Quý IV năm 2025",
            },
          ],
        },
        {
          stt: "3",
          title: "Tự đánh giá Chỉ số CCHC",
          rows: [
            {
              activity: "Chấm điểm",
              product: "Báo cáo",
              lead: "Văn phòng – Thống kê",
              support: "CBCC",
              deadline: "Quý III, Quý IV năm 2025",
            },
            {
              activity: "Giải trình",
              product: "Văn bản giải trình",
              lead: "Văn phòng – Thống kê",
              support: "CBCC",
              deadline: "Quý III, Quý IV năm 2025",
            },
          ],
        },
      ],
    },
    {
      roman: "II",
      title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
      tasks: [
        {
          stt: "1",
          title: "Công khai thủ tục hành chính",
          rows: [
            {
              activity: "Niêm yết TTHC",
              product: "Bảng niêm yết",
              lead: "Bộ phận một cửa",
              support: "Văn phòng – Thống kê",
              deadline: "Thường xuyên",
            },
          ],
        },
        {
          stt: "2",
          title: "Số hóa hồ sơ",
          rows: [
            {
              activity: "Số hóa kết quả giải quyết",
              product: "Hồ sơ điện tử",
              lead: "Bộ phận một cửa",
              support: "",
              deadline: "Hàng quý",
            },
          ],
        },
      ],
    },
  ],
};

/** A plan of `count` tasks for benchmarks, ten per section. */
export function largePlan(count: number): SamplePlan {
  const sections: SampleSection[] = [];
  const deadlines = [
    "Trước ngày 28/01/2025",
    "Quý II/2025",
    "Tháng 11-12/2025",
    "Thường xuyên",
    "Hàng tháng",
    "Năm 2025",
  ];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
      sections.push({ roman: toRoman(((i / 10) % 39) + 1), title: `MỤC SỐ ${i / 10 + 1}`, tasks: [] });
    }
    const section = sections[sections.length - 1] as SampleSection;
    section.tasks.push({
      stt: String((i % 10) + 1),
      title: `Nhiệm vụ số ${i + 1} về cải cách hành chính`,
      rows: [
        {
          activity: `Hoạt động ${i + 1}`,
          product: "Báo cáo",
          lead: `Bộ phận ${i % 17}`,
          support: "Các ngành liên quan",
          deadline: deadlines[i % deadlines.length] as string,
        },
      ],
    });
  }
  return { heading: "Cải cách hành chính xã Thử Nghiệm năm 2025", sections };
}

function toRoman(n: number): string {
  const numerals: Array<[number, string]> = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

const cellsOf = (task: SampleTask, row: SampleRow, first: boolean): string[] => [
  first ? task.stt : "",
  first ? task.title : "",
  row.activity,
  row.product,
  row.lead,
  row.support,
  row.deadline,
];

/** Tab-separated text, the way plans are pasted from Word (merged cells come out empty below their first row). */
export function toTabText(plan: SamplePlan): string {
  const lines = ["KẾ HOẠCH", plan.heading, "", HEADER.join("\t")];
  for (const section of plan.sections) {
    lines.push([section.roman, section.title, "", "", "", "", ""].join("\t"));
    for (const task of section.tasks) {
      task.rows.forEach((row, i) => {
        const cells = cellsOf(task, row, i === 0);
        if (i > 0 && row.deadline === task.rows[i - 1]?.deadline) cells[6] = "";
        lines.push(cells.join("\t"));
      });
    }
  }
  return `${lines.join("\n")}\n`;
}

const csvField = (text: string): string => (/[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** CSV as Excel writes it in a Vietnamese locale (';'), with the heading in one-cell rows above the table. */
export function toCsv(plan: SamplePlan): string {
  return toTabText(plan)
    .trimEnd()
    .split("\n")
    .map((line) => line.split("\t").map(csvField).join(";"))
    .join("\r\n");
}

/**
 * A Word document: TT and title cells merged down over a task's activity rows,
 * a deadline merged down over rows (and tasks) that share it, section rows as
 * one bold cell across the table.
 */
export async function toDocx(plan: SamplePlan): Promise<Buffer> {
  const paragraph = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const rows: TableRow[] = [
    new TableRow({ children: HEADER.map((h) => new TableCell({ children: [paragraph(h, true)] })) }),
  ];
  for (const section of plan.sections) {
    rows.push(
      new TableRow({
        children: [
          new TableCell({
            columnSpan: HEADER.length,
            children: [
              new Paragraph({
                alignment: AlignmentType.LEFT,
                children: [new TextRun({ text: `${section.roman}. ${section.title}`, bold: true })],
              }),
            ],
          }),
        ],
      }),
    );
    // Deadline runs: consecutive rows of the section with the same deadline share one merged cell.
    const flat = section.tasks.flatMap((task) => task.rows.map((row, i) => ({ task, row, first: i === 0 })));
    const deadlineSpan = new Map<number, number>();
    for (let i = 0; i < flat.length;) {
      let j = i + 1;
      while (j < flat.length && flat[j]!.row.deadline === flat[i]!.row.deadline) j++;
      deadlineSpan.set(i, j - i);
      i = j;
    }
    flat.forEach(({ task, row, first }, i) => {
      const children: TableCell[] = [];
      if (first) {
        children.push(new TableCell({ rowSpan: task.rows.length, children: [paragraph(task.stt)] }));
        children.push(new TableCell({ rowSpan: task.rows.length, children: [paragraph(task.title)] }));
      }
      for (const text of [row.activity, row.product, row.lead, row.support])
        children.push(new TableCell({ children: [paragraph(text)] }));
      const span = deadlineSpan.get(i);
      if (span !== undefined) children.push(new TableCell({ rowSpan: span, children: [paragraph(row.deadline)] }));
      rows.push(new TableRow({ children }));
    });
  }
  const document = new Document({
    sections: [{ children: [paragraph("KẾ HOẠCH", true), paragraph(plan.heading, true), new Table({ rows })] }],
  });
  return Packer.toBuffer(document);
}

/** An Excel workbook with TT, title and shared deadlines as merged ranges. */
export async function toXlsx(plan: SamplePlan): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phụ lục");
  sheet.addRow(["KẾ HOẠCH"]);
  sheet.addRow([plan.heading]);
  sheet.addRow(HEADER);
  for (const section of plan.sections) {
    const sectionRow = sheet.addRow([`${section.roman}. ${section.title}`]);
    sectionRow.font = { bold: true };
    sheet.mergeCells(sectionRow.number, 1, sectionRow.number, HEADER.length);
    let deadlineFrom: { row: number; text: string } | null = null;
    const closeDeadline = (lastRow: number) => {
      if (deadlineFrom && lastRow > deadlineFrom.row) sheet.mergeCells(deadlineFrom.row, 7, lastRow, 7);
    };
    for (const task of section.tasks) {
      const first = sheet.rowCount + 1;
      task.rows.forEach((row, i) => {
        const added = sheet.addRow(cellsOf(task, row, i === 0));
        if (deadlineFrom && deadlineFrom.text === row.deadline) added.getCell(7).value = null;
        else {
          closeDeadline(added.number - 1);
          deadlineFrom = { row: added.number, text: row.deadline };
        }
      });
      if (task.rows.length > 1) {
        sheet.mergeCells(first, 1, first + task.rows.length - 1, 1);
        sheet.mergeCells(first, 2, first + task.rows.length - 1, 2);
      }
    }
    closeDeadline(sheet.rowCount);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A font with Vietnamese letters: the system's DejaVu Sans (Debian's fonts-dejavu-core). */
export const VIETNAMESE_FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/**
 * A PDF of the plan laid out as a table on landscape A4 pages, cells wrapped to
 * their column and the header repeated on each page, as Word prints a plan.
 * `rowsPerPage` forces page breaks between rows.
 */
export async function toPdf(plan: SamplePlan, rowsPerPage = 6): Promise<Buffer> {
  const { PDFDocument } = await import("pdf-lib");
  const fontkit = (await import("@pdf-lib/fontkit")).default;
  const { readFile } = await import("node:fs/promises");
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await readFile(VIETNAMESE_FONT_PATH), { subset: true });
  const size = 8;
  const lineHeight = 10;
  const columnX = [30, 60, 210, 330, 440, 560, 680];
  const columnWidth = [26, 145, 115, 105, 115, 115, 130];
  const wrap = (text: string, width: number): string[] => {
    const lines: string[] = [];
    let current = "";
    for (const word of text.split(" ")) {
      const attempt = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(attempt, size) > width && current) {
        lines.push(current);
        current = word;
      } else current = attempt;
    }
    if (current) lines.push(current);
    return lines;
  };
  let page = pdf.addPage([842, 595]);
  let y = 560;
  let rowsOnPage = 0;
  const drawRow = (cells: string[]): void => {
    const wrapped = cells.map((text, i) => wrap(text, columnWidth[i] as number));
    wrapped.forEach((lines, i) =>
      lines.forEach((line, k) => page.drawText(line, { x: columnX[i] as number, y: y - k * lineHeight, size, font })),
    );
    y -= Math.max(1, ...wrapped.map((lines) => lines.length)) * lineHeight + 8;
  };
  const newPage = (): void => {
    page = pdf.addPage([842, 595]);
    y = 560;
    rowsOnPage = 0;
    drawRow(HEADER);
  };
  page.drawText("KẾ HOẠCH", { x: 380, y, size: 12, font });
  y -= 16;
  page.drawText(plan.heading, { x: 300, y, size: 11, font });
  y -= 30;
  drawRow(HEADER);
  for (const section of plan.sections) {
    drawRow([section.roman, section.title, "", "", "", "", ""]);
    for (const task of section.tasks) {
      task.rows.forEach((row, i) => {
        if (rowsOnPage >= rowsPerPage) newPage();
        const cells = cellsOf(task, row, i === 0);
        if (i > 0 && row.deadline === task.rows[i - 1]?.deadline) cells[6] = "";
        drawRow(cells);
        rowsOnPage++;
      });
    }
  }
  return Buffer.from(await pdf.save());
}
