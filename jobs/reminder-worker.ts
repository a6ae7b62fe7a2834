import { Queue, UnrecoverableError, Worker } from "bullmq";
import type { Database } from "../db/client.js";
import type { Logger } from "../src/logger.js";
import {
  ClaimsHeldElsewhereError,
  DeliveriesPendingError,
  type DispatchDeps,
  type DispatchResult,
  dispatchDueAcross,
} from "../src/services/delivery/dispatch-due.js";
import { DEFAULT_STALE_CLAIM_SECONDS } from "../src/services/delivery/claim-heartbeat.js";
import { organizationsWithDueSends, reconcilePass, releaseStaleClaims } from "../src/services/delivery/reconcile.js";
import { sendWeeklyIfDue, type WeeklySlot } from "../src/services/delivery/weekly-sends.js";
import type { DeliveryChannel } from "../src/channels/channel.js";
import type { ZaloChannelDeps } from "../src/services/delivery/deliver.js";
import type { Notifier } from "../src/services/notifier.js";
import type { SendSlot } from "../src/services/reminders/sync-reminders.js";
import {
  catchUpJobId,
  logRedisErrors,
  type DispatchJob,
  type DispatchJobName,
  QUEUE_NAMES,
  type RedisConnection,
  type QueueNames,
  type ScheduledJob,
  slotJobId,
  weeklyJobId,
} from "./queues.js";
import { createRedisSentMarkers } from "./redis-sent-markers.js";
import type { SendRateLimiter } from "./send-rate-limiter.js";

export interface ReminderEngineDeps {
  db: Database;
  connection: RedisConnection;
  notifier: Notifier;
  limiter: SendRateLimiter;
  /** The channels to deliver on, as the registry lists them from config (the runtime passes them). */
  channels?: readonly DeliveryChannel[] | undefined;
  /** Without `channels` (tests): the Zalo channel's parts, when the office turned it on. */
  zalo?: ZaloChannelDeps | undefined;
  /** Without `channels` (tests): the email channel, when SMTP_URL and EMAIL_FROM are set. */
  email?: DeliveryChannel | undefined;
  logger: Logger;
  now: () => Date;
  /** BullMQ key prefix; tests give each run its own. */
  prefix: string;
  /** Queue names (default QUEUE_NAMES); a test may give its own. */
  queueNames?: Pick<QueueNames, "reminders" | "schedules">;
  concurrency?: number;
  /** Claims older than this are released by the reconciler (their worker died). */
  staleClaimSeconds?: number;
  /**
   * When the reconcile pass repeats (cron, default every 5 minutes); null for none,
   * so a test that calls `reconcile` itself is not joined by one at a 5-minute mark.
   */
  reconcilePattern?: string | null;
  /**
   * How often the engine checks that Redis still holds its state (default 10 s).
   * After a FLUSHALL or a restart with nothing on disk the repeating reconcile
   * job is gone with everything else, so nothing in Redis would ever run the
   * pass that rebuilds it: this in-process timer is what notices.
   */
  redisCheckMs?: number;
}

const JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: "exponential" as const, delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

export function createDispatchQueue(
  connection: RedisConnection,
  prefix: string,
  name: string = QUEUE_NAMES.reminders,
  logger?: Logger,
): Queue<DispatchJob, unknown, DispatchJobName> {
  const queue = new Queue<DispatchJob, unknown, DispatchJobName>(name, { connection, prefix });
  if (logger) logRedisErrors(queue, "reminder queue", logger);
  return queue;
}

type DispatchQueue = Queue<DispatchJob, unknown, DispatchJobName>;

/**
 * A delayed job per send time (for every organization due then); a time
 * already queued is not queued twice.
 */
export async function enqueueSlots(queue: DispatchQueue, slots: SendSlot[], now: Date): Promise<void> {
  const times = [...new Set(slots.map((slot) => slot.fireAt.getTime()))].map((time) => new Date(time));
  const jobs = times.map((fireAt) => ({
    name: "dispatch" as const,
    data: { fireAt: fireAt.toISOString() },
    opts: { ...JOB_OPTIONS, jobId: slotJobId(fireAt), delay: Math.max(0, fireAt.getTime() - now.getTime()) },
  }));
  for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
}

/** One immediate dispatch of whatever every organization has due (never swallowed: see catchUpJobId). */
async function enqueueCatchUp(queue: DispatchQueue, scope: string, now: Date): Promise<void> {
  await queue.add("dispatch", { fireAt: now.toISOString() }, { ...JOB_OPTIONS, jobId: catchUpJobId(scope, now) });
}

/** A delayed job per weekly send instant ahead; one at once for a past instant not sent yet. */
export async function enqueueWeeklySlots(queue: DispatchQueue, slots: WeeklySlot[], now: Date): Promise<void> {
  await queue.addBulk(
    slots.map((slot) => {
      const ahead = slot.fireAt.getTime() > now.getTime();
      return {
        name: "weekly" as const,
        data: { organizationId: slot.organizationId, fireAt: slot.fireAt.toISOString() },
        opts: {
          ...JOB_OPTIONS,
          jobId: ahead
            ? weeklyJobId(slot.organizationId, slot.fireAt)
            : `weekly-${catchUpJobId(slot.organizationId, now)}`,
          delay: Math.max(0, slot.fireAt.getTime() - now.getTime()),
        },
      };
    }),
  );
}

