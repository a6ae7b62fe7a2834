import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createMemorySentMarkers } from "../../jobs/memory-sent-markers.js";
import { createRedisSentMarkers } from "../../jobs/redis-sent-markers.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { sendWithRetries } from "../../src/services/delivery/deliver.js";
import { dispatchDue, UNKNOWN_OUTCOME_PREFIX } from "../../src/services/delivery/dispatch-due.js";
import { releaseStaleClaims } from "../../src/services/delivery/reconcile.js";
import { NotifierError } from "../../src/services/notifier.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { newQueuePrefix, removeQueueKeys, testRedisUrl } from "../support/queues.js";
import { createReminderWorld, planSend } from "../support/reminder-world.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

const limiter = () => createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 });

/** A world of `people` with one due send, its deliveries created and claimed long ago (their worker died). */
async function staleClaims(people: number, firstChatId: number) {
  const world = await createReminderWorld(database.client, people, firstChatId);
  await planSend(database.client, world, new Date(Date.now() - 60_000));
  const deliveries = await database.client.sql<Array<{ id: string; chat_id: string }>>`
    insert into reminder_deliveries (organization_id, reminder_id, person_id, state, claimed_at, attempts)
    select r.organization_id, r.id, p.id, 'sending', now() - interval '10 minutes', 1
    from reminders r join people p on p.organization_id = r.organization_id
    where r.organization_id = ${world.organizationId}
    returning id, (select chat_id from person_channels pc where pc.person_id = reminder_deliveries.person_id and pc.channel = 'telegram') as chat_id`;
  await database.client.sql`update reminders set state = 'sending' where organization_id = ${world.organizationId}`;
  return { world, deliveries };
}

describe("sent markers", () => {
  it("in Redis: found by delivery id with the message id, under the queue prefix", async () => {
    const prefix = newQueuePrefix();
    const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
    try {
      const markers = createRedisSentMarkers(redis, prefix);
      await markers.mark(["a", "b"], 42);
      expect(await markers.find(["a", "c", "b"])).toEqual(
        new Map([
          ["a", 42],
          ["b", 42],
        ]),
      );
      expect(await redis.ttl(`${prefix}:sent:a`)).toBeGreaterThan(2 * 24 * 3600);
    } finally {
      await removeQueueKeys(prefix, redis);
      await redis.quit();
    }
  });

  it("a stale claim already sent is recorded sent with its message id; the others are released", async () => {
    const { deliveries } = await staleClaims(3, 700_000);
    const markers = createMemorySentMarkers();
    await markers.mark([deliveries[0]!.id], 777);
    await releaseStaleClaims(database.client.db, 120, markers);
    const rows = await database.client.sql`select id, state, telegram_message_id::int as message_id
      from reminder_deliveries where id in ${database.client.sql(deliveries.map((d) => d.id))}`;
    const byId = new Map(rows.map((row) => [row.id as string, row]));
    expect(byId.get(deliveries[0]!.id)).toMatchObject({ state: "sent", message_id: 777 });
    expect(byId.get(deliveries[1]!.id)).toMatchObject({ state: "pending", message_id: null });
    expect(byId.get(deliveries[2]!.id)).toMatchObject({ state: "pending", message_id: null });
  });

  it("the dispatcher records a marked delivery as sent without sending it again", async () => {
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
    try {
      const { world, deliveries } = await staleClaims(3, 710_000);
      await database.client
        .sql`update reminder_deliveries set state = 'pending', claimed_at = null where organization_id = ${world.organizationId}`;
      const markers = createMemorySentMarkers();
      await markers.mark([deliveries[0]!.id], 888);
      const result = await dispatchDue(
        {
          db: database.client.db,
          notifier: createTelegramNotifier("123:TEST", { apiRoot: emulator.apiRoot }),
          limiter: limiter(),
          logger: silentLogger,
          now: () => new Date(),
          sentMarkers: markers,
        },
        world.organizationId,
      );
      expect(result).toMatchObject({ alreadySent: 1, messages: 2 });
      expect(emulator.messages.map((m) => m.chatId).sort()).toEqual(
        deliveries
          .slice(1)
          .map((d) => Number(d.chat_id))
          .sort(),
      );
      const [left] = await database.client.sql`select count(*)::int as n from reminder_deliveries
        where organization_id = ${world.organizationId} and state <> 'sent'`;
      expect(left?.n).toBe(0);
    } finally {
      await emulator.close();
    }
  });
});

describe("a send whose answer never came", () => {
  it("is 'unknown' after a timeout, sent once and not retried; the delivery is failed with a note", async () => {
    const emulator = await startBotApiEmulator({ slowAnswerRate: 1, slowAnswerMs: 1500 });
    try {
      const notifier = createTelegramNotifier("123:TEST", { apiRoot: emulator.apiRoot, timeoutSeconds: 0.5 });
      const outcome = await sendWithRetries({ notifier, limiter: limiter() }, 5, { text: "x", buttons: [] });
      expect(outcome.kind).toBe("unknown");
      const world = await createReminderWorld(database.client, 2, 720_000);
      await planSend(database.client, world, new Date(Date.now() - 1000));
      const result = await dispatchDue(
        {
          db: database.client.db,
          notifier,
          limiter: limiter(),
          logger: silentLogger,
          now: () => new Date(),
          sentMarkers: createMemorySentMarkers(),
        },
        world.organizationId,
      );
      expect(result).toMatchObject({ unknown: 2, retryLater: 0 });
      await new Promise((resolve) => setTimeout(resolve, 1200));
      // One request each: the first send and the two deliveries, none of them repeated.
      expect(emulator.messages.map((m) => m.chatId).sort()).toEqual([5, 720_000, 720_001]);
      const rows = await database.client.sql`select state, last_error from reminder_deliveries
        where organization_id = ${world.organizationId}`;
      expect(
        rows.every((row) => row.state === "failed" && String(row.last_error).startsWith(UNKNOWN_OUTCOME_PREFIX)),
      ).toBe(true);
    } finally {
      await emulator.close();
    }
  });

  it("is retried when the request provably never left (connection refused)", async () => {
    const notifier = createTelegramNotifier("123:TEST", { apiRoot: "http://127.0.0.1:9", timeoutSeconds: 2 });
    const error = await notifier.send({ chatId: 1, text: "x", buttons: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotifierError);
    expect((error as NotifierError).failure).toEqual({ kind: "transient" });
    expect((error as NotifierError).message).toMatch(/ECONNREFUSED/);
  });
});
