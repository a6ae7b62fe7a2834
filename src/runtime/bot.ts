/** The bot side of a process: long polling through @grammyjs/runner, or a webhook with a secret token. */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { run } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { Database } from "../../db/client.js";
import { createBot, registerCommands } from "../bot/create-bot.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { SendSlot } from "../services/reminders/sync-reminders.js";

export const TELEGRAM_API = "https://api.telegram.org";

export interface RunningBot {
  mode: "polling" | "webhook";
  username: string;
  close(): Promise<void>;
}

/** A secret Telegram echoes on every webhook call; stable across restarts without being configured. */
export function webhookSecretFor(token: string): string {
  return createHash("sha256").update(`nhacviec-webhook:${token}`).digest("hex").slice(0, 48);
}

export async function startBot(
  config: Pick<
    Config,
    "telegramApiRoot" | "telegramBotUsername" | "webhookUrl" | "webhookSecret" | "port" | "evidenceDir"
  >,
  deps: {
    token: string;
    db: Database;
    logger: Logger;
    now: () => Date;
    scheduleSlots?: (slots: SendSlot[]) => Promise<void>;
  },
): Promise<RunningBot> {
  const bot = createBot({
    db: deps.db,
    logger: deps.logger,
    token: deps.token,
    apiRoot: config.telegramApiRoot ?? TELEGRAM_API,
    evidenceDir: config.evidenceDir,
    now: deps.now,
    ...(deps.scheduleSlots ? { scheduleSlots: deps.scheduleSlots } : {}),
    ...(config.telegramBotUsername ? { botUsername: config.telegramBotUsername } : {}),
  });
  await bot.init();
  await registerCommands(bot.api);
  const username = config.telegramBotUsername ?? bot.botInfo.username;

  if (!config.webhookUrl) {
    await bot.api.deleteWebhook();
    const runner = run(bot);
    deps.logger.info({ username }, "bot started (long polling)");
    return {
      mode: "polling",
      username,
      close: async () => {
        if (runner.isRunning()) await runner.stop();
      },
    };
  }

  const url = new URL(config.webhookUrl);
  const secretToken = config.webhookSecret ?? webhookSecretFor(deps.token);
  const handle = webhookCallback(bot, "http", { secretToken });
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method === "GET" && path === "/healthz") {
      response.writeHead(200).end("ok");
      return;
    }
    if (request.method !== "POST" || path !== url.pathname) {
      response.writeHead(404).end();
      return;
    }
    handle(request, response).catch((error: unknown) => {
      deps.logger.error({ err: error }, "webhook update failed");
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  await bot.api.setWebhook(url.toString(), { secret_token: secretToken });
  deps.logger.info({ username, port: config.port, path: url.pathname }, "bot started (webhook)");
  return {
    mode: "webhook",
    username,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
