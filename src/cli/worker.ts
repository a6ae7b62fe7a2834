import { openMigratedDatabase } from "../../db/client.js";
import { createTelegramNotifier } from "../channels/telegram/telegram-notifier.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { startReminders, untilStopped } from "../runtime/reminders.js";
import { UsageError } from "./usage-error.js";

/** `worker`: runs the reminder workers until SIGTERM or SIGINT, then drains and exits. */
export async function runWorker(config: Config, logger: Logger): Promise<void> {
  if (!config.telegramBotToken) throw new UsageError("worker cần TELEGRAM_BOT_TOKEN");
  const client = await openMigratedDatabase(config, logger, { max: config.databasePoolMax });
  const notifier = createTelegramNotifier(config.telegramBotToken, { apiRoot: config.telegramApiRoot });
  const reminders = await startReminders(config, { db: client.db, notifier, logger, now: () => new Date() });
  await untilStopped(logger);
  await reminders.close();
  await client.close();
  logger.info("reminder worker stopped");
}
