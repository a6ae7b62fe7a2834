import { inArray, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import { reminderDeliveries } from "../../../db/schema.js";
import { dayOffOf, daysBetween, type IsoDate, type WorkingCalendar } from "../../domain/calendar/index.js";
import { CHASED_STATES, lateness } from "../../domain/milestones/index.js";
import { documentSourceName, localDay } from "../../domain/planning/index.js";
import { reachesWorkOwner, type SendRecipient, saysHowLate } from "../../domain/reminders/index.js";
import { translatorFor } from "../../i18n/i18n.js";
import { loadPlanningContext } from "../planning/planning-context.js";
import { composeReminderMessage, type ReminderLine } from "../reminders/compose-message.js";
import { saveShownList } from "./shown-list.js";
import type { Channel } from "../notifier.js";
import {
  type DeliveryDeps,
  type SendOutcome,
  enabledChannels,
  isReachableSomewhere,
  markChannelUnreachable,
  sendWithRetries,
  sendOnChannel,
  channelsOf,
  tellCoordinatorsUnreachable,
} from "./deliver.js";
import { reachableChannelsOf } from "./reachable.js";
import type { SentMarkers } from "./sent-markers.js";

export interface DispatchDeps extends DeliveryDeps {
  /** The clock: real time in production, a fast one in the demo. */
  now: () => Date;
  /** Messages in flight at once within one dispatch (default 8). */
  parallelSends?: number;
  /**
   * Where a send is noted before Postgres records it (why: sent-markers.ts).
   * Both engines give one; without it a send whose record fails may go twice.
   */
  sentMarkers?: SentMarkers;
  /** How long a sent message's record is retried while Postgres does not answer (default 15 minutes). */
  recordRetryMs?: number;
}

export interface DispatchResult {
  rows: number;
  skipped: number;
  messages: number;
  deliveries: number;
  unreachable: number;
  /** Deliveries left pending after transient failures; the job is retried for them. */
  retryLater: number;
  /** Deliveries whose send got no answer: maybe delivered, recorded failed for a person to check. */
  unknown: number;
  /** Deliveries found already sent by their marker, recorded without sending again. */
  alreadySent: number;
}

/** Thrown after a slot is processed as far as it could be, so BullMQ retries the rest with backoff. */
export class DeliveriesPendingError extends Error {
  override readonly name = "DeliveriesPendingError";
}

type ClaimedDelivery = {
  id: string;
  person_id: string;
  /** Null when a Zalo chat was removed after its delivery was recorded. */
  chat_id: string;
  locale: string;
  reminder_id: string;
  milestone_id: string;
  kind: ReminderLine["kind"];
  section: string | null;
  stt: string | null;
  title: string;
  due: string | null;
  unit_name: string | null;
  /** The document the task came from, for "Theo Thông báo số …". */
  plan_kind: string | null;
  plan_number: string | null;
  plan_issued_on: string | null;
  plan_issuer: string | null;
  audience_role: SendRecipient["audienceRole"];
  /** A coordinator receiving a unit's send because the unit has nobody reachable. */
  stands_in: boolean;
  /** The unit supports the task rather than leads it. */
  supporting: boolean;
};

const chased = sql.join(
  CHASED_STATES.map((state) => sql`${state}`),
  sql`, `,
);

/**
 * Sends everything of an organization that is due by now: the rows of this
 * slot and any earlier ones left unsent. Each row is checked against its
 * milestone (a moved date or a finished task sends nothing), recipients are
 * resolved now, every delivery to each person is recorded, and each person
 * gets one message for all that is due to them. Safe to run twice or in
 * several workers at once: deliveries are claimed atomically.
 */
export async function dispatchDue(deps: DispatchDeps, organizationId: string): Promise<DispatchResult> {
  const { db, logger } = deps;
  const now = deps.now();
  const result: DispatchResult = {
    rows: 0,
    skipped: 0,
    messages: 0,
    deliveries: 0,
    unreachable: 0,
    retryLater: 0,
    unknown: 0,
    alreadySent: 0,
  };
  const context = await loadPlanningContext(db, organizationId);
  if (!context) return result;
  const today = localDay(now, context.timeZone);
  // Deliveries are recorded and sent on the channels this process runs: without Zalo, none for Zalo chats.
  const channels = sql`(${sql.join(
    enabledChannels(deps).map((channel) => sql`${channel}`),
    sql`, `,
  )})`;

  // Rows whose milestone moved on or is finished are skipped, never sent.
  const skipped = await queryRows<{ id: string }>(
    db,
    sql`
    update reminders r set state = 'skipped'
    from milestones m
    where r.milestone_id = m.id and r.organization_id = ${organizationId} and r.state = 'planned'
      and r.fire_at <= ${now.toISOString()}::timestamptz and (r.milestone_version <> m.version or m.state not in (${chased}))
    returning r.id`,
  );
  result.skipped = skipped.length;

  // Recipients are resolved at fire time: people bound after the import are reached too. A unit's
  // send that would reach nobody (nobody joined, or all unreachable) goes to the coordinators instead,
  // who can invite someone: a reminder is never sent to nobody. claim() tells such deliveries apart.
  const due = await queryRows<{ id: string }>(
    db,
    sql`
    with due as (
      update reminders set state = 'sending'
      where organization_id = ${organizationId} and state = 'planned' and fire_at <= ${now.toISOString()}::timestamptz
      returning id, audience_role, audience_unit_id
    ), reachable as (
      -- One row per reachable channel of a person: each channel is a delivery of its own, claimed and sent on its own.
      select p.id, ms.role, ms.unit_id, channels.channel
      from memberships ms
      join people p on p.id = ms.person_id
      join lateral ${reachableChannelsOf("p", enabledChannels(deps))} channels on true
      where ms.organization_id = ${organizationId}
    ), addressed as (
      select distinct due.id as reminder_id, r.id as person_id, r.channel
      from due
      join reachable r on
          (due.audience_role = 'member' and r.unit_id = due.audience_unit_id and r.role in ('member', 'unit_head'))
          or (due.audience_role in ('coordinator', 'chairman', 'unit_head') and r.role = due.audience_role
              and (due.audience_unit_id is null or r.unit_id = due.audience_unit_id))
    ), stand_ins as (
      select distinct due.id as reminder_id, r.id as person_id, r.channel
      from due join reachable r on r.role = 'coordinator'
      where due.audience_role = 'member' and not exists (select 1 from addressed a where a.reminder_id = due.id)
    ), inserted as (
      insert into reminder_deliveries (organization_id, reminder_id, person_id, channel)
      select ${organizationId}::uuid, reminder_id, person_id, channel
      from (select * from addressed union select * from stand_ins) chosen
      on conflict do nothing
      returning id
    )
    select id from due`,
  );
  result.rows = due.length;

  // Every pending delivery of the organization that is due, whoever created it, grouped by person and channel.
  const pending = await queryRows<{ id: string; person_id: string; channel: Channel }>(
    db,
    sql`
    select d.id, d.person_id, d.channel from reminder_deliveries d join reminders r on r.id = d.reminder_id
    where d.organization_id = ${organizationId} and d.state = 'pending' and r.fire_at <= ${now.toISOString()}::timestamptz
      and d.channel in ${channels}
    order by d.person_id, d.channel`,
  );
  const pendingByChat = new Map<string, { personId: string; channel: Channel; ids: string[] }>();
  for (const row of pending) {
    const key = `${row.person_id}:${row.channel}`;
    const group = pendingByChat.get(key) ?? { personId: row.person_id, channel: row.channel, ids: [] };
    group.ids.push(row.id);
    pendingByChat.set(key, group);
  }

  // Several chats at a time: each channel's limiter, not this loop, sets the pace, and a slow or failing chat holds up no one else.
  const waiting = [...pendingByChat.values()];
  const sendToNext = async (): Promise<void> => {
    for (let next = waiting.shift(); next !== undefined; next = waiting.shift()) {
      if (next.channel === "telegram") await sendToPerson(next.personId, next.ids);
      else await sendToLinkedChannel(next.channel, next.personId, next.ids);
    }
  };
  /** Claims the deliveries, and records as sent those a marker says went out already; returns the rest. */
  const claimUnsent = async (pendingIds: string[]): Promise<ClaimedDelivery[]> => {
    // Claimed just before the send, so a claim lives for one message: another worker skips what this one took.
    const claimed = await claim(db, pendingIds);
    // Sent before, but the record was lost (Postgres was restarting): recorded now, not sent again.
    const marked = await findSentMarkers(
      deps,
      claimed.map((d) => d.id),
    );
    for (const [messageId, ids] of groupByMessage(marked)) {
      await recordSent(deps, ids, messageId);
      result.alreadySent += ids.length;
    }
    return claimed.filter((d) => !marked.has(d.id));
  };
  /**
   * What a send that did not go through leaves behind, the same on every channel:
   * a blocked chat is marked (coordinators told when the person has no channel
   * left), a refusal is kept as failed, a send with no answer is never resent,
   * and anything else is released for the job's next attempt.
   */
  const recordNotSent = async (
    channel: Channel,
    personId: string,
    ids: string[],
    outcome: Exclude<SendOutcome, { kind: "sent" }>,
    markChannelUnreachable: () => Promise<void>,
  ): Promise<void> => {
    if (outcome.kind === "unreachable") {
      await markChannelUnreachable();
      await setDeliveries(ids, { state: "failed", lastError: `unreachable (${channel})` });
      result.unreachable++;
      logger.warn({ personId, channel }, "chat unreachable: the bot is blocked or the chat unknown");
      if (!(await isReachableSomewhere(db, personId)))
        await tellCoordinatorsUnreachable(deps, organizationId, personId, channel);
    } else if (outcome.kind === "rejected") {
      await setDeliveries(ids, { state: "failed", lastError: outcome.error });
      logger.error({ personId, channel, error: outcome.error }, "the platform rejected a reminder");
    } else if (outcome.kind === "unknown") {
      // Maybe delivered: sending again could be the duplicate the person sees, so it stays as a note to check.
      await setDeliveries(ids, { state: "failed", lastError: `${UNKNOWN_OUTCOME_PREFIX}${outcome.error}` });
      result.unknown += ids.length;
      logger.error({ personId, channel, error: outcome.error }, "no answer to a reminder's send; not resent");
    } else {
      // Released for the job's next attempt; nothing is lost.
      await setDeliveries(ids, { state: "pending", claimedAt: null, lastError: outcome.error });
      result.retryLater += ids.length;
    }
  };
  const setDeliveries = (ids: string[], values: Partial<typeof reminderDeliveries.$inferInsert>) =>
    db.update(reminderDeliveries).set(values).where(inArray(reminderDeliveries.id, ids));
  /** A channel without buttons (Zalo, email): the same text as on Telegram, each task followed by its signed link. */
  const sendToLinkedChannel = async (name: Channel, personId: string, pendingIds: string[]): Promise<void> => {
    const channel = channelsOf(deps).find((c) => c.name === name);
    const linkFor = channel?.taskLink;
    if (!channel || !linkFor) return;
    const deliveries = await claimUnsent(pendingIds);
    if (deliveries.length === 0) return;
    const first = deliveries[0] as ClaimedDelivery;
    const lines = dedupeLines(deliveries, today, context.calendar);
    const message = composeReminderMessage(lines, translatorFor(first.locale), {
      linkFor: (milestoneId) => linkFor(personId, milestoneId),
    });
    const ids = deliveries.map((d) => d.id);
    // The chat was removed after the delivery was recorded (the person left): nothing to send to.
    const outcome = first.chat_id
      ? await sendOnChannel(channel, first.chat_id, { kind: "reminder", text: message.text, buttons: [] })
      : ({ kind: "rejected", error: `no ${name} address` } as const);
    if (outcome.kind === "sent") {
      // Only Telegram's message ids are numbers a reply can point at: the marker and the record carry none.
      await markSent(deps, ids, NO_TELEGRAM_MESSAGE);
      await recordSent(deps, ids, NO_TELEGRAM_MESSAGE);
      // "xong 2" then means the second task of this message.
      await saveShownList(db, { personId, organizationId }, message.milestoneIds);
      result.messages++;
      result.deliveries += ids.length;
    } else {
      await recordNotSent(name, personId, ids, outcome, () =>
        markChannelUnreachable(db, organizationId, name, first.chat_id),
      );
    }
  };
  const sendToPerson = async (personId: string, pendingIds: string[]): Promise<void> => {
    const deliveries = await claimUnsent(pendingIds);
    if (deliveries.length === 0) return;
    const first = deliveries[0] as ClaimedDelivery;
    const lines = dedupeLines(deliveries, today, context.calendar);
    const message = composeReminderMessage(lines, translatorFor(first.locale));
    const ids = deliveries.map((d) => d.id);
    const outcome = await sendWithRetries(deps, Number(first.chat_id), message);
    if (outcome.kind === "sent") {
      await markSent(deps, ids, outcome.messageId);
      await recordSent(deps, ids, outcome.messageId);
      result.messages++;
      result.deliveries += ids.length;
    } else {
      await recordNotSent("telegram", personId, ids, outcome, () =>
        markChannelUnreachable(db, organizationId, "telegram", first.chat_id),
      );
    }
  };
  // Every sender runs to its end before the job fails: a record still being retried is never abandoned mid-way.
  const senders = await Promise.allSettled(Array.from({ length: deps.parallelSends ?? 8 }, () => sendToNext()));
  const failed = senders.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;

  await db.execute(sql`
    update reminders r set state = 'sent', sent_at = now()
    where r.organization_id = ${organizationId} and r.state = 'sending'
      and not exists (select 1 from reminder_deliveries d where d.reminder_id = r.id and d.state in ('pending', 'sending'))`);
  if (result.retryLater > 0) throw new DeliveriesPendingError(`${result.retryLater} deliveries to retry`);
  return result;
}

/** The message id a marker and a record carry for a send on a channel other than Telegram. */
const NO_TELEGRAM_MESSAGE = 0;

/** What a delivery whose send got no answer says in last_error. */
export const UNKNOWN_OUTCOME_PREFIX = "unknown outcome (sent, no answer; not resent): ";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Deliveries by the message that carried them. */
export function groupByMessage(marked: Map<string, number>): Map<number, string[]> {
  const byMessage = new Map<number, string[]>();
  for (const [id, messageId] of marked) byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), id]);
  return byMessage;
}

