/**
 * Where evidence files live. Use cases see only this interface, so the store
 * can move (another disk, object storage) without touching them; the one
 * implementation today is a folder on the server.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The largest evidence file, in the chat (Telegram lets bots download 20 MB) and on the web alike. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** A file to keep: the organization and task it belongs to, its cleaned name and its content hash. */
export interface EvidenceKey {
  organizationSlug: string;
  /** The task's folder name, already safe for a file system ("II.3"). */
  folder: string;
  fileName: string;
  sha256: string;
}

export interface EvidenceStore {
  /** Keeps the bytes whole (never half a file) and returns where, for the evidence row. Same key, same place. */
  put(key: EvidenceKey, bytes: Buffer): Promise<string>;
}

/**
 * Evidence under `root/<organization>/<task>/<sha256 prefix>-<name>`: a file
 * sent twice lands on the same path. Written to a partial file and renamed
 * into place, so a reader (or a crash) never sees half a file.
 */
export function createFileEvidenceStore(root: string): EvidenceStore {
  return {
    async put(key, bytes) {
      const folder = join(root, key.organizationSlug, key.folder);
      const storagePath = join(folder, `${key.sha256.slice(0, 16)}-${key.fileName}`);
      await mkdir(folder, { recursive: true });
      const partial = `${storagePath}.${process.pid}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, storagePath);
      return storagePath;
    },
  };
}
