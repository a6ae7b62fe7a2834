import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { moveMilestone } from "../../src/services/move-milestone.js";
import { syncReminders } from "../../src/services/reminders/sync-reminders.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { createReminderWorld } from "../support/reminder-world.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

const now = new Date("2025-06-02T00:00:00+07:00");

describe("moveMilestone", () => {
  it("bumps the version, cancels the old plan, plans the new dates and logs the move, in one transaction", async () => {
    const world = await createReminderWorld(database.client, 2, 70_000);
    await syncReminders(database.client.db, world.organizationId, now);
    const { sql } = database.client;
    const moved = await moveMilestone(database.client.db, {
      organizationId: world.organizationId,
      milestoneId: world.milestoneId,
      start: "2025-10-01",
      due: "2025-12-31",
      reason: "Chờ văn bản của tỉnh",
      source: "chat",
      now,
    });
    if (moved.kind !== "moved") throw new Error(`refused: ${moved.kind}`);
    expect(moved.version).toBe(2);
    const byVersion = await sql`select milestone_version as v, state, count(*)::int as n from reminders
      where milestone_id = ${world.milestoneId} group by 1, 2 order by 1, 2`;
    expect(byVersion.map((r) => [r.v, r.state])).toEqual([
      [1, "cancelled"],
      [2, "planned"],
    ]);
    const [due] = await sql`select fire_at from reminders where milestone_id = ${world.milestoneId}
      and milestone_version = 2 and kind = 'due'`;
    // Raw rows under drizzle's client carry timestamps as text.
    const dueAt = new Date(String(due?.fire_at));
    expect(dueAt.toISOString()).toBe("2025-12-31T01:00:00.000Z");
    expect(moved.slots.some((s) => s.fireAt.getTime() === dueAt.getTime())).toBe(true);
    const [event] = await sql`select action, details from milestone_events where milestone_id = ${world.milestoneId}`;
    expect(event).toMatchObject({
      action: "deadline-moved",
      details: { from: { due: "2025-09-30" }, to: { due: "2025-12-31" }, reason: "Chờ văn bản của tỉnh" },
    });
  });

  it("refuses an impossible date or a finished milestone and changes nothing", async () => {
    const world = await createReminderWorld(database.client, 1, 71_000);
    const base = { organizationId: world.organizationId, milestoneId: world.milestoneId, start: null, now };
    const db = database.client.db;
    expect(await moveMilestone(db, { ...base, due: "2025-02-30" })).toEqual({
      kind: "not-allowed",
      reason: "date-invalid",
    });
    expect(await moveMilestone(db, { ...base, start: "2025-12-31", due: "2025-10-01" })).toEqual({
      kind: "not-allowed",
      reason: "start-after-due",
    });
    await database.client.sql`update milestones set state = 'done' where id = ${world.milestoneId}`;
    expect(await moveMilestone(db, { ...base, due: "2025-12-31" })).toEqual({ kind: "closed" });
    const [m] = await database.client.sql`select due::text, version from milestones where id = ${world.milestoneId}`;
    expect(m).toEqual({ due: "2025-09-30", version: 1 });
  });
});
