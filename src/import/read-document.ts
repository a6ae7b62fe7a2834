import { extname } from "node:path";
import { ImportError } from "./import-error.js";
import { parseCsv, readCsvDocument } from "./readers/csv.js";
import { type DecodedText, decodePlanText, TEXT_ENCODING_NAMES } from "./readers/encoding.js";
import { isLegacyExcel, isOle2, isRtf } from "./readers/legacy-word.js";
import type { PdfReadOptions } from "./readers/pdf.js";
import { looksLikeDelimitedTable, readTextDocument } from "./readers/text.js";
import type { SourceDocument } from "./source-document.js";

export const SUPPORTED_EXTENSIONS = [
  ".txt",
  ".text",
  ".md",
  ".csv",
  ".docx",
  ".doc",
  ".rtf",
  ".odt",
  ".xlsx",
  ".xls",
  ".pdf",
] as const;

const isZip = (bytes: Buffer): boolean => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
const isPdf = (bytes: Buffer): boolean => bytes.subarray(0, 5).toString("latin1") === "%PDF-";

function decodeText(fileName: string, bytes: Buffer, extension: string): DecodedText {
  const decoded = decodePlanText(bytes);
  if (!decoded) {
    throw new ImportError(
      `tệp${extension ? ` ${extension}` : ""} không phải văn bản và không thuộc định dạng nào đã biết: hãy gửi kế hoạch dạng .docx, .doc, .odt, .xlsx, .pdf hoặc .csv`,
      fileName,
    );
  }
  return decoded;
}

/**
 * Excel's "Unicode text" quotes a cell that holds line breaks, which the
 * line-based text reader would cut: its rows are read as tab-separated CSV and
 * written back one row a line.
 */
function unquoteTabText(text: string): string {
  return parseCsv(text, "\t")
    .map((row) => row.cells.map((cell) => cell.replace(/\s*\n\s*/g, " ")).join("\t"))
    .join("\n");
}

/**
 * Reads any supported plan document into tables and paragraphs. The format comes
 * from the file's content first (a .docx renamed .txt still reads), its name second.
 */
export async function readDocument(
  fileName: string,
  bytes: Buffer,
  options: PdfReadOptions = {},
): Promise<SourceDocument> {
  if (bytes.length === 0 || bytes.toString("utf8").trim().length === 0) {
    throw new ImportError("tệp rỗng", fileName);
  }
  const extension = extname(fileName).toLowerCase();
  if (isZip(bytes)) {
    // Each reader is loaded when a file needs it: ExcelJS or pdf.js would cost every import a third of a second.
    if (extension === ".xlsx" || bytes.includes("xl/workbook")) {
      return (await import("./readers/xlsx.js")).readXlsxDocument(fileName, bytes);
    }
    if (extension === ".docx" || bytes.includes("word/document")) {
      return (await import("./readers/docx.js")).readDocxDocument(fileName, bytes);
    }
    if (extension === ".odt" || bytes.includes("application/vnd.oasis.opendocument.text")) {
      return (await import("./readers/odt.js")).readOdtDocument(fileName, bytes);
    }
    if (bytes.includes("application/vnd.oasis.opendocument.spreadsheet")) {
      throw new ImportError(
        "tệp .ods chưa được hỗ trợ. Hãy mở tệp bằng LibreOffice Calc và lưu lại dưới dạng .xlsx",
        fileName,
      );
    }
    throw new ImportError("tệp nén không phải .docx, .odt hay .xlsx", fileName);
  }
  if (isOle2(bytes)) {
    const legacy = await import("./readers/legacy-word.js");
    if (extension === ".xls" || isLegacyExcel(bytes)) return legacy.readLegacyExcelDocument(fileName, bytes);
    return legacy.readLegacyWordDocument(fileName, bytes, ".doc");
  }
  if (isRtf(bytes)) return (await import("./readers/legacy-word.js")).readLegacyWordDocument(fileName, bytes, ".rtf");
  if (isPdf(bytes)) return (await import("./readers/pdf.js")).readPdfDocument(fileName, bytes, options);
  if ([".docx", ".xlsx", ".pdf", ".odt", ".doc"].includes(extension)) {
    throw new ImportError(`tệp không đúng định dạng ${extension} (nội dung không phải ${extension})`, fileName);
  }
  const { text, encoding } = decodeText(fileName, bytes, extension);
  const document =
    extension === ".csv" || looksLikeDelimitedTable(text)
      ? readCsvDocument(fileName, text)
      : readTextDocument(fileName, encoding.startsWith("utf-16") ? unquoteTabText(text) : text);
  return { ...document, encoding: TEXT_ENCODING_NAMES[encoding] };
}
