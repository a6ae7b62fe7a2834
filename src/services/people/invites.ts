import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import {
  inviteAttempts,
  invites,
  memberships,
  organizations,
  people,
  personChannels,
  units,
} from "../../../db/schema.js";
import { belongsToUnit, type Role } from "../../domain/milestones/index.js";
import { unitNameKey } from "../../domain/units/index.js";
import { isOperator, personIdOf, type Principal, type Refused, refusedFor, requireAccess } from "../access.js";
import { takeZaloLinkCode, type ZaloLinked } from "./channel-links.js";
import { recordEvent } from "../events/outbox.js";

export const INVITE_VALID_DAYS = 7;

/**
 * Wrong codes one chat may try before it must wait: 5 in 15 minutes. A code
 * has 128 random bits, so this is not what keeps codes safe; it keeps a
 * script from hammering the database and the bot through one chat.
 */
export const INVITE_GUESS_LIMIT = { attempts: 5, windowMinutes: 15 } as const;

/** A separate advisory-lock key space (the two-int form) for one chat's guesses. */
const INVITE_GUESS_LOCK_CLASS = 0x696e_7669; // "invi"

/** What is stored of a code: its sha256 in hex, the same as the migration's data step computes. */
export function inviteCodeHash(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

export interface CreatedInvite {
  code: string;
  expiresAt: Date;
  role: Role;
  unitName: string | null;
  organizationName: string;
}

/** The deep link that opens the bot with the code: what people are sent. */
export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

/** Telegram deep-link parameters allow [A-Za-z0-9_-] up to 64 characters; 16 random bytes are plenty. */
function newCode(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * A one-time code valid 7 days that binds whoever opens it to `role` (and
 * `unit` for members and unit heads) in the organization. Coordinators invite
 * into their own organization; the operator into any. A unit named by id
 * (a button) that is not the organization's is not found, and so is a unit
 * named by its name (the CLI) that matches nothing (`unit-unknown`). A role
 * that belongs to a unit without one is the caller's mistake: it throws.
 */
export async function createInvite(
  db: Database,
  principal: Principal,
  request: {
    organizationId: string;
    role: Role;
    unitId?: string | null;
    unitName?: string | null;
    fullName?: string | null;
    now: Date;
  },
): Promise<Refused<"not-allowed" | "not-found"> | ({ kind: "created" } & CreatedInvite)> {
  const refused = requireAccess(principal, "invite.create", request);
  if (refused) return refused;
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, request.organizationId));
  if (!organization) return { kind: "not-found" };
  let unit: { id: string; name: string } | undefined;
  if (request.unitId) {
    [unit] = await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.id, request.unitId), eq(units.organizationId, request.organizationId)));
    if (!unit) return { kind: "not-found" };
  } else if (request.unitName) {
    const key = unitNameKey(request.unitName);
    [unit] = await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.organizationId, request.organizationId), eq(units.nameKey, key)));
    if (!unit) return refusedFor("unit-unknown", request.unitName);
  }
  if (belongsToUnit(request.role) && !unit) throw new Error(`an invite as ${request.role} needs its unit`);
  const expiresAt = new Date(request.now.getTime() + INVITE_VALID_DAYS * 86_400_000);
  const code = newCode();
  await db.insert(invites).values({
    organizationId: organization.id,
    codeHash: inviteCodeHash(code),
    role: request.role,
    unitId: unit?.id ?? null,
    fullName: request.fullName ?? null,
    // The column names a person of the invite's own organization (its foreign key says so): a
    // province's coordinator inviting into a commune is not one, and is left unnamed like the operator.
    createdByPersonId:
      isOperator(principal) || principal.organizationId !== organization.id ? null : personIdOf(principal),
    expiresAt,
  });
  return {
    kind: "created",
    code,
    expiresAt,
    role: request.role,
    unitName: unit?.name ?? null,
    organizationName: organization.name,
  };
}

