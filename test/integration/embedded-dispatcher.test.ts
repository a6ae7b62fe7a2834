import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { startEmbeddedDispatcher } from "../../jobs/embedded-dispatcher.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { countByChat, createReminderWorld, planSend, waitFor } from "../support/reminder-world.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("the embedded dispatcher (no Redis)", () => {
  it("sends every due reminder once from an in-process timer, through random 5xx under a rate cap", async () => {
    const emulator = await startBotApiEmulator({ ratePerSecond: 50, serverErrorRate: 0.1, seed: 3 });
    const world = await createReminderWorld(database.client, 120, 80_000);
    await planSend(database.client, world, new Date(Date.now() - 1000));
    const dispatcher = startEmbeddedDispatcher({
      db: database.client.db,
      notifier: createTelegramNotifier("123:TEST", { apiRoot: emulator.apiRoot }),
      limiter: createMemoryRateLimiter({ perSecond: 100, perChatIntervalMs: 1000 }),
      logger: silentLogger,
      now: () => new Date(),
      intervalMs: 200,
    });
    try {
      await waitFor(() => emulator.messages.length >= 120, 30_000, "120 messages");
      await new Promise((resolve) => setTimeout(resolve, 500));
      const counts = countByChat(emulator.messages);
      expect(counts.size).toBe(120);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(emulator.stats.serverErrors).toBeGreaterThan(0);
    } finally {
      await dispatcher.close();
      await emulator.close();
    }
  });
});
