import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { dispatchDue } from "../../src/services/delivery/dispatch-due.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { removeQueueKeys } from "../support/queues.js";
import { createReminderWorld, engineDeps, planSend } from "../support/reminder-world.js";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function dispatchNow(organizationId: string): Promise<string[]> {
  const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
  const deps = engineDeps(
    database.client,
    redisUrl,
    `nhacviec-test-${randomBytes(4).toString("hex")}`,
    emulator.apiRoot,
  );
  try {
    await dispatchDue(deps, organizationId);
    return emulator.messages.map((m) => m.text);
  } finally {
    await removeQueueKeys(deps.prefix, deps.connection);
    await deps.connection.quit();
    await emulator.close();
  }
}

describe("a reminder names the document its task came from", () => {
  it("says 'Theo Thông báo số …' for a task of a notice", async () => {
    const { sql } = database.client;
    const world = await createReminderWorld(database.client, 1, 81_000);
    await sql`update plans set kind = 'Thông báo', number = '25/TB-UBND', issued_on = '2026-12-02', issuer = 'UBND xã Gio Sơn'
      where organization_id = ${world.organizationId}`;
    await planSend(database.client, world, new Date(Date.now() - 1000));
    const [text] = await dispatchNow(world.organizationId);
    expect(text).toContain("Xây dựng Kế hoạch CCHC");
    expect(text).toContain("↳ Theo Thông báo số 25/TB-UBND ngày 02/12/2026 của UBND xã Gio Sơn");
  });

  it("says nothing of the source for the annual plan", async () => {
    const world = await createReminderWorld(database.client, 1, 82_000);
    await planSend(database.client, world, new Date(Date.now() - 1000));
    const [text] = await dispatchNow(world.organizationId);
    expect(text).toContain("Xây dựng Kế hoạch CCHC");
    expect(text).not.toContain("Theo ");
  });
});