/** The organization's live units, by name: whom an invite can be for. */
export async function listInviteUnits(
  db: Database,
  principal: Principal,
  organizationId: string,
): Promise<Refused<"not-allowed"> | { kind: "ok"; units: Array<{ id: string; name: string }> }> {
  const refused = requireAccess(principal, "invite.create", { organizationId });
  if (refused) return refused;
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.organizationId, organizationId), isNull(units.mergedIntoId)))
    .orderBy(asc(units.name));
  return { kind: "ok", units: rows };
}

/**
 * The organization an invite is for. The first coordinator is invited before
 * any plan exists, so a name creates the organization; a later import keeps it.
 */
export async function organizationBySlug(
  db: Database,
  slug: string,
  nameIfNew: string,
): Promise<typeof organizations.$inferSelect>;
export async function organizationBySlug(
  db: Database,
  slug: string,
  nameIfNew?: string,
): Promise<typeof organizations.$inferSelect | null>;
export async function organizationBySlug(db: Database, slug: string, nameIfNew?: string) {
  const [organization] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  if (organization) return organization;
  if (!nameIfNew) return null;
  const [created] = await db.insert(organizations).values({ slug, name: nameIfNew }).returning();
  return created as typeof organizations.$inferSelect;
}

/** Why a code sent to a bot bound nothing; `chat-bound` names the organization the chat already belongs to. */
export type CodeRefused = Refused<"not-found" | "closed" | "not-allowed"> & {
  reason: "code-unknown" | "code-used" | "code-expired" | "chat-bound";
  organizationName?: string;
  officeName?: string | null;
};

/** The chat tried too many wrong codes lately; it may try again from `retryAt`. */
export type GuessesRefused = Refused<"not-allowed"> & { reason: "too-many-attempts"; retryAt: Date };

export type RedeemResult =
  | {
      kind: "joined";
      personId: string;
      organizationId: string;
      organizationName: string;
      /** The office's own name, for the welcome ("vai trò Văn phòng HĐND và UBND xã"); null when not known yet. */
      officeName: string | null;
      role: Role;
      unitName: string | null;
      createdByPersonId: string | null;
    }
  | CodeRefused
  | GuessesRefused;

/** The limiter's key for a chat: the channel and the chat, e.g. `telegram:123` or `zalo:abc`. */
export function inviteChatKey(channel: string, chatId: string | number): string {
  return `${channel}:${chatId}`;
}

/**
 * Marks an invite used, if it still can be: a conditional update, so of two
 * people redeeming one code at once only one wins. Says why the code could not
 * be taken, or null when it was.
 */
