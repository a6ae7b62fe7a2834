import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import { people, personChannels } from "../../../db/schema.js";
import { translatorFor } from "../../i18n/i18n.js";
import type { Logger } from "../../logger.js";
import { NotifierError, type Notifier, type OutgoingMessage, type PlainNotifier } from "../notifier.js";
import type { ChannelMessage, ChannelName, DeliveryChannel } from "../../channels/channel.js";
import { enabledChannelList } from "../../channels/registry.js";
import type { SendRateLimiter } from "./rate-limiter.js";
import { isReachable, reachableChats } from "./reachable.js";

/** The Zalo channel of a process, when ZALO_BOT_TOKEN is set: its notifier, its own limiter, its links. */
export interface ZaloChannelDeps {
  notifier: PlainNotifier;
  limiter: SendRateLimiter;
  /** A short signed link to a task's page in the web app, for the person it is sent to (Zalo has no buttons). */
  taskLink: (personId: string, milestoneId: string) => string;
  /** The web app's address, for what a Telegram button or picture would carry. */
  publicUrl: string;
}

/** What sending needs: the channels of the process, each with its own limiter, and the database. */
export interface DeliveryDeps {
  db: Database;
  /**
   * The channels this process delivers on, as the registry lists them
   * (enabledChannelList): the runtime builds the list once from config and
   * passes it through the jobs. When given, nothing below is read to send.
   */
  channels?: readonly DeliveryChannel[] | undefined;
  /** Telegram's notifier and limiter (Telegram's message ids, which replies and sent markers use, still need them). */
  notifier: Notifier;
  limiter: SendRateLimiter;
  logger: Logger;
  /** Without `channels`: the Zalo channel's parts; unset, nothing is sent on Zalo. */
  zalo?: ZaloChannelDeps | undefined;
  /** Without `channels`: the email channel; unset, no email is sent. */
  email?: DeliveryChannel | undefined;
}

/** The channels this process delivers on: the registry's list the runtime passed, or the one its parts make. */
export function channelsOf(
  deps: Pick<DeliveryDeps, "channels" | "notifier" | "limiter" | "zalo" | "email">,
): DeliveryChannel[] {
  return deps.channels ? [...deps.channels] : enabledChannelList(deps);
}

/** The names of the channels this process delivers on. */
export function enabledChannels(
  deps: Pick<DeliveryDeps, "channels" | "notifier" | "limiter" | "zalo" | "email">,
): ChannelName[] {
  return channelsOf(deps).map((channel) => channel.name);
}

/** A message to one address on any channel, through the one retry loop under that channel's limiter. */
export function sendOnChannel(
  channel: DeliveryChannel,
  address: string,
  message: ChannelMessage,
  /** The send's place among a dispatch's waiting sends (rate-limiter.ts); none for a notice. */
  rank?: number,
): Promise<ChannelSendOutcome<string>> {
  return sendWithRetriesOn(
    channel.limiter,
    address,
    (alreadySent) => channel.send(address, message, { alreadySent }),
    rank,
  );
}

/** The channel refused the address for good: only that channel row stops; the person's other channels go on. */
export async function markChannelUnreachable(
  db: Database,
  organizationId: string,
  channel: ChannelName,
  address: string,
): Promise<void> {
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
  rank?: number,
): Promise<ChannelSendOutcome<Id>> {
  let transientFailures = 0;
  let alreadySent = 0;
  for (;;) {
    await limiter.waitForTurn(chatId, rank);
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
  rank?: number,
): Promise<SendOutcome> {
  return sendWithRetriesOn(deps.limiter, chatId, () => deps.notifier.send({ chatId, ...message }), rank);
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

/** Tells the coordinators, on each of their reachable channels, that a person no longer gets messages, so they call instead. */
export async function tellCoordinatorsUnreachable(
  deps: DeliveryDeps,
  organizationId: string,
  personId: string,
  /** The channel that refused last: a mailbox that refuses mail is told in other words than a blocked bot. */
  lastChannel: ChannelName = "telegram",
): Promise<void> {
  const [person] = await deps.db.select({ fullName: people.fullName }).from(people).where(eq(people.id, personId));
  const coordinators = await queryRows<{ person_id: string }>(
    deps.db,
    sql`select distinct ms.person_id from memberships ms
        where ms.organization_id = ${organizationId} and ms.role = 'coordinator'`,
  );
  const channels = channelsOf(deps);
  const chats = await reachableChats(
    deps.db,
    organizationId,
    coordinators.map((c) => c.person_id),
  );
  for (const chat of chats) {
    const channel = channels.find((c) => c.name === chat.channel);
    if (!channel) continue;
    const { t } = translatorFor(chat.locale);
    const text = t(lastChannel === "email" ? "unreachable-person-email" : "unreachable-person", {
      name: person?.fullName ?? "",
    });
    const outcome = await sendOnChannel(channel, chat.chatId, { kind: "notice", text, buttons: [] });
    if (outcome.kind === "unreachable") {
      await markChannelUnreachable(deps.db, organizationId, chat.channel, chat.chatId);
      deps.logger.warn({ channel: chat.channel }, "coordinator unreachable on a channel");
    } else if (outcome.kind !== "sent")
      deps.logger.warn({ channel: chat.channel, outcome }, "could not tell a coordinator");
  }
}
