/** Converts a document with LibreOffice (installed in CI by .ci/run), as an office would save or print it. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function convertWithSoffice(bytes: Buffer, fromExtension: string, to: string): Promise<Buffer> {
  const directory = await mkdtemp(join(tmpdir(), "nhacviec-test-soffice-"));
  try {
    const input = join(directory, `plan${fromExtension}`);
    await writeFile(input, bytes);
    await new Promise<void>((resolve, reject) =>
      execFile(
        "soffice",
        [
          "--headless",
          "--norestore",
          `-env:UserInstallation=file://${join(directory, "profile")}`,
          "--convert-to",
          to,
          "--outdir",
          directory,
          input,
        ],
        { timeout: 120_000 },
        (error) => (error ? reject(new Error(error.message, { cause: error })) : resolve()),
      ),
    );
    const extension = `.${to.split(":")[0]}`;
    const output = (await readdir(directory)).find(
      (name) => name.endsWith(extension) && name !== `plan${fromExtension}`,
    );
    if (!output) throw new Error(`soffice wrote no ${extension}`);
    return await readFile(join(directory, output));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
