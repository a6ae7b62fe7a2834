import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { dispatchDueAcross } from "../../src/services/delivery/dispatch-due.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { createProvinceWorld, type ProvinceOrganization } from "../support/province-world.js";
import { newQueuePrefix, removeQueueKeys, testRedisUrl } from "../support/queues.js";
import { engineDeps } from "../support/reminder-world.js";

let database: TestDatabase & Awaited<ReturnType<typeof createMigratedDatabase>>;
const prefix = newQueuePrefix();

beforeAll(async () => {
  database = await createMigratedDatabase();
});

afterAll(async () => {
  const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
  await removeQueueKeys(prefix, redis);
  await redis.quit();
  await database.drop();
});

describe("one dispatch across many offices", () => {
  it("sends every office's first reminder before any office's third, offices prepared later included", async () => {
    // 30 offices: two preparation batches, the second joining while the first's messages wait for turns.
    const fireAt = new Date(Date.now() - 1000);
    const offices: ProvinceOrganization[] = await createProvinceWorld(database.client, {
      organizations: 30,
      tasks: 4,
      units: 2,
      peoplePerUnit: 3,
      firstChatId: 7_000_000,
      fireAt,
    });
    const emulator = await startBotApiEmulator({ ratePerSecond: 1000, perChatIntervalMs: 1000 });
    // 40 a second: slow enough that the senders hold far more messages than go out in a moment.
    const deps = engineDeps(database.client, testRedisUrl, prefix, emulator.apiRoot, 40);
    try {
      const result = await dispatchDueAcross(
        { ...deps, parallelSends: 64 },
        offices.map((o) => o.organizationId),
      );
      expect(result.messages).toBe(30 * 6);
      const officeOfChat = new Map(offices.flatMap((o, i) => o.chatIds.map((chat) => [chat, i] as const)));
      const sentSoFar = new Map<number, number>();
      // Each message's round: how many messages its office had before it.
      const rounds = emulator.messages.map((message) => {
        const office = officeOfChat.get(message.chatId) as number;
        const round = sentSoFar.get(office) ?? 0;
        sentSoFar.set(office, round + 1);
        return round;
      });
      const lastFirst = rounds.lastIndexOf(0);
      const firstThird = rounds.indexOf(2);
      // Arrival order may swap a few neighbours (the turns ask a few at a time): no more than that.
      expect(firstThird).toBeGreaterThan(0);
      expect(lastFirst).toBeLessThan(firstThird + 4);
    } finally {
      await deps.connection.quit();
      await emulator.close();
    }
  });
});