/** Markers of these deliveries (a store that is down is waited for: sending unchecked could send twice). */
async function findSentMarkers(deps: DispatchDeps, ids: string[]): Promise<Map<string, number>> {
  if (!deps.sentMarkers || ids.length === 0) return new Map();
  return deps.sentMarkers.find(ids);
}

/** How long the marker write may take: past this, Redis is down and the database record is all there is. */
const MARK_TIMEOUT_MS = 5000;

async function markSent(deps: DispatchDeps, ids: string[], messageId: number): Promise<void> {
  if (!deps.sentMarkers) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      deps.sentMarkers.mark(ids, messageId),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${MARK_TIMEOUT_MS} ms`)), MARK_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    deps.logger.warn({ err: error, deliveries: ids.length }, "could not note a send outside the database");
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Records a sent message, retrying while Postgres does not answer (a restart,
 * a failover): giving up early would leave the claim to be released and the
 * message sent again. Bounded so a dead database does not hold a worker for
 * ever; the marker then still stops the resend.
 */
async function recordSent(deps: DispatchDeps, ids: string[], messageId: number): Promise<void> {
  const giveUpAt = Date.now() + (deps.recordRetryMs ?? 15 * 60_000);
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.db
        .update(reminderDeliveries)
        .set({
          state: "sent",
          sentAt: new Date(),
          telegramMessageId: messageId === NO_TELEGRAM_MESSAGE ? null : messageId,
          claimedAt: null,
        })
        .where(inArray(reminderDeliveries.id, ids));
      if (attempt > 1) deps.logger.info({ attempt, deliveries: ids.length }, "sent message recorded after retries");
      return;
    } catch (error) {
      if (Date.now() >= giveUpAt) throw error;
      deps.logger.warn({ err: error, attempt }, "could not record a sent message; retrying");
      await sleep(Math.min(250 * 2 ** (attempt - 1), 5000));
    }
  }
}

async function claim(db: Database, ids: string[]): Promise<ClaimedDelivery[]> {
  return queryRows<ClaimedDelivery>(
    db,
    sql`
    with claimed as (
      update reminder_deliveries set state = 'sending', claimed_at = now(), attempts = attempts + 1
      where id in ${sql`(${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`} and state = 'pending'
      returning id, person_id, reminder_id, channel
    )
    select c.id, c.person_id,
           pc.chat_id, p.locale, c.reminder_id, r.milestone_id, r.kind, r.audience_role,
           t.section, t.stt, t.title, m.due::text as due, u.name as unit_name,
           pl.kind as plan_kind, pl.number as plan_number, pl.issued_on::text as plan_issued_on, pl.issuer as plan_issuer,
           (r.audience_role = 'member' and not exists (
             select 1 from memberships ms where ms.person_id = c.person_id and ms.unit_id = r.audience_unit_id
               and ms.role in ('member', 'unit_head'))) as stands_in,
           (r.audience_role = 'member'
             and exists (select 1 from task_units tu where tu.task_id = t.id and tu.unit_id = r.audience_unit_id and tu.relation = 'support')
             and not exists (select 1 from task_units tu where tu.task_id = t.id and tu.unit_id = r.audience_unit_id and tu.relation = 'lead')
           ) as supporting
    from claimed c
    join people p on p.id = c.person_id
    left join person_channels pc on pc.person_id = c.person_id and pc.channel = c.channel
    join reminders r on r.id = c.reminder_id
    left join milestones m on m.id = r.milestone_id
    left join tasks t on t.id = m.task_id
    left join plans pl on pl.id = t.plan_id
    left join units u on u.id = r.audience_unit_id`,
  );
}

const recipientOf = (d: ClaimedDelivery): SendRecipient => ({
  audienceRole: d.audience_role,
  standsIn: d.stands_in,
  supporting: d.supporting,
});

function dedupeLines(deliveries: ClaimedDelivery[], today: IsoDate, calendar: WorkingCalendar): ReminderLine[] {
  // One line per milestone: two rows about the same task in one slot (unit and coordinator) read as one.
  const lines = new Map<string, ReminderLine>();
  for (const d of deliveries) {
    const seen = lines.get(d.milestone_id);
    if (seen) {
      // The person's own unit leading it outranks supporting; every unit with nobody is named.
      if (!d.supporting && !d.stands_in) seen.supporting = false;
      if (reachesWorkOwner(recipientOf(d))) seen.forOwner = true;
      if (d.stands_in && d.unit_name && !seen.noRecipientIn?.includes(d.unit_name))
        seen.noRecipientIn = [...(seen.noRecipientIn ?? []), d.unit_name].sort((a, b) => a.localeCompare(b, "vi"));
      continue;
    }
    // Only chased milestones reach here (the rest were skipped above): the domain's lateness says how late.
    const late = lateness({ state: "open", due: d.due, completedOn: null }, today);
    const due = d.due;
    lines.set(d.milestone_id, {
      milestoneId: d.milestone_id,
      kind: d.kind,
      section: d.section,
      stt: d.stt,
      title: d.title,
      source: documentSourceName({
        kind: d.plan_kind,
        number: d.plan_number,
        issuedOn: d.plan_issued_on,
        issuer: d.plan_issuer,
      }),
      due: d.due,
      unit: d.audience_role === "member" ? null : d.unit_name,
      daysOverdue: late.status === "overdue" && saysHowLate(d.kind) ? late.days : null,
      daysUntilDue: due && due > today ? daysBetween(today, due) : 0,
      // Said while the date is ahead: the send came early because of it. Once late, how late is what counts.
      dueDayOff: due && due >= today ? dayOffOf(calendar, due) : null,
      supporting: d.supporting && !d.stands_in,
      noRecipientIn: d.stands_in && d.unit_name ? [d.unit_name] : [],
      forOwner: reachesWorkOwner(recipientOf(d)),
    });
  }
  return [...lines.values()];
}
