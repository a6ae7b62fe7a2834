/**
 * One message of a dispatch: the pending deliveries of one person on one
 * channel, claimed, checked against their sent markers, composed into one
 * message, sent under the channel's limiter and recorded. What a send that
 * did not go through leaves behind is the same on every channel.
 */
import { inArray, sql } from "drizzle-orm";
import { queryRowsPrepared, type Database } from "../../../db/client.js";
import { reminderDeliveries } from "../../../db/schema.js";
import { dayOffOf, daysBetween, type IsoDate, type WorkingCalendar } from "../../domain/calendar/index.js";
import { lateness } from "../../domain/milestones/index.js";
import { documentSourceName } from "../../domain/planning/index.js";
import { reachesWorkOwner, type SendRecipient, saysHowLate } from "../../domain/reminders/index.js";
import { translatorFor } from "../../i18n/i18n.js";
import { composeReminderMessage, type ReminderLine } from "../reminders/compose-message.js";
import { saveShownList } from "./shown-list.js";
import type { Channel } from "../notifier.js";
import {
  type SendOutcome,
  isReachableSomewhere,
  markChannelUnreachable,
  sendWithRetries,
  sendOnChannel,
  channelsOf,
  tellCoordinatorsUnreachable,
} from "./deliver.js";
import type { ClaimHeartbeat } from "./claim-heartbeat.js";
import type { DispatchDeps, DispatchResult } from "./dispatch-due.js";

/** An organization being dispatched: what composing its messages needs. */
export interface DispatchedOrganization {
  organizationId: string;
  today: IsoDate;
  calendar: WorkingCalendar;
}

/** The pending deliveries of one person on one channel: one message. */
export interface SendGroup {
  organization: DispatchedOrganization;
  /** Its organization's how-many-th message in this dispatch (0 first): the lower, the sooner its turn. */
  round?: number;
  personId: string;
  channel: Channel;
  ids: string[];
}

type ClaimedDelivery = {
  id: string;
  /** How many times it was claimed, this claim included. */
  attempts: number;
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

/** The message id a marker and a record carry for a send on a channel other than Telegram. */
const NO_TELEGRAM_MESSAGE = 0;

/** What a delivery whose send got no answer says in last_error. */
export const UNKNOWN_OUTCOME_PREFIX = "unknown outcome (sent, no answer; not resent): ";

/** How long the marker write may take: past this, Redis is down and the database record is all there is. */
const MARK_TIMEOUT_MS = 5000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Deliveries by the message that carried them. */
export function groupByMessage(marked: Map<string, number>): Map<number, string[]> {
  const byMessage = new Map<number, string[]>();
  for (const [id, messageId] of marked) byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), id]);
  return byMessage;
}

/**
 * The sender of one dispatch: sends a group, adding what happened to `result`.
 * Claims are held by `claims` (renewed while the send runs) until recorded.
 */
const setDeliveries = (db: Database, ids: string[], values: Partial<typeof reminderDeliveries.$inferInsert>) =>
  db.update(reminderDeliveries).set(values).where(inArray(reminderDeliveries.id, ids));

