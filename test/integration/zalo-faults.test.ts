/**
 * The reminder engine's faults with Zalo recipients: a 429 and 5xx storm from
 * the Zalo API and a worker that died holding claims lose nothing and repeat
 * nothing, on either channel. (The fault tier in test/faults restarts real
 * servers; this drives the same dispatcher through the Zalo emulator.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { createZaloClient } from "../../src/channels/zalo/zalo-client.js";
import { createZaloNotifier } from "../../src/channels/zalo/zalo-notifier.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { startZaloApiEmulator } from "../../src/dev/zalo-api-emulator.js";
import { DeliveriesPendingError, dispatchDue } from "../../src/services/delivery/dispatch-due.js";
import { releaseStaleClaims } from "../../src/services/delivery/reconcile.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { countByChat, createReminderWorld, planSend } from "../support/reminder-world.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("Zalo recipients under faults", () => {
  it("a 429/5xx storm and a dead worker's claims: every chat on each channel gets its reminder once", async () => {
    const telegram = await startBotApiEmulator({ ratePerSecond: 5000, perChatIntervalMs: 0 });
    // A tight quota (429s) and a third of sends failing with 500.
    const zalo = await startZaloApiEmulator({ ratePerSecond: 20, serverErrorRate: 0.3, seed: 17 });
    try {
      const world = await createReminderWorld(database.client, 60, 500_000);
      const people = await database.client.sql`select id from people where organization_id = ${world.organizationId}
        order by telegram_user_id`;
      // Half of them also bound a Zalo chat, and wrote to the bot (Zalo refuses chats that never did).
      const zaloChats = people.slice(0, 30).map((_, i) => `f${String(i).padStart(19, "0")}`);
      for (const [i, chatId] of zaloChats.entries()) {
        await database.client.sql`insert into person_channels (organization_id, person_id, channel, chat_id)
          values (${world.organizationId}, ${people[i]!.id}, 'zalo', ${chatId})`;
        zalo.user(chatId).send("chào");
      }
      await planSend(database.client, world, new Date(Date.now() - 60_000));
      const client = createZaloClient(zalo.token, { apiRoot: zalo.apiRoot, maxUnnamedWaitSeconds: 1 });
      const deps = {
        db: database.client.db,
        notifier: createTelegramNotifier("123:TEST", { apiRoot: telegram.apiRoot }),
        limiter: createMemoryRateLimiter({ perSecond: 5000, perChatIntervalMs: 0 }),
        logger: silentLogger,
        now: () => new Date(),
        zalo: {
          notifier: createZaloNotifier(client),
          // More than the emulator allows: the 429s are part of the test.
          limiter: createMemoryRateLimiter({ perSecond: 40, perChatIntervalMs: 0 }),
          publicUrl: "http://nhacviec.test",
          taskLink: (personId: string, milestoneId: string) => `http://nhacviec.test/t/${personId}.${milestoneId}`,
        },
      };
      const dispatch = () =>
        dispatchDue(deps, world.organizationId).catch((error: unknown) => {
          if (!(error instanceof DeliveriesPendingError)) throw error;
        });

      // A worker dies after claiming its Zalo deliveries and before sending them (its limiter never gives a turn).
      const dying = {
        ...deps,
        zalo: {
          ...deps.zalo,
          limiter: { waitForTurn: () => Promise.reject(new Error("worker killed")), pauseAll: () => Promise.resolve() },
        },
      };
      await expect(dispatchDue(dying, world.organizationId)).rejects.toThrow("worker killed");
      const [held] = await database.client.sql`select count(*)::int as n from reminder_deliveries
        where channel = 'zalo' and state = 'sending'`;
      expect(held!.n).toBeGreaterThan(0);
      expect(zalo.messages).toHaveLength(0);
      await database.client
        .sql`update reminder_deliveries set claimed_at = now() - interval '1 hour' where state = 'sending'`;
      // The reconciler gives them back; two workers then dispatch at once, and again until nothing is left.
      await releaseStaleClaims(database.client.db, 60);
      await Promise.all([dispatch(), dispatch()]);
      for (let round = 0; round < 20; round++) {
        const [left] = await database.client.sql`select count(*)::int as n from reminder_deliveries
          where organization_id = ${world.organizationId} and state <> 'sent'`;
        if (left!.n === 0) break;
        await releaseStaleClaims(database.client.db, 60);
        await dispatch();
      }

      const zaloCounts = new Map<string, number>();
      for (const m of zalo.messages) zaloCounts.set(m.chatId, (zaloCounts.get(m.chatId) ?? 0) + 1);
      expect(zaloCounts.size).toBe(30);
      expect([...zaloCounts.values()].filter((n) => n !== 1)).toEqual([]);
      const telegramCounts = countByChat(telegram.messages);
      expect(telegramCounts.size).toBe(60);
      expect([...telegramCounts.values()].filter((n) => n !== 1)).toEqual([]);
      const rows = await database.client.sql`select channel, state, count(*)::int as n from reminder_deliveries
        where organization_id = ${world.organizationId} group by channel, state order by channel`;
      expect(rows.map((r) => [r.channel, r.state, r.n])).toEqual([
        ["telegram", "sent", 60],
        ["zalo", "sent", 30],
      ]);
      // The storm happened: the emulator refused sends along the way.
      expect(zalo.stats.serverErrors + zalo.stats.tooManyRequests).toBeGreaterThan(0);
    } finally {
      await telegram.close();
      await zalo.close();
    }
  }, 120_000);

  it("a Zalo channel held by its platform does not hold Telegram's reminders of the same dispatch", async () => {
    const telegram = await startBotApiEmulator({ ratePerSecond: 5000, perChatIntervalMs: 0 });
    const zalo = await startZaloApiEmulator({ ratePerSecond: 5000 });
    // Zalo's turns wait until the test lets them go, as after a 429 that named a long wait.
    let letZaloGo = () => {};
    const zaloHeld = new Promise<void>((resolve) => {
      letZaloGo = resolve;
    });
    try {
      const world = await createReminderWorld(database.client, 40, 600_000);
      const people = await database.client.sql`select id from people where organization_id = ${world.organizationId}
        order by telegram_user_id`;
      // Every other person also has Zalo, so the dispatch's messages alternate between the channels.
      const zaloChats = people.filter((_, i) => i % 2 === 0).map((_, i) => `g${String(i).padStart(19, "0")}`);
      for (const [i, chatId] of zaloChats.entries()) {
        await database.client.sql`insert into person_channels (organization_id, person_id, channel, chat_id)
          values (${world.organizationId}, ${people[i * 2]!.id}, 'zalo', ${chatId})`;
        zalo.user(chatId).send("chào");
      }
      await planSend(database.client, world, new Date(Date.now() - 60_000));
      const zaloLimiter = createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 });
      const deps = {
        db: database.client.db,
        notifier: createTelegramNotifier("123:TEST", { apiRoot: telegram.apiRoot }),
        limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }),
        logger: silentLogger,
        now: () => new Date(),
        // Few senders: with one pool for both channels, Zalo's held messages soon took them all.
        parallelSends: 4,
        zalo: {
          notifier: createZaloNotifier(createZaloClient(zalo.token, { apiRoot: zalo.apiRoot })),
          limiter: {
            waitForTurn: async (chatId: number | string, rank?: number) => {
              await zaloHeld;
              await zaloLimiter.waitForTurn(chatId, rank);
            },
            pauseAll: (ms: number) => zaloLimiter.pauseAll(ms),
          },
          publicUrl: "http://nhacviec.test",
          taskLink: (personId: string, milestoneId: string) => `http://nhacviec.test/t/${personId}.${milestoneId}`,
        },
      };
      const dispatching = dispatchDue(deps, world.organizationId);
      const deadline = Date.now() + 15_000;
      while (telegram.messages.length < 40 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(countByChat(telegram.messages).size).toBe(40);
      expect(zalo.messages).toHaveLength(0);
      letZaloGo();
      const result = await dispatching;
      expect(result.messages).toBe(40 + zaloChats.length);
      expect(new Set(zalo.messages.map((m) => m.chatId)).size).toBe(zaloChats.length);
    } finally {
      letZaloGo();
      await telegram.close();
      await zalo.close();
    }
  }, 60_000);
});
