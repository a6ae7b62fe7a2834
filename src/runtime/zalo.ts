/**
 * The Zalo side of a process, when ZALO_BOT_TOKEN is set: the channel the
 * dispatcher sends through (its own limiter, signed task links) and the bot
 * that reads what people type, by long polling or by webhook. Without the
 * token nothing here runs and a Telegram-only office is unchanged.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../../db/client.js";
import { createZaloUpdateHandler, zaloUpdateKey } from "../bot/zalo/zalo-bot.js";
import { createTaskLinkMac } from "../channels/task-link-mac.js";
import {
  createZaloClient,
  parseZaloWebhookUpdate,
  ZALO_API_ROOT_DEFAULT,
  ZALO_WEBHOOK_SECRET_HEADER,
  type ZaloClient,
} from "../channels/zalo/zalo-client.js";
import { createZaloNotifier } from "../channels/zalo/zalo-notifier.js";
import { startZaloPolling } from "../channels/zalo/zalo-updates.js";
import type { Config } from "../config.js";
import { signTaskLink, type TaskLinkMac } from "../domain/links/index.js";
import type { Logger } from "../logger.js";
import type { DeliveryDeps, ZaloChannelDeps } from "../services/delivery/deliver.js";
import type { SendRateLimiter } from "../services/delivery/rate-limiter.js";
import { claimUpdate } from "../services/processed-updates.js";
import type { WebhookEndpoint } from "./http-server.js";
import { PlatformUnreachableError } from "./bot.js";

/** A task link works this long: a reminder read a week later still opens its task. */
export const TASK_LINK_VALID_MS = 14 * 24 * 3600_000;

/** The secret task links are signed with: TASK_LINK_SECRET, else one derived from the Zalo bot token. */
export function taskLinkMacFor(config: Pick<Config, "taskLinkSecret" | "zaloBotToken">): TaskLinkMac | undefined {
  if (config.taskLinkSecret) return createTaskLinkMac(config.taskLinkSecret);
  if (!config.zaloBotToken) return undefined;
  return createTaskLinkMac(createHash("sha256").update(`nhacviec-task-links:${config.zaloBotToken}`).digest("hex"));
}

export interface ZaloChannel {
  client: ZaloClient;
  channel: ZaloChannelDeps;
  mac: TaskLinkMac;
}

/** The Zalo channel of this process, or null when Zalo is not configured. */
export function createZaloChannel(
  config: Partial<Pick<Config, "zaloBotToken" | "zaloApiRoot" | "publicUrl" | "taskLinkSecret">>,
  deps: { limiter: SendRateLimiter; now: () => Date },
): ZaloChannel | null {
  const mac = taskLinkMacFor({ taskLinkSecret: config.taskLinkSecret, zaloBotToken: config.zaloBotToken });
  const publicUrl = config.publicUrl;
  if (!config.zaloBotToken || !mac || !publicUrl) return null;
  const client = createZaloClient(config.zaloBotToken, {
    ...(config.zaloApiRoot ? { apiRoot: config.zaloApiRoot } : {}),
  });
  return {
    client,
    mac,
    channel: {
      notifier: createZaloNotifier(client),
      limiter: deps.limiter,
      publicUrl,
      taskLink: (personId, milestoneId) =>
        `${publicUrl}/t/${signTaskLink(
          { personId, milestoneId, expiresAt: new Date(deps.now().getTime() + TASK_LINK_VALID_MS) },
          mac,
        )}`,
    },
  };
}

export interface RunningZaloBot {
  mode: "polling" | "webhook";
  /** The bot's name in Zalo, for "open the Zalo Bot …". */
  name: string;
  /** The endpoint to mount on the process's HTTP server (webhook mode). */
  webhook: WebhookEndpoint | null;
  close(): Promise<void>;
}

/** Starts reading what people send the Zalo bot. */
export async function startZaloBot(
  config: Pick<Config, "zaloWebhookUrl" | "zaloWebhookSecret" | "zaloApiRoot">,
  deps: Omit<DeliveryDeps, "zalo"> & { db: Database; logger: Logger; now: () => Date; zalo: ZaloChannel },
): Promise<RunningZaloBot> {
  const logger = deps.logger.child({ channel: "zalo" });
  const { client } = deps.zalo;
  const handle = createZaloUpdateHandler({ ...deps, logger, zalo: deps.zalo.channel });
  let name: string;
  try {
    name = (await client.getMe()).account_name;
  } catch (error) {
    throw new PlatformUnreachableError("Zalo", config.zaloApiRoot ?? ZALO_API_ROOT_DEFAULT, error);
  }
  if (!config.zaloWebhookUrl) {
    await client.deleteWebhook();
    const polling = startZaloPolling({ client, onUpdate: handle.once, logger });
    logger.info({ bot: name }, "zalo bot started (long polling)");
    return { mode: "polling", name, webhook: null, close: () => polling.stop() };
  }
  const url = new URL(config.zaloWebhookUrl);
  const secretToken = config.zaloWebhookSecret ?? randomBytes(24).toString("base64url");
  await client.setWebhook(url.toString(), secretToken);
  logger.info({ bot: name, path: url.pathname }, "zalo bot started (webhook)");
  return {
    mode: "webhook",
    name,
    webhook: {
      path: url.pathname,
      secretHeader: ZALO_WEBHOOK_SECRET_HEADER,
      secretToken,
      updateIdOf: (body) => {
        const update = parseZaloWebhookUpdate(body);
        return update ? zaloUpdateKey(update) : null;
      },
      claim: (updateId) => claimUpdate(deps.db, "zalo", updateId, deps.now()),
      process: async (body) => {
        const update = parseZaloWebhookUpdate(body);
        if (update) await handle.now(update);
      },
    },
    close: async () => {},
  };
}
