import { execFile } from "node:child_process";
import { access, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { constants } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { ImportError } from "../import-error.js";
import type { SourceDocument } from "../source-document.js";
import { readDocxDocument } from "./docx.js";

/**
 * Word 97–2003 (.doc) and RTF documents: LibreOffice converts them to .docx,
 * which the WordprocessingML reader then reads. Without LibreOffice on the
 * PATH the coordinator is told what to do instead.
 */

const CONVERSION_TIMEOUT_MS = Number(process.env.NHACVIEC_SOFFICE_TIMEOUT_MS ?? 60_000);

/** The OLE2 compound file signature every .doc and .xls starts with. */
export const isOle2 = (bytes: Buffer): boolean =>
  bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;

export const isRtf = (bytes: Buffer): boolean => bytes.subarray(0, 5).toString("latin1") === "{\\rtf";

/** An OLE2 file holding an Excel workbook rather than a Word document (stream names are UTF-16). */
export const isLegacyExcel = (bytes: Buffer): boolean =>
  bytes.includes(Buffer.from("Workbook", "utf16le")) && !bytes.includes(Buffer.from("WordDocument", "utf16le"));

async function findSoffice(): Promise<string | null> {
  for (const directory of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(directory, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Converts a .doc or .rtf through LibreOffice and reads the result as a .docx. */
export async function readLegacyWordDocument(fileName: string, bytes: Buffer, format: ".doc" | ".rtf"): Promise<SourceDocument> {
  const soffice = await findSoffice();
  if (!soffice) {
    throw new ImportError(
      `tệp ${format} (Word 97–2003) chưa đọc được trực tiếp trên máy chủ này. Hãy mở tệp bằng Word và lưu lại dưới dạng .docx rồi gửi lại`,
      fileName,
    );
  }
  const directory = await mkdtemp(join(tmpdir(), "nhacviec-doc-"));
  try {
    const input = join(directory, `input${format}`);
    await writeFile(input, bytes);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          "--headless",
          "--norestore",
          "--nolockcheck",
          // A profile of its own: a second conversion at the same time must not wait on the first one's lock.
          `-env:UserInstallation=file://${join(directory, "profile")}`,
          "--convert-to",
          "docx",
          "--outdir",
          directory,
          input,
        ],
        { timeout: CONVERSION_TIMEOUT_MS, killSignal: "SIGKILL" },
        (error) => (error ? reject(error) : resolve()),
      );
    }).catch((error: unknown) => {
      const timedOut = error instanceof Error && "killed" in error && (error as { killed: boolean }).killed;
      throw new ImportError(
        timedOut
          ? `chuyển đổi tệp ${format} quá ${Math.round(CONVERSION_TIMEOUT_MS / 1000)} giây. Hãy mở tệp bằng Word và lưu lại dưới dạng .docx`
          : `không chuyển đổi được tệp ${format}. Hãy mở tệp bằng Word và lưu lại dưới dạng .docx`,
        fileName,
        {},
        error instanceof Error ? error.message : String(error),
      );
    });
    const output = (await readdir(directory)).find((name) => name.endsWith(".docx"));
    if (!output) {
      throw new ImportError(
        `tệp ${format} hỏng hoặc được bảo vệ nên không chuyển đổi được. Hãy mở tệp bằng Word và lưu lại dưới dạng .docx`,
        fileName,
      );
    }
    return await readDocxDocument(fileName, await readFile(join(directory, output)));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
