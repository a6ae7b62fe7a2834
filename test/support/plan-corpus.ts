/**
 * One plan written out the ways offices write it: Word documents built from
 * raw WordprocessingML (so merges, automatic numbering, header rows, split
 * runs and nested tables are exactly what Word saves), plus .xlsx and .csv.
 * Each variation must import to the same tasks; `expectedTasks` says which.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { splitUnitCell } from "../../src/domain/units/index.js";

export interface CorpusTask {
  title: string;
  lead: string;
  support: string;
  deadline: string;
  product: string;
}

export interface CorpusSection {
  title: string;
  tasks: CorpusTask[];
}

export interface CorpusPlan {
  /** "UBND XÃ AN PHÚ", "SỞ NỘI VỤ" … as the heading table prints it (upper case). */
  issuerLines: string[];
  place: string;
  number: string;
  year: number;
  subject: string;
  sections: CorpusSection[];
}

export const communePlan: CorpusPlan = {
  issuerLines: ["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ"],
  place: "An Phú",
  number: "Số: 15/KH-UBND",
  year: 2026,
  subject: "Cải cách hành chính năm 2026",
  sections: [
    {
      title: "CẢI CÁCH THỂ CHẾ",
      tasks: [
        {
          title: "Rà soát văn bản quy phạm pháp luật do xã ban hành",
          lead: "Tư pháp – Hộ tịch",
          support: "Văn phòng HĐND và UBND",
          deadline: "Quý II/2026",
          product: "Báo cáo rà soát",
        },
        {
          title: "Kiểm tra việc thi hành pháp luật",
          lead: "Văn phòng HĐND và UBND; Tư pháp – Hộ tịch",
          support: "Các ban, ngành",
          deadline: "Tháng 10/2026",
          product: "Kết luận",
        },
      ],
    },
    {
      title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
      tasks: [
        {
          title: "Công khai thủ tục hành chính tại Bộ phận một cửa",
          lead: "Bộ phận Một cửa",
          support: "",
          deadline: "Thường xuyên",
          product: "Bảng niêm yết",
        },
        {
          title: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
          lead: "Bộ phận Một cửa",
          support: "Công an xã",
          deadline: "Trước ngày 15/12/2026",
          product: "Hồ sơ điện tử",
        },
        {
          title: "Đo lường sự hài lòng của người dân",
          lead: "Văn hóa – Xã hội",
          support: "Bộ phận Một cửa; Công an xã",
          deadline: "Quý III, Quý IV năm 2026",
          product: "Báo cáo",
        },
      ],
    },
    {
      title: "CẢI CÁCH TỔ CHỨC BỘ MÁY",
      tasks: [
        {
          title: "Rà soát chức năng, nhiệm vụ của các bộ phận",
          lead: "Văn phòng HĐND và UBND",
          support: "Các bộ phận chuyên môn",
          deadline: "Năm 2026",
          product: "Quyết định",
        },
      ],
    },
  ],
};

/** How the sections and tasks are numbered. */
export type Numbering = "roman" | "letter" | "arabic" | "part";

export function sectionLabel(numbering: Numbering, index: number): string {
  const roman = ["I", "II", "III", "IV", "V", "VI"][index] as string;
  if (numbering === "letter") return String.fromCharCode(65 + index);
  if (numbering === "arabic") return String(index + 1);
  return roman;
}

/** "1" or, under Arabic sections, "2.1". */
export function taskLabel(numbering: Numbering, section: number, task: number): string {
  return numbering === "arabic" ? `${section + 1}.${task + 1}` : String(task + 1);
}

/** The tasks an import must produce for a plan numbered one way. */
export function expectedTasks(plan: CorpusPlan, numbering: Numbering = "roman") {
  return plan.sections.flatMap((section, s) =>
    section.tasks.map((task, t) => ({
      section: sectionLabel(numbering, s),
      stt: taskLabel(numbering, s, t),
      lead: splitUnitCell(task.lead),
      support: splitUnitCell(task.support),
      deadlineTexts: [task.deadline],
    })),
  );
}

// ---------- WordprocessingML ----------

