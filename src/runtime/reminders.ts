/** The reminder side of a process: BullMQ workers with Redis, or the in-process timer without. */
import { enabledChannelList } from "../channels/registry.js";
import type { Database } from "../../db/client.js";
import { startEmbeddedDispatcher } from "../../jobs/embedded-dispatcher.js";
import { startEventWorker } from "../../jobs/event-processor.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { connectRedis, logRedisErrors } from "../../jobs/queues.js";
import { createReportQueue, startReportWorker } from "../../jobs/report-worker.js";
import { enqueueSlots, reconcile, startReminderEngine } from "../../jobs/reminder-worker.js";
import { createSendRateLimiter, type SendRateLimiter } from "../../jobs/send-rate-limiter.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Notifier } from "../services/notifier.js";
import type { SendSlot } from "../services/reminders/sync-reminders.js";
import type { EnqueueReportBuild } from "../services/reports/report-builds.js";
import { createEmailSide, type EmailSide } from "./email.js";
import { createZaloChannel, type ZaloChannel } from "./zalo.js";

export interface RunningReminders {
  mode: "redis" | "embedded";
  /** The process's one send limiter: the bot's notifications wait their turn here too. */
  limiter: SendRateLimiter;
  /** The Zalo channel with its own limiter, or null when ZALO_BOT_TOKEN is unset. */
  zalo: ZaloChannel | null;
  /** The email channel with its own limiter, or null when SMTP_URL is unset. */
  email: EmailSide | null;
  /** Queues replanned send times now (the embedded timer finds them by itself). */
  scheduleSlots(slots: SendSlot[]): Promise<void>;
  /** With Redis, the report job queue (its worker runs here); without, undefined: the web app builds in-process. */
  enqueueReportBuild?: EnqueueReportBuild | undefined;
  /** Lets running sends finish, then stops. */
  close(): Promise<void>;
}

/**
 * An event's claim is not renewed while its notices go out, so it counts as its dead worker's only after
 * several of the delivery claims' (renewed) threshold: 120 s with the default 30 s.
 */
const EVENT_STALE_CLAIM_FACTOR = 4;

/** Reminders without Redis: one process, an in-memory limiter per channel, the dispatcher on a timer. */
function startEmbeddedReminders(
  config: Parameters<typeof startReminders>[0],
  deps: Parameters<typeof startReminders>[1],
): RunningReminders {
  const { db, notifier, logger, now } = deps;
  const limiter = createMemoryRateLimiter({
    perSecond: config.telegramMessagesPerSecond,
    perChatIntervalMs: config.telegramChatIntervalMs,
  });
  // Zalo documents no per-chat interval; its own limiter keeps a 429 from it off Telegram's senders.
  const zalo = createZaloChannel(config, {
    limiter: createMemoryRateLimiter({ perSecond: config.zaloMessagesPerSecond ?? 5, perChatIntervalMs: 0 }),
    now,
  });
  // A mail server takes a few messages a second from one sender without complaint.
  const email = createEmailSide(config, {
    limiter: createMemoryRateLimiter({ perSecond: 5, perChatIntervalMs: 0 }),
    now,
  });
  const embedded = startEmbeddedDispatcher({
    db,
    notifier,
    limiter,
    channels: enabledChannelList({ notifier, limiter, zalo: zalo?.channel, email: email?.channel }),
    logger,
    now,
    staleClaimSeconds: config.staleClaimSeconds,
    ...(deps.embeddedIntervalMs ? { intervalMs: deps.embeddedIntervalMs } : {}),
  });
  logger.info("reminders run without Redis (embedded mode)");
  return {
    mode: "embedded",
    limiter,
    zalo,
    email,
    scheduleSlots: async () => {},
    async close() {
      await embedded.close();
      email?.channel.close();
    },
  };
}

export async function startReminders(
  config: Pick<
    Config,
    "redisUrl" | "queuePrefix" | "telegramMessagesPerSecond" | "telegramChatIntervalMs" | "staleClaimSeconds"
  > &
    Partial<Pick<Config, "redisClusterNodes">> &
    // Optional: a Telegram-only caller (the fault tier, older tests) gives none of Zalo's settings.
    Partial<
      Pick<
        Config,
        | "zaloBotToken"
        | "zaloApiRoot"
        | "zaloMessagesPerSecond"
        | "publicUrl"
        | "taskLinkSecret"
        | "smtpUrl"
        | "emailFrom"
      >
    >,
  deps: { db: Database; notifier: Notifier; logger: Logger; now: () => Date; embeddedIntervalMs?: number },
): Promise<RunningReminders> {
  const { db, notifier, logger, now } = deps;
  if (!config.redisUrl && !config.redisClusterNodes) return startEmbeddedReminders(config, deps);
  const connection = connectRedis(config);
  // ioredis reconnects by itself; a listener keeps each failed attempt a log line, not an unhandled error.
  logRedisErrors(connection, "Redis connection", logger);
  const limiter = createSendRateLimiter(connection, {
    prefix: config.queuePrefix,
    perSecond: config.telegramMessagesPerSecond,
    perChatIntervalMs: config.telegramChatIntervalMs,
  });
  const zalo = createZaloChannel(config, {
    limiter: createSendRateLimiter(connection, {
      prefix: config.queuePrefix,
      perSecond: config.zaloMessagesPerSecond ?? 5,
      // Redis refuses an expiry of 0 ms; 1 ms is no interval in practice.
      perChatIntervalMs: 1,
      channel: "zalo",
    }),
    now,
  });
  const email = createEmailSide(config, {
    limiter: createSendRateLimiter(connection, {
      prefix: config.queuePrefix,
      perSecond: 5,
      perChatIntervalMs: 1,
      channel: "email",
    }),
    now,
  });
  const engineDeps = {
    db,
    connection,
    notifier,
    limiter,
    // The registry's list, built once: the jobs send on these channels and name none.
    channels: enabledChannelList({ notifier, limiter, zalo: zalo?.channel, email: email?.channel }),
    logger,
    now,
    prefix: config.queuePrefix,
    staleClaimSeconds: config.staleClaimSeconds,
  };
  const engine = await startReminderEngine(engineDeps);
  // The outbox's events are told by whichever worker takes the repeating job.
  // An event's claim is not renewed while its notices go out: it keeps the long threshold of before.
  const events = await startEventWorker({
    ...engineDeps,
    staleClaimSeconds: config.staleClaimSeconds * EVENT_STALE_CLAIM_FACTOR,
  });
  // Word and PDF reports asked for on the web: LibreOffice runs in this worker, not in a web request.
  const reports = createReportQueue({ connection, prefix: config.queuePrefix, logger });
  const reportWorker = startReportWorker({ db, logger, now, connection, prefix: config.queuePrefix });
  // Whatever Redis lost or a crashed worker left is rebuilt from the database before anything else.
  await reconcile(engineDeps, engine.queue);
  logger.info("reminder worker started");
  return {
    mode: "redis",
    limiter,
    zalo,
    email,
    scheduleSlots: (slots) => enqueueSlots(engine.queue, slots, now()),
    enqueueReportBuild: reports.enqueue,
    async close() {
      await engine.close();
      await events.close();
      await reportWorker.close();
      await reports.close();
      email?.channel.close();
      await connection.quit();
    },
  };
}

/** Resolves on the first SIGTERM or SIGINT. */
export function untilStopped(logger: Logger): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, "stopping: finishing running work");
      resolve();
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}
