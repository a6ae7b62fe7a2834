/**
 * The bot world (a plan, Telegram people, the Bot API emulator) with Zalo
 * beside it: the Zalo API emulator, the Zalo bot reading it by long polling,
 * the Zalo channel the dispatcher sends through, and the web app the task
 * links open.
 */
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { createZaloUpdateHandler } from "../../src/bot/zalo/zalo-bot.js";
import { createTaskLinkMac } from "../../src/channels/task-link-mac.js";
import { createZaloClient } from "../../src/channels/zalo/zalo-client.js";
import { createZaloNotifier } from "../../src/channels/zalo/zalo-notifier.js";
import { startZaloPolling, type ZaloPolling } from "../../src/channels/zalo/zalo-updates.js";
import {
  type SimulatedZaloUser,
  startZaloApiEmulator,
  type ZaloApiEmulator,
  type ZaloApiEmulatorOptions,
} from "../../src/dev/zalo-api-emulator.js";
import { signTaskLink } from "../../src/domain/links/index.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { type DispatchResult, dispatchDue } from "../../src/services/delivery/dispatch-due.js";
import type { DeliveryDeps, ZaloChannelDeps } from "../../src/services/delivery/deliver.js";
import { createWebApp } from "../../src/web/app.js";
import { type BotWorld, startBotWorld } from "./bot-world.js";
import { silentLogger } from "./database.js";
import { operatorInvite } from "./invites.js";

export const PUBLIC_URL = "http://nhacviec.test";
export const LINK_SECRET = "zalo-world-task-link-secret-0123456789abcdef";

export interface ZaloWorld extends BotWorld {
  zalo: ZaloApiEmulator;
  channel: ZaloChannelDeps;
  /** What the dispatcher sends through: Telegram's notifier and limiter, and the Zalo channel. */
  deliveryDeps: DeliveryDeps;
  web: ReturnType<typeof createWebApp>;
  mac: ReturnType<typeof createTaskLinkMac>;
  /** A Zalo user who joined by a fresh invite, sent to the Zalo bot. */
  joinZalo(id: string, role: Role, unit?: string, name?: string): Promise<SimulatedZaloUser>;
  dispatch(): Promise<DispatchResult>;
  /** A task link as the dispatcher makes them, valid until `expiresAt`. */
  link(personId: string, milestoneId: string, expiresAt: Date): string;
}

export async function startZaloWorld(options: ZaloApiEmulatorOptions = {}): Promise<ZaloWorld> {
  const zalo = await startZaloApiEmulator({ ratePerSecond: 10_000, maxPollSeconds: 1, ...options });
  const client = createZaloClient(zalo.token, { apiRoot: zalo.apiRoot, maxUnnamedWaitSeconds: 1 });
  const mac = createTaskLinkMac(LINK_SECRET);
  // Read only once the world below exists.
  const now = () => world.clock.now;
  const link = (personId: string, milestoneId: string, expiresAt: Date) =>
    `${PUBLIC_URL}/t/${signTaskLink({ personId, milestoneId, expiresAt }, mac)}`;
  const channel: ZaloChannelDeps = {
    notifier: createZaloNotifier(client),
    limiter: createMemoryRateLimiter({ perSecond: 10_000, perChatIntervalMs: 0 }),
    publicUrl: PUBLIC_URL,
    taskLink: (personId, milestoneId) => link(personId, milestoneId, new Date(now().getTime() + 14 * 86_400_000)),
  };
  // The Telegram bot gets the Zalo channel too: its notifications and `/zalo` reach Zalo.
  const world: BotWorld = await startBotWorld({
    extraDeps: () => ({ zalo: channel, zaloBotName: "Nhắc việc CCHC" }),
  });
  const deliveryDeps: DeliveryDeps = {
    db: world.database.client.db,
    notifier: createTelegramNotifier("123:TEST", { apiRoot: world.emulator.apiRoot }),
    limiter: createMemoryRateLimiter({ perSecond: 10_000, perChatIntervalMs: 0 }),
    logger: silentLogger,
    zalo: channel,
  };
  const handler = createZaloUpdateHandler({ ...deliveryDeps, now, zalo: channel });
  const polling: ZaloPolling = startZaloPolling({
    client,
    onUpdate: handler.once,
    logger: silentLogger,
    timeoutSeconds: 1,
    backoffMs: 50,
  });
  const web = createWebApp({
    db: world.database.client.db,
    logger: silentLogger,
    now,
    publicUrl: PUBLIC_URL,
    botToken: "123:TEST",
    taskLinkMac: mac,
    signInLimit: { max: 1000, windowMs: 60_000 },
  });
  return {
    ...world,
    zalo,
    channel,
    deliveryDeps,
    web,
    mac,
    link,
    async joinZalo(id, role, unit, name) {
      const invite = await operatorInvite(world.database.client.db, {
        organizationId: world.organizationId,
        role,
        unitName: unit ?? null,
        fullName: name ?? null,
        now: world.clock.now,
      });
      const user = zalo.user(id, { displayName: name ?? `Zalo ${id}` });
      const before = user.inbox().length;
      user.send(invite.code);
      await user.waitForMessage((m) => m.text.includes("đã được kết nối"), { after: before, timeoutMs: 10_000 });
      return user;
    },
    dispatch: () => dispatchDue({ ...deliveryDeps, now }, world.organizationId),
    async stop() {
      await polling.stop();
      await zalo.close();
      await world.stop();
    },
  };
}