/**
 * Rebuilds the queue from the database, which is the source of truth (the
 * reconcile service). What is past due and unsent is queued first, before
 * anything is planned: planning a hundred organizations takes seconds, and
 * their 08:00 sends must not wait for it. Then every missing delayed job is
 * re-created (a flushed Redis loses nothing) and each organization's weekly
 * sends are queued at their instants.
 */
export async function reconcile(
  deps: Omit<ReminderEngineDeps, "notifier" | "limiter">,
  queue: DispatchQueue,
): Promise<void> {
  const now = deps.now();
  const sentMarkers = createRedisSentMarkers(deps.connection, deps.prefix);
  await releaseStaleClaims(deps.db, deps.staleClaimSeconds, sentMarkers);
  const dueFirst = new Set(await organizationsWithDueSends(deps.db, now));
  if (dueFirst.size > 0) await enqueueCatchUp(queue, "due", now);
  deps.logger.debug({ dueNow: dueFirst.size }, "reconcile: what is due is queued; planning");
  const result = await reconcilePass({ ...deps, sentMarkers });
  deps.logger.debug("reconcile: planned");
  await enqueueSlots(queue, result.futureSlots, now);
  // Planning found more past due (a milestone changed meanwhile): one more catch-up for them.
  if (result.dueNow.some((organizationId) => !dueFirst.has(organizationId)))
    await enqueueCatchUp(queue, "planned", now);
  await enqueueWeeklySlots(queue, result.weekly, now);
}

export interface ReminderEngine {
  queue: DispatchQueue;
  worker: Worker<DispatchJob, unknown, DispatchJobName>;
  scheduler: Worker<ScheduledJob>;
  schedules: Queue<ScheduledJob>;
  /** Stops taking jobs, lets running ones finish, closes Redis handles. */
  close(): Promise<void>;
}

type DispatchWorker = Worker<DispatchJob, unknown, DispatchJobName>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Dispatches, and again every third of the stale-claim threshold while another
 * process holds claims on these deliveries. A worker killed mid-send leaves
 * claims it no longer renews; the job BullMQ hands over from it (stalled)
 * gives them back once stale, checking their sent markers first, and sends
 * them: here, within seconds, not after BullMQ's growing backoff.
 */
async function dispatchUntilNoneHeld(
  deps: DispatchDeps & { staleClaimSeconds?: number | undefined },
  organizations: string[],
): Promise<DispatchResult> {
  const staleMs = (deps.staleClaimSeconds ?? DEFAULT_STALE_CLAIM_SECONDS) * 1000;
  const giveUpAt = Date.now() + 2 * staleMs + 10_000;
  for (;;) {
    await releaseStaleClaims(deps.db, deps.staleClaimSeconds, deps.sentMarkers);
    try {
      return await dispatchDueAcross(deps, organizations);
    } catch (error) {
      if (!(error instanceof ClaimsHeldElsewhereError) || Date.now() > giveUpAt) throw error;
    }
    await sleep(Math.max(1000, staleMs / 3));
  }
}

/**
 * The dispatch worker: a weekly job sends one organization's digest; a
 * dispatch job sends what every organization has due (or the one it names),
 * their messages in turns.
 */
