import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedDatabaseClient, type EmbeddedDatabaseClient, queryRows } from "../../db/client.js";
import {
  memberships,
  organizations,
  people,
  personChannels,
  reminderDeliveries,
  taskUnits,
  units,
} from "../../db/schema.js";
import { startEmbeddedDispatcher } from "../../jobs/embedded-dispatcher.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { syncReminders } from "../../src/services/reminders/sync-reminders.js";
import { silentLogger } from "../support/database.js";
import { waitFor } from "../support/reminder-world.js";
import { readSeed, seedPath } from "../support/seeds.js";

const run = promisify(execFile);

describe("the embedded database (PGlite, no DATABASE_URL)", () => {
  let client: EmbeddedDatabaseClient;
  beforeAll(async () => {
    client = await createEmbeddedDatabaseClient("memory", silentLogger);
    await client.migrate();
  }, 60_000);
  afterAll(async () => {
    await client.close();
  });

  it("imports a seed, plans its reminders and delivers the due ones once each, with no server at all", async () => {
    const seed = readSeed("000");
    const draft = interpretDocument(await readDocument(seed.fileName, Buffer.from(seed.text)), { year: 2025 });
    const summary = await importPlan(client.db, draft, {
      organizationSlug: "gio-son",
      fileName: seed.fileName,
      fileSha256: "0".repeat(64),
    });
    expect(summary.tasks).toBe(39);
    await syncReminders(client.db, summary.organizationId, new Date("2025-01-02T00:00:00+07:00"));
    // The dispatcher wakes a week and a half later: everything planned until then is due.
    const now = new Date("2025-01-13T09:00:00+07:00");

    // One member in every unit that leads or supports a task (supporting units get the start notice), each with their own chat.
    const leadUnits = await client.db
      .selectDistinct({ unitId: taskUnits.unitId, name: units.name })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(eq(taskUnits.organizationId, summary.organizationId));
    expect(leadUnits.length).toBeGreaterThan(3);
    for (const [i, unit] of leadUnits.entries()) {
      const [person] = await client.db
        .insert(people)
        .values({
          organizationId: summary.organizationId,
          fullName: `Cán bộ ${unit.name}`,
          telegramUserId: 5000 + i,
        })
        .returning({ id: people.id });
      await client.db.insert(personChannels).values({
        organizationId: summary.organizationId,
        personId: person!.id,
        channel: "telegram",
        chatId: String(5000 + i),
      });
      await client.db
        .insert(memberships)
        .values({ organizationId: summary.organizationId, personId: person!.id, role: "member", unitId: unit.unitId });
    }
    // Members are the only audience this test has people for: one message per unit and send time.
    const [due] = await queryRows<{ units: number; messages: number }>(
      client.db,
      sql`select count(distinct audience_unit_id)::int as units,
                 count(distinct (audience_unit_id, fire_at))::int as messages
          from reminders where state = 'planned' and fire_at <= ${now.toISOString()}::timestamptz
            and audience_role = 'member'`,
    );
    expect(due!.units).toBeGreaterThan(1);

    const emulator = await startBotApiEmulator({ ratePerSecond: 100, serverErrorRate: 0.1, seed: 11 });
    const dispatcher = startEmbeddedDispatcher({
      db: client.db,
      notifier: createTelegramNotifier("123:TEST", { apiRoot: emulator.apiRoot }),
      limiter: createMemoryRateLimiter({ perSecond: 100, perChatIntervalMs: 0 }),
      logger: silentLogger,
      now: () => now,
      intervalMs: 100,
    });
    try {
      await waitFor(
        async () =>
          (
            await queryRows<{ n: number }>(
              client.db,
              sql`select count(*)::int as n from reminders where state in ('planned', 'sending')
                and fire_at <= ${now.toISOString()}::timestamptz`,
            )
          )[0]!.n === 0,
        30_000,
        "the due reminders",
      );
      await waitFor(
        async () =>
          (
            await client.db
              .select({ id: reminderDeliveries.id })
              .from(reminderDeliveries)
              .where(eq(reminderDeliveries.state, "pending"))
          ).length === 0,
        30_000,
        "no pending deliveries",
      );
    } finally {
      await dispatcher.close();
      await emulator.close();
    }
    // Everything due to one person in one minute is one message, and nobody got the same send twice.
    const perChat = new Map<number, number>();
    for (const message of emulator.messages) perChat.set(message.chatId, (perChat.get(message.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(due!.units);
    expect(emulator.messages.length).toBe(due!.messages);
    expect(emulator.stats.serverErrors).toBeGreaterThan(0);
  }, 120_000);

  it("sends the Monday digest to the chairman once a week, even across restarts", async () => {
    const [organization] = await client.db.select().from(organizations).where(eq(organizations.slug, "gio-son"));
    const [chairman] = await client.db
      .insert(people)
      .values({ organizationId: organization!.id, fullName: "Chủ tịch", telegramUserId: 9001 })
      .returning({ id: people.id });
    await client.db
      .insert(personChannels)
      .values({ organizationId: organization!.id, personId: chairman!.id, channel: "telegram", chatId: "9001" });
    await client.db
      .insert(memberships)
      .values({ organizationId: organization!.id, personId: chairman!.id, role: "chairman", unitId: null });
    const emulator = await startBotApiEmulator({ ratePerSecond: 100, perChatIntervalMs: 0 });
    let now = new Date("2025-01-20T07:59:00+07:00");
    const start = () =>
      startEmbeddedDispatcher({
        db: client.db,
        notifier: createTelegramNotifier("123:TEST", { apiRoot: emulator.apiRoot }),
        limiter: createMemoryRateLimiter({ perSecond: 100, perChatIntervalMs: 0 }),
        logger: silentLogger,
        now: () => now,
        intervalMs: 60_000,
      });
    try {
      let dispatcher = start();
      await dispatcher.tick();
      expect(emulator.messages.filter((m) => m.chatId === 9001)).toEqual([]);
      now = new Date("2025-01-20T08:00:00+07:00");
      await dispatcher.tick();
      await dispatcher.tick();
      await dispatcher.close();
      dispatcher = start();
      now = new Date("2025-01-22T10:00:00+07:00");
      await dispatcher.tick();
      await dispatcher.close();
      const digests = emulator.messages.filter((m) => m.chatId === 9001);
      expect(digests.map((m) => m.text.split("\n")[0])).toEqual(["📊 Tổng hợp tuần 20/01/2025"]);
      // The week of 27/01/2025 is Tết (no working day, so no digest, as `preview` says): the next one is 03/02.
      now = new Date("2025-01-27T08:05:00+07:00");
      dispatcher = start();
      await dispatcher.tick();
      await dispatcher.close();
      expect(emulator.messages.filter((m) => m.chatId === 9001)).toHaveLength(1);
      now = new Date("2025-02-03T08:05:00+07:00");
      dispatcher = start();
      await dispatcher.tick();
      await dispatcher.close();
      // By then work is late, so the digest comes with its chart.
      expect(emulator.messages.filter((m) => m.chatId === 9001).map((m) => m.text.split("\n")[0])).toEqual([
        "📊 Tổng hợp tuần 20/01/2025",
        "📊 Tổng hợp tuần 03/02/2025",
        "Tiến độ theo đơn vị – tuần 03/02/2025",
      ]);
    } finally {
      await emulator.close();
    }
  }, 60_000);
});

describe("the embedded database's lock", () => {
  it("refuses a second process on the same directory, and takes over a lock its dead holder left", async () => {
    const directory = mkdtempSync(join(tmpdir(), "nhacviec-lock-"));
    const dataDir = join(directory, "db");
    try {
      const first = await createEmbeddedDatabaseClient(dataDir, silentLogger);
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", EMBEDDED_DATABASE_DIR: dataDir };
      delete env.DATABASE_URL;
      const refused = await run("npx", ["tsx", "src/cli/main.ts", "migrate"], { env }).catch(
        (error: unknown) => error as { code: number; stderr: string },
      );
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toContain(`is open in process ${process.pid}`);
      await first.close();
      // A lock whose process is gone (a crash) does not keep the data closed.
      writeFileSync(`${dataDir}.lock`, "999999");
      await run("npx", ["tsx", "src/cli/main.ts", "migrate"], { env });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("the CLI without DATABASE_URL", () => {
  it("migrates, imports and previews from one embedded data directory", async () => {
    const directory = mkdtempSync(join(tmpdir(), "nhacviec-pglite-"));
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", EMBEDDED_DATABASE_DIR: directory };
    delete env.DATABASE_URL;
    try {
      await run("npx", ["tsx", "src/cli/main.ts", "migrate"], { env });
      const seed = readSeed("000");
      const imported = await run(
        "npx",
        ["tsx", "src/cli/main.ts", "import", seedPath(seed.fileName), "--org", "gio-son", "--json"],
        { env },
      );
      const summary = JSON.parse(imported.stdout) as { planId: string; tasks: number };
      expect(summary.tasks).toBe(39);
      const preview = await run(
        "npx",
        ["tsx", "src/cli/main.ts", "preview", summary.planId, "--now", "2025-01-02T00:00:00+07:00", "--json"],
        { env },
      );
      const sends = JSON.parse(preview.stdout) as Array<{ at: string; kind: string }>;
      expect(sends.length).toBeGreaterThan(100);
      expect(sends.every((send) => send.at.endsWith("+07:00"))).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
