/**
 * PDF of a report through LibreOffice (`soffice --headless --convert-to pdf`):
 * the office prints what it would print from Word or Excel, page setup and all.
 */
import { convertWithLibreOffice, LibreOfficeError } from "../../import/libreoffice.js";

/** Why a PDF could not be made; each has words under `pdf-failed-<reason>`. */
export const PDF_FAILURES = ["no-libreoffice", "failed", "timeout"] as const;

/**
 * The server could not make the PDF: a failure, not a refusal. Each front
 * end words it from `reason` (`pdf-failed-<reason>` in the locales); the
 * message is for the log.
 */
export class PdfConversionError extends Error {
  override readonly name = "PdfConversionError";
  constructor(
    message: string,
    readonly reason: (typeof PDF_FAILURES)[number],
  ) {
    super(message);
  }
}

/** Converts an .xlsx or .docx to PDF; a PdfConversionError when LibreOffice is missing, fails or hangs. */
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
    if (error.reason === "missing") throw new PdfConversionError("soffice is not installed", "no-libreoffice");
    if (error.reason === "timeout")
      throw new PdfConversionError("LibreOffice took too long and was stopped", "timeout");
    if (error.reason === "no-output") throw new PdfConversionError("LibreOffice wrote no PDF", "failed");
    throw new PdfConversionError(`LibreOffice could not convert to PDF: ${error.message}`, "failed");
  }
}
