/**
 * The corpus plans rendered the ways issue 23 found them: task tables without a
 * TT column (numbered only by their order), and text files saved in every
 * encoding and separator a Vietnamese office produces. Each rendering must
 * import to `expectedTasks(plan)`.
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { type Cell, type CorpusPlan, docxFromBody, sectionLabel, tableXml } from "./plan-corpus.js";

/** How the sections of a table without TT are printed. */
export type NoSttSections = "numbered" | "capitals";

const NO_STT_HEADER = ["Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"];

function sectionText(plan: CorpusPlan, s: number, sections: NoSttSections): string {
  const title = (plan.sections[s] as CorpusPlan["sections"][number]).title;
  return sections === "numbered" ? `${sectionLabel("roman", s)}. ${title}` : title;
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

/** Rows of the appendix without TT: header, section rows with their one text, task rows. */
export function noSttRows(plan: CorpusPlan, sections: NoSttSections): string[][] {
  const rows = [NO_STT_HEADER];
  plan.sections.forEach((section, s) => {
    rows.push([sectionText(plan, s, sections), "", "", "", ""]);
    for (const task of section.tasks) rows.push([task.title, task.lead, task.support, task.deadline, task.product]);
  });
  return rows;
}

export async function noSttDocx(plan: CorpusPlan, sections: NoSttSections): Promise<Buffer> {
  const paragraph = (text: string) =>
    `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const rows: Cell[][] = noSttRows(plan, sections).map((cells, i) => {
    if (i > 0 && cells[1] === "" && cells[3] === "") return [{ text: cells[0] as string, bold: true, span: 5 }];
    return cells.map((text) => ({ text, bold: i === 0 }));
  });
  return docxFromBody(`${headingLines(plan).map(paragraph).join("")}${tableXml(rows, { headerRows: 1 })}`);
}

export async function noSttXlsx(plan: CorpusPlan, sections: NoSttSections): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phụ lục");
  for (const line of headingLines(plan)) sheet.addRow([line]);
  for (const cells of noSttRows(plan, sections)) {
    const row = sheet.addRow(cells);
    if (cells[1] === "" && cells[3] === "") sheet.mergeCells(row.number, 1, row.number, 5);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvField = (text: string, separator: string): string =>
  text.includes(separator) || /["\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

/** The plan as delimited text: heading lines in the first cell, then the table. */
export function delimitedText(rows: string[][], heading: string[], separator: string, newline = "\r\n"): string {
  return [
    ...heading.map((l) => csvField(l, separator)),
    ...rows.map((r) => r.map((c) => csvField(c, separator)).join(separator)),
  ].join(newline);
}

export function noSttText(plan: CorpusPlan, sections: NoSttSections, separator: string): string {
  return delimitedText(noSttRows(plan, sections), headingLines(plan), separator);
}

/** The flat TT table of the plan, as corpusCsv prints it. */
export function flatRows(plan: CorpusPlan): string[][] {
  const rows = [["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn", "Sản phẩm"]];
  plan.sections.forEach((section, s) => {
    rows.push([sectionLabel("roman", s), section.title, "", "", "", ""]);
    section.tasks.forEach((task, t) =>
      rows.push([String(t + 1), task.title, task.lead, task.support, task.deadline, task.product]),
    );
  });
  return rows;
}

export function planText(plan: CorpusPlan, separator: string): string {
  return delimitedText(flatRows(plan), headingLines(plan), separator);
}

// ---------- legacy encodings ----------

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Windows-1258 as Windows writes it: letters with hats, breves and horns precomposed, the five tones combining. */
export function toWindows1258(text: string): Buffer {
  const split = [...text.normalize("NFC")]
    .map((char) => {
      const parts = char.normalize("NFD");
      const tones = parts.match(TONE_MARKS)?.join("") ?? "";
      return parts.replace(TONE_MARKS, "").normalize("NFC") + tones;
    })
    .join("");
  return iconv.encode(split, "windows1258");
}

/**
 * TCVN3 (ABC) as the .VnTime fonts store it: capitals with a tone are typed in
 * the capitals font (.VnTimeH) with the small letter's code; only Ă Â Ê Ô Ơ Ư
 * Đ have codes of their own.
 */
export function toTcvn3(text: string): Buffer {
  const abc = [...text.normalize("NFC")]
    .map((c) => (c.charCodeAt(0) > 0x7f && c !== c.toLowerCase() && !"ĂÂÊÔƠƯĐ".includes(c) ? c.toLowerCase() : c))
    .join("");
  return iconv.encode(abc, "tcvn");
}

const VNI_TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
const VNI_TONE_LOWER = ["ù", "ø", "û", "õ", "ï"];
const VNI_HAT_LOWER = ["á", "à", "å", "ã", "ä"];
const VNI_BREVE_LOWER = ["é", "è", "ú", "ü", "ë"];

/** Unicode to VNI-Windows bytes (the VNI font's Windows-1252 code points), written independently of the decoder. */
export function toVni(text: string): Buffer {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const parts = [...char.normalize("NFD")];
    const base = parts[0] as string;
    const marks = parts.slice(1);
    const upper = base !== base.toLowerCase();
    const cased = (s: string) => (upper ? s.toUpperCase() : s);
    const tone = VNI_TONES.findIndex((t) => marks.includes(t));
    if (char === "đ" || char === "Đ") {
      out += cased("ñ");
    } else if (/[iI]/.test(base) && tone >= 0) {
      out += cased(["í", "ì", "æ", "ó", "ò"][tone] as string);
    } else if (/[yY]/.test(base) && tone === 4) {
      out += cased("î");
    } else if (marks.includes("\u031B")) {
      out +=
        (base.toLowerCase() === "o" ? cased("ô") : cased("ö")) +
        (tone >= 0 ? cased(VNI_TONE_LOWER[tone] as string) : "");
    } else if (marks.includes("\u0302")) {
      out += base + cased(tone >= 0 ? (VNI_HAT_LOWER[tone] as string) : "â");
    } else if (marks.includes("\u0306")) {
      out += base + cased(tone >= 0 ? (VNI_BREVE_LOWER[tone] as string) : "ê");
    } else if (tone >= 0) {
      out += base + cased(VNI_TONE_LOWER[tone] as string);
    } else out += char;
  }
  return iconv.encode(out, "windows1252");
}

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni";

export function encodeAs(text: string, encoding: TextEncodingName): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf-16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]);
    case "utf-16be":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf16be")]);
    case "windows-1258":
      return toWindows1258(text);
    case "tcvn3":
      return toTcvn3(text);
    case "vni":
      return toVni(text);
  }
}
