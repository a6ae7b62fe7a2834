import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import { people } from "../../../db/schema.js";
import { type Translator, translatorFor } from "../../i18n/i18n.js";
import type { Logger } from "../../logger.js";
import { NotifierError, type Notifier, type OutgoingMessage } from "../notifier.js";
import type { SendRateLimiter } from "./rate-limiter.js";

/** What sending needs: the one notifier and the one limiter of the process. */
export interface DeliveryDeps {
  db: Database;
  notifier: Notifier;
  limiter: SendRateLimiter;
  logger: Logger;
}

export type SendOutcome =
  | { kind: "sent"; messageId: number }
  | { kind: "unreachable" }
  | { kind: "rejected"; error: string }
  | { kind: "transient"; error: string }
  /** The request left, no answer came: maybe delivered, so never sent again blindly. */
  | { kind: "unknown"; error: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one message, waiting out 429s without losing its place and retrying
 * 5xx and never-sent requests a few times. A request that left without an
 * answer is not retried: the person may have it, and twice is worse than a
 * note for a person to check.
 */
export async function sendWithRetries(
  deps: Pick<DeliveryDeps, "notifier" | "limiter">,
  chatId: number,
  message: Omit<OutgoingMessage, "chatId">,
): Promise<SendOutcome> {
  let transientFailures = 0;
  for (;;) {
    await deps.limiter.waitForTurn(chatId);
    try {
      const sent = await deps.notifier.send({ chatId, ...message });
      return { kind: "sent", messageId: sent.messageId };
    } catch (error) {
      if (!(error instanceof NotifierError)) throw error;
      const failure = error.failure;
      if (failure.kind === "rate-limited") {
        await deps.limiter.pauseAll(failure.retryAfterSeconds * 1000);
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
): Promise<void> {
  const rows = await queryRows<{ chat_id: string; full_name: string; locale: string }>(
    deps.db,
    sql`
    select p.telegram_chat_id::text as chat_id, blocked.full_name, p.locale
    from memberships ms
    join people p on p.id = ms.person_id
    join people blocked on blocked.id = ${personId}
    where ms.organization_id = ${organizationId} and ms.role = 'coordinator'
      and p.telegram_chat_id is not null and p.unreachable_since is null`,
  );
  for (const row of rows) {
    const text = translatorFor(row.locale).t("unreachable-person", { name: row.full_name });
    const outcome = await sendWithRetries(deps, Number(row.chat_id), { text, buttons: [] });
    if (outcome.kind !== "sent")
      deps.logger.warn({ outcome }, "could not tell a coordinator about an unreachable person");
  }
}

/** Someone to tell something, in their language. */
export interface NotificationRecipient {
  chatId: number;
  locale: string;
}

/**
 * Tells people something outside the reminder schedule (an approver about a
 * request, a requester about a decision), each in their language, through the
 * shared notifier and limiter. People already unreachable are skipped, a 403
 * marks the person unreachable, and no failure fails the action that caused
 * the message: it is logged. Returns how many were sent.
 */
export async function notifyPeople(
  deps: DeliveryDeps,
  organizationId: string,
  recipients: NotificationRecipient[],
  compose: (translator: Translator) => Omit<OutgoingMessage, "chatId">,
): Promise<number> {
  if (recipients.length === 0) return 0;
  const unreachable = new Set(
    (
      await deps.db
        .select({ chatId: people.telegramChatId })
        .from(people)
        .where(
          and(
            eq(people.organizationId, organizationId),
            inArray(
              people.telegramChatId,
              recipients.map((r) => r.chatId),
            ),
            isNotNull(people.unreachableSince),
          ),
        )
    ).map((row) => row.chatId),
  );
  let sent = 0;
  for (const recipient of recipients) {
    if (unreachable.has(recipient.chatId)) continue;
    const outcome = await sendWithRetries(deps, recipient.chatId, compose(translatorFor(recipient.locale)));
    if (outcome.kind === "sent") sent++;
    else if (outcome.kind === "unreachable") {
      await markUnreachable(deps.db, organizationId, { chatId: recipient.chatId });
      deps.logger.warn({ chatId: recipient.chatId }, "person unreachable: the bot is blocked");
    } else deps.logger.warn({ chatId: recipient.chatId, outcome }, "could not notify a person");
  }
  return sent;
}
