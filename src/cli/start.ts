import { openMigratedDatabase } from "../../db/client.js";
import { createTelegramNotifier } from "../channels/telegram/telegram-notifier.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { startBot } from "../runtime/bot.js";
import { startReminders, untilStopped } from "../runtime/reminders.js";
import { type RunningZaloBot, startZaloBot } from "../runtime/zalo.js";
import { UsageError } from "./usage-error.js";

/** `start`: the bot and the reminder worker in one process, until SIGTERM or SIGINT. */
export async function runStart(config: Config, logger: Logger): Promise<void> {
  const token = config.telegramBotToken;
  if (!token) throw new UsageError("start cần TELEGRAM_BOT_TOKEN (lấy từ @BotFather)");
  const client = await openMigratedDatabase(config, logger, { max: config.databasePoolMax });
  const now = () => new Date();
  const notifier = createTelegramNotifier(token, { apiRoot: config.telegramApiRoot });
  const reminders = await startReminders(config, { db: client.db, notifier, logger, now });
  let bot;
  let zaloBot: RunningZaloBot | null = null;
  try {
    if (reminders.zalo) {
      zaloBot = await startZaloBot(config, {
        db: client.db,
        logger,
        now,
        notifier,
        limiter: reminders.limiter,
        zalo: reminders.zalo,
      });
    }
    bot = await startBot(config, {
      zalo: reminders.zalo?.channel,
      zaloBotName: zaloBot?.name,
      taskLinkMac: reminders.zalo?.mac ?? reminders.email?.mac,
      email: reminders.email ?? undefined,
      extraWebhooks: zaloBot?.webhook ? [zaloBot.webhook] : [],
      token,
      db: client.db,
      logger,
      now,
      scheduleSlots: (slots) => reminders.scheduleSlots(slots),
      enqueueReportBuild: reminders.enqueueReportBuild,
    });
  } catch (error) {
    await zaloBot?.close();
    await reminders.close();
    await client.close();
    throw error;
  }
  await untilStopped(logger);
  // The bot first, so no new work arrives while the worker drains.
  await bot.close();
  await zaloBot?.close();
  await reminders.close();
  await client.close();
  logger.info("stopped");
}
