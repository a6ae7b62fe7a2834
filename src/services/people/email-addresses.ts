/**
 * A person's email channel: a coordinator gives the address (web people page
 * or /email in the chat); a confirmation mail with a one-time link goes to it;
 * only the owner opening that link makes it their 'email' channel
 * (person_channels), so nothing else is sent to an address nobody confirmed.
 * A changed address keeps the old one working until the new one is confirmed.
 * The digest's one-click unsubscribe flips a flag on the channel row:
 * reminders and notices still go.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { emailConfirmations, organizations, people, personChannels } from "../../../db/schema.js";
import type { DeliveryChannel } from "../../channels/channel.js";
import { normalizeEmailAddress } from "../../domain/email/email-address.js";
import { type TaskLinkMac, verifyUnsubscribeToken } from "../../domain/links/index.js";
import { translatorFor } from "../../i18n/i18n.js";
import { type Refused, requireAccess } from "../access.js";
import { sendOnChannel } from "../delivery/deliver.js";
import type { Viewer } from "./viewer.js";

/** What a front end needs to set an address: the email channel for the confirmation mail, and its public link. */
export interface EmailChannelAccess {
  channel: DeliveryChannel;
  confirmUrl: (token: string) => string;
}

/** A confirmation link is opened from a mailbox, perhaps after a weekend: a week. */
export const EMAIL_CONFIRMATION_VALID_MS = 7 * 24 * 3600_000;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The one rule of what an address is lives in the domain; re-exported for the front ends that ask here. */
export { normalizeEmailAddress };

export type EmailRequestResult =
  | Refused<"not-allowed" | "not-found">
  | { kind: "invalid"; address: string }
  /** The address is another person's confirmed channel. */
  | { kind: "taken"; address: string }
  /** The confirmation mail went; `sent` false when SMTP did not take it (the coordinator may try again). */
  | { kind: "confirmation-sent"; address: string; name: string; sent: boolean };

/**
 * A coordinator sets (or changes) `personId`'s email: records a pending
 * confirmation and mails its link through the email channel. `confirmUrl`
 * turns the one-time token into the public link.
 */
export async function requestEmailAddress(
  deps: { db: Database; email: DeliveryChannel; now: Date; confirmUrl: (token: string) => string },
  viewer: Viewer,
  personId: string,
  input: string,
): Promise<EmailRequestResult> {
  const refused = requireAccess(viewer, "organization.coordinate", viewer);
  if (refused) return refused;
  const address = normalizeEmailAddress(input);
  if (!address) return { kind: "invalid", address: input.trim() };
  const { db, now } = deps;
  const [person] = await db
    .select({ name: people.fullName, locale: people.locale, office: organizations.name })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(
      and(eq(people.id, personId), eq(people.organizationId, viewer.organizationId), isNull(people.deactivatedAt)),
    );
  if (!person) return { kind: "not-found" };
  const [taken] = await db
    .select({ personId: personChannels.personId })
    .from(personChannels)
    .where(
      and(
        eq(personChannels.channel, "email"),
        eq(personChannels.chatId, address),
        ne(personChannels.personId, personId),
      ),
    );
  if (taken) return { kind: "taken", address };
  const token = randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    // An earlier pending address of theirs stops counting: only the latest request can be confirmed.
    await tx
      .delete(emailConfirmations)
      .where(and(eq(emailConfirmations.personId, personId), isNull(emailConfirmations.confirmedAt)));
    await tx.insert(emailConfirmations).values({
      organizationId: viewer.organizationId,
      personId,
      address,
      tokenHash: hashOf(token),
      expiresAt: new Date(now.getTime() + EMAIL_CONFIRMATION_VALID_MS),
    });
  });
  const { t } = translatorFor(person.locale);
  const outcome = await sendOnChannel(deps.email, address, {
    kind: "confirmation",
    subject: t("email-confirm-subject"),
    text: t("email-confirm-text", { name: person.name, office: person.office, url: deps.confirmUrl(token) }),
    buttons: [],
  });
  return { kind: "confirmation-sent", address, name: person.name, sent: outcome.kind === "sent" };
}