export function createGroupSender(
  deps: DispatchDeps,
  result: DispatchResult,
  claims: ClaimHeartbeat,
): (group: SendGroup) => Promise<void> {
  /** Claims the deliveries, and records as sent those a marker says went out already; returns the rest. */
  const claimUnsent = async (pendingIds: string[]): Promise<ClaimedDelivery[]> => {
    // Claimed just before the send, so a claim lives for one message: another worker skips what this one took.
    const claimed = await claim(deps.db, pendingIds);
    claims.hold(claimed.map((d) => d.id));
    // Sent before, but the record was lost (Postgres was restarting): recorded now, not sent again. Only a
    // delivery claimed before can have a marker (one is written after a send): a first claim skips the look-up.
    const claimedBefore = claimed.filter((d) => d.attempts > 1).map((d) => d.id);
    const marked =
      deps.sentMarkers && claimedBefore.length > 0
        ? await deps.sentMarkers.find(claimedBefore)
        : new Map<string, number>();
    for (const [messageId, ids] of groupByMessage(marked)) {
      await recordSent(deps, ids, messageId);
      result.alreadySent += ids.length;
    }
    return claimed.filter((d) => !marked.has(d.id));
  };

  /**
   * A blocked chat is marked (coordinators told when the person has no channel
   * left), a refusal is kept as failed, a send with no answer is never resent,
   * and anything else is released for the job's next attempt.
   */
  const recordNotSent = async (
    group: SendGroup,
    ids: string[],
    outcome: Exclude<SendOutcome, { kind: "sent" }>,
    markChannelRefused: () => Promise<void>,
  ): Promise<void> => {
    const { personId, channel } = group;
    const { organizationId } = group.organization;
    if (outcome.kind === "unreachable") {
      await markChannelRefused();
      await setDeliveries(deps.db, ids, { state: "failed", lastError: `unreachable (${channel})` });
      result.unreachable++;
      deps.logger.warn({ personId, channel }, "chat unreachable: the bot is blocked or the chat unknown");
      if (!(await isReachableSomewhere(deps.db, personId)))
        await tellCoordinatorsUnreachable(deps, organizationId, personId, channel);
    } else if (outcome.kind === "rejected") {
      await setDeliveries(deps.db, ids, { state: "failed", lastError: outcome.error });
      deps.logger.error({ personId, channel, error: outcome.error }, "the platform rejected a reminder");
    } else if (outcome.kind === "unknown") {
      // Maybe delivered: sending again could be the duplicate the person sees, so it stays as a note to check.
      await setDeliveries(deps.db, ids, { state: "failed", lastError: `${UNKNOWN_OUTCOME_PREFIX}${outcome.error}` });
      result.unknown += ids.length;
      deps.logger.error({ personId, channel, error: outcome.error }, "no answer to a reminder's send; not resent");
    } else {
      // Released for the job's next attempt; nothing is lost.
      await setDeliveries(deps.db, ids, { state: "pending", claimedAt: null, lastError: outcome.error });
      result.retryLater += ids.length;
    }
  };

  const recordDelivered = async (ids: string[], messageId: number): Promise<void> => {
    await markSent(deps, ids, messageId);
    await recordSent(deps, ids, messageId);
    result.messages++;
    result.deliveries += ids.length;
  };

  /** A channel without buttons (Zalo, email): the same text as on Telegram, each task followed by its signed link. */
  const sendLinked = async (group: SendGroup, deliveries: ClaimedDelivery[]): Promise<void> => {
    const channel = channelsOf(deps).find((c) => c.name === group.channel);
    const linkFor = channel?.taskLink;
    if (!channel || !linkFor) return;
    const first = deliveries[0] as ClaimedDelivery;
    const lines = dedupeLines(deliveries, group.organization.today, group.organization.calendar);
    const message = composeReminderMessage(lines, translatorFor(first.locale), {
      linkFor: (milestoneId) => linkFor(group.personId, milestoneId),
    });
    const ids = deliveries.map((d) => d.id);
    // The chat was removed after the delivery was recorded (the person left): nothing to send to.
    const outcome = first.chat_id
      ? await sendOnChannel(channel, first.chat_id, { kind: "reminder", text: message.text, buttons: [] }, group.round)
      : ({ kind: "rejected", error: `no ${group.channel} address` } as const);
    if (outcome.kind === "sent") {
      // Only Telegram's message ids are numbers a reply can point at: the marker and the record carry none.
      await recordDelivered(ids, NO_TELEGRAM_MESSAGE);
      // "xong 2" then means the second task of this message.
      const { organizationId } = group.organization;
      await saveShownList(deps.db, { personId: group.personId, organizationId }, message.milestoneIds);
    } else {
      await recordNotSent(group, ids, outcome, () =>
        markChannelUnreachable(deps.db, group.organization.organizationId, group.channel, first.chat_id),
      );
    }
  };

  const sendTelegram = async (group: SendGroup, deliveries: ClaimedDelivery[]): Promise<void> => {
    const first = deliveries[0] as ClaimedDelivery;
    const lines = dedupeLines(deliveries, group.organization.today, group.organization.calendar);
    const message = composeReminderMessage(lines, translatorFor(first.locale));
    const ids = deliveries.map((d) => d.id);
    const outcome = await sendWithRetries(deps, Number(first.chat_id), message, group.round);
    if (outcome.kind === "sent") await recordDelivered(ids, outcome.messageId);
    else
      await recordNotSent(group, ids, outcome, () =>
        markChannelUnreachable(deps.db, group.organization.organizationId, "telegram", first.chat_id),
      );
  };

  return async (group) => {
    const deliveries = await claimUnsent(group.ids);
    try {
      if (deliveries.length === 0) return;
      if (group.channel === "telegram") await sendTelegram(group, deliveries);
      else await sendLinked(group, deliveries);
    } finally {
      claims.letGo(group.ids);
    }
  };
}

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
      await queryRowsPrepared(
        deps.db,
        sql`update reminder_deliveries
          set state = 'sent', sent_at = now(), claimed_at = null,
              telegram_message_id = ${messageId === NO_TELEGRAM_MESSAGE ? null : messageId}::bigint
          where id = ${anyOfIds(ids)}`,
      );
      if (attempt > 1) deps.logger.info({ attempt, deliveries: ids.length }, "sent message recorded after retries");
      return;
    } catch (error) {
      if (Date.now() >= giveUpAt) throw error;
      deps.logger.warn({ err: error, attempt }, "could not record a sent message; retrying");
      await sleep(Math.min(250 * 2 ** (attempt - 1), 5000));
    }
  }
}

/**
 * "= any(…)" of the ids as one array parameter: the statement's text stays the same whatever their count, so
 * it is prepared once, and its plan still finds each id by the primary key.
 */
const anyOfIds = (ids: string[]) => sql`any(${`{${ids.join(",")}}`}::uuid[])`;

async function claim(db: Database, ids: string[]): Promise<ClaimedDelivery[]> {
  return queryRowsPrepared<ClaimedDelivery>(
    db,
    sql`
    with claimed as (
      update reminder_deliveries set state = 'sending', claimed_at = now(), attempts = attempts + 1
      where id = ${anyOfIds(ids)} and state = 'pending'
      returning id, person_id, reminder_id, channel, attempts
    )
    select c.id, c.attempts, c.person_id,
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
