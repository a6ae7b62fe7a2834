import JSZip from "jszip";
import { ImportError } from "../import-error.js";
import type { SourceDocument, SourceRow, SourceTable } from "../source-document.js";
import { formatNumber } from "./docx-numbering.js";
import { childrenNamed, parseXml, type XmlElement } from "./xml-tree.js";

/**
 * A LibreOffice Writer document (.odt): paragraphs and tables from
 * content.xml. A cell spanning columns (table:number-columns-spanned) is
 * followed by covered cells; a cell spanning rows covers the cells below,
 * which get its text and are marked inherited, as Word merges are.
 */

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Paragraph text: text:s is spaces, text:tab a tab, text:line-break a new line; notes are left out. */
function textOf(element: XmlElement): string {
  let out = "";
  for (const child of element.children) {
    if (typeof child === "string") out += child;
    else if (child.name === "text:s") out += " ".repeat(Number(child.attributes["text:c"] ?? 1));
    else if (child.name === "text:tab") out += "\t";
    else if (child.name === "text:line-break") out += "\n";
    else if (child.name === "text:note" || child.name === "office:annotation") continue;
    else out += textOf(child);
  }
  return out;
}

/** Styles whose text is bold, from the document's automatic styles. */
function boldStyles(root: XmlElement): Set<string> {
  const bold = new Set<string>();
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      if (typeof child === "string") continue;
      if (child.name === "style:style") {
        const props = childrenNamed(child, "style:text-properties")[0];
        if (props?.attributes["fo:font-weight"] === "bold") bold.add(child.attributes["style:name"] ?? "");
      } else visit(child);
    }
  };
  visit(root);
  return bold;
}

interface ListLevel {
  format: string;
  prefix: string;
  suffix: string;
  displayLevels: number;
  start: number;
}

interface Context {
  bold: Set<string>;
  lists: Map<string, ListLevel[]>;
  /** Counters per list style: LibreOffice numbers a TT column as one list continued row after row. */
  counters: Map<string, number[]>;
}

/** List styles (text:list-style) of content.xml and styles.xml, level by level. */
function listStyles(roots: XmlElement[]): Map<string, ListLevel[]> {
  const lists = new Map<string, ListLevel[]>();
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      if (typeof child === "string") continue;
      if (child.name === "text:list-style") {
        const levels: ListLevel[] = [];
        for (const level of child.children) {
          if (typeof level === "string") continue;
          const at = Number(level.attributes["text:level"] ?? 1) - 1;
          levels[at] =
            level.name === "text:list-level-style-number"
              ? {
                  format: level.attributes["style:num-format"] ?? "",
                  prefix: level.attributes["style:num-prefix"] ?? "",
                  suffix: level.attributes["style:num-suffix"] ?? "",
                  displayLevels: Number(level.attributes["text:display-levels"] ?? 1),
                  start: Number(level.attributes["text:start-value"] ?? 1),
                }
              : { format: "bullet", prefix: "", suffix: "", displayLevels: 1, start: 1 };
        }
        lists.set(child.attributes["style:name"] ?? "", levels);
      } else visit(child);
    }
  };
  roots.forEach(visit);
  return lists;
}

const FORMATS: Record<string, string> = {
  "1": "decimal",
  I: "upperRoman",
  i: "lowerRoman",
  A: "upperLetter",
  a: "lowerLetter",
};

/** The label LibreOffice prints for the next item of a list at a level ("I.", "2.", "1.2."). */
function nextListLabel(context: Context, style: string, level: number, startValue?: number): string {
  const levels = context.lists.get(style);
  const spec = levels?.[level];
  if (!spec || spec.format === "") return "";
  if (spec.format === "bullet") return "- ";
  const values = context.counters.get(style) ?? [];
  context.counters.set(style, values);
  values[level] = startValue ?? (values[level] === undefined ? spec.start : values[level] + 1);
  values.length = level + 1;
  const shown: string[] = [];
  for (let l = level - spec.displayLevels + 1; l <= level; l++) {
    if (l < 0) continue;
    const format = FORMATS[levels?.[l]?.format ?? "1"] ?? "decimal";
    shown.push(formatNumber(values[l] ?? levels?.[l]?.start ?? 1, format));
  }
  return `${spec.prefix}${shown.join(".")}${spec.suffix} `;
}

/**
 * Walks a text:list: each item's first paragraph gets its label. A list that
 * neither continues nor names a list to continue restarts its counters.
 */
function listParagraphs(
  list: XmlElement,
  context: Context,
  style: string,
  level: number,
  out: (label: string, p: XmlElement) => void,
): void {
  const name = list.attributes["text:style-name"] ?? style;
  if (level === 0 && list.attributes["text:continue-numbering"] !== "true" && !list.attributes["text:continue-list"]) {
    context.counters.delete(name);
  }
  for (const item of list.children) {
    if (typeof item === "string" || (item.name !== "text:list-item" && item.name !== "text:list-header")) continue;
    const start = item.attributes["text:start-value"];
    let labelled = item.name === "text:list-header";
    for (const child of item.children) {
      if (typeof child === "string") continue;
      if (child.name === "text:list") listParagraphs(child, context, name, level + 1, out);
      else if (child.name === "text:p" || child.name === "text:h") {
        out(
          labelled ? "" : nextListLabel(context, name, level, start === undefined ? undefined : Number(start)),
          child,
        );
        labelled = true;
      }
    }
  }
}

/** Whether every visible character of an element is printed bold. */
function allBold(element: XmlElement, context: Context, inherited: boolean): boolean {
  const here = inherited || context.bold.has(element.attributes["text:style-name"] ?? "");
  for (const child of element.children) {
    if (typeof child === "string") {
      if (child.trim().length > 0 && !here) return false;
    } else if (!allBold(child, context, here)) return false;
  }
  return true;
}