/** What a confirmation link names, for the page that asks to confirm (opening it changes nothing). */
export async function pendingEmailConfirmation(
  db: Database,
  token: string,
  now: Date,
): Promise<{ address: string } | null> {
  const [row] = await db
    .select({ address: emailConfirmations.address })
    .from(emailConfirmations)
    .where(
      and(
        eq(emailConfirmations.tokenHash, hashOf(token)),
        isNull(emailConfirmations.confirmedAt),
        gt(emailConfirmations.expiresAt, now),
      ),
    );
  return row ?? null;
}

/**
 * The owner confirmed: the address becomes the person's email channel
 * (replacing an earlier one, reachable again, digests on). Once only.
 */
export async function confirmEmailAddress(
  db: Database,
  token: string,
  now: Date,
): Promise<{ kind: "confirmed"; address: string } | { kind: "invalid" } | { kind: "taken"; address: string }> {
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .update(emailConfirmations)
      .set({ confirmedAt: now })
      .where(
        and(
          eq(emailConfirmations.tokenHash, hashOf(token)),
          isNull(emailConfirmations.confirmedAt),
          gt(emailConfirmations.expiresAt, now),
        ),
      )
      .returning();
    if (!pending) return { kind: "invalid" };
    const [owner] = await tx
      .select({ personId: personChannels.personId })
      .from(personChannels)
      .where(and(eq(personChannels.channel, "email"), eq(personChannels.chatId, pending.address)));
    if (owner && owner.personId !== pending.personId) return { kind: "taken", address: pending.address };
    await tx
      .insert(personChannels)
      .values({
        organizationId: pending.organizationId,
        personId: pending.personId,
        channel: "email",
        chatId: pending.address,
      })
      .onConflictDoUpdate({
        target: [personChannels.personId, personChannels.channel],
        set: { chatId: pending.address, unreachableSince: null, digestUnsubscribedAt: null },
      });
    return { kind: "confirmed", address: pending.address };
  });
}

/** The digest's one-click unsubscribe: the channel row stops getting digests. Idempotent. */
export async function unsubscribeFromDigests(
  db: Database,
  mac: TaskLinkMac,
  token: string,
  now: Date,
): Promise<boolean> {
  const rowId = verifyUnsubscribeToken(token, mac);
  if (!rowId) return false;
  const rows = await db
    .update(personChannels)
    .set({ digestUnsubscribedAt: now })
    .where(and(eq(personChannels.id, rowId), isNull(personChannels.digestUnsubscribedAt)))
    .returning({ id: personChannels.id });
  if (rows.length > 0) return true;
  // Already unsubscribed (a second click, or the mail client's POST then the person's GET): still a success.
  const [row] = await db.select({ id: personChannels.id }).from(personChannels).where(eq(personChannels.id, rowId));
  return row !== undefined;
}

/** The email of each person of the organization, confirmed or waiting, for the people page. */
export async function emailAddressesOf(
  db: Database,
  organizationId: string,
): Promise<Map<string, { address: string; confirmed: boolean; unreachable: boolean }>> {
  const result = new Map<string, { address: string; confirmed: boolean; unreachable: boolean }>();
  const pending = await db
    .select({ personId: emailConfirmations.personId, address: emailConfirmations.address })
    .from(emailConfirmations)
    .where(and(eq(emailConfirmations.organizationId, organizationId), isNull(emailConfirmations.confirmedAt)));
  for (const row of pending) result.set(row.personId, { address: row.address, confirmed: false, unreachable: false });
  const confirmed = await db
    .select({
      personId: personChannels.personId,
      address: personChannels.chatId,
      unreachableSince: personChannels.unreachableSince,
    })
    .from(personChannels)
    .where(and(eq(personChannels.organizationId, organizationId), eq(personChannels.channel, "email")));
  for (const row of confirmed) {
    // A confirmed address is shown; a newer pending one waits behind it.
    if (!result.has(row.personId))
      result.set(row.personId, { address: row.address, confirmed: true, unreachable: row.unreachableSince !== null });
  }
  return result;
}
