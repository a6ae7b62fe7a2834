import mammoth from "mammoth";
import { ImportError } from "../import-error.js";
import type { SourceDocument } from "../source-document.js";
import { readHtmlDocument } from "./html-tables.js";

/** A Word document, through mammoth's HTML (which keeps merged cells as rowspan and colspan). */
export async function readDocxDocument(fileName: string, bytes: Buffer): Promise<SourceDocument> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    throw new ImportError(
      "tệp .docx bị hỏng hoặc không phải tài liệu Word",
      fileName,
      {},
      error instanceof Error ? error.message : String(error),
    );
  }
  return readHtmlDocument(fileName, html);
}