const esc = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Runs of a text; `split` cuts words across runs, as Word does after an edit or a spell check. */
function runs(text: string, options: { bold?: boolean; split?: boolean } = {}): string {
  const rPr = options.bold ? "<w:rPr><w:b/></w:rPr>" : "";
  const lines = text.split("\n");
  return lines
    .map((line, i) => {
      const pieces = options.split && line.length > 6 ? [line.slice(0, 3), line.slice(3, 7), line.slice(7)] : [line];
      const body = pieces.map((p) => `<w:r>${rPr}<w:t xml:space="preserve">${esc(p)}</w:t></w:r>`).join("");
      return (i > 0 ? `<w:r><w:br/></w:r>` : "") + body;
    })
    .join("");
}

function paragraph(
  text: string,
  options: { bold?: boolean; split?: boolean; numbering?: [number, number]; center?: boolean } = {},
): string {
  const numPr = options.numbering
    ? `<w:numPr><w:ilvl w:val="${options.numbering[1]}"/><w:numId w:val="${options.numbering[0]}"/></w:numPr>`
    : "";
  const jc = options.center ? `<w:jc w:val="center"/>` : "";
  return `<w:p>${numPr || jc ? `<w:pPr>${numPr}${jc}</w:pPr>` : ""}${runs(text, options)}</w:p>`;
}

export interface Cell {
  text?: string;
  bold?: boolean;
  span?: number;
  /** "restart" starts a vertical merge, "continue" is a cell it covers. */
  vMerge?: "restart" | "continue";
  numbering?: [number, number];
  split?: boolean;
  /** Centred, as offices print headers, TT numbers and dates. */
  center?: boolean;
  /** Raw XML for the cell body (a nested table). */
  xml?: string;
}

function cellXml(cell: Cell): string {
  const props = [
    cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : "",
    cell.vMerge === "restart" ? `<w:vMerge w:val="restart"/>` : cell.vMerge === "continue" ? "<w:vMerge/>" : "",
  ].join("");
  const body =
    cell.xml ??
    paragraph(cell.vMerge === "continue" ? "" : (cell.text ?? ""), {
      bold: cell.bold ?? false,
      split: cell.split ?? false,
      center: cell.center ?? false,
      ...(cell.numbering ? { numbering: cell.numbering } : {}),
    });
  return `<w:tc><w:tcPr>${props}</w:tcPr>${body}</w:tc>`;
}

export function tableXml(rows: Cell[][], options: { headerRows?: number; width?: number } = {}): string {
  const width = options.width ?? Math.max(...rows.map((r) => r.reduce((n, c) => n + (c.span ?? 1), 0)));
  const grid = `<w:tblGrid>${`<w:gridCol w:w="${Math.floor(15000 / width)}"/>`.repeat(width)}</w:tblGrid>`;
  const body = rows
    .map(
      (cells, i) =>
        `<w:tr>${i < (options.headerRows ?? 0) ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells.map(cellXml).join("")}</w:tr>`,
    )
    .join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${body}</w:tbl>`;
}

/** Level 0: I., II. (sections); level 1: 1., 2. restarting under each section. */
const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

/** A .docx from body XML: the parts Word needs and a numbering part for automatic numbering. */
export async function docxFromBody(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>`,
  );
  zip.file("word/numbering.xml", NUMBERING_XML);
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1000" w:right="800" w:bottom="1000" w:left="800"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

/** The heading as offices print it: a borderless two-column table, then the title. */
function headingXml(plan: CorpusPlan): string {
  const heading = tableXml([
    [
      { text: plan.issuerLines.join("\n"), bold: true },
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", bold: true },
    ],
    [{ text: plan.number }, { text: `${plan.place}, ngày 10 tháng 01 năm ${plan.year}` }],
  ]);
  return `${heading}${paragraph("KẾ HOẠCH", { bold: true })}${paragraph(plan.subject, { bold: true })}${paragraph(
    "I. MỤC ĐÍCH, YÊU CẦU",
  )}${paragraph("Nâng cao hiệu quả cải cách hành chính trên địa bàn.")}`;
}