function startDispatchWorker(deps: ReminderEngineDeps, name: string): DispatchWorker {
  const sendDeps = { ...deps, sentMarkers: createRedisSentMarkers(deps.connection, deps.prefix) };
  const worker = new Worker<DispatchJob, unknown, DispatchJobName>(
    name,
    async (job) => {
      const log = deps.logger.child({ jobId: job.id, organizationId: job.data.organizationId });
      try {
        if (job.name === "weekly") {
          if (!job.data.organizationId) return null;
          const sent = await sendWeeklyIfDue({ ...deps, logger: log }, job.data.organizationId);
          log.info({ sent: sent?.at ?? null }, "weekly sends");
          return sent;
        }
        const organizations = job.data.organizationId
          ? [job.data.organizationId]
          : await organizationsWithDueSends(deps.db, deps.now());
        const result = await dispatchUntilNoneHeld({ ...sendDeps, logger: log }, organizations);
        log.info({ organizations: organizations.length, ...result }, "reminders dispatched");
        return result;
      } catch (error) {
        if (error instanceof DeliveriesPendingError) throw error;
        if (error instanceof Error && /violates|invalid input/i.test(error.message))
          throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency ?? 4,
      // A killed worker's job is handed to another within 25 s (BullMQ's defaults take up to a minute), so its
      // people are not messaged late; a running job renews its lock every 7.5 s. Claims keep a job run twice safe.
      lockDuration: 15_000,
      stalledInterval: 10_000,
    },
  );
  // Redis going away is logged once a minute here rather than printed by BullMQ to stderr.
  logRedisErrors(worker, "reminder worker", deps.logger);
  worker.on("failed", (job, error) =>
    deps.logger.warn({ jobId: job?.id, err: error.message }, "dispatch failed; BullMQ retries it"),
  );
  return worker;
}

/**
 * Rebuilds the queue from the database when Redis comes back empty. After a
 * FLUSHALL or a restart with nothing on disk the repeating reconcile job is
 * gone with everything else, so nothing in Redis would ever run the pass
 * that rebuilds it: a reconnect, or a marker key gone, is what notices.
 */
async function watchRedis(deps: ReminderEngineDeps, rebuild: () => Promise<void>): Promise<{ stop(): Promise<void> }> {
  const aliveKey = `${deps.prefix}:engine-alive`;
  let recovering: Promise<void> | undefined;
  const recover = (why: string): Promise<void> => {
    recovering ??= (async () => {
      deps.logger.warn({ why }, "rebuilding the reminder queue from the database");
      await rebuild();
      await deps.connection.set(aliveKey, "1");
    })()
      .catch((error: unknown) => deps.logger.error({ err: error, why }, "rebuilding the reminder queue failed"))
      .finally(() => {
        recovering = undefined;
      });
    return recovering;
  };
  await deps.connection.set(aliveKey, "1");
  let lostConnection = false;
  const onClose = () => {
    lostConnection = true;
  };
  const onReady = () => {
    if (!lostConnection) return;
    lostConnection = false;
    void recover("Redis reconnected");
  };
  deps.connection.on("close", onClose);
  deps.connection.on("ready", onReady);
  // A flush without a reconnect (or a reconnect missed) shows as the marker key gone.
  let checking = false;
  const check = setInterval(() => {
    if (checking || recovering || deps.connection.status !== "ready") return;
    checking = true;
    void deps.connection
      .exists(aliveKey)
      .then((exists) => (exists === 0 ? recover("Redis lost its data") : undefined))
      .catch((error: unknown) => deps.logger.warn({ err: error }, "could not check Redis"))
      .finally(() => {
        checking = false;
      });
  }, deps.redisCheckMs ?? 10_000);
  check.unref();
  return {
    async stop() {
      clearInterval(check);
      deps.connection.off("close", onClose);
      deps.connection.off("ready", onReady);
      await recovering;
    },
  };
}

/** The dispatch worker (reminders and weekly sends) and the scheduled-jobs worker (reconciler every 5 minutes). */
export async function startReminderEngine(deps: ReminderEngineDeps): Promise<ReminderEngine> {
  const names = deps.queueNames ?? QUEUE_NAMES;
  const queue = createDispatchQueue(deps.connection, deps.prefix, names.reminders, deps.logger);
  const schedules = new Queue<ScheduledJob>(names.schedules, { connection: deps.connection, prefix: deps.prefix });
  logRedisErrors(schedules, "schedules queue", deps.logger);
  // Every 5 minutes whatever the zone: the pass itself reads each organization's zone.
  const reconcilePattern = deps.reconcilePattern === undefined ? "*/5 * * * *" : deps.reconcilePattern;
  /** Re-creates every scheduler the engine needs that is missing (a flushed Redis lost it); `always` also updates one. */
  const ensureSchedulers = async (always = false): Promise<void> => {
    if (reconcilePattern === null) return;
    if (!always && (await schedules.getJobScheduler("reconcile"))) return;
    await schedules.upsertJobScheduler(
      "reconcile",
      { pattern: reconcilePattern },
      { name: "reconcile", data: { kind: "reconcile" } },
    );
  };
  const worker = startDispatchWorker(deps, names.reminders);
  const scheduler = new Worker<ScheduledJob>(
    names.schedules,
    async (job) => {
      const data = job.data;
      if (data.kind === "reconcile") {
        await ensureSchedulers();
        await reconcile(deps, queue);
      }
      // A cron job left by an older version: the claim in sendWeeklyIfDue keeps it from sending twice.
      else await sendWeeklyIfDue(deps, data.organizationId);
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
  logRedisErrors(scheduler, "scheduler worker", deps.logger);
  // Weekly sends used to be cron schedulers fixed at Monday 08:00 in one zone; they are now planned jobs.
  for (const legacy of await schedules.getJobSchedulers()) {
    if (legacy.key.startsWith("weekly-digest-") || legacy.key.startsWith("needs-date-list-"))
      await schedules.removeJobScheduler(legacy.key);
  }
  await ensureSchedulers(true);
  // Redis came back (a restart, maybe empty): rebuild at once what it lost, not at the next pass.
  const watch = await watchRedis(deps, async () => {
    await ensureSchedulers();
    await reconcile(deps, queue);
  });
  return {
    queue,
    worker,
    scheduler,
    schedules,
    async close() {
      await watch.stop();
      await Promise.all([worker.close(), scheduler.close()]);
      await Promise.all([queue.close(), schedules.close()]);
    },
  };
}
