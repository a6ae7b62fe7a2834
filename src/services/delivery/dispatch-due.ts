import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../../db/client.js";
import { CHASED_STATES } from "../../domain/milestones/index.js";
import { localDay } from "../../domain/planning/index.js";
import { loadPlanningContext } from "../planning/planning-context.js";
import type { Channel } from "../notifier.js";
import { type DeliveryDeps, enabledChannels } from "./deliver.js";
import { startClaimHeartbeat } from "./claim-heartbeat.js";
import { reachableChannelsOf } from "./reachable.js";
import { createRoundRobin, type RoundRobin } from "./round-robin.js";
import { createGroupSender, type DispatchedOrganization, type SendGroup } from "./send-group.js";
import type { SentMarkers } from "./sent-markers.js";

export { groupByMessage, UNKNOWN_OUTCOME_PREFIX } from "./send-group.js";

export interface DispatchDeps extends DeliveryDeps {
  /** The clock: real time in production, a fast one in the demo. */
  now: () => Date;
  /**
   * Messages in flight at once within one dispatch (default 64). The channel's
   * limiter, not this, sets the pace; this bounds how many sends may wait for
   * an answer at once, so a few slow answers hold a few senders, never all.
   */
  parallelSends?: number;
  /**
   * Where a send is noted before Postgres records it (why: sent-markers.ts).
   * Both engines give one; without it a send whose record fails may go twice.
   */
  sentMarkers?: SentMarkers;
  /** How long a sent message's record is retried while Postgres does not answer (default 15 minutes). */
  recordRetryMs?: number;
  /** Claims not renewed for this long are a dead process's (claim-heartbeat.ts); renewed every third of it. */
  staleClaimSeconds?: number;
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

/**
 * The dispatch sent all it could, but another process still holds claims on
 * some of these deliveries: a live one records them shortly, a dead one's are
 * released once stale (claim-heartbeat.ts), so the caller tries again soon.
 */
export class ClaimsHeldElsewhereError extends DeliveriesPendingError {}

/** Sends in flight at once within one dispatch, by default. */
export const DEFAULT_PARALLEL_SENDS = 64;

/** Organizations prepared per statement: the first batch starts sending while the next is prepared. */
const PREPARE_BATCH = 20;

const chased = sql.join(
  CHASED_STATES.map((state) => sql`${state}`),
  sql`, `,
);

const uuidList = (ids: string[]): SQL =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** Sends everything of one organization that is due by now (dispatchDueAcross for one). */
export function dispatchDue(deps: DispatchDeps, organizationId: string): Promise<DispatchResult> {
  return dispatchDueAcross(deps, [organizationId]);
}

/**
 * Sends everything of these organizations that is due by now: the rows of
 * this slot and any earlier ones left unsent. Each row is checked against its
 * milestone (a moved date or a finished task sends nothing), recipients are
 * resolved now, every delivery to each person is recorded, and each person
 * gets one message for all that is due to them. The messages of the
 * organizations go out in turns (one of each in rotation), so no office's
 * first reminder waits behind another's burst. Safe to run twice or in
 * several workers at once: deliveries are claimed atomically.
 */
export async function dispatchDueAcross(deps: DispatchDeps, organizationIds: string[]): Promise<DispatchResult> {
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
  const claims = startClaimHeartbeat(deps.db, deps.logger, deps.staleClaimSeconds);
  const send = createGroupSender(deps, result, claims);
  const lanes = createChannelLanes(send, deps.parallelSends ?? DEFAULT_PARALLEL_SENDS);
  const prepared: string[] = [];
  // Organizations are prepared batch after batch while the first ones already send.
  const preparing = (async () => {
    try {
      for (let i = 0; i < organizationIds.length; i += PREPARE_BATCH) {
        const batch = organizationIds.slice(i, i + PREPARE_BATCH);
        const startedAt = Date.now();
        const groups = await prepareOrganizations(deps, batch, now, result);
        const ms = Date.now() - startedAt;
        deps.logger.debug({ organizations: batch.length, groups: groups.size, ms }, "dispatch: a batch prepared");
        prepared.push(...batch);
        lanes.addAll(groups);
      }
    } finally {
      lanes.close();
    }
  })();
  // Every sender runs to its end before the job fails: a record still being retried is never abandoned mid-way.
  // A lane exists once a batch gave its channel work: all of them are known when preparing has ended.
  const settled = [...(await Promise.allSettled([preparing])), ...(await Promise.allSettled(lanes.senders()))];
  claims.stop();
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;

  if (prepared.length > 0)
    await deps.db.execute(sql`
      update reminders r set state = 'sent', sent_at = now()
      where r.organization_id in ${uuidList(prepared)} and r.state = 'sending'
        and not exists (select 1 from reminder_deliveries d where d.reminder_id = r.id and d.state in ('pending', 'sending'))`);
  if (result.retryLater > 0) throw new DeliveriesPendingError(`${result.retryLater} deliveries to retry`);
  // Claims another process holds: a live one records them, a dead one's are released when stale, on a retry.
  if (prepared.length > 0 && (await claimedElsewhere(deps, prepared)) > 0)
    throw new ClaimsHeldElsewhereError("deliveries claimed by another process are not recorded yet");
  return result;
}

async function claimedElsewhere(deps: DispatchDeps, organizationIds: string[]): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    deps.db,
    sql`select count(*)::int as n from reminder_deliveries
    where organization_id in ${uuidList(organizationIds)} and state = 'sending'`,
  );
  return row?.n ?? 0;
}

