/**
 * Plan files uploaded on the web and waiting for the coordinator's
 * confirmation. Kept in memory, bounded and expiring, not in Postgres: a
 * file may be 20 MB and most previews are never confirmed, so writing each
 * to the database costs more than the one re-upload a restart asks for. The
 * bounds keep a flood of uploads from growing the process: one waiting file
 * per person (a new upload replaces it), MAX_PENDING_BYTES over everyone
 * (the oldest go first), each for PENDING_UPLOAD_TTL_MS.
 */
import { randomBytes } from "node:crypto";

export const PENDING_UPLOAD_TTL_MS = 30 * 60 * 1000;
/** Five full-size uploads at once; far more than one office previews in half an hour. */
export const MAX_PENDING_BYTES = 100 * 1024 * 1024;

export interface PendingUpload {
  personId: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  /** A plan over the task limit: its count, and whether the coordinator confirmed it. */
  largePlan?: { tasks: number; confirmed: boolean };
}

export interface PendingUploads {
  /** Keeps `upload` (replacing the person's earlier one) and returns the id its confirmation posts to. */
  hold(upload: PendingUpload, now: number): string;
  /** The person's upload by id, left in place; undefined when gone, expired or someone else's. */
  peek(id: string, personId: string, now: number): PendingUpload | undefined;
  /** As peek, and removes it: a confirmation is used once. */
  take(id: string, personId: string, now: number): PendingUpload | undefined;
  /** Bytes held now. */
  heldBytes(): number;
}

export function createPendingUploads(
  limits: { ttlMs: number; maxBytes: number } = { ttlMs: PENDING_UPLOAD_TTL_MS, maxBytes: MAX_PENDING_BYTES },
): PendingUploads {
  // A Map iterates in insertion order: the first entries are the oldest.
  const held = new Map<string, PendingUpload & { expiresAt: number }>();
  let bytes = 0;
  const remove = (id: string) => {
    const upload = held.get(id);
    if (!upload) return;
    bytes -= upload.bytes.length;
    held.delete(id);
  };
  const sweep = (now: number) => {
    for (const [id, upload] of held) if (upload.expiresAt <= now) remove(id);
  };
  const find = (id: string, personId: string, now: number) => {
    sweep(now);
    const upload = held.get(id);
    return upload && upload.personId === personId ? upload : undefined;
  };
  return {
    hold(upload, now) {
      sweep(now);
      for (const [id, other] of held) if (other.personId === upload.personId) remove(id);
      for (const [id] of held) {
        if (bytes + upload.bytes.length <= limits.maxBytes) break;
        remove(id);
      }
      const id = randomBytes(16).toString("hex");
      held.set(id, { ...upload, expiresAt: now + limits.ttlMs });
      bytes += upload.bytes.length;
      return id;
    },
    peek: find,
    take(id, personId, now) {
      const upload = find(id, personId, now);
      if (upload) remove(id);
      return upload;
    },
    heldBytes: () => bytes,
  };
}