async function takeInvite(tx: Database, inviteId: string, now: Date): Promise<"code-used" | "code-expired" | null> {
  const [taken] = await tx
    .update(invites)
    .set({ usedAt: now })
    .where(
      and(
        eq(invites.id, inviteId),
        sql`${invites.usedAt} is null`,
        sql`${invites.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: invites.id });
  if (taken) return null;
  // Read again: when two people redeem at once, the loser's first read predates the winner's commit.
  const [fresh] = await tx.select({ usedAt: invites.usedAt }).from(invites).where(eq(invites.id, inviteId));
  return fresh?.usedAt ? "code-used" : "code-expired";
}

/**
 * Binds a Telegram account with a code, once. The code is taken with a
 * conditional update, so two people opening the same link at once cannot both
 * use it. An account already bound in the code's organization gets the new
 * role added instead of a second person. Wrong codes count against the chat
 * (`chatKey`, the Telegram chat when not given); past INVITE_GUESS_LIMIT the
 * chat is refused, even a right code, until the window has passed.
 */
export async function redeemInvite(
  db: Database,
  request: {
    code: string;
    telegramUserId: number;
    chatId: number;
    /** Who is guessing, for the limiter: inviteChatKey(channel, chat). */
    chatKey?: string;
    fullName: string;
    locale?: string;
    now: Date;
  },
): Promise<RedeemResult> {
  const chatKey = request.chatKey ?? inviteChatKey("telegram", request.chatId);
  return db.transaction(async (tx) => {
    const refused = await checkGuessLimit(tx, chatKey, request.now);
    if (refused) return refused;
    const [invite] = await tx
      .select()
      .from(invites)
      .where(eq(invites.codeHash, inviteCodeHash(request.code)));
    if (!invite) {
      await recordWrongGuess(tx, chatKey, request.now);
      return refusedFor("code-unknown");
    }
    const [organization] = await tx.select().from(organizations).where(eq(organizations.id, invite.organizationId));
    const [elsewhere] = await tx
      .select({ organizationId: people.organizationId })
      .from(people)
      .where(eq(people.telegramUserId, request.telegramUserId));
    if (elsewhere && elsewhere.organizationId !== invite.organizationId) {
      return { ...refusedFor("chat-bound", organization?.name), organizationName: organization?.name };
    }
    const lost = await takeInvite(tx, invite.id, request.now);
    if (lost) return { ...refusedFor(lost), officeName: organization?.officeName ?? null };

    let [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organizationId, invite.organizationId), eq(people.telegramUserId, request.telegramUserId)));
    if (!person) {
      [person] = await tx
        .insert(people)
        .values({
          organizationId: invite.organizationId,
          fullName: invite.fullName ?? request.fullName,
          telegramUserId: request.telegramUserId,
          locale: request.locale === "en" ? "en" : "vi",
        })
        .returning({ id: people.id });
    }
    const personId = (person as { id: string }).id;
    // Their Telegram chat, reachable again if they had blocked the bot.
    await tx
      .insert(personChannels)
      .values({
        organizationId: invite.organizationId,
        personId,
        channel: "telegram",
        chatId: String(request.chatId),
      })
      .onConflictDoUpdate({
        target: [personChannels.personId, personChannels.channel],
        set: { chatId: String(request.chatId), unreachableSince: null },
      });
    const joined = await grantInvite(tx, invite, personId, organization, request.now);
    return { kind: "joined", ...joined };
  });
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Gives the person the invite's role (on any channel the code was redeemed
 * from) and says what the welcome needs to tell them.
 */
async function grantInvite(
  tx: Transaction,
  invite: typeof invites.$inferSelect,
  personId: string,
  organization: { name: string; officeName: string | null } | undefined,
  now: Date,
): Promise<Omit<Extract<RedeemResult, { kind: "joined" }>, "kind">> {
  await tx.update(invites).set({ usedByPersonId: personId }).where(eq(invites.id, invite.id));
  await tx
    .insert(memberships)
    .values({ organizationId: invite.organizationId, personId, role: invite.role, unitId: invite.unitId })
    .onConflictDoNothing();
  await recordEvent(
    tx,
    invite.organizationId,
    {
      type: "person.joined",
      personId,
      role: invite.role,
      unitId: invite.unitId,
      invitedByPersonId: invite.createdByPersonId,
    },
    now,
  );
  const [unit] = invite.unitId
    ? await tx.select({ name: units.name }).from(units).where(eq(units.id, invite.unitId))
    : [];
  return {
    personId,
    organizationId: invite.organizationId,
    organizationName: organization?.name ?? "",
    officeName: organization?.officeName ?? null,
    role: invite.role,
    unitName: unit?.name ?? null,
    createdByPersonId: invite.createdByPersonId,
  };
}

/**
 * Refuses a chat that tried INVITE_GUESS_LIMIT wrong codes within the window.
 * The chat's guesses queue on an advisory lock, so twenty at once from one
 * chat are counted one after another rather than all passing the check.
 */
async function checkGuessLimit(tx: Transaction, chatKey: string, now: Date): Promise<GuessesRefused | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${INVITE_GUESS_LOCK_CLASS}, hashtext(${chatKey}))`);
  const windowMs = INVITE_GUESS_LIMIT.windowMinutes * 60_000;
  const recent = await tx
    .select({ at: inviteAttempts.attemptedAt })
    .from(inviteAttempts)
    .where(and(eq(inviteAttempts.chatKey, chatKey), gt(inviteAttempts.attemptedAt, new Date(now.getTime() - windowMs))))
    .orderBy(desc(inviteAttempts.attemptedAt))
    .limit(INVITE_GUESS_LIMIT.attempts);
  if (recent.length < INVITE_GUESS_LIMIT.attempts) return null;
  // The chat may try again once the oldest of its last few wrong codes leaves the window.
  const oldest = recent[INVITE_GUESS_LIMIT.attempts - 1] as { at: Date };
  return { ...refusedFor("too-many-attempts"), retryAt: new Date(oldest.at.getTime() + windowMs) };
}

/** Counts a wrong code against the chat, and forgets the chat's guesses that left the window. */
async function recordWrongGuess(tx: Transaction, chatKey: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - INVITE_GUESS_LIMIT.windowMinutes * 60_000);
  await tx
    .delete(inviteAttempts)
    .where(and(eq(inviteAttempts.chatKey, chatKey), lte(inviteAttempts.attemptedAt, windowStart)));
  await tx.insert(inviteAttempts).values({ chatKey, attemptedAt: now });
}

