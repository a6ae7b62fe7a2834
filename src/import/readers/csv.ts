import type { SourceDocument, SourceRow } from "../source-document.js";

/**
 * The delimiter of the table: ',' ';' or tab (Excel in Vietnamese locales writes
 * ';', its "Unicode text" tabs). Quoted text is left out of the count, and the
 * delimiter that the most lines share wins over one a heading line is full of.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .replace(/"(?:[^"]|"")*"/g, "")
    .split(/\r?\n/)
    .slice(0, 40);
  const scored = [",", ";", "\t"].map((d) => ({
    d,
    n: lines.filter((line) => line.split(d).length > 2).length,
    total: lines.reduce((sum, line) => sum + line.split(d).length - 1, 0),
  }));
  return scored.sort((a, b) => b.n - a.n || b.total - a.total)[0]?.d ?? ",";
}

/** Parses RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): Array<{ cells: string[]; line: number }> {
  const rows: Array<{ cells: string[]; line: number }> = [];
  let field = "";
  let cells: string[] = [];
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.length === 0) quoted = true;
    else if (ch === delimiter) {
      cells.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(field);
      rows.push({ cells, line: rowLine });
      cells = [];
      field = "";
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field.length > 0 || cells.length > 0) {
    cells.push(field);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}

/** A plan table saved as CSV: rows with one filled cell before the table are the document's text. */
export function readCsvDocument(fileName: string, text: string): SourceDocument {
  const clean = text.replace(/^\uFEFF/, "").normalize("NFC");
  const delimiter = detectDelimiter(clean);
  const parsed = parseCsv(clean, delimiter);
  const paragraphs: string[] = [];
  const rows: SourceRow[] = [];
  let pendingBreak = false;
  for (const { cells, line } of parsed) {
    const filled = cells.filter((c) => c.trim().length > 0);
    if (filled.length === 0) {
      pendingBreak = rows.length > 0;
      continue;
    }
    if (rows.length === 0 && filled.length === 1) {
      paragraphs.push(
        ...(filled[0] as string)
          .split("\n")
          .map((p) => p.trim())
          .filter((p) => p.length > 0),
      );
      continue;
    }
    rows.push({ cells, line, afterPageBreak: pendingBreak });
    pendingBreak = false;
  }
  return { fileName, paragraphs, tables: rows.length > 0 ? [{ rows }] : [], separator: delimiter };
}
