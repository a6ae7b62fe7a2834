/** Checks of a document against ReadLimits, done before and after reading it. */
import JSZip from "jszip";
import { ImportError } from "./import-error.js";
import { limitMessages, type ReadLimits } from "./read-limits.js";
import type { SourceDocument } from "./source-document.js";

const isZip = (bytes: Buffer): boolean => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
const isPdf = (bytes: Buffer): boolean => bytes.subarray(0, 5).toString("latin1") === "%PDF-";

/**
 * Inflates every XML entry of a zip container (.docx, .xlsx, .odt) into nothing,
 * counting bytes as they come: a zip bomb is refused at the limit, before any
 * reader holds its content. Declared sizes are not trusted, they can lie.
 */
async function assertInflatedSizeWithin(fileName: string, bytes: Buffer, limits: ReadLimits): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ImportError("tệp nén bị hỏng, không mở được", fileName, {}, String(error));
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    // Readers inflate only the XML parts; pictures and other media are never opened.
    if (entry.dir || !/\.(xml|rels)$/i.test(entry.name)) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream("nodebuffer");
      stream
        .on("data", (chunk: Buffer) => {
          total += chunk.length;
          if (total > limits.maxInflatedBytes) {
            stream.pause();
            reject(new ImportError(limitMessages.inflatedBytes(limits), fileName));
          }
        })
        .on("error", (error: Error) =>
          reject(new ImportError("tệp nén bị hỏng, không giải nén được", fileName, {}, error.message)),
        )
        .on("end", () => resolve());
    });
  }
}

async function assertPdfPagesWithin(fileName: string, bytes: Buffer, limits: ReadLimits): Promise<void> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let pages: number;
  try {
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
    pages = pdf.numPages;
    await pdf.destroy();
  } catch {
    // The reader reports a broken PDF in its own words.
    return;
  }
  if (pages > limits.maxPdfPages) throw new ImportError(limitMessages.pdfPages(limits, pages), fileName);
}

/** What can be refused before a reader starts: the container's inflated size and a PDF's page count. */
export async function assertFileWithinLimits(fileName: string, bytes: Buffer, limits: ReadLimits): Promise<void> {
  if (bytes.length > limits.maxFileBytes) throw new ImportError(limitMessages.fileBytes(limits), fileName);
  if (isZip(bytes)) await assertInflatedSizeWithin(fileName, bytes, limits);
  else if (isPdf(bytes)) await assertPdfPagesWithin(fileName, bytes, limits);
}

/** Rows, columns and cell lengths of what a reader produced, before the interpreter sees it. */
export function assertDocumentWithinLimits(document: SourceDocument, limits: ReadLimits): void {
  let rows = 0;
  for (const table of document.tables) {
    rows += table.rows.length;
    if (rows > limits.maxRows) {
      const total = document.tables.reduce((sum, t) => sum + t.rows.length, 0);
      throw new ImportError(limitMessages.rows(limits, total), document.fileName);
    }
    for (const row of table.rows) {
      const at = {
        ...(row.line !== undefined ? { line: row.line } : {}),
        ...(row.row !== undefined ? { row: row.row } : {}),
      };
      if (row.cells.length > limits.maxColumns) {
        throw new ImportError(limitMessages.columns(limits, row.cells.length), document.fileName, at);
      }
      for (const cell of row.cells) {
        if (cell.length > limits.maxCellChars) {
          throw new ImportError(limitMessages.cellChars(limits, cell.length), document.fileName, at);
        }
      }
    }
  }
  for (const paragraph of document.paragraphs) {
    if (paragraph.length > limits.maxCellChars * 5) {
      throw new ImportError(limitMessages.cellChars(limits, paragraph.length), document.fileName);
    }
  }
}
