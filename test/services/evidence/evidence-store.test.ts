import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createFileEvidenceStore } from "../../../src/services/evidence/evidence-store.js";

const SHA = "ab".repeat(32);
let root: string | undefined;

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("the file evidence store", () => {
  it("keeps a file under its organization and task, named by its hash, whole and without leftovers", async () => {
    root = mkdtempSync(join(tmpdir(), "nhacviec-evidence-"));
    const store = createFileEvidenceStore(root);
    const key = { organizationSlug: "gio-son", folder: "II.3", fileName: "Quyết định.pdf", sha256: SHA };
    const path = await store.put(key, Buffer.from("%PDF nội dung"));
    expect(path).toBe(join(root, "gio-son", "II.3", `${SHA.slice(0, 16)}-Quyết định.pdf`));
    expect(readFileSync(path, "utf8")).toBe("%PDF nội dung");
    // The same file sent again lands on the same path; no partial file stays behind.
    expect(await store.put(key, Buffer.from("%PDF nội dung"))).toBe(path);
    expect(readdirSync(join(root, "gio-son", "II.3"))).toEqual([`${SHA.slice(0, 16)}-Quyết định.pdf`]);
  });
});
