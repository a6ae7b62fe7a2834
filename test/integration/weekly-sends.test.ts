import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { startReminderEngine } from "../../jobs/reminder-worker.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import type { PreviewSend } from "../../src/services/preview-sends.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { countQueueKeys, newQueuePrefix, removeQueueKeys, testRedisUrl } from "../support/queues.js";
import { createReminderWorld, engineDeps, waitFor } from "../support/reminder-world.js";
import { insertTelegramPerson } from "../support/people.js";

const run = promisify(execFile);

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

const HANOI = 7 * 3600_000;
/** Noon, local time, on each day from `from` to `to`. */
function noons(from: string, to: string): Date[] {
  const days: Date[] = [];
  for (let t = Date.parse(`${from}T12:00:00Z`) - HANOI; t <= Date.parse(`${to}T12:00:00Z`) - HANOI; t += 86_400_000)
    days.push(new Date(t));
  return days;
}

describe("the weekly digest, by `preview` and by the BullMQ worker", () => {
  it("goes at the same instants across the holiday Monday 07/04/2025 (Giỗ Tổ Hùng Vương): Tuesday 08:00", async () => {
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
    const world = await createReminderWorld(database.client, 1, 80_000);
    const { sql } = database.client;
    await insertTelegramPerson(sql, {
      organizationId: world.organizationId,
      fullName: "Chủ tịch",
      chatId: 89001,
      role: "chairman",
    });
    const [plan] = await sql`select id from plans where organization_id = ${world.organizationId}`;

    // `preview`, as the office runs it, from the stored plan.
    const { stdout } = await run(
      "npx",
      ["tsx", "src/cli/main.ts", "preview", plan!.id as string, "--now", "2025-03-30T12:00:00+07:00", "--json"],
      { env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" } },
    );
    const promised = (JSON.parse(stdout) as PreviewSend[])
      .filter((send) => send.kind === "digest" && send.at < "2025-04-21")
      .map((send) => send.at);
    expect(promised).toEqual(["2025-03-31T08:00:00+07:00", "2025-04-08T08:00:00+07:00", "2025-04-14T08:00:00+07:00"]);

    // The real worker on Redis, with its own prefix and queue names, its clock walked day by day.
    const prefix = newQueuePrefix();
    const queueNames = { reminders: "weekly-test-reminders", schedules: "weekly-test-schedules" };
    let now = new Date("2025-03-30T12:00:00+07:00");
    const deps = { ...engineDeps(database.client, testRedisUrl, prefix, emulator.apiRoot), now: () => now, queueNames };
    const engine = await startReminderEngine(deps);
    const eventsConnection = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
    const events = new QueueEvents(queueNames.schedules, { connection: eventsConnection, prefix });
    await events.waitUntilReady();
    const planned = new Set<number>();
    try {
      for (const noon of noons("2025-03-30", "2025-04-20")) {
        now = noon;
        // The reconcile pass as the worker runs it every 5 minutes.
        const job = await engine.schedules.add("reconcile", { kind: "reconcile" });
        await job.waitUntilFinished(events, 15_000);
        for (const weekly of await engine.queue.getJobs(["delayed"])) {
          if (weekly.name === "weekly") planned.add(Date.parse(weekly.data.fireAt));
        }
        // A send whose instant has passed goes at once; the clock moves on only when it went.
        await waitFor(
          async () => (await engine.queue.getJobCountByTypes("waiting", "active", "prioritized")) === 0,
          15_000,
          "the weekly jobs due now",
        );
      }
      const window = (at: number) => at >= Date.parse("2025-03-30T00:00:00+07:00") && at < Date.parse("2025-04-21");
      // What the worker planned, and what it sent (the claim of each week's send records its instant).
      expect([...planned].filter(window).sort()).toEqual(promised.map((at) => Date.parse(at)));
      const claims = await sql`select fire_at::text as fire_at from reminders
        where organization_id = ${world.organizationId} and kind = 'digest' order by fire_at`;
      expect(claims.map((row) => Date.parse(String(row.fire_at))).filter(window)).toEqual(
        promised.map((at) => Date.parse(at)),
      );
      // Nothing on the holiday Monday, the digest of that week on the Tuesday.
      const digests = emulator.messages.filter((m) => m.chatId === 89001 && m.text.startsWith("📊"));
      expect(digests.map((m) => m.text.split("\n")[0])).toEqual([
        "📊 Tổng hợp tuần 24/03/2025",
        "📊 Tổng hợp tuần 31/03/2025",
        "📊 Tổng hợp tuần 07/04/2025",
        "📊 Tổng hợp tuần 14/04/2025",
      ]);
    } finally {
      await events.close();
      await eventsConnection.quit();
      await engine.close();
      await removeQueueKeys(prefix, deps.connection);
      await deps.connection.quit();
      await emulator.close();
    }
    expect(await countQueueKeys(prefix)).toBe(0);
  }, 120_000);
});
