/**
 * LibreOffice (`soffice --headless --convert-to`), the one way the product
 * converts documents: legacy .doc/.rtf/.xls plans into formats our readers
 * read, and reports into PDF. Callers word the failures for their users.
 */
import { execFile } from "node:child_process";
import { access, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { constants } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export class LibreOfficeError extends Error {
  override readonly name = "LibreOfficeError";
  constructor(
    readonly reason: "missing" | "timeout" | "failed" | "no-output",
    detail: string,
  ) {
    super(detail);
  }
}

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

/**
 * Converts `bytes` (a file ending in `inputExtension`) to `target` ("pdf",
 * "docx", "xlsx") in a folder of its own, killed after `timeoutMs`.
 */
export async function convertWithLibreOffice(
  bytes: Buffer,
  inputExtension: string,
  target: string,
  options: { timeoutMs: number; soffice?: string | null },
): Promise<Buffer> {
  const soffice = options.soffice === undefined ? await findSoffice() : options.soffice;
  if (!soffice) throw new LibreOfficeError("missing", "soffice is not on the PATH");
  const directory = await mkdtemp(join(tmpdir(), "nhacviec-soffice-"));
  try {
    const input = join(directory, `input${inputExtension}`);
    await writeFile(input, bytes);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          "--headless",
          "--norestore",
          "--nolockcheck",
          // A profile of its own: a second soffice (or a desktop one) holding the default profile makes the call a no-op.
          `-env:UserInstallation=file://${join(directory, "profile")}`,
          "--convert-to",
          target,
          "--outdir",
          directory,
          input,
        ],
        { timeout: options.timeoutMs, killSignal: "SIGKILL" },
        (error) => {
          if (!error) return resolve();
          const timedOut = (error as { killed?: boolean }).killed === true;
          reject(new LibreOfficeError(timedOut ? "timeout" : "failed", error.message));
        },
      );
    });
    const output = (await readdir(directory)).find((entry) => entry.endsWith(`.${target}`));
    if (!output) throw new LibreOfficeError("no-output", `no .${target} was written`);
    return await readFile(join(directory, output));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
