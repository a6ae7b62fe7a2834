import JSZip from "jszip";
import { ImportError } from "../import-error.js";
import type { SourceDocument, SourceRow, SourceTable } from "../source-document.js";
import { createNumbering, type Numbering } from "./docx-numbering.js";
import { childNamed, childrenNamed, parseXml, type XmlElement } from "./xml-tree.js";

/**
 * A Word document read from its WordprocessingML. mammoth's HTML lost what
 * plans depend on (automatic TT numbering, which cells a merge covers, header
 * rows), so the tables are read here: w:gridSpan and w:vMerge become a grid
 * where a cell merged down is copied into the rows it covers (marked
 * inherited), automatic numbering is rendered as Word prints it, w:br is a line
 * break, and a table nested in a cell is that cell's text.
 */

interface StyleInfo {
  numId?: string;
  ilvl?: number;
  bold?: boolean;
  basedOn?: string;
}

interface Context {
  numbering: Numbering;
  styles: Map<string, StyleInfo>;
}

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = element.attributes["w:val"];
  return value === undefined || !["0", "false", "off", "none"].includes(value);
}

function readStyles(root: XmlElement | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!root) return styles;
  for (const style of childrenNamed(root, "w:style")) {
    const id = style.attributes["w:styleId"];
    if (!id) continue;
    const info: StyleInfo = {};
    const numPr = childNamed(childNamed(style, "w:pPr") ?? style, "w:numPr");
    if (numPr) {
      info.numId = childNamed(numPr, "w:numId")?.attributes["w:val"];
      info.ilvl = Number(childNamed(numPr, "w:ilvl")?.attributes["w:val"] ?? 0);
    }
    const rPr = childNamed(style, "w:rPr");
    if (rPr && childNamed(rPr, "w:b")) info.bold = isOn(childNamed(rPr, "w:b"));
    const basedOn = childNamed(style, "w:basedOn")?.attributes["w:val"];
    if (basedOn) info.basedOn = basedOn;
    styles.set(id, info);
  }
  return styles;
}

function styleValue<K extends keyof StyleInfo>(
  styles: Map<string, StyleInfo>,
  id: string | undefined,
  key: K,
): StyleInfo[K] | undefined {
  for (let depth = 0, current = id; current && depth < 10; depth++) {
    const style = styles.get(current);
    if (!style) return undefined;
    if (style[key] !== undefined) return style[key];
    current = style.basedOn;
  }
  return undefined;
}

/** Text pieces of a paragraph, each with whether it is printed bold. */
interface Piece {
  text: string;
  bold: boolean;
}

const SKIPPED = new Set(["w:pPr", "w:rPr", "w:del", "w:moveFrom", "mc:Fallback", "w:instrText", "w:delText"]);

function collectRuns(element: XmlElement, paragraphBold: boolean, pieces: Piece[], context: Context): void {
  for (const child of element.children) {
    if (typeof child === "string" || SKIPPED.has(child.name)) continue;
    if (child.name === "w:r") {
      const rPr = childNamed(child, "w:rPr");
      const runStyleBold = styleValue(
        context.styles,
        childNamed(rPr ?? child, "w:rStyle")?.attributes["w:val"],
        "bold",
      );
      const boldElement = rPr ? childNamed(rPr, "w:b") : undefined;
      const bold = boldElement ? isOn(boldElement) : (runStyleBold ?? paragraphBold);
      for (const part of child.children) {
        if (typeof part === "string") continue;
        if (part.name === "w:t")
          pieces.push({ text: part.children.filter((c) => typeof c === "string").join(""), bold });
        else if (part.name === "w:tab") pieces.push({ text: "\t", bold });
        else if (part.name === "w:br" || part.name === "w:cr") {
          // A page break inside a paragraph is not a line of the text.
          if (part.attributes["w:type"] !== "page") pieces.push({ text: "\n", bold });
        } else if (part.name === "w:noBreakHyphen") pieces.push({ text: "-", bold });
      }
      continue;
    }
    if (child.name === "w:drawing" || child.name === "w:pict" || child.name === "w:object") continue;
    collectRuns(child, paragraphBold, pieces, context);
  }
}

