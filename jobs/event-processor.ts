import type { RedisConnection } from "./queues.js";
/**
 * Runs the notifications service over the outbox, in both modes the reminders
 * run in: a BullMQ repeating job with Redis (one worker at a time takes it;
 * the row claims keep a second one harmless), an in-process timer without.
 * Either way an event recorded before a crash is found on the next pass.
 */
import { Queue, Worker } from "bullmq";
import { processEvents, type ProcessEventsDeps } from "../src/services/notifications/notifications-service.js";
import { QUEUE_NAMES } from "./queues.js";

export interface EventProcessor {
  /** One pass: every unhandled event, oldest first. Resolves with how many were taken. */
  tick(): Promise<number>;
  /** Lets a running pass finish, then stops. */
  close(): Promise<void>;
}

/** The timer of a process without Redis (default every second). */
export function startEmbeddedEventProcessor(deps: ProcessEventsDeps & { intervalMs?: number }): EventProcessor {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  // One pass at a time: a tick asked for while one runs waits for it.
  const tick = (): Promise<number> => {
    const next = running.then(() => processEvents(deps));
    running = next.catch((error: unknown) => deps.logger.error({ err: error }, "event pass failed"));
    return next;
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick()
        .catch(() => undefined)
        .finally(schedule);
    }, deps.intervalMs ?? 1000);
  };
  schedule();
  return {
    tick,
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export interface EventWorkerDeps extends ProcessEventsDeps {
  connection: RedisConnection;
  prefix: string;
  /** Queue name (default QUEUE_NAMES.events); a test may give its own. */
  queueName?: string;
  /** How often the outbox is read (default every second). */
  everyMs?: number;
}

/** The BullMQ side: a repeating job every `everyMs`, re-created if Redis lost it. */
export async function startEventWorker(deps: EventWorkerDeps): Promise<EventProcessor> {
  const name = deps.queueName ?? QUEUE_NAMES.events;
  const queue = new Queue(name, { connection: deps.connection, prefix: deps.prefix });
  queue.on("error", (error) => deps.logger.warn({ err: error.message }, "event queue: Redis error"));
  const ensureScheduler = async (): Promise<void> => {
    await queue.upsertJobScheduler(
      "outbox",
      { every: deps.everyMs ?? 1000 },
      { name: "outbox", data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  };
  const worker = new Worker(name, () => processEvents(deps), {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: 1,
  });
  worker.on("error", (error) => deps.logger.warn({ err: error.message }, "event worker: Redis error"));
  worker.on("failed", (job, error) => deps.logger.warn({ jobId: job?.id, err: error.message }, "event pass failed"));
  await ensureScheduler();
  // A flushed or restarted Redis loses the repeating job: put it back.
  const check = setInterval(() => {
    if (deps.connection.status !== "ready") return;
    void queue
      .getJobScheduler("outbox")
      .then((found) => (found ? undefined : ensureScheduler()))
      .catch((error: unknown) => deps.logger.warn({ err: error }, "could not check the event scheduler"));
  }, 10_000);
  check.unref();
  return {
    tick: () => processEvents(deps),
    async close() {
      clearInterval(check);
      await worker.close();
      await queue.close();
    },
  };
}
