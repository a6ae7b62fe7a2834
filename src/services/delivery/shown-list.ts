/**
 * The tasks of the last numbered list a person was sent on a channel without
 * buttons (a Zalo reminder or "việc"), in order: "xong 2" means the second.
 */
import { z } from "zod";
import type { Database } from "../../../db/client.js";
import { keepChatMemory, recallChatMemory } from "../chat-memory.js";

const SLOT = "zalo-list";
const shownListSchema = z.object({ milestoneIds: z.array(z.uuid()).max(1000) });

export async function saveShownList(
  db: Database,
  person: { personId: string; organizationId: string },
  milestoneIds: string[],
): Promise<void> {
  await keepChatMemory(db, { ...person, slot: SLOT }, { milestoneIds: milestoneIds.slice(0, 1000) });
}

/** The last list shown, or null when none was (or it no longer parses). */
export async function loadShownList(db: Database, personId: string): Promise<string[] | null> {
  const parsed = shownListSchema.safeParse(await recallChatMemory(db, personId, SLOT));
  return parsed.success ? parsed.data.milestoneIds : null;
}
