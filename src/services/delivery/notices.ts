/**
 * A notice of an event to one person, on each of their reachable channels,
 * once: the (event, person, channel) row is written before the send, so a
 * second worker, or this one after a restart, finds it and does not send
 * again. A row still 'sending' is taken over: only the holder of the event's
 * claim sends, so such a row belongs to a worker that died before any answer
 * came (as the reminders' stale claims are released and resent). Sends go through the process's limiters and retry rules
 * (sendOnChannel, each channel of the registry); a refusal marks that channel
 * unreachable; a transient failure leaves the notice to the next pass.
 */
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/client.js";
import { type Translator, translatorFor, withOrganizationWords } from "../../i18n/i18n.js";
import type { InlineButton } from "../notifier.js";
import {
  channelsOf,
  type DeliveryDeps,
  isReachableSomewhere,
  markChannelUnreachable,
  sendOnChannel,
  tellCoordinatorsUnreachable,
} from "./deliver.js";
import { type ReachableChat, reachableChats } from "./reachable.js";

export interface Notice {
  text: string;
  /** Rows of buttons on channels that have them (Telegram); elsewhere the text goes alone. */
  buttons: InlineButton[][];
}

export type NoticeState = "sent" | "unreachable" | "failed" | "unknown";

/** Some notice could not go for a passing reason (5xx, no network): the event is tried again later. */
export class NoticesPendingError extends Error {
  override readonly name = "NoticesPendingError";
}

/** Takes the (event, person, channel) slot; false when its notice went before (or may have: 'unknown'). */
async function takeSlot(db: Database, eventId: string, chat: ReachableChat): Promise<boolean> {
  const rows = await queryRows<{ event_id: string }>(
    db,
    sql`insert into event_notices (event_id, person_id, channel, state)
        values (${eventId}, ${chat.personId}, ${chat.channel}, 'sending')
        on conflict (event_id, person_id, channel) do update set updated_at = now()
          where event_notices.state = 'sending'
        returning event_id`,
  );
  return rows.length > 0;
}

/**
 * Sends `compose`'s notice to each person on each of their reachable channels
 * this process has, once per (event, person, channel). Returns how many went;
 * throws NoticesPendingError when some must be tried again.
 */
export async function deliverNotices(
  deps: DeliveryDeps,
  notice: { eventId: string; organizationId: string; officeName: string | null },
  recipients: Array<{ personId: string; compose: (translator: Translator) => Notice }>,
  /** Called before each send: the caller renews its claim on the event, so a slow pass is not taken for dead. */
  beforeSend: () => Promise<void> = async () => {},
): Promise<number> {
  const channels = channelsOf(deps);
  const byPerson = new Map(recipients.map((r) => [r.personId, r.compose]));
  const chats = (await reachableChats(deps.db, notice.organizationId, [...byPerson.keys()])).filter((c) =>
    channels.some((channel) => channel.name === c.channel),
  );
  let sent = 0;
  let pending = 0;
  for (const chat of chats) {
    const compose = byPerson.get(chat.personId);
    if (!compose) continue;
    await beforeSend();
    if (!(await takeSlot(deps.db, notice.eventId, chat))) continue;
    const translator = withOrganizationWords(translatorFor(chat.locale), { office: notice.officeName });
    const channel = channels.find((c) => c.name === chat.channel);
    if (!channel) continue;
    const outcome = await sendOnChannel(channel, chat.chatId, { kind: "notice", ...compose(translator) });
    if (outcome.kind === "transient") {
      // Nothing left: the slot is given back so the next pass sends it.
      await deps.db.execute(
        sql`delete from event_notices where event_id = ${notice.eventId} and person_id = ${chat.personId}
            and channel = ${chat.channel}`,
      );
      pending++;
      continue;
    }
    if (outcome.kind === "sent") sent++;
    if (outcome.kind === "unreachable") {
      await markChannelUnreachable(deps.db, notice.organizationId, chat.channel, chat.chatId);
      deps.logger.warn({ personId: chat.personId, channel: chat.channel }, "person unreachable on a channel");
      // As for a reminder: nobody can reach them any more, so the coordinators call instead.
      if (!(await isReachableSomewhere(deps.db, chat.personId)))
        await tellCoordinatorsUnreachable(deps, notice.organizationId, chat.personId, chat.channel);
    } else if (outcome.kind !== "sent") {
      deps.logger.warn({ personId: chat.personId, channel: chat.channel, outcome }, "could not notify a person");
    }
    const state: NoticeState = outcome.kind === "rejected" ? "failed" : outcome.kind;
    await deps.db.execute(
      sql`update event_notices set state = ${state}, error = ${"error" in outcome ? outcome.error : null},
          updated_at = now()
          where event_id = ${notice.eventId} and person_id = ${chat.personId} and channel = ${chat.channel}`,
    );
  }
  if (pending > 0) throw new NoticesPendingError(`${pending} notice(s) of event ${notice.eventId} wait for a retry`);
  return sent;
}
