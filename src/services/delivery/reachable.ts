/**
 * Who is reachable, written once: a person's `person_channels` rows (Telegram,
 * Zalo, email alike) that the channel has not refused. Every query that asks
 * "who would get a message" (dispatch, weekly sends, notices, the
 * coordinator's review, the import preview) uses these fragments, so they
 * cannot disagree.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/client.js";
import type { ChannelName } from "../../channels/channel.js";

/**
 * A subquery of one row (`channel`, `chat_id`, `id`: the channel row) per
 * reachable channel of the person row aliased `person`; only `channels` when
 * given (the channels this process runs).
 */
export function reachableChannelsOf(person: string, channels?: readonly ChannelName[]): SQL {
  const p = sql.raw(person);
  const only = channels
    ? sql` and pc.channel in (${sql.join(
        channels.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql``;
  return sql`(
    select pc.id, pc.channel, pc.chat_id from person_channels pc
    where pc.person_id = ${p}.id and pc.unreachable_since is null${only}
  )`;
}

/** True when the person row aliased `person` can be reached on some channel. */
export function isReachable(person: string, channels?: readonly ChannelName[]): SQL {
  return sql`exists (select 1 from ${reachableChannelsOf(person, channels)} as reachable)`;
}

/** True when every channel the person row aliased `person` has refuses them (someone to call instead). */
export function isUnreachableEverywhere(person: string): SQL {
  const p = sql.raw(person);
  return sql`(exists (select 1 from person_channels pc where pc.person_id = ${p}.id) and not ${isReachable(person)})`;
}

/** The reachable Telegram chat id (as text) of the person row aliased `person`, or null. */
export function reachableTelegramChatOf(person: string): SQL {
  return sql`(select reachable.chat_id from ${reachableChannelsOf(person, ["telegram"])} as reachable)`;
}

/** A chat where a person can be reached now, on one channel. */
export interface ReachableChat {
  personId: string;
  channel: ChannelName;
  chatId: string;
  locale: string;
}

/**
 * Who is reachable, and where: active people of the organization with a chat
 * on a channel that has not refused them. One query for every channel.
 */
export async function reachableChats(
  db: Database,
  organizationId: string,
  personIds: string[],
): Promise<ReachableChat[]> {
  if (personIds.length === 0) return [];
  return queryRows<ReachableChat>(
    db,
    sql`
    select p.id as "personId", reachable.channel, reachable.chat_id as "chatId", p.locale
    from people p join lateral ${reachableChannelsOf("p")} as reachable on true
    where p.organization_id = ${organizationId} and p.deactivated_at is null
      and p.id in (${sql.join(
        personIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    order by 1, 2`,
  );
}
