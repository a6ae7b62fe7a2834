import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import { people, personChannels } from "../../../db/schema.js";
import { type Translator, translatorFor } from "../../i18n/i18n.js";
import type { Logger } from "../../logger.js";
import { NotifierError, type Notifier, type OutgoingMessage, type PlainNotifier } from "../notifier.js";
import type { ChannelMessage, ChannelName, DeliveryChannel } from "../../channels/channel.js";
import { enabledChannelList } from "../../channels/registry.js";
import type { SendRateLimiter } from "./rate-limiter.js";
import { isReachable } from "./reachable.js";

/** The Zalo channel of a process, when ZALO_BOT_TOKEN is set: its notifier, its own limiter, its links. */
export interface ZaloChannelDeps {
  notifier: PlainNotifier;
  limiter: SendRateLimiter;
  /** A short signed link to a task's page in the web app, for the person it is sent to (Zalo has no buttons). */
  taskLink: (personId: string, milestoneId: string) => string;
  /** The web app's address, for what a Telegram button or picture would carry. */
  publicUrl: string;
}

/** What sending needs: the one notifier and the one limiter of the process, per channel. */
export interface DeliveryDeps {
  db: Database;
  notifier: Notifier;
  limiter: SendRateLimiter;
  logger: Logger;
  /** Unset: Telegram only, and nothing is recorded for Zalo chats. */
  zalo?: ZaloChannelDeps | undefined;
  /** Unset: no email is sent (SMTP_URL and EMAIL_FROM turn it on). */
  email?: DeliveryChannel | undefined;
}

/** The channels this process delivers on (the registry's list). */
export function channelsOf(deps: Pick<DeliveryDeps, "notifier" | "limiter" | "zalo" | "email">): DeliveryChannel[] {
  return enabledChannelList(deps);
}

/** The names of the channels this process delivers on. */
export function enabledChannels(deps: Pick<DeliveryDeps, "zalo" | "email">): ChannelName[] {
  return ["telegram", ...(deps.zalo ? (["zalo"] as const) : []), ...(deps.email ? (["email"] as const) : [])];
}

/** A message to one address on any channel, through the one retry loop under that channel's limiter. */
export function sendOnChannel(
  channel: DeliveryChannel,
  address: string,
  message: ChannelMessage,
): Promise<ChannelSendOutcome<string>> {
  return sendWithRetriesOn(channel.limiter, address, (alreadySent) => channel.send(address, message, { alreadySent }));
}

/** The channel refused the address for good: Telegram's mark is on the person, the others' on their channel row. */
export async function markChannelUnreachable(
  db: Database,
  organizationId: string,
  channel: ChannelName,
  address: string,
): Promise<void> {
  if (channel === "telegram") return markUnreachable(db, organizationId, { chatId: Number(address) });
  await db
    .update(personChannels)
    .set({ unreachableSince: new Date() })
    .where(
      and(
        eq(personChannels.organizationId, organizationId),
        eq(personChannels.channel, channel),
        eq(personChannels.chatId, address),
      ),
    );
}

/** How a send ended, on any channel (`Id`: the platform's message id). */
export type ChannelSendOutcome<Id> =
  | { kind: "sent"; messageId: Id }
  | { kind: "unreachable" }
  | { kind: "rejected"; error: string }
  | { kind: "transient"; error: string }
  /** The request left, no answer came: maybe delivered, so never sent again blindly. */
  | { kind: "unknown"; error: string };