export type ZaloBindResult =
  | ({ via: "invite" } & Extract<RedeemResult, { kind: "joined" }>)
  | ({ via: "link-code" } & ZaloLinked)
  | CodeRefused
  | GuessesRefused;

/**
 * Binds a Zalo chat with a code a person sent the Zalo bot, once: an invite
 * code (as redeemInvite does for a Telegram account: the person is created,
 * or given the new role when this chat is already theirs in the code's
 * organization), or the link code `/zalo` gave someone already on Telegram
 * (channel-links.ts). Wrong codes count against `zalo:<chat>` under the same
 * limit as Telegram's.
 */
export async function redeemInviteOnZalo(
  db: Database,
  request: { code: string; chatId: string; displayName: string; now: Date },
): Promise<ZaloBindResult> {
  const chatKey = inviteChatKey("zalo", request.chatId);
  return db.transaction(async (tx): Promise<ZaloBindResult> => {
    const refused = await checkGuessLimit(tx, chatKey, request.now);
    if (refused) return refused;
    const [invite] = await tx
      .select()
      .from(invites)
      .where(eq(invites.codeHash, inviteCodeHash(request.code)));
    if (!invite) {
      const linked = await takeZaloLinkCode(tx, request);
      if (linked.kind === "linked") return { via: "link-code", ...linked };
      if (linked.reason !== "code-unknown") return linked;
      await recordWrongGuess(tx, chatKey, request.now);
      return refusedFor("code-unknown");
    }
    const [organization] = await tx.select().from(organizations).where(eq(organizations.id, invite.organizationId));
    const [bound] = await tx
      .select({ personId: personChannels.personId, organizationId: personChannels.organizationId })
      .from(personChannels)
      .where(and(eq(personChannels.channel, "zalo"), eq(personChannels.chatId, request.chatId)));
    if (bound && bound.organizationId !== invite.organizationId) {
      return { ...refusedFor("chat-bound", organization?.name), organizationName: organization?.name };
    }
    const lost = await takeInvite(tx, invite.id, request.now);
    if (lost) return { ...refusedFor(lost), officeName: organization?.officeName ?? null };
    let personId = bound?.personId;
    if (personId) {
      await tx
        .update(personChannels)
        .set({ unreachableSince: null })
        .where(and(eq(personChannels.channel, "zalo"), eq(personChannels.chatId, request.chatId)));
    } else {
      const [person] = await tx
        .insert(people)
        .values({
          organizationId: invite.organizationId,
          fullName: invite.fullName ?? (request.displayName.trim() || "Zalo"),
          locale: "vi",
        })
        .returning({ id: people.id });
      personId = (person as { id: string }).id;
      await tx
        .insert(personChannels)
        .values({ organizationId: invite.organizationId, personId, channel: "zalo", chatId: request.chatId });
    }
    const joined = await grantInvite(tx, invite, personId, organization, request.now);
    return { via: "invite", kind: "joined", ...joined };
  });
}
