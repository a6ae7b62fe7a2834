import { ImportError } from "../import-error.js";
import type { SourceDocument } from "../source-document.js";
import { readTextDocument } from "./text.js";

interface PositionedText {
  text: string;
  x: number;
  y: number;
  page: number;
}

/**
 * A PDF: pdfjs gives text runs with their positions; runs are put in reading
 * order (page, then top to bottom, then left to right) one per line, which is
 * the shape the PDF-text reader rebuilds tables from.
 */
export async function readPdfDocument(fileName: string, bytes: Buffer): Promise<SourceDocument> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const runs: PositionedText[] = [];
  try {
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: true, isEvalSupported: false })
      .promise;
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim().length === 0) continue;
        runs.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, page: pageNumber });
      }
    }
    await pdf.destroy();
  } catch (error) {
    throw new ImportError(
      "tệp .pdf bị hỏng hoặc không đọc được",
      fileName,
      {},
      error instanceof Error ? error.message : String(error),
    );
  }
  if (runs.length === 0) {
    throw new ImportError("tệp .pdf không có chữ (có thể là ảnh quét); hãy gửi bản .docx hoặc .xlsx", fileName);
  }
  runs.sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
  return readTextDocument(fileName, runs.map((run) => run.text.trim()).join("\n\n"));
}
