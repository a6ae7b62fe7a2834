/** The weekly digest follows the office's settings: its day and its recipients. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../../db/client.js";
import { createMemoryRateLimiter } from "../../../jobs/memory-rate-limiter.js";
import { createTelegramNotifier } from "../../../src/channels/telegram/telegram-notifier.js";
import { startBotApiEmulator } from "../../../src/dev/bot-api-emulator.js";
import { parseSettingInput } from "../../../src/domain/settings/index.js";
import { OPERATOR } from "../../../src/services/access.js";
import { sendWeeklyIfDue } from "../../../src/services/delivery/weekly-sends.js";
import { applySettingChange } from "../../../src/services/settings/office-settings.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../../support/database.js";
import { createReminderWorld } from "../../support/reminder-world.js";
import { insertTelegramPerson } from "../../support/people.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("the weekly digest's settings", () => {
  it("goes on the chosen Wednesday, to the chairman and the coordinators, and the preview said when", async () => {
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000, perChatIntervalMs: 0 });
    const world = await createReminderWorld(database.client, 1, 94_000);
    const { sql } = database.client;
    for (const [chat, role] of [
      [94_901, "chairman"],
      [94_902, "coordinator"],
    ] as const) {
      const personId = await insertTelegramPerson(sql, {
        organizationId: world.organizationId,
        fullName: role,
        chatId: chat,
      });
      await sql`insert into memberships (organization_id, person_id, role) values (${world.organizationId}, ${personId}, ${role})`;
    }
    const sunday = new Date("2025-10-05T12:00:00+07:00");
    for (const text of ["Thứ Tư", "cả hai"] as const) {
      const field = text === "Thứ Tư" ? "weeklyDigestDay" : "weeklyDigestTo";
      const applied = await applySettingChange(
        database.client.db,
        OPERATOR,
        world.organizationId,
        parseSettingInput(field, text),
        { now: sunday },
      );
      if (applied.kind !== "applied") throw new Error(applied.kind);
      if (field === "weeklyDigestDay")
        expect(applied.effect.nextDigest).toEqual({
          before: "2025-10-06T08:00:00+07:00",
          after: "2025-10-08T08:00:00+07:00",
        });
    }
    let now = new Date("2025-10-06T08:00:30+07:00");
    const deps = {
      db: database.client.db,
      notifier: createTelegramNotifier("123:TEST", { apiRoot: emulator.apiRoot }),
      limiter: createMemoryRateLimiter({ perSecond: 5000, perChatIntervalMs: 0 }),
      logger: silentLogger,
      now: () => now,
    };
    try {
      // Monday: not the digest's day any more.
      expect(await sendWeeklyIfDue(deps, world.organizationId)).toBeNull();
      now = new Date("2025-10-08T08:00:30+07:00");
      expect((await sendWeeklyIfDue(deps, world.organizationId))?.date).toBe("2025-10-08");
      const digests = emulator.messages.filter((m) => m.text.startsWith("📊"));
      expect(digests.map((m) => m.chatId).sort()).toEqual([94_901, 94_902]);
    } finally {
      await emulator.close();
    }
  });
});
