/**
 * What the bot waits for from a person between two messages (a file, a date,
 * a reason), kept in Postgres so a restart or a second bot process loses nothing.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.js";
import { botSessions } from "../../db/schema.js";
import { SETTING_FIELDS } from "../domain/settings/index.js";

const pendingInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("evidence"), milestoneId: z.uuid(), thenComplete: z.boolean() }),
  z.object({
    kind: z.literal("evidence-reference"),
    milestoneId: z.uuid(),
    thenComplete: z.boolean(),
    /** The parsed reference shown back for confirmation; stored only when confirmed. */
    reference: z.object({
      documentType: z.string(),
      numberSymbol: z.string(),
      issuedOn: z.iso.date(),
      issuer: z.string(),
    }),
    typedText: z.string(),
  }),
  z.object({ kind: z.literal("progress-note"), milestoneId: z.uuid() }),
  z.object({ kind: z.literal("extension-date"), milestoneId: z.uuid() }),
  z.object({
    kind: z.literal("extension-reason"),
    milestoneId: z.uuid(),
    newDue: z.iso.date(),
  }),
  z.object({ kind: z.literal("review-date"), milestoneId: z.uuid() }),
  z.object({
    kind: z.literal("import-confirm"),
    /** Telegram keeps the file: it is downloaded again on confirmation and must hash the same. */
    fileId: z.string().min(1).optional(),
    /** A document pasted as a message has no file to fetch again: its text waits here for the confirmation. */
    pastedText: z.string().min(1).max(20_000).optional(),
    /** The day the document was received, typed while its preview waits: its counted deadlines are read from it. */
    receivedOn: z.iso.date().optional(),
    fileName: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /**
     * A plan over MAX_PLAN_TASKS: its count, asked first ("confirmed": false)
     * and, once confirmed, the limit its preview and import are allowed.
     */
    largePlan: z.object({ tasks: z.number().int().positive(), confirmed: z.boolean() }).optional(),
  }),
  z.object({
    kind: z.literal("return-comment"),
    requestId: z.uuid(),
    /** The approval message to update once the comment is in. */
    chatId: z.number().optional(),
    messageId: z.number().optional(),
  }),
  /** /caidat: a typed value for a setting, then the confirmation of its previewed change (re-read on confirm). */
  z.object({ kind: z.literal("settings-value"), field: z.enum(SETTING_FIELDS) }),
  z.object({ kind: z.literal("settings-confirm"), field: z.enum(SETTING_FIELDS), text: z.string().max(200) }),
]);
export type PendingInput = z.infer<typeof pendingInputSchema>;

const sessionSchema = z.object({ pending: pendingInputSchema.nullable().default(null) });
export type ChatSession = z.infer<typeof sessionSchema>;

const keyOf = (personId: string) => `person:${personId}`;

/** The person's session; a stored value that no longer parses (an older shape) reads as empty. */
export async function loadChatSession(db: Database, personId: string): Promise<ChatSession> {
  const [row] = await db
    .select({ value: botSessions.value })
    .from(botSessions)
    .where(eq(botSessions.key, keyOf(personId)));
  const parsed = sessionSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : { pending: null };
}

export async function saveChatSession(
  db: Database,
  person: { personId: string; organizationId: string },
  session: ChatSession,
): Promise<void> {
  const value = sessionSchema.parse(session);
  await db
    .insert(botSessions)
    .values({ key: keyOf(person.personId), organizationId: person.organizationId, personId: person.personId, value })
    .onConflictDoUpdate({ target: botSessions.key, set: { value, updatedAt: new Date() } });
}

const shownListKeyOf = (personId: string) => `zalo-list:${personId}`;
const shownListSchema = z.object({ milestoneIds: z.array(z.uuid()).max(1000) });

/**
 * The tasks of the last numbered list a person was sent on a channel without
 * buttons (a Zalo reminder or "việc"), in order: "xong 2" means the second.
 */
export async function saveShownList(
  db: Database,
  person: { personId: string; organizationId: string },
  milestoneIds: string[],
): Promise<void> {
  const value = { milestoneIds: milestoneIds.slice(0, 1000) };
  await db
    .insert(botSessions)
    .values({
      key: shownListKeyOf(person.personId),
      organizationId: person.organizationId,
      personId: person.personId,
      value,
    })
    .onConflictDoUpdate({ target: botSessions.key, set: { value, updatedAt: new Date() } });
}

/** The last list shown, or null when none was (or it no longer parses). */
export async function loadShownList(db: Database, personId: string): Promise<string[] | null> {
  const [row] = await db
    .select({ value: botSessions.value })
    .from(botSessions)
    .where(eq(botSessions.key, shownListKeyOf(personId)));
  const parsed = shownListSchema.safeParse(row?.value);
  return parsed.success ? parsed.data.milestoneIds : null;
}
