/** The bot side of a process: long polling through @grammyjs/runner, or a webhook with a secret token. */
import { createHash } from "node:crypto";
import { run } from "@grammyjs/runner";
import { type Bot, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { Database } from "../../db/client.js";
import { createBot, registerCommands } from "../bot/create-bot.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { readPlanFile } from "../import/read-plan-file.js";
import { claimUpdate } from "../services/processed-updates.js";
import type { SendSlot } from "../services/reminders/sync-reminders.js";
import { createNetworkRetry } from "../bot/network-retry.js";
import type { BotContext } from "../bot/context.js";
import { registerWebMenuButton } from "../bot/features/web.js";
import type { EnqueueReportBuild } from "../services/reports/report-builds.js";
import { createWebApp } from "../web/app.js";
import type { TaskLinkMac } from "../domain/links/index.js";
import type { ZaloChannelDeps } from "../services/delivery/deliver.js";
import type { EmailWebDeps } from "../web/people-routes.js";
import { startHttpServer, telegramUpdateId, type WebhookEndpoint } from "./http-server.js";

export const TELEGRAM_API = "https://api.telegram.org";

export interface RunningBot {
  mode: "polling" | "webhook";
  username: string;
  close(): Promise<void>;
}

/** Attempts per Bot API call once running: network trouble is waited out for a few minutes, with a log line per try. */
const RUNNING_ATTEMPTS = 10;

/** A chat platform could not be reached when the process started. */
export class PlatformUnreachableError extends Error {
  constructor(
    readonly platform: string,
    readonly apiRoot: string,
    cause: unknown,
  ) {
    super(`cannot reach ${platform} at ${apiRoot}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = "PlatformUnreachableError";
  }
}

/** The bot, with each update id handed to its middleware at most once (a redelivered batch is skipped). */
function onlyOnce(bot: Bot<BotContext>, claim: (updateId: number) => Promise<boolean>): Bot<BotContext> {
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhookReplyEnvelope) => {
    if (await claim(update.update_id)) await handleUpdate(update, webhookReplyEnvelope);
  };
  return bot;
}

/** A secret Telegram echoes on every webhook call; stable across restarts without being configured. */
export function webhookSecretFor(token: string): string {
  return createHash("sha256").update(`nhacviec-webhook:${token}`).digest("hex").slice(0, 48);
}

/**
 * The first calls to the Bot API (who we are, the commands, the menu button), bounded
 * at start so an unreachable Telegram is reported instead of waited on forever.
 */
async function greetTelegram(
  bot: ReturnType<typeof createBot>,
  config: Pick<Config, "telegramApiRoot" | "publicUrl">,
  deps: { logger: Logger; startAttempts?: number },
): Promise<void> {
  const networkRetry = createNetworkRetry(deps.logger, { attempts: deps.startAttempts ?? 5 });
  bot.api.config.use(networkRetry.transformer);
  try {
    // Not bot.init(): grammY retries getMe there without end.
    bot.botInfo = await bot.api.getMe();
    await registerCommands(bot.api);
    await registerWebMenuButton(bot.api, config.publicUrl);
  } catch (error) {
    if (error instanceof HttpError)
      throw new PlatformUnreachableError("Telegram", config.telegramApiRoot ?? TELEGRAM_API, error);
    throw error;
  }
  networkRetry.attempts = RUNNING_ATTEMPTS;
}

export async function startBot(
  config: Pick<
    Config,
    "telegramApiRoot" | "telegramBotUsername" | "webhookUrl" | "webhookSecret" | "port" | "evidenceDir" | "publicUrl"
  >,
  deps: {
    token: string;
    db: Database;
    logger: Logger;
    now: () => Date;
    scheduleSlots?: (slots: SendSlot[]) => Promise<void>;
    /** The report job queue (with Redis); unset: the web app builds reports in this process. */
    enqueueReportBuild?: EnqueueReportBuild | undefined;
    /** Tries of the first Bot API calls before `start` gives up (tests make it small). */
    startAttempts?: number;
    /** The Zalo channel, when on: notifications reach people there too, `/zalo` gives link codes. */
    zalo?: ZaloChannelDeps | undefined;
    /** The Zalo bot's name, for `/zalo` and invites ("open the Zalo Bot …"). */
    zaloBotName?: string | undefined;
    /** Checks the task links of Zalo messages in the web app. */
    taskLinkMac?: TaskLinkMac | undefined;
    /** The email channel, when on: the people page sets addresses; its public links confirm and unsubscribe. */
    email?: EmailWebDeps | undefined;
    /** Further platform webhooks served on the same port (Zalo's). */
    extraWebhooks?: WebhookEndpoint[];
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
    publicUrl: config.publicUrl,
    ...(deps.zalo ? { zalo: deps.zalo } : {}),
    ...(deps.zaloBotName ? { zaloBotName: deps.zaloBotName } : {}),
    ...(deps.email ? { email: deps.email } : {}),
    // A hostile file costs a child process, never this one's event loop or memory.
    planReader: readPlanFile,
  });
  await greetTelegram(bot, config, deps);
  const username = config.telegramBotUsername ?? bot.botInfo.username;
  // The web app is served in both modes, on the same server as the webhook.
  const web = createWebApp({
    db: deps.db,
    logger: deps.logger.child({ component: "web" }),
    now: deps.now,
    publicUrl: config.publicUrl,
    botToken: deps.token,
    planReader: readPlanFile,
    botUsername: username,
    evidenceDir: config.evidenceDir,
    ...(deps.taskLinkMac ? { taskLinkMac: deps.taskLinkMac } : {}),
    ...(deps.scheduleSlots ? { scheduleSlots: deps.scheduleSlots } : {}),
    ...(deps.email ? { email: deps.email } : {}),
    ...(deps.enqueueReportBuild ? { enqueueReportBuild: deps.enqueueReportBuild } : {}),
  });

  if (!config.webhookUrl) {
    await bot.api.deleteWebhook();
    const server = await startHttpServer({
      port: config.port,
      logger: deps.logger,
      webhooks: deps.extraWebhooks ?? [],
      web,
    });
    // A restarted poller may be handed the last batch again: each update id is processed once.
    const runner = run(onlyOnce(bot, (updateId) => claimUpdate(deps.db, "telegram", updateId, deps.now())));
    deps.logger.info({ username, port: config.port, publicUrl: config.publicUrl }, "bot started (long polling)");
    return {
      mode: "polling",
      username,
      close: async () => {
        if (runner.isRunning()) await runner.stop();
        await server.close();
      },
    };
  }

  const url = new URL(config.webhookUrl);
  const secretToken = config.webhookSecret ?? webhookSecretFor(deps.token);
  const server = await startHttpServer({
    port: config.port,
    logger: deps.logger,
    webhooks: [
      {
        path: url.pathname,
        secretHeader: "x-telegram-bot-api-secret-token",
        secretToken,
        updateIdOf: telegramUpdateId,
        claim: (updateId) => claimUpdate(deps.db, "telegram", updateId, deps.now()),
        process: (update) => bot.handleUpdate(update as Update),
      },
      ...(deps.extraWebhooks ?? []),
    ],
    web,
  });
  await bot.api.setWebhook(url.toString(), { secret_token: secretToken });
  deps.logger.info({ username, port: config.port, path: url.pathname }, "bot started (webhook)");
  return {
    mode: "webhook",
    username,
    close: () => server.close(),
  };
}
