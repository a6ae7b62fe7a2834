/**
 * Who is reachable, written once: a person's channels that have not refused
 * them — Telegram when they have a chat there and it is not marked
 * unreachable, and each `person_channels` row not marked unreachable. Every
 * query that asks "who would get a message" (dispatch, weekly sends, notices,
 * the coordinator's review, the import preview) uses these fragments, so they
 * cannot disagree.
 */
import { type SQL, sql } from "drizzle-orm";
import type { ChannelName } from "../../channels/channel.js";

/**
 * A subquery of one row (`channel`) per reachable channel of the person row
 * aliased `person`; only `channels` when given (the channels this process runs).
 */
export function reachableChannelsOf(person: string, channels?: readonly ChannelName[]): SQL {
  const p = sql.raw(person);
  const only = (column: SQL) =>
    channels
      ? sql` and ${column} in (${sql.join(
          channels.map((c) => sql`${c}`),
          sql`, `,
        )})`
      : sql``;
  return sql`(
    select 'telegram'::text as channel where ${p}.telegram_chat_id is not null and ${p}.unreachable_since is null${only(sql`'telegram'`)}
    union all
    select pc.channel from person_channels pc where pc.person_id = ${p}.id and pc.unreachable_since is null${only(sql`pc.channel`)}
  )`;
}

/** True when the person row aliased `person` can be reached on some channel. */
export function isReachable(person: string, channels?: readonly ChannelName[]): SQL {
  return sql`exists (select 1 from ${reachableChannelsOf(person, channels)} as reachable)`;
}