/** A paragraph as printed: its automatic number, then its runs; bold when every visible character is. */
function readParagraph(paragraph: XmlElement, context: Context): Piece[] {
  const pPr = childNamed(paragraph, "w:pPr");
  const styleId = pPr ? childNamed(pPr, "w:pStyle")?.attributes["w:val"] : undefined;
  const paragraphBold = styleValue(context.styles, styleId, "bold") ?? false;
  const pieces: Piece[] = [];
  const numPr = pPr ? childNamed(pPr, "w:numPr") : undefined;
  const numId = numPr
    ? childNamed(numPr, "w:numId")?.attributes["w:val"]
    : styleValue(context.styles, styleId, "numId");
  const ilvl = numPr
    ? Number(childNamed(numPr, "w:ilvl")?.attributes["w:val"] ?? 0)
    : (styleValue(context.styles, styleId, "ilvl") ?? 0);
  collectRuns(paragraph, paragraphBold, pieces, context);
  if (numId !== undefined && numId !== "0") {
    const label = context.numbering.next(numId, ilvl);
    if (label.length > 0) {
      const textBold = pieces.some((p) => p.text.trim().length > 0) && pieces.every((p) => p.bold || !p.text.trim());
      pieces.unshift({ text: label, bold: textBold || pieces.length === 0 });
    }
  }
  return pieces;
}

const textOfPieces = (pieces: Piece[]): string => pieces.map((p) => p.text).join("");

interface GridCell {
  text: string;
  inherited: boolean;
  covered: boolean;
}

/** The text of a cell: paragraphs on their own lines, nested tables row by row; wrapped in <b> when all bold. */
function readCell(cell: XmlElement, context: Context): string {
  const lines: Piece[][] = [];
  const walk = (element: XmlElement): void => {
    for (const child of element.children) {
      if (typeof child === "string") continue;
      if (child.name === "w:p") lines.push(readParagraph(child, context));
      else if (child.name === "w:tbl") {
        for (const row of readTableRows(child, context)) {
          lines.push([{ text: row.cells.filter((c) => c.trim().length > 0).join(" "), bold: false }]);
        }
      } else if (child.name === "w:sdt" || child.name === "w:sdtContent" || child.name === "w:customXml") walk(child);
    }
  };
  walk(cell);
  const pieces = lines.flat();
  const visible = pieces.filter((p) => p.text.trim().length > 0);
  const text = lines
    .map((line) => escapeHtml(textOfPieces(line).replace(/\t/g, " ")))
    .join("\n")
    .trim();
  if (visible.length > 0 && visible.every((p) => p.bold)) return `<b>${text}</b>`;
  return text;
}

interface ReadRow {
  cells: string[];
  inherited: boolean[];
  covered: boolean[];
  header: boolean;
}

function cellsOfRow(row: XmlElement): XmlElement[] {
  const cells: XmlElement[] = [];
  for (const child of row.children) {
    if (typeof child === "string") continue;
    if (child.name === "w:tc") cells.push(child);
    else if (child.name === "w:sdt" || child.name === "w:customXml") {
      const content = childNamed(child, "w:sdtContent") ?? child;
      cells.push(...childrenNamed(content, "w:tc"));
    }
  }
  return cells;
}

function rowsOfTable(table: XmlElement): XmlElement[] {
  const rows: XmlElement[] = [];
  for (const child of table.children) {
    if (typeof child === "string") continue;
    if (child.name === "w:tr") rows.push(child);
    else if (child.name === "w:sdt" || child.name === "w:customXml") {
      const content = childNamed(child, "w:sdtContent") ?? child;
      rows.push(...childrenNamed(content, "w:tr"));
    }
  }
  return rows;
}

