import { Redis } from "ioredis";
import { openMigratedDatabase } from "../../db/client.js";
import { reconcile, scheduleWeeklySends, startReminderEngine } from "../../jobs/reminder-worker.js";
import { startEmbeddedDispatcher } from "../../jobs/embedded-dispatcher.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createSendRateLimiter } from "../../jobs/send-rate-limiter.js";
import { createTelegramNotifier } from "../bot/telegram-notifier.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { UsageError } from "./usage-error.js";

function untilStopped(logger: Logger): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, "stopping: finishing running jobs");
      resolve();
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}

/** `worker`: runs the reminder workers until SIGTERM or SIGINT, then drains and exits. */
export async function runWorker(config: Config, logger: Logger): Promise<void> {
  if (!config.telegramBotToken) throw new UsageError("worker needs TELEGRAM_BOT_TOKEN");
  const client = await openMigratedDatabase(config, logger);
  const notifier = createTelegramNotifier(config.telegramBotToken, { apiRoot: config.telegramApiRoot });
  if (!config.redisUrl) {
    // One process, no Redis: the same dispatcher from an in-process timer.
    const embedded = startEmbeddedDispatcher({
      db: client.db,
      notifier,
      limiter: createMemoryRateLimiter({
        perSecond: config.telegramMessagesPerSecond,
        perChatIntervalMs: config.telegramChatIntervalMs,
      }),
      logger,
      now: () => new Date(),
      staleClaimSeconds: config.staleClaimSeconds,
    });
    logger.info("reminder worker started without Redis (embedded mode)");
    await untilStopped(logger);
    await embedded.close();
    await client.close();
    return;
  }
  // BullMQ workers need maxRetriesPerRequest null: they block on Redis and must not give up.
  const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const limiter = createSendRateLimiter(connection, {
    prefix: config.queuePrefix,
    perSecond: config.telegramMessagesPerSecond,
    perChatIntervalMs: config.telegramChatIntervalMs,
  });
  const deps = {
    db: client.db,
    connection,
    notifier,
    limiter,
    logger,
    now: () => new Date(),
    prefix: config.queuePrefix,
    staleClaimSeconds: config.staleClaimSeconds,
  };
  const engine = await startReminderEngine(deps);
  // Whatever Redis lost or a crashed worker left is rebuilt from the database before anything else.
  await reconcile(deps, engine.queue);
  await scheduleWeeklySends(client.db, engine.schedules);
  logger.info("reminder worker started");
  await untilStopped(logger);
  await engine.close();
  await connection.quit();
  await client.close();
  logger.info("reminder worker stopped");
}
