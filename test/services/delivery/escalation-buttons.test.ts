import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../../db/client.js";
import { createMemoryRateLimiter } from "../../../jobs/memory-rate-limiter.js";
import { doneData } from "../../../src/bot/callback-data/milestone-work.js";
import { createTelegramNotifier } from "../../../src/channels/telegram/telegram-notifier.js";
import { startBotApiEmulator } from "../../../src/dev/bot-api-emulator.js";
import { dispatchDue } from "../../../src/services/delivery/dispatch-due.js";
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

describe("the buttons of an escalation", () => {
  it("go to the unit whose work it is, never to the chairman or a coordinator who get the same send", async () => {
    const { sql } = database.client;
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
    try {
      const world = await createReminderWorld(database.client, 1, 81_000);
      const [unitChat] = world.chatIds as [number];
      const leaders: Array<{ chatId: number; role: "chairman" | "coordinator" }> = [
        { chatId: 81_100, role: "chairman" },
        { chatId: 81_101, role: "coordinator" },
      ];
      for (const { chatId, role } of leaders) {
        await insertTelegramPerson(sql, { organizationId: world.organizationId, fullName: role, chatId, role });
      }
      // The weekly escalation after the chairman's: one send to the unit, the coordinators and the chairman.
      const firedAt = new Date(Date.now() - 60_000).toISOString();
      for (const audience of ["member", "coordinator", "chairman"]) {
        await sql`insert into reminders (organization_id, milestone_id, milestone_version, kind, audience_role, audience_unit_id, fire_at)
          select ${world.organizationId}, id, version, 'escalation', ${audience},
                 ${audience === "member" ? world.unitId : null}, ${firedAt}::timestamptz
          from milestones where id = ${world.milestoneId}`;
      }
      const result = await dispatchDue(
        {
          db: database.client.db,
          notifier: createTelegramNotifier("123:TEST", { apiRoot: emulator.apiRoot, timeoutSeconds: 10 }),
          limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }),
          logger: silentLogger,
          now: () => new Date(),
        },
        world.organizationId,
      );
      expect(result.messages).toBe(3);
      const byChat = new Map(emulator.messages.map((m) => [m.chatId, m]));
      for (const { chatId } of leaders) {
        expect(byChat.get(chatId)?.text).toMatch(/Quá hạn, cần chỉ đạo/);
        expect(byChat.get(chatId)?.buttons.flat()).toEqual([]);
      }
      // The unit's copy keeps "Đã hoàn thành", as a payload the bot's milestone feature reads.
      const unitButtons = byChat.get(unitChat)?.buttons.flat() ?? [];
      expect(unitButtons.map((b) => b.text)).toEqual(["✅ 1. Đã hoàn thành", "📎 Gửi minh chứng"]);
      expect(doneData.unpack(unitButtons[0]?.callback_data ?? "")).toEqual({ milestoneId: world.milestoneId });
    } finally {
      await emulator.close();
    }
  });
});