function cellText(cell: XmlElement, context: Context): string {
  const lines: string[] = [];
  let visible = false;
  let bold = true;
  const walk = (element: XmlElement): void => {
    for (const child of element.children) {
      if (typeof child === "string") continue;
      if (child.name === "text:p" || child.name === "text:h") {
        const text = textOf(child).replace(/\t/g, " ");
        if (text.trim().length > 0) {
          visible = true;
          if (!allBold(child, context, false)) bold = false;
        }
        lines.push(text);
      } else if (child.name === "text:list") {
        listParagraphs(child, context, "", 0, (label, p) => {
          const text = `${label}${textOf(p)}`.replace(/\t/g, " ");
          if (text.trim().length > 0) visible = true;
          if (textOf(p).trim().length > 0 && !allBold(p, context, false)) bold = false;
          lines.push(text);
        });
      } else if (child.name === "table:table") {
        for (const row of tableRows(child, context)) lines.push(row.cells.filter((c) => c.trim()).join(" "));
      } else walk(child);
    }
  };
  walk(cell);
  const text = escapeHtml(lines.join("\n").trim());
  return visible && bold ? `<b>${text}</b>` : text;
}

function rowElements(table: XmlElement): XmlElement[] {
  const rows: XmlElement[] = [];
  for (const child of table.children) {
    if (typeof child === "string") continue;
    if (child.name === "table:table-row") {
      const repeat = Math.min(100, Number(child.attributes["table:number-rows-repeated"] ?? 1));
      for (let i = 0; i < repeat; i++) rows.push(child);
    } else if (["table:table-header-rows", "table:table-rows", "table:table-row-group"].includes(child.name)) {
      rows.push(...rowElements(child));
    }
  }
  return rows;
}

interface ReadRow {
  cells: string[];
  inherited: boolean[];
  covered: boolean[];
}

function tableRows(table: XmlElement, context: Context): ReadRow[] {
  const grid: Array<Array<{ text: string; inherited: boolean; covered: boolean } | undefined>> = [];
  const rows = rowElements(table);
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let column = 0;
    for (const cell of row.children) {
      if (typeof cell === "string") continue;
      if (cell.name !== "table:table-cell" && cell.name !== "table:covered-table-cell") continue;
      const repeat = Math.min(64, Number(cell.attributes["table:number-columns-repeated"] ?? 1));
      // content.xml lists every grid position, covered ones included, so each element is one column.
      for (let k = 0; k < repeat; k++, column++) {
        if (cell.name === "table:covered-table-cell") {
          grid[r][column] ??= { text: "", inherited: false, covered: false };
          continue;
        }
        const columns = Math.max(1, Math.min(64, Number(cell.attributes["table:number-columns-spanned"] ?? 1)));
        const rowSpan = Math.max(1, Math.min(1000, Number(cell.attributes["table:number-rows-spanned"] ?? 1)));
        const text = cellText(cell, context);
        for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < columns; dc++) {
            grid[r + dr]![column + dc] = {
              text: dc === 0 ? text : "",
              inherited: dr > 0 && dc === 0 && text.length > 0,
              covered: dc > 0,
            };
          }
        }
      }
    }
  });
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  return grid.map((cells) => {
    const full = Array.from({ length: width }, (_, c) => cells[c] ?? { text: "", inherited: false, covered: false });
    return {
      cells: full.map((c) => c.text),
      inherited: full.map((c) => c.inherited),
      covered: full.map((c) => c.covered),
    };
  });
}

/** An .odt: paragraphs outside tables in order, and every top-level table as a grid. */
export async function readOdtDocument(fileName: string, bytes: Buffer): Promise<SourceDocument> {
  let content: XmlElement;
  let styles: XmlElement | null = null;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const file = zip.file("content.xml");
    if (!file) throw new Error("no content.xml");
    content = parseXml(await file.async("string"));
    const stylesFile = zip.file("styles.xml");
    if (stylesFile) styles = parseXml(await stylesFile.async("string"));
  } catch (error) {
    throw new ImportError(
      "tệp .odt bị hỏng hoặc không phải văn bản LibreOffice Writer",
      fileName,
      {},
      error instanceof Error ? error.message : String(error),
    );
  }
  const context: Context = {
    bold: boldStyles(content),
    lists: listStyles(styles ? [styles, content] : [content]),
    counters: new Map(),
  };
  const paragraphs: string[] = [];
  const tables: SourceTable[] = [];
  let rowsSeen = 0;
  const walk = (element: XmlElement): void => {
    for (const child of element.children) {
      if (typeof child === "string") continue;
      if (child.name === "text:p" || child.name === "text:h") {
        for (const line of textOf(child).split("\n")) {
          const text = line.replace(/\s+/g, " ").trim();
          if (text.length > 0) paragraphs.push(text);
        }
      } else if (child.name === "text:list") {
        listParagraphs(child, context, "", 0, (label, p) => {
          const text = `${label}${textOf(p)}`.replace(/\s+/g, " ").trim();
          if (text.length > 0) paragraphs.push(text);
        });
      } else if (child.name === "table:table") {
        const rows: SourceRow[] = tableRows(child, context).map((row, i) => ({
          ...row,
          row: rowsSeen + i + 1,
          afterPageBreak: false,
        }));
        rowsSeen += rows.length;
        tables.push({ rows, paragraphsBefore: paragraphs.length });
      } else if (child.name !== "office:automatic-styles" && child.name !== "office:font-face-decls") walk(child);
    }
  };
  walk(content);
  return { fileName, paragraphs, tables };
}