function signatureXml(): string {
  return tableXml([
    [{ text: "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT." }, { text: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", bold: true }],
  ]);
}

export type DocxVariation =
  | "single-task-column"
  | "letter-sections"
  | "arabic-sections"
  | "part-sections"
  | "two-level-header"
  | "auto-numbered"
  | "several-tables"
  | "reordered-columns";

export const DOCX_VARIATIONS: DocxVariation[] = [
  "single-task-column",
  "letter-sections",
  "arabic-sections",
  "part-sections",
  "two-level-header",
  "auto-numbered",
  "several-tables",
  "reordered-columns",
];

export function numberingOf(variation: DocxVariation): Numbering {
  if (variation === "letter-sections") return "letter";
  if (variation === "arabic-sections") return "arabic";
  return "roman";
}

/** The appendix of one variation as table XML (one or more tables). */
function appendixXml(plan: CorpusPlan, variation: DocxVariation): string {
  const numbering = numberingOf(variation);
  if (variation === "two-level-header") {
    const rows: Cell[][] = [
      [
        { text: "TT", bold: true, vMerge: "restart", center: true },
        { text: "Nội dung công việc", bold: true, vMerge: "restart", center: true },
        { text: "Đơn vị thực hiện", bold: true, span: 2, center: true },
        { text: "Thời hạn hoàn thành", bold: true, vMerge: "restart", center: true },
        { text: "Kết quả/Sản phẩm", bold: true, vMerge: "restart", center: true },
        { text: "Kinh phí", bold: true, vMerge: "restart", center: true },
      ],
      [
        { vMerge: "continue" },
        { vMerge: "continue" },
        { text: "Chủ trì", bold: true, center: true },
        { text: "Phối hợp", bold: true, center: true },
        { vMerge: "continue" },
        { vMerge: "continue" },
        { vMerge: "continue" },
      ],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"].map((text) => ({ text, center: true })),
    ];
    plan.sections.forEach((section, s) => {
      rows.push([
        { text: sectionLabel(numbering, s), bold: true },
        { text: section.title, bold: true, span: 6 },
      ]);
      section.tasks.forEach((task, t) =>
        rows.push([
          { text: taskLabel(numbering, s, t), center: true },
          { text: task.title },
          { text: task.lead },
          { text: task.support },
          { text: task.deadline, center: true },
          { text: task.product },
          { text: "Thường xuyên" },
        ]),
      );
    });
    return tableXml(rows, { headerRows: 3 });
  }
  if (variation === "reordered-columns") {
    const rows: Cell[][] = [
      ["STT", "Tên nhiệm vụ", "Thời gian thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Ghi chú"].map(
        (text) => ({ text, bold: true, center: true }),
      ),
    ];
    plan.sections.forEach((section, s) => {
      rows.push([{ text: `${sectionLabel(numbering, s)}. ${section.title}`, bold: true, span: 7 }]);
      section.tasks.forEach((task, t) =>
        rows.push(
          [taskLabel(numbering, s, t), task.title, task.deadline, task.lead, task.support, task.product, ""].map(
            (text) => ({ text }),
          ),
        ),
      );
    });
    return tableXml(rows, { headerRows: 1 });
  }
  const header: Cell[] = [
    "TT",
    "Nhiệm vụ",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm",
  ].map((text) => ({ text, bold: true }));
  const sectionRow = (s: number, section: CorpusSection): Cell[] => {
    const label = sectionLabel(numbering, s);
    switch (variation) {
      case "letter-sections":
      case "arabic-sections":
        return [
          { text: label, bold: true },
          { text: section.title, bold: true },
          ...Array.from({ length: 4 }, () => ({ text: "" })),
        ];
      case "part-sections":
        return [{ text: `Phần ${label}: ${section.title}`, bold: true, span: 6 }];
      case "auto-numbered":
        return [
          { text: "", bold: true, numbering: [1, 0] },
          { text: section.title, bold: true, span: 5 },
        ];
      default:
        return [{ text: `${label}. ${section.title}`, bold: true, span: 6 }];
    }
  };
  const taskRow = (s: number, t: number, task: CorpusTask): Cell[] => [
    variation === "auto-numbered"
      ? { text: "", numbering: [1, 1], center: true }
      : { text: taskLabel(numbering, s, t), center: true },
    // Split runs and a line break inside the task's own cells: Word saves both.
    { text: task.title.replace(" ", "\n"), split: true },
    { text: task.lead, split: true },
    { text: task.support },
    { text: task.deadline, split: true, center: true },
    { text: task.product },
  ];
  if (variation === "several-tables") {
    // The appendix in two tables (the second repeats the header) with a paragraph between.
    const first: Cell[][] = [header];
    const second: Cell[][] = [header];
    plan.sections.forEach((section, s) => {
      const target = s === 0 ? first : second;
      target.push(sectionRow(s, section));
      section.tasks.forEach((task, t) => target.push(taskRow(s, t, task)));
    });
    return `${tableXml(first, { headerRows: 1 })}${paragraph("")}${tableXml(second, { headerRows: 1 })}`;
  }
  const rows: Cell[][] = [header];
  plan.sections.forEach((section, s) => {
    rows.push(sectionRow(s, section));
    section.tasks.forEach((task, t) => rows.push(taskRow(s, t, task)));
  });
  return tableXml(rows, { headerRows: 1 });
}

/** The plan as a Word document in one of the variations offices use. */
export async function corpusDocx(plan: CorpusPlan, variation: DocxVariation): Promise<Buffer> {
  const body = `${headingXml(plan)}${paragraph("PHỤ LỤC", { bold: true })}${appendixXml(plan, variation)}${paragraph(
    "II. TỔ CHỨC THỰC HIỆN",
  )}${signatureXml()}`;
  return docxFromBody(body);
}

/** The flat rows of the plan (TT, task, lead, support, deadline, product), sections as label + title rows. */
function flatRows(plan: CorpusPlan): string[][] {
  const rows = [["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn", "Sản phẩm"]];
  plan.sections.forEach((section, s) => {
    rows.push([sectionLabel("roman", s), section.title, "", "", "", ""]);
    section.tasks.forEach((task, t) =>
      rows.push([String(t + 1), task.title, task.lead, task.support, task.deadline, task.product]),
    );
  });
  return rows;
}

function headingLines(plan: CorpusPlan): string[] {
  return [
    ...plan.issuerLines,
    plan.number,
    `${plan.place}, ngày 10 tháng 01 năm ${plan.year}`,
    "KẾ HOẠCH",
    plan.subject,
  ];
}

/** The plan as an Excel sheet: heading lines in one cell each, then the table; section titles merged across. */
export async function corpusXlsx(plan: CorpusPlan): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phụ lục");
  for (const line of headingLines(plan)) sheet.addRow([line]);
  for (const cells of flatRows(plan)) {
    const row = sheet.addRow(cells);
    if (cells[2] === "" && cells[0] !== "TT") sheet.mergeCells(row.number, 2, row.number, 6);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The plan as CSV with ';' (Excel in a Vietnamese locale). */
export function corpusCsv(plan: CorpusPlan): string {
  const field = (text: string): string => (/[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [...headingLines(plan).map((l) => field(l)), ...flatRows(plan).map((r) => r.map(field).join(";"))].join(
    "\r\n",
  );
}

/** The same tasks as a 2027 ward plan. */
export const wardPlan: CorpusPlan = {
  ...communePlan,
  issuerLines: ["UBND PHƯỜNG HÒA KHÁNH"],
  place: "Hòa Khánh",
  number: "Số: 201/KH-UBND",
  year: 2027,
  subject: "Cải cách hành chính năm 2027",
  sections: communePlan.sections.map((section) => ({
    ...section,
    tasks: section.tasks.map((task) => ({ ...task, deadline: task.deadline.replace(/2026/g, "2027") })),
  })),
};

/** A provincial department's 2027 plan: its own units, "Phòng …". */
export const departmentPlan: CorpusPlan = {
  ...wardPlan,
  issuerLines: ["UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"],
  place: "Quảng Trị",
  number: "Số: 45/KH-SNV",
  sections: wardPlan.sections.map((section) => ({
    ...section,
    tasks: section.tasks.map((task) => ({
      ...task,
      lead: task.lead
        .replace("Tư pháp – Hộ tịch", "Phòng Cải cách hành chính")
        .replace("Bộ phận Một cửa", "Văn phòng Sở"),
      support: task.support.replace("Công an xã", "Thanh tra Sở"),
    })),
  })),
};
