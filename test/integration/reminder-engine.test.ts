import { randomBytes } from "node:crypto";
import { type Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { enqueueSlots, reconcile, startReminderEngine, type ReminderEngine } from "../../jobs/reminder-worker.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { removeQueueKeys } from "../support/queues.js";
import { countByChat, createReminderWorld, engineDeps, planSend, waitFor } from "../support/reminder-world.js";
import { insertTelegramPerson } from "../support/people.js";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

const newPrefix = () => `nhacviec-test-${randomBytes(4).toString("hex")}`;
const secondsFromNow = (s: number) => new Date(Date.now() + s * 1000);

/** Stops the engines and removes every BullMQ and limiter key of their prefixes. */
async function stopAll(engines: ReminderEngine[], deps: Array<{ connection: Redis; prefix: string }>) {
  await Promise.all(engines.map((e) => e.close()));
  for (const d of deps) await removeQueueKeys(d.prefix, d.connection);
  await Promise.all(deps.map((d) => d.connection.quit()));
}

describe("the reminder engine on real Postgres and Redis", () => {
  it("three workers at once send every delivery exactly once, one message per person", async () => {
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
    const world = await createReminderWorld(database.client, 400, 10_000);
    for (const minutesAgo of [3, 2, 1]) await planSend(database.client, world, secondsFromNow(-60 * minutesAgo));
    const prefix = newPrefix();
    const deps = [0, 1, 2].map(() => engineDeps(database.client, redisUrl, prefix, emulator.apiRoot));
    const engines = await Promise.all(deps.map((d) => startReminderEngine(d)));
    try {
      // Three slot jobs for three past minutes: each worker may take one and dispatch the same organization.
      await enqueueSlots(
        engines[0]!.queue,
        [3, 2, 1].map((m) => ({ organizationId: world.organizationId, fireAt: secondsFromNow(-60 * m) })),
        new Date(),
      );
      await waitFor(() => emulator.messages.length >= 400, 30_000, "400 messages");
      await new Promise((resolve) => setTimeout(resolve, 500));
      const counts = countByChat(emulator.messages);
      expect(counts.size).toBe(400);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const [row] = await database.client.sql`select count(*)::int as sent from reminder_deliveries
        where organization_id = ${world.organizationId} and state = 'sent'`;
      expect(row?.sent).toBe(1200);
      // Three rows about one milestone read as one line.
      expect(emulator.messages[0]?.text).toMatch(/^🔔 Nhắc việc: 1 việc/);
      expect(emulator.messages[0]?.buttons[0]?.[0]?.callback_data).toBe(`done:${world.milestoneId}`);
    } finally {
      await stopAll(engines, deps);
      await emulator.close();
    }
  });

  it("sends nothing for reminders of a date that moved, and fires the new ones", async () => {
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
    const world = await createReminderWorld(database.client, 50, 20_000);
    const prefix = newPrefix();
    const deps = engineDeps(database.client, redisUrl, prefix, emulator.apiRoot);
    const engine = await startReminderEngine(deps);
    try {
      const oldSlot = secondsFromNow(1);
      await planSend(database.client, world, oldSlot);
      await enqueueSlots(engine.queue, [{ organizationId: world.organizationId, fireAt: oldSlot }], new Date());
      // The coordinator moves the date before the reminder fires: the version goes up, new rows are planned.
      await database.client
        .sql`update milestones set due = '2025-12-31', version = version + 1 where id = ${world.milestoneId}`;
      const newSlot = secondsFromNow(3);
      await planSend(database.client, world, newSlot, "due");
      await enqueueSlots(engine.queue, [{ organizationId: world.organizationId, fireAt: newSlot }], new Date());
      await waitFor(() => emulator.messages.length >= 50, 15_000, "50 messages");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect([...countByChat(emulator.messages).values()].every((n) => n === 1)).toBe(true);
      expect(
        emulator.messages.every((m) => m.text.includes("hạn 31/12/2025") && m.text.includes("Đến hạn hôm nay")),
      ).toBe(true);
      // Only the two sends planted here: the engine's own five-minute reconcile may plan the
      // milestone's real reminders meanwhile (when the test runs across a 5-minute mark).
      const states = await database.client.sql`select milestone_version as v, state from reminders
        where organization_id = ${world.organizationId}
          and fire_at in (${oldSlot.toISOString()}::timestamptz, ${newSlot.toISOString()}::timestamptz)
        order by milestone_version`;
      expect(states.map((s) => [s.v, s.state])).toEqual([
        [1, "skipped"],
        [2, "sent"],
      ]);
    } finally {
      await stopAll([engine], [deps]);
      await emulator.close();
    }
  });

  it("restores every pending send from the database after Redis is flushed", async () => {
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
    const world = await createReminderWorld(database.client, 60, 30_000);
    // Its own Redis database, so the flush touches no other test.
    const isolatedRedis = `${redisUrl.replace(/\/\d+$/, "")}/7`;
    const prefix = newPrefix();
    const deps = engineDeps(database.client, isolatedRedis, prefix, emulator.apiRoot);
    const engine = await startReminderEngine(deps);
    try {
      const slot = secondsFromNow(3);
      await planSend(database.client, world, slot);
      await enqueueSlots(engine.queue, [{ organizationId: world.organizationId, fireAt: slot }], new Date());
      expect(await engine.queue.getDelayedCount()).toBe(1);
      await deps.connection.flushdb();
      expect(await engine.queue.getDelayedCount()).toBe(0);
      await reconcile(deps, engine.queue);
      expect(await engine.queue.getDelayedCount()).toBeGreaterThanOrEqual(1);
      // The reconciler serves every organization in the database; this test counts its own chats.
      const ours = () => emulator.messages.filter((m) => world.chatIds.includes(m.chatId));
      await waitFor(() => ours().length >= 60, 15_000, "60 messages");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([...countByChat(ours()).values()].every((n) => n === 1)).toBe(true);
      expect(countByChat(ours()).size).toBe(60);
    } finally {
      await stopAll([engine], [deps]);
      await emulator.close();
    }
  });

  it("loses nothing when Telegram answers 429 and 5xx at random", async () => {
    const emulator = await startBotApiEmulator({ ratePerSecond: 40, serverErrorRate: 0.2, seed: 7 });
    const world = await createReminderWorld(database.client, 150, 40_000);
    await planSend(database.client, world, secondsFromNow(-1));
    const prefix = newPrefix();
    // The limiter allows more than the server accepts, so 429s do happen.
    const deps = engineDeps(database.client, redisUrl, prefix, emulator.apiRoot, 200);
    const engine = await startReminderEngine(deps);
    try {
      await enqueueSlots(engine.queue, [{ organizationId: world.organizationId, fireAt: new Date() }], new Date());
      await waitFor(() => emulator.messages.length >= 150, 45_000, "150 messages");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(emulator.stats.serverErrors).toBeGreaterThan(0);
      expect(emulator.stats.tooManyRequests).toBeGreaterThan(0);
      const counts = countByChat(emulator.messages);
      expect(counts.size).toBe(150);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await stopAll([engine], [deps]);
      await emulator.close();
    }
  });

  it("runs the chairman's digest and the coordinators' needs-a-date list as weekly jobs", async () => {
    const world = await createReminderWorld(database.client, 1, 60_000);
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
    const { sql } = database.client;
    for (const [name, chat, role] of [
      ["Chủ tịch", 69_001, "chairman"],
      ["Điều phối viên", 69_002, "coordinator"],
    ] as const) {
      await insertTelegramPerson(sql, { organizationId: world.organizationId, fullName: name, chatId: chat, role });
    }
    // A second task still waiting for a date.
    const [task] =
      await sql`insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
      select organization_id, plan_id, 'I|2|0', 'I', '2', 'Việc theo kế hoạch cấp trên', '["Theo Kế hoạch"]', '{"kind":"unscheduled"}', 1, '{}'
      from tasks where organization_id = ${world.organizationId} returning id`;
    await sql`insert into milestones (organization_id, task_id, milestone_key) values (${world.organizationId}, ${task!.id}, 'm0')`;
    // The worker's clock on a Monday just after the send time: this week's weekly sends are due.
    const monday = new Date("2025-10-06T08:00:30+07:00");
    const deps = { ...engineDeps(database.client, redisUrl, newPrefix(), emulator.apiRoot), now: () => monday };
    const engine = await startReminderEngine(deps);
    try {
      await engine.queue.add("weekly", { organizationId: world.organizationId, fireAt: monday.toISOString() });
      await waitFor(
        () =>
          emulator.messages.some((m) => m.chatId === 69_002) &&
          emulator.messages.some((m) => m.chatId === 69_001 && m.document !== undefined),
        15_000,
        "the digest, its chart and the needs-a-date list",
      );
      const chart = emulator.messages.find((m) => m.chatId === 69_001 && m.document !== undefined)!;
      expect(chart.document!.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      const digest = emulator.messages.find((m) => m.chatId === 69_001)?.text ?? "";
      expect(digest).toContain("📊 Tổng hợp tuần");
      // The world's milestone was due 30/09/2025 and is still open: overdue, under its lead unit.
      expect(digest).toContain("Quá hạn: 1");
      expect(digest).toContain("⏰ Văn phòng – Thống kê (1 việc quá hạn)");
      const list = emulator.messages.find((m) => m.chatId === 69_002)?.text ?? "";
      expect(list).toContain('I.2 Việc theo kế hoạch cấp trên ("Theo Kế hoạch")');
    } finally {
      await stopAll([engine], [deps]);
      await emulator.close();
    }
  });

  it("marks a person who blocked the bot unreachable and tells the coordinator", async () => {
    const world = await createReminderWorld(database.client, 3, 50_000);
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000, blockedChats: [50_001] });
    const { sql } = database.client;
    await insertTelegramPerson(sql, {
      organizationId: world.organizationId,
      fullName: "Điều phối viên",
      chatId: 59999,
      role: "coordinator",
    });
    await planSend(database.client, world, secondsFromNow(-1));
    const deps = engineDeps(database.client, redisUrl, newPrefix(), emulator.apiRoot);
    const engine = await startReminderEngine(deps);
    try {
      await enqueueSlots(engine.queue, [{ organizationId: world.organizationId, fireAt: new Date() }], new Date());
      await waitFor(() => emulator.messages.some((m) => m.chatId === 59_999), 15_000, "the coordinator's notice");
      expect(
        emulator.messages
          .filter((m) => m.chatId !== 59_999)
          .map((m) => m.chatId)
          .sort(),
      ).toEqual([50_000, 50_002]);
      expect(emulator.messages.find((m) => m.chatId === 59_999)?.text).toContain("Công chức 2");
      const [blocked] =
        await sql`select unreachable_since from person_channels where channel = 'telegram' and chat_id = '50001'`;
      expect(blocked?.unreachable_since).not.toBeNull();
    } finally {
      await stopAll([engine], [deps]);
      await emulator.close();
    }
  });
});
