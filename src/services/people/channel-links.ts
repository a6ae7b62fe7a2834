/**
 * A person's chats beyond Telegram (today Zalo): who writes from a Zalo chat,
 * and the one-time code a person already on Telegram sends the Zalo bot to
 * get their reminders there too (their invite was used up on Telegram).
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { channelLinkCodes, organizations, people, personChannels } from "../../../db/schema.js";
import { refusedFor } from "../access.js";
import type { CodeRefused } from "./invites.js";
import { findViewerById, type Viewer } from "./viewer.js";

/** A link code is typed by hand from one app into another: one day is enough, and a lost one is asked again. */
export const CHANNEL_LINK_CODE_VALID_MS = 24 * 3600_000;

const hashOf = (code: string) => createHash("sha256").update(code).digest("hex");

/** A fresh code for `viewer` to send the Zalo bot; an older unused one stops working. */
export async function createZaloLinkCode(
  db: Database,
  viewer: Pick<Viewer, "personId" | "organizationId">,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  // The same alphabet and length as an invite code, so the Zalo bot reads both the same way.
  const code = randomBytes(16).toString("base64url");
  const expiresAt = new Date(now.getTime() + CHANNEL_LINK_CODE_VALID_MS);
  await db.transaction(async (tx) => {
    await tx
      .update(channelLinkCodes)
      .set({ usedAt: now })
      .where(and(eq(channelLinkCodes.personId, viewer.personId), isNull(channelLinkCodes.usedAt)));
    await tx.insert(channelLinkCodes).values({
      organizationId: viewer.organizationId,
      personId: viewer.personId,
      channel: "zalo",
      codeHash: hashOf(code),
      expiresAt,
    });
  });
  return { code, expiresAt };
}

export interface ZaloLinked {
  kind: "linked";
  personId: string;
  fullName: string;
  organizationName: string;
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Binds the Zalo chat to the person a link code was made for, once, inside
 * the caller's transaction (redeemInviteOnZalo, which also limits wrong
 * codes). A chat bound to someone else stays theirs ("already-bound"); the
 * person's earlier Zalo chat, if any, is replaced by this one.
 */
export async function takeZaloLinkCode(
  tx: Transaction,
  request: { code: string; chatId: string; now: Date },
): Promise<ZaloLinked | CodeRefused> {
  const [link] = await tx
    .select()
    .from(channelLinkCodes)
    .where(eq(channelLinkCodes.codeHash, hashOf(request.code)));
  if (!link) return refusedFor("code-unknown");
  const [bound] = await tx
    .select({ personId: personChannels.personId })
    .from(personChannels)
    .where(and(eq(personChannels.channel, "zalo"), eq(personChannels.chatId, request.chatId)));
  if (bound && bound.personId !== link.personId) return refusedFor("chat-bound");
  const [taken] = await tx
    .update(channelLinkCodes)
    .set({ usedAt: request.now })
    .where(
      and(
        eq(channelLinkCodes.id, link.id),
        isNull(channelLinkCodes.usedAt),
        sql`${channelLinkCodes.expiresAt} > ${request.now.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: channelLinkCodes.id });
  if (!taken) return refusedFor(link.usedAt ? "code-used" : "code-expired");
  await tx
    .insert(personChannels)
    .values({ organizationId: link.organizationId, personId: link.personId, channel: "zalo", chatId: request.chatId })
    .onConflictDoUpdate({
      target: [personChannels.personId, personChannels.channel],
      set: { chatId: request.chatId, unreachableSince: null },
    });
  const [row] = await tx
    .select({ fullName: people.fullName, organizationName: organizations.name })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(eq(people.id, link.personId));
  return {
    kind: "linked",
    personId: link.personId,
    fullName: row?.fullName ?? "",
    organizationName: row?.organizationName ?? "",
  };
}

/** The person writing from a Zalo chat, or null for a stranger (or someone who left). */
export async function findZaloViewer(db: Database, chatId: string): Promise<Viewer | null> {
  const [row] = await db
    .select({ personId: personChannels.personId })
    .from(personChannels)
    .innerJoin(people, eq(people.id, personChannels.personId))
    .where(and(eq(personChannels.channel, "zalo"), eq(personChannels.chatId, chatId), isNull(people.deactivatedAt)));
  return row ? findViewerById(db, row.personId) : null;
}

/** Someone writing to the bot is reachable there again (they unblocked it). */
export async function markZaloChatReachable(db: Database, chatId: string): Promise<void> {
  await db
    .update(personChannels)
    .set({ unreachableSince: null })
    .where(and(eq(personChannels.channel, "zalo"), eq(personChannels.chatId, chatId)));
}