/** A table as a rectangular grid over its w:tblGrid columns. */
function readTableRows(table: XmlElement, context: Context): ReadRow[] {
  const grid: GridCell[][] = [];
  const headers: boolean[] = [];
  for (const row of rowsOfTable(table)) {
    const trPr = childNamed(row, "w:trPr");
    const gridBefore = Number(childNamed(trPr ?? row, "w:gridBefore")?.attributes["w:val"] ?? 0);
    const cells: GridCell[] = [];
    for (let i = 0; i < gridBefore; i++) cells.push({ text: "", inherited: false, covered: false });
    const above = grid[grid.length - 1];
    for (const cell of cellsOfRow(row)) {
      const tcPr = childNamed(cell, "w:tcPr");
      const span = Math.max(1, Math.min(64, Number(childNamed(tcPr ?? cell, "w:gridSpan")?.attributes["w:val"] ?? 1)));
      const vMerge = tcPr ? childNamed(tcPr, "w:vMerge") : undefined;
      const continues = vMerge !== undefined && (vMerge.attributes["w:val"] ?? "continue") === "continue";
      const column = cells.length;
      let text: string;
      let inherited = false;
      if (continues && above?.[column]) {
        text = above[column].text;
        inherited = text.length > 0;
      } else text = readCell(cell, context);
      cells.push({ text, inherited, covered: false });
      for (let k = 1; k < span; k++) cells.push({ text: "", inherited: false, covered: true });
    }
    grid.push(cells);
    headers.push(trPr !== undefined && isOn(childNamed(trPr, "w:tblHeader")));
  }
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  return grid.map((cells, r) => {
    const full = Array.from({ length: width }, (_, c) => cells[c] ?? { text: "", inherited: false, covered: false });
    return {
      cells: full.map((c) => c.text),
      inherited: full.map((c) => c.inherited),
      covered: full.map((c) => c.covered),
      header: headers[r] ?? false,
    };
  });
}

async function partOf(zip: JSZip, path: string): Promise<XmlElement | null> {
  const file = zip.file(path);
  return file ? parseXml(await file.async("string")) : null;
}

/** A .docx: paragraphs outside tables in order, and every top-level table as a grid. */
export async function readDocxDocument(fileName: string, bytes: Buffer): Promise<SourceDocument> {
  let document: XmlElement | null;
  let context: Context;
  try {
    const zip = await JSZip.loadAsync(bytes);
    document = await partOf(zip, "word/document.xml");
    context = {
      numbering: createNumbering(await partOf(zip, "word/numbering.xml")),
      styles: readStyles(await partOf(zip, "word/styles.xml")),
    };
  } catch (error) {
    throw new ImportError(
      "tệp .docx bị hỏng hoặc không phải tài liệu Word",
      fileName,
      {},
      error instanceof Error ? error.message : String(error),
    );
  }
  if (!document) throw new ImportError("tệp .docx không có nội dung văn bản (thiếu word/document.xml)", fileName);
  const paragraphs: string[] = [];
  const tables: SourceTable[] = [];
  let rowsSeen = 0;
  const walk = (element: XmlElement): void => {
    for (const child of element.children) {
      if (typeof child === "string") continue;
      if (child.name === "w:p") {
        for (const line of textOfPieces(readParagraph(child, context)).split("\n")) {
          const text = line.replace(/\s+/g, " ").trim();
          if (text.length > 0) paragraphs.push(text);
        }
      } else if (child.name === "w:tbl") {
        const rows: SourceRow[] = readTableRows(child, context).map((row, i) => ({
          cells: row.cells,
          inherited: row.inherited,
          covered: row.covered,
          ...(row.header ? { header: true } : {}),
          row: rowsSeen + i + 1,
          afterPageBreak: false,
        }));
        rowsSeen += rows.length;
        tables.push({ rows, paragraphsBefore: paragraphs.length });
      } else if (["w:body", "w:sdt", "w:sdtContent", "w:customXml"].includes(child.name)) walk(child);
    }
  };
  walk(document);
  return { fileName, paragraphs, tables };
}
