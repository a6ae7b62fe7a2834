import { Queue, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client.js";
import type { Logger } from "../src/logger.js";
import type { Notifier } from "../src/services/notifier.js";
import {
  organizationsWithMilestones,
  pendingSlots,
  type SendSlot,
  syncReminders,
} from "../src/services/reminders/sync-reminders.js";
import { DeliveriesPendingError, dispatchDue } from "./dispatch-slot.js";
import { catchUpJobId, type DispatchJob, QUEUE_NAMES, type ScheduledJob, slotJobId } from "./queues.js";
import type { SendRateLimiter } from "./send-rate-limiter.js";
import { sendNeedsDateList, sendWeeklyDigest } from "./weekly-sends.js";

export interface ReminderEngineDeps {
  db: Database;
  connection: Redis;
  notifier: Notifier;
  limiter: SendRateLimiter;
  logger: Logger;
  now: () => Date;
  /** BullMQ key prefix; tests give each run its own. */
  prefix: string;
  concurrency?: number;
  /** Claims older than this are released by the reconciler (their worker died). */
  staleClaimSeconds?: number;
}

const JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: "exponential" as const, delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

export function createDispatchQueue(connection: Redis, prefix: string): Queue<DispatchJob> {
  return new Queue<DispatchJob>(QUEUE_NAMES.reminders, { connection, prefix });
}

/** A delayed job per slot; a slot already queued is not queued twice. */
export async function enqueueSlots(queue: Queue<DispatchJob>, slots: SendSlot[], now: Date): Promise<void> {
  const jobs = slots.map((slot) => ({
    name: "dispatch",
    data: { organizationId: slot.organizationId, fireAt: slot.fireAt.toISOString() },
    opts: {
      ...JOB_OPTIONS,
      jobId: slotJobId(slot.organizationId, slot.fireAt),
      delay: Math.max(0, slot.fireAt.getTime() - now.getTime()),
    },
  }));
  for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
}

/**
 * Rebuilds the queue from the database, which is the source of truth: plans
 * what milestones need, re-creates every missing delayed job (a flushed Redis
 * loses nothing), releases deliveries a crashed worker had claimed, and queues
 * an immediate dispatch where something is past due and unsent.
 */
export async function reconcile(
  deps: Omit<ReminderEngineDeps, "notifier" | "limiter">,
  queue: Queue<DispatchJob>,
): Promise<void> {
  const now = deps.now();
  for (const organizationId of await organizationsWithMilestones(deps.db)) {
    await syncReminders(deps.db, organizationId, now);
  }
  await deps.db.execute(sql`
    update reminder_deliveries set state = 'pending', claimed_at = null
    where state = 'sending' and claimed_at < now() - make_interval(secs => ${deps.staleClaimSeconds ?? 120})`);
  const slots = await pendingSlots(deps.db);
  await enqueueSlots(
    queue,
    slots.filter((slot) => slot.fireAt.getTime() > now.getTime()),
    now,
  );
  const pastDue = new Set(
    slots.filter((slot) => slot.fireAt.getTime() <= now.getTime()).map((slot) => slot.organizationId),
  );
  const stuck = await queryRows<{ organization_id: string }>(
    deps.db,
    sql`
    select distinct organization_id from reminder_deliveries where state = 'pending'`,
  );
  for (const row of stuck) pastDue.add(row.organization_id);
  await queue.addBulk(
    [...pastDue].map((organizationId) => ({
      name: "dispatch",
      data: { organizationId, fireAt: now.toISOString() },
      opts: { ...JOB_OPTIONS, jobId: catchUpJobId(organizationId, now) },
    })),
  );
}

/** Every organization with a plan gets its Monday 08:00 sends, in Hanoi time whatever the server's zone. */
export async function scheduleWeeklySends(db: Database, schedules: Queue<ScheduledJob>): Promise<void> {
  for (const organizationId of await organizationsWithMilestones(db)) {
    for (const kind of ["weekly-digest", "needs-date-list"] as const) {
      await schedules.upsertJobScheduler(
        `${kind}-${organizationId}`,
        { pattern: "0 8 * * 1", tz: "Asia/Ho_Chi_Minh" },
        { name: kind, data: { kind, organizationId } },
      );
    }
  }
}

export interface ReminderEngine {
  queue: Queue<DispatchJob>;
  worker: Worker<DispatchJob>;
  scheduler: Worker<ScheduledJob>;
  schedules: Queue<ScheduledJob>;
  /** Stops taking jobs, lets running ones finish, closes Redis handles. */
  close(): Promise<void>;
}

/** The dispatch worker and the scheduled-jobs worker (reconciler every 5 minutes). */
export async function startReminderEngine(deps: ReminderEngineDeps): Promise<ReminderEngine> {
  const queue = createDispatchQueue(deps.connection, deps.prefix);
  const schedules = new Queue<ScheduledJob>(QUEUE_NAMES.schedules, {
    connection: deps.connection,
    prefix: deps.prefix,
  });
  const worker = new Worker<DispatchJob>(
    QUEUE_NAMES.reminders,
    async (job) => {
      const log = deps.logger.child({ jobId: job.id, organizationId: job.data.organizationId });
      try {
        const result = await dispatchDue({ ...deps, logger: log }, job.data.organizationId);
        log.info(result, "reminders dispatched");
        return result;
      } catch (error) {
        if (error instanceof DeliveriesPendingError) throw error;
        if (error instanceof Error && /violates|invalid input/i.test(error.message))
          throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency ?? 4 },
  );
  const scheduler = new Worker<ScheduledJob>(
    QUEUE_NAMES.schedules,
    async (job) => {
      const data = job.data;
      if (data.kind === "reconcile") {
        await reconcile(deps, queue);
        await scheduleWeeklySends(deps.db, schedules);
      } else if (data.kind === "weekly-digest") await sendWeeklyDigest(deps, data.organizationId);
      else await sendNeedsDateList(deps, data.organizationId);
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
  worker.on("failed", (job, error) =>
    deps.logger.warn({ jobId: job?.id, err: error.message }, "dispatch failed; BullMQ retries it"),
  );
  await schedules.upsertJobScheduler(
    "reconcile",
    { pattern: "*/5 * * * *", tz: "Asia/Ho_Chi_Minh" },
    { name: "reconcile", data: { kind: "reconcile" } },
  );
  return {
    queue,
    worker,
    scheduler,
    schedules,
    async close() {
      await Promise.all([worker.close(), scheduler.close()]);
      await Promise.all([queue.close(), schedules.close()]);
    },
  };
}