/**
 * The senders of one dispatch, a lane per channel: each channel has its own
 * rotation of offices and its own `parallel` senders. Why: a channel paused
 * by its platform (Zalo names no wait after a 429, so it waits 30 s) holds
 * the senders that took its messages; with one pool for all channels they
 * soon all waited on Zalo and Telegram's people got nothing meanwhile.
 * Within a lane each message is ranked by its office's round on that
 * channel, so an office prepared later still has its first message next.
 */
function createChannelLanes(send: (group: SendGroup) => Promise<void>, parallel: number) {
  const lanes = new Map<Channel, { work: RoundRobin<SendGroup>; senders: Promise<void>[] }>();
  const laneOf = (channel: Channel) => {
    const existing = lanes.get(channel);
    if (existing) return existing;
    const work = createRoundRobin<SendGroup>();
    const taken = new Map<string, number>();
    const sendInTurn = async (): Promise<void> => {
      for (let group = await work.next(); group !== undefined; group = await work.next()) {
        const { organizationId } = group.organization;
        const round = taken.get(organizationId) ?? 0;
        taken.set(organizationId, round + 1);
        await send({ ...group, round });
      }
    };
    const senders = Array.from({ length: parallel }, () => {
      const sender = sendInTurn();
      // Settled and reported once preparing ends (senders()); until then a failure is not left unhandled.
      sender.catch(() => {});
      return sender;
    });
    const lane = { work, senders };
    lanes.set(channel, lane);
    return lane;
  };
  return {
    /** Each organization's groups, split by channel into their lanes. */
    addAll(groups: Map<string, SendGroup[]>): void {
      const byChannel = new Map<Channel, Array<[string, SendGroup[]]>>();
      for (const [organizationId, list] of groups)
        for (const group of list) {
          const entries = byChannel.get(group.channel) ?? [];
          const last = entries.at(-1);
          if (last?.[0] === organizationId) last[1].push(group);
          else entries.push([organizationId, [group]]);
          byChannel.set(group.channel, entries);
        }
      for (const [channel, entries] of byChannel) laneOf(channel).work.addAll(entries);
    },
    close(): void {
      for (const lane of lanes.values()) lane.work.close();
    },
    /** Every lane's senders; call after close(), when no lane can be added. */
    senders: (): Promise<void>[] => [...lanes.values()].flatMap((lane) => lane.senders),
  };
}

/**
 * Turns the due rows of a batch of organizations into pending deliveries, and
 * returns each organization's pending deliveries grouped by person and channel
 * (one message each). Three statements for the whole batch.
 */
