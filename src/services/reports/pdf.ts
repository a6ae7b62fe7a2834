/**
 * PDF of a report through LibreOffice (`soffice --headless --convert-to pdf`):
 * the office prints what it would print from Word or Excel, page setup and all.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { access, constants } from "node:fs/promises";

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

/** The soffice on PATH, or null. */
export async function findSoffice(path = process.env.PATH ?? ""): Promise<string | null> {
  for (const directory of path.split(delimiter).filter(Boolean)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(directory, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this directory
      }
    }
  }
  return null;
}

/** Converts an .xlsx or .docx to PDF; refuses with a Vietnamese message when LibreOffice is missing or hangs. */
export async function convertToPdf(
  document: Buffer,
  extension: "xlsx" | "docx",
  options: { timeoutMs?: number; soffice?: string | null } = {},
): Promise<Buffer> {
  const soffice = options.soffice === undefined ? await findSoffice() : options.soffice;
  if (!soffice) throw new PdfConversionError(NO_LIBREOFFICE, "no-libreoffice");
  const directory = await mkdtemp(join(tmpdir(), "nhacviec-pdf-"));
  try {
    const input = join(directory, `bao-cao.${extension}`);
    await writeFile(input, document);
    // A profile of its own: a second soffice (or a desktop one) holding the default profile makes the call a no-op.
    const profile = `file://${join(directory, "profile")}`;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", directory, input],
        { timeout: options.timeoutMs ?? 60_000, killSignal: "SIGKILL" },
        (error) => {
          if (!error) return resolve();
          const timedOut = (error as { killed?: boolean }).killed === true;
          reject(
            new PdfConversionError(
              timedOut
                ? "LibreOffice chuyển sang PDF quá lâu nên đã dừng; hãy thử lại sau."
                : `LibreOffice không chuyển được sang PDF: ${error.message}`,
              timedOut ? "timeout" : "failed",
            ),
          );
        },
      );
    });
    try {
      return await readFile(join(directory, "bao-cao.pdf"));
    } catch {
      throw new PdfConversionError("LibreOffice không tạo ra tệp PDF.", "failed");
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
