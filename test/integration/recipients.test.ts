import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { dispatchDue } from "../../src/services/delivery/dispatch-due.js";
import { syncReminders } from "../../src/services/reminders/sync-reminders.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { removeQueueKeys } from "../support/queues.js";
import { createReminderWorld, engineDeps, planSend } from "../support/reminder-world.js";
import { insertTelegramPerson } from "../support/people.js";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

/** Sends what is due now in `world` through the emulator and returns the texts by chat. */
async function dispatchNow(organizationId: string): Promise<Map<number, string[]>> {
  const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
  const deps = engineDeps(
    database.client,
    redisUrl,
    `nhacviec-test-${randomBytes(4).toString("hex")}`,
    emulator.apiRoot,
  );
  try {
    await dispatchDue(deps, organizationId);
    const byChat = new Map<number, string[]>();
    for (const m of emulator.messages) byChat.set(m.chatId, [...(byChat.get(m.chatId) ?? []), m.text]);
    return byChat;
  } finally {
    await removeQueueKeys(deps.prefix, deps.connection);
    await deps.connection.quit();
    await emulator.close();
  }
}

describe("who a reminder reaches", () => {
  it("goes to the coordinators, marked, when nobody of the unit is reachable", async () => {
    const { sql } = database.client;
    const world = await createReminderWorld(database.client, 2, 71_000);
    // One member blocked the bot, the other never opened a chat: nobody of the unit can be reached.
    await sql`update person_channels set unreachable_since = now() where channel = 'telegram' and chat_id = '71000'`;
    await sql`delete from person_channels where channel = 'telegram' and chat_id = '71001'`;
    await insertTelegramPerson(sql, {
      organizationId: world.organizationId,
      fullName: "Điều phối viên",
      chatId: 71999,
      role: "coordinator",
    });
    await planSend(database.client, world, new Date(Date.now() - 1000));
    const sent = await dispatchNow(world.organizationId);
    expect([...sent.keys()]).toEqual([71_999]);
    expect(sent.get(71_999)![0]).toContain(
      "Xây dựng Kế hoạch CCHC – hạn 30/09/2025 ⚠️ Chưa có người nhận ở Văn phòng – Thống kê, hãy mời người nhận (/moi).",
    );
  });

  it("reaches the unit alone, unmarked, when someone of it is reachable", async () => {
    const { sql } = database.client;
    const world = await createReminderWorld(database.client, 1, 72_000);
    await insertTelegramPerson(sql, {
      organizationId: world.organizationId,
      fullName: "Điều phối viên",
      chatId: 72999,
      role: "coordinator",
    });
    await planSend(database.client, world, new Date(Date.now() - 1000));
    const sent = await dispatchNow(world.organizationId);
    expect([...sent.keys()]).toEqual([72_000]);
    expect(sent.get(72_000)![0]).not.toContain("Chưa có người nhận");
  });

  it("tells a supporting unit that it supports", async () => {
    const { sql } = database.client;
    const world = await createReminderWorld(database.client, 1, 73_000);
    await sql`update task_units set relation = 'support' where unit_id = ${world.unitId}`;
    await planSend(database.client, world, new Date(Date.now() - 1000), "start");
    const sent = await dispatchNow(world.organizationId);
    expect(sent.get(73_000)![0]).toContain("(bộ phận bạn là đơn vị phối hợp)");
  });
});

describe("supporting units", () => {
  it("are planned the start notice and the last reminder before due, under the default policy", async () => {
    const { sql } = database.client;
    const world = await createReminderWorld(database.client, 1, 74_000);
    const [support] = await sql`insert into units (organization_id, name, name_key)
      values (${world.organizationId}, 'Tư pháp – Hộ tịch', 'tu phap ho tich') returning id`;
    await sql`insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
      select ${world.organizationId}, task_id, ${support!.id}, 'support', 'Tư pháp – Hộ tịch' from milestones where id = ${world.milestoneId}`;
    await syncReminders(database.client.db, world.organizationId, new Date("2025-01-02T00:00:00+07:00"));
    const rows = await sql`select kind, to_char(fire_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day
      from reminders where audience_unit_id = ${support!.id} order by fire_at`;
    expect(rows.map((r) => [r.kind, r.day])).toEqual([
      ["start", "2025-07-01"],
      ["reminder", "2025-09-29"],
    ]);
  });
});