async function prepareOrganizations(
  deps: DispatchDeps,
  organizationIds: string[],
  now: Date,
  result: DispatchResult,
): Promise<Map<string, SendGroup[]>> {
  const { db } = deps;
  const at = now.toISOString();
  const organizations = uuidList(organizationIds);
  const channels = enabledChannels(deps);
  // Rows whose milestone moved on or is finished are skipped, never sent.
  const skipped = await queryRows<{ id: string }>(
    db,
    sql`
    update reminders r set state = 'skipped'
    from milestones m
    where r.milestone_id = m.id and r.organization_id in ${organizations} and r.state = 'planned'
      and r.fire_at <= ${at}::timestamptz and (r.milestone_version <> m.version or m.state not in (${chased}))
    returning r.id`,
  );
  result.skipped += skipped.length;

  // Recipients are resolved at fire time: people bound after the import are reached too. A unit's
  // send that would reach nobody (nobody joined, or all unreachable) goes to the coordinators instead,
  // who can invite someone: a reminder is never sent to nobody. claim() tells such deliveries apart.
  const due = await queryRows<{ id: string }>(
    db,
    sql`
    with due as (
      update reminders set state = 'sending'
      where organization_id in ${organizations} and state = 'planned' and fire_at <= ${at}::timestamptz
      returning id, organization_id, audience_role, audience_unit_id
    ), reachable as (
      -- One row per reachable channel of a person: each channel is a delivery of its own, claimed and sent on its own.
      select ms.organization_id, p.id, ms.role, ms.unit_id, channels.channel
      from memberships ms
      join people p on p.id = ms.person_id
      join lateral ${reachableChannelsOf("p", channels)} channels on true
      where ms.organization_id in ${organizations}
    ), addressed as (
      select distinct due.organization_id, due.id as reminder_id, r.id as person_id, r.channel
      from due
      join reachable r on r.organization_id = due.organization_id and (
          (due.audience_role = 'member' and r.unit_id = due.audience_unit_id and r.role in ('member', 'unit_head'))
          or (due.audience_role in ('coordinator', 'chairman', 'unit_head') and r.role = due.audience_role
              and (due.audience_unit_id is null or r.unit_id = due.audience_unit_id)))
    ), stand_ins as (
      select distinct due.organization_id, due.id as reminder_id, r.id as person_id, r.channel
      from due join reachable r on r.organization_id = due.organization_id and r.role = 'coordinator'
      where due.audience_role = 'member' and not exists (select 1 from addressed a where a.reminder_id = due.id)
    ), inserted as (
      insert into reminder_deliveries (organization_id, reminder_id, person_id, channel)
      select organization_id, reminder_id, person_id, channel
      from (select * from addressed union select * from stand_ins) chosen
      on conflict do nothing
      returning id
    )
    select id from due`,
  );
  result.rows += due.length;

  // Every pending delivery of the batch that is due, whoever created it, grouped by person and channel.
  const pending = await queryRows<{ organization_id: string; id: string; person_id: string; channel: Channel }>(
    db,
    sql`
    select d.organization_id, d.id, d.person_id, d.channel from reminder_deliveries d join reminders r on r.id = d.reminder_id
    where d.organization_id in ${organizations} and d.state = 'pending' and r.fire_at <= ${at}::timestamptz
      and d.channel in (${sql.join(
        channels.map((channel) => sql`${channel}`),
        sql`, `,
      )})
    order by d.organization_id, d.person_id, d.channel`,
  );
  const contexts = new Map<string, DispatchedOrganization>();
  await Promise.all(
    [...new Set(pending.map((row) => row.organization_id))].map(async (organizationId) => {
      const context = await loadPlanningContext(db, organizationId);
      if (context)
        contexts.set(organizationId, {
          organizationId,
          today: localDay(now, context.timeZone),
          calendar: context.calendar,
        });
    }),
  );
  const groups = new Map<string, SendGroup>();
  for (const row of pending) {
    const organization = contexts.get(row.organization_id);
    if (!organization) continue;
    const key = `${row.organization_id}:${row.person_id}:${row.channel}`;
    const group = groups.get(key) ?? { organization, personId: row.person_id, channel: row.channel, ids: [] };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  const byOrganization = new Map<string, SendGroup[]>();
  for (const group of groups.values()) {
    const id = group.organization.organizationId;
    const list = byOrganization.get(id);
    if (list) list.push(group);
    else byOrganization.set(id, [group]);
  }
  return byOrganization;
}