export type SendOutcome = ChannelSendOutcome<number>;
export type ZaloSendOutcome = ChannelSendOutcome<string>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one retry loop of every channel: waits its turn under the channel's
 * limiter, waits out a 429 without losing its place (pausing only that
 * channel's senders), retries 5xx and never-sent requests a few times. A
 * request that left without an answer is not retried: the person may have
 * it, and twice is worse than a note for a person to check. `attempt` gets
 * how many parts of a multi-part message already went, so a retry resumes
 * after them and nobody gets a part twice.
 */
export async function sendWithRetriesOn<Id>(
  limiter: SendRateLimiter,
  chatId: number | string,
  attempt: (alreadySent: number) => Promise<{ messageId: Id }>,
): Promise<ChannelSendOutcome<Id>> {
  let transientFailures = 0;
  let alreadySent = 0;
  for (;;) {
    await limiter.waitForTurn(chatId);
    try {
      const sent = await attempt(alreadySent);
      return { kind: "sent", messageId: sent.messageId };
    } catch (error) {
      if (!(error instanceof NotifierError)) throw error;
      alreadySent = Math.max(alreadySent, error.partsSent);
      const failure = error.failure;
      if (failure.kind === "rate-limited") {
        await limiter.pauseAll(failure.retryAfterSeconds * 1000);
        continue;
      }
      if (failure.kind === "unreachable") return { kind: "unreachable" };
      if (failure.kind === "rejected") return { kind: "rejected", error: error.message };
      if (failure.kind === "unknown") return { kind: "unknown", error: error.message };
      transientFailures++;
      if (transientFailures >= 4) return { kind: "transient", error: error.message };
      await sleep(Math.min(200 * 2 ** transientFailures, 3000));
    }
  }
}

/** A Telegram message through the one retry loop. */
export function sendWithRetries(
  deps: Pick<DeliveryDeps, "notifier" | "limiter">,
  chatId: number,
  message: Omit<OutgoingMessage, "chatId">,
): Promise<SendOutcome> {
  return sendWithRetriesOn(deps.limiter, chatId, () => deps.notifier.send({ chatId, ...message }));
}

/** A Zalo message (in parts) through the one retry loop, under Zalo's own limiter. */
export function sendZaloWithRetries(
  zalo: Pick<ZaloChannelDeps, "notifier" | "limiter">,
  chatId: string,
  message: { text: string; photoUrl?: string },
): Promise<ZaloSendOutcome> {
  return sendWithRetriesOn(zalo.limiter, chatId, (alreadySent) =>
    zalo.notifier.send({ chatId, ...message }, { alreadySent }),
  );
}

/** Zalo refused the chat (blocked bot, unknown chat): only that channel stops; Telegram goes on. */
export async function markZaloUnreachable(db: Database, chatId: string): Promise<void> {
  await db
    .update(personChannels)
    .set({ unreachableSince: new Date() })
    .where(and(eq(personChannels.channel, "zalo"), eq(personChannels.chatId, chatId)));
}

/** Does the person still get messages on some channel (so coordinators need not call)? */
export async function isReachableSomewhere(db: Database, personId: string): Promise<boolean> {
  const [row] = await queryRows<{ reachable: boolean }>(
    db,
    sql`
    select exists (select 1 from people p where p.id = ${personId} and ${isReachable("p")}) as reachable`,
  );
  return row?.reachable === true;
}

/** Telegram answered 403 (blocked bot, deleted chat): nobody sends to them until they come back. */
export async function markUnreachable(
  db: Database,
  organizationId: string,
  who: { personId: string } | { chatId: number },
): Promise<void> {
  await db
    .update(people)
    .set({ unreachableSince: new Date() })
    .where(
      and(
        eq(people.organizationId, organizationId),
        "personId" in who ? eq(people.id, who.personId) : eq(people.telegramChatId, who.chatId),
      ),
    );
}

/** Tells the coordinators that a person no longer gets messages, so they call instead. */
export async function tellCoordinatorsUnreachable(
  deps: DeliveryDeps,
  organizationId: string,
  personId: string,
  /** The channel that refused last: a mailbox that refuses mail is told in other words than a blocked bot. */
  lastChannel: ChannelName = "telegram",
): Promise<void> {
  const rows = await queryRows<{ person_id: string; chat_id: string | null; locale: string; full_name: string }>(
    deps.db,
    sql`
    select distinct p.id as person_id, case when p.unreachable_since is null then p.telegram_chat_id::text end as chat_id,
           p.locale, blocked.full_name
    from memberships ms
    join people p on p.id = ms.person_id
    join people blocked on blocked.id = ${personId}
    where ms.organization_id = ${organizationId} and ms.role = 'coordinator'`,
  );
  const fullName = rows[0]?.full_name ?? "";
  await notifyPeople(
    deps,
    organizationId,
    rows.map((row) => ({
      chatId: row.chat_id === null ? null : Number(row.chat_id),
      personId: row.person_id,
      locale: row.locale,
    })),
    ({ t }) => ({
      text: t(lastChannel === "email" ? "unreachable-person-email" : "unreachable-person", { name: fullName }),
      buttons: [],
    }),
  );
}

/** Someone to tell something, in their language: on Telegram if they have a chat there, and on each other channel of theirs. */
export interface NotificationRecipient {
  /** Their Telegram chat; null for someone who is on Zalo only. */
  chatId: number | null;
  /** Who they are, for their other channels; found from the Telegram chat when omitted. */
  personId?: string;
  locale: string;
}

/**
 * Tells people something outside the reminder schedule (an approver about a
 * request, a requester about a decision), each in their language, on each of
 * their channels, through the shared notifiers and limiters. Chats already
 * unreachable are skipped, a refusal marks that channel unreachable, and no
 * failure fails the action that caused the message: it is logged. A button
 * has no Zalo form: there the text goes alone. Returns how many were sent.
 */
export async function notifyPeople(
  deps: DeliveryDeps,
  organizationId: string,
  recipients: NotificationRecipient[],
  compose: (translator: Translator) => Omit<OutgoingMessage, "chatId">,
): Promise<number> {
  if (recipients.length === 0) return 0;
  const telegramChats = recipients.flatMap((r) => (r.chatId === null ? [] : [r.chatId]));
  const unreachable = new Set(
    telegramChats.length === 0
      ? []
      : (
          await deps.db
            .select({ chatId: people.telegramChatId })
            .from(people)
            .where(
              and(
                eq(people.organizationId, organizationId),
                inArray(people.telegramChatId, telegramChats),
                isNotNull(people.unreachableSince),
              ),
            )
        ).map((row) => row.chatId),
  );
  let sent = 0;
  for (const recipient of recipients) {
    if (recipient.chatId === null || unreachable.has(recipient.chatId)) continue;
    const outcome = await sendWithRetries(deps, recipient.chatId, compose(translatorFor(recipient.locale)));
    if (outcome.kind === "sent") sent++;
    else if (outcome.kind === "unreachable") {
      await markUnreachable(deps.db, organizationId, { chatId: recipient.chatId });
      deps.logger.warn({ chatId: recipient.chatId }, "person unreachable: the bot is blocked");
    } else deps.logger.warn({ chatId: recipient.chatId, outcome }, "could not notify a person");
  }
  sent += await notifyOnOtherChannels(deps, organizationId, recipients, compose);
  return sent;
}

/** The same on each enabled channel other than Telegram (Zalo, email): the text alone, each task's link in it. */
async function notifyOnOtherChannels(
  deps: DeliveryDeps,
  organizationId: string,
  recipients: NotificationRecipient[],
  compose: (translator: Translator) => Omit<OutgoingMessage, "chatId">,
): Promise<number> {
  const channels = channelsOf(deps).filter((channel) => channel.name !== "telegram");
  if (channels.length === 0) return 0;
  const personIds = recipients.flatMap((r) => (r.personId ? [r.personId] : []));
  const chatIds = recipients.flatMap((r) => (r.personId || r.chatId === null ? [] : [String(r.chatId)]));
  const asList = (values: string[], cast: string) =>
    values.length === 0
      ? sql`(null)`
      : sql`(${sql.join(
          values.map((v) => sql`${v}::${sql.raw(cast)}`),
          sql`, `,
        )})`;
  const chats = await queryRows<{ channel: ChannelName; chat_id: string; locale: string }>(
    deps.db,
    sql`
    select distinct pc.channel, pc.chat_id, p.locale from person_channels pc join people p on p.id = pc.person_id
    where pc.organization_id = ${organizationId} and pc.unreachable_since is null
      and pc.channel in ${asList(
        channels.map((c) => c.name),
        "text",
      )}
      and (p.id in ${asList(personIds, "uuid")} or p.telegram_chat_id in ${asList(chatIds, "bigint")})`,
  );
  let sent = 0;
  for (const chat of chats) {
    const channel = channels.find((c) => c.name === chat.channel) as DeliveryChannel;
    const { text } = compose(translatorFor(chat.locale));
    const outcome = await sendOnChannel(channel, chat.chat_id, { kind: "notice", text, buttons: [] });
    if (outcome.kind === "sent") sent++;
    else if (outcome.kind === "unreachable") {
      await markChannelUnreachable(deps.db, organizationId, chat.channel, chat.chat_id);
      deps.logger.warn({ channel: chat.channel }, "chat unreachable: the channel refuses the address");
    } else deps.logger.warn({ channel: chat.channel, outcome }, "could not notify a person");
  }
  return sent;
}
