/**
 * Plan files uploaded on the web and waiting for the coordinator's
 * confirmation, kept in Postgres so a restart between the preview and the
 * confirmation loses nothing. Bounded and expiring: one waiting file per
 * person (a new upload replaces it), MAX_PENDING_BYTES over everyone (the
 * oldest go first), each for PENDING_UPLOAD_TTL_MS.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { pendingUploads } from "../../../db/schema.js";

export const PENDING_UPLOAD_TTL_MS = 30 * 60 * 1000;
/** Five full-size uploads at once; far more than offices preview in half an hour. */
export const MAX_PENDING_BYTES = 100 * 1024 * 1024;

export interface PendingUpload {
  personId: string;
  organizationId: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  /** A plan over the task limit: its count, and whether the coordinator confirmed it. */
  largePlan?: { tasks: number; confirmed: boolean } | undefined;
  /** The day the document was received, given with the upload. */
  receivedOn?: string | undefined;
}

export interface PendingUploads {
  /** Keeps `upload` (replacing the person's earlier one) and returns the id its confirmation posts to. */
  hold(upload: PendingUpload, now: Date): Promise<string>;
  /** The person's upload by id, left in place; undefined when gone, expired or someone else's. */
  peek(id: string, personId: string, now: Date): Promise<PendingUpload | undefined>;
  /** Records that the person confirmed the count of a large plan. */
  confirmLargePlan(id: string, personId: string): Promise<void>;
  /** As peek, and removes it: a confirmation is used once. */
  take(id: string, personId: string, now: Date): Promise<PendingUpload | undefined>;
  /** Bytes held now. */
  heldBytes(): Promise<number>;
}

const isId = (id: string) => /^[0-9a-f]{32}$/.test(id);

export function createPendingUploads(
  db: Database,
  limits: { ttlMs: number; maxBytes: number } = { ttlMs: PENDING_UPLOAD_TTL_MS, maxBytes: MAX_PENDING_BYTES },
): PendingUploads {
  const heldBytes = async () => {
    const [row] = await db
      .select({ total: sql<string | null>`sum(${pendingUploads.sizeBytes})` })
      .from(pendingUploads);
    return Number(row?.total ?? 0);
  };
  const find = async (id: string, personId: string, now: Date) => {
    if (!isId(id)) return undefined;
    const [row] = await db
      .select()
      .from(pendingUploads)
      .where(
        and(eq(pendingUploads.id, id), eq(pendingUploads.personId, personId), gt(pendingUploads.expiresAt, now)),
      );
    if (!row) return undefined;
    return {
      personId: row.personId,
      organizationId: row.organizationId,
      fileName: row.fileName,
      bytes: Buffer.from(row.bytes),
      sha256: row.sha256,
      largePlan: row.largePlan ?? undefined,
      receivedOn: row.receivedOn ?? undefined,
    } satisfies PendingUpload;
  };
  return {
    async hold(upload, now) {
      const id = randomBytes(16).toString("hex");
      await db.transaction(async (tx) => {
        await tx.delete(pendingUploads).where(lte(pendingUploads.expiresAt, now));
        await tx.delete(pendingUploads).where(eq(pendingUploads.personId, upload.personId));
        // The oldest go first until the new one fits under the bound.
        const held = await tx
          .select({ id: pendingUploads.id, size: pendingUploads.sizeBytes })
          .from(pendingUploads)
          .orderBy(asc(pendingUploads.createdAt));
        let total = held.reduce((sum, row) => sum + row.size, 0);
        for (const row of held) {
          if (total + upload.bytes.length <= limits.maxBytes) break;
          await tx.delete(pendingUploads).where(eq(pendingUploads.id, row.id));
          total -= row.size;
        }
        await tx.insert(pendingUploads).values({
          id,
          organizationId: upload.organizationId,
          personId: upload.personId,
          fileName: upload.fileName,
          bytes: upload.bytes,
          sizeBytes: upload.bytes.length,
          sha256: upload.sha256,
          largePlan: upload.largePlan ?? null,
          receivedOn: upload.receivedOn ?? null,
          expiresAt: new Date(now.getTime() + limits.ttlMs),
          createdAt: now,
        });
      });
      return id;
    },
    peek: find,
    async confirmLargePlan(id, personId) {
      if (!isId(id)) return;
      await db
        .update(pendingUploads)
        .set({ largePlan: sql`jsonb_set(${pendingUploads.largePlan}, '{confirmed}', 'true'::jsonb)` })
        .where(and(eq(pendingUploads.id, id), eq(pendingUploads.personId, personId)));
    },
    async take(id, personId, now) {
      const upload = await find(id, personId, now);
      if (!upload) return undefined;
      // Deleted by this call or by a concurrent one: only the call that deletes the row may use it.
      const deleted = await db
        .delete(pendingUploads)
        .where(and(eq(pendingUploads.id, id), eq(pendingUploads.personId, personId)))
        .returning({ id: pendingUploads.id });
      return deleted.length === 1 ? upload : undefined;
    },
    heldBytes,
  };
}
