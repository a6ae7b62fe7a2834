import { ImportError } from "../import-error.js";
import { convertWithLibreOffice, LibreOfficeError } from "../libreoffice.js";
import type { SourceDocument } from "../source-document.js";

/**
 * Word 97–2003 (.doc), RTF and Excel 97–2003 (.xls) documents: LibreOffice
 * converts them to .docx or .xlsx, which our readers then read. Without
 * LibreOffice on the PATH the coordinator is told what to do instead.
 */

/** The LibreOffice conversion's own wall-clock limit, apart from the reader's CPU limit (read-plan-file.ts). */
export const CONVERSION_TIMEOUT_MS = Number(process.env.NHACVIEC_SOFFICE_TIMEOUT_MS ?? 60_000);

/** The OLE2 compound file signature every .doc and .xls starts with. */
export const isOle2 = (bytes: Buffer): boolean =>
  bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;

export const isRtf = (bytes: Buffer): boolean => bytes.subarray(0, 5).toString("latin1") === "{\\rtf";

/** An OLE2 file holding an Excel workbook rather than a Word document (stream names are UTF-16). */
export const isLegacyExcel = (bytes: Buffer): boolean =>
  bytes.includes(Buffer.from("Workbook", "utf16le")) && !bytes.includes(Buffer.from("WordDocument", "utf16le"));

type LegacyFormat = ".doc" | ".rtf" | ".xls";

const FORMAT_NAMES: Record<LegacyFormat, { name: string; target: "docx" | "xlsx"; app: string }> = {
  ".doc": { name: ".doc (Word 97–2003)", target: "docx", app: "Word" },
  ".rtf": { name: ".rtf", target: "docx", app: "Word" },
  ".xls": { name: ".xls (Excel 97–2003)", target: "xlsx", app: "Excel" },
};

/**
 * Converts a .doc, .rtf or .xls through LibreOffice to its current format and
 * returns the bytes, or throws an ImportError that says what to do instead.
 */
async function convertLegacy(fileName: string, bytes: Buffer, format: LegacyFormat): Promise<Buffer> {
  const { name, target, app } = FORMAT_NAMES[format];
  const advice = `Hãy mở tệp bằng ${app} và lưu lại dưới dạng .${target} rồi gửi lại`;
  try {
    return await convertWithLibreOffice(bytes, format, target, { timeoutMs: CONVERSION_TIMEOUT_MS });
  } catch (error) {
    if (!(error instanceof LibreOfficeError)) throw error;
    const reason = {
      missing: `tệp ${name} chưa đọc được trực tiếp trên máy chủ này. ${advice}`,
      timeout: `chuyển đổi tệp ${name} quá ${Math.round(CONVERSION_TIMEOUT_MS / 1000)} giây. ${advice}`,
      failed: `không chuyển đổi được tệp ${name}. ${advice}`,
      "no-output": `tệp ${name} hỏng, được bảo vệ hoặc máy chủ không chuyển đổi được. ${advice}`,
    }[error.reason];
    throw new ImportError(reason, fileName, {}, error.message);
  }
}

/** A .doc or .rtf, converted through LibreOffice and read as a .docx. */
export async function readLegacyWordDocument(
  fileName: string,
  bytes: Buffer,
  format: ".doc" | ".rtf",
): Promise<SourceDocument> {
  const converted = await convertLegacy(fileName, bytes, format);
  const { readDocxDocument } = await import("./docx.js");
  return readDocxDocument(fileName, converted);
}

/** An .xls, converted through LibreOffice Calc (the Docker image installs it) and read as an .xlsx. */
export async function readLegacyExcelDocument(fileName: string, bytes: Buffer): Promise<SourceDocument> {
  const converted = await convertLegacy(fileName, bytes, ".xls");
  // Readers are loaded when a file needs them: ExcelJS alone costs a reader process a third of a second.
  const { readXlsxDocument } = await import("./xlsx.js");
  return readXlsxDocument(fileName, converted);
}
