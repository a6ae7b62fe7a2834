/**
 * The chat's session: what the bot waits for from a person between two
 * messages. Each feature defines its own steps (src/bot/steps/<feature>.ts);
 * here they are joined into one shape, read and written through the generic
 * chat memory (services/chat-memory.ts) so a restart or a second bot process
 * loses nothing.
 */
import { z } from "zod";
import type { Database } from "../../db/client.js";
import { keepChatMemory, recallChatMemory } from "../services/chat-memory.js";
import { approvalSteps } from "./steps/approvals.js";
import { evidenceReferenceSteps } from "./steps/evidence-reference.js";
import { milestoneWorkSteps } from "./steps/milestone-work.js";
import { parSteps } from "./steps/par.js";
import { planImportSteps } from "./steps/plan-import.js";
import { reviewSteps } from "./steps/review.js";
import { settingsSteps } from "./steps/settings.js";

const pendingInputSchema = z.discriminatedUnion("kind", [
  ...milestoneWorkSteps,
  ...evidenceReferenceSteps,
  ...planImportSteps,
  ...approvalSteps,
  ...reviewSteps,
  ...settingsSteps,
  ...parSteps,
]);
/** The step a conversation is at, one of every feature's. */
export type PendingInput = z.infer<typeof pendingInputSchema>;

const sessionSchema = z.object({ pending: pendingInputSchema.nullable().default(null) });
export type ChatSession = z.infer<typeof sessionSchema>;

/** The slot of the chat memory the session lives in (the key `person:<id>`, as before the move). */
const SLOT = "person";

/** The person's session; a stored value that no longer parses (an older shape) reads as empty. */
export async function loadSession(db: Database, personId: string): Promise<ChatSession> {
  const parsed = sessionSchema.safeParse((await recallChatMemory(db, personId, SLOT)) ?? {});
  return parsed.success ? parsed.data : { pending: null };
}

export async function saveSession(
  db: Database,
  person: { personId: string; organizationId: string },
  session: ChatSession,
): Promise<void> {
  await keepChatMemory(db, { ...person, slot: SLOT }, sessionSchema.parse(session));
}
