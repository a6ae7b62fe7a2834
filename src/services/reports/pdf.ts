/**
 * PDF of a report through LibreOffice (`soffice --headless --convert-to pdf`):
 * the office prints what it would print from Word or Excel, page setup and all.
 */
import { convertWithLibreOffice, LibreOfficeError } from "../../import/libreoffice.js";

export class PdfConversionError extends Error {
  override readonly name = "PdfConversionError";
  constructor(
    message: string,
    readonly reason: "no-libreoffice" | "failed" | "timeout",
  ) {
    super(message);
  }
}

const NO_LIBREOFFICE =
  "Cần cài LibreOffice (lệnh soffice) trên máy chủ để xuất PDF, ví dụ: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui. Trong lúc chờ, hãy xuất .docx/.xlsx rồi in từ Word/Excel.";

/** Converts an .xlsx or .docx to PDF; refuses with a Vietnamese message when LibreOffice is missing or hangs. */
export async function convertToPdf(
  document: Buffer,
  extension: "xlsx" | "docx",
  options: { timeoutMs?: number; soffice?: string | null } = {},
): Promise<Buffer> {
  try {
    return await convertWithLibreOffice(document, `.${extension}`, "pdf", {
      timeoutMs: options.timeoutMs ?? 60_000,
      ...(options.soffice !== undefined ? { soffice: options.soffice } : {}),
    });
  } catch (error) {
    if (!(error instanceof LibreOfficeError)) throw error;
    if (error.reason === "missing") throw new PdfConversionError(NO_LIBREOFFICE, "no-libreoffice");
    if (error.reason === "timeout") {
      throw new PdfConversionError("LibreOffice chuyển sang PDF quá lâu nên đã dừng; hãy thử lại sau.", "timeout");
    }
    if (error.reason === "no-output") throw new PdfConversionError("LibreOffice không tạo ra tệp PDF.", "failed");
    throw new PdfConversionError(`LibreOffice không chuyển được sang PDF: ${error.message}`, "failed");
  }
}
