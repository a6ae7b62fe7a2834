/**
 * A small key/value memory per person and slot, kept in Postgres so a
 * restart or a second process loses nothing: what the chat waits for between
 * two messages, the last numbered list a person was sent. It knows no
 * feature: each front end gives the shape it stores and reads it back with
 * its own schema (src/bot/session.ts, services/delivery/shown-list.ts).
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { botSessions } from "../../db/schema.js";

/** Whose memory, and which of theirs: the key is `${slot}:${personId}`. */
export interface ChatMemoryKey {
  personId: string;
  organizationId: string;
  slot: string;
}

const keyOf = (slot: string, personId: string) => `${slot}:${personId}`;

/** What was stored in the slot, as it was stored; undefined when nothing was. */
export async function recallChatMemory(db: Database, personId: string, slot: string): Promise<unknown> {
  const [row] = await db
    .select({ value: botSessions.value })
    .from(botSessions)
    .where(eq(botSessions.key, keyOf(slot, personId)));
  return row?.value;
}

export async function keepChatMemory(db: Database, key: ChatMemoryKey, value: unknown): Promise<void> {
  await db
    .insert(botSessions)
    .values({
      key: keyOf(key.slot, key.personId),
      organizationId: key.organizationId,
      personId: key.personId,
      value,
    })
    .onConflictDoUpdate({ target: botSessions.key, set: { value, updatedAt: new Date() } });
}
