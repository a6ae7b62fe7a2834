import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../../db/client.js";
import { organizations, reminders, settingsChanges } from "../../../db/schema.js";
import { parseSettingInput } from "../../../src/domain/settings/index.js";
import { OPERATOR } from "../../../src/services/access.js";
import { syncReminders } from "../../../src/services/reminders/sync-reminders.js";
import {
  applySettingChange,
  loadOfficeSettings,
  previewSettingChange,
} from "../../../src/services/settings/office-settings.js";
import { createMigratedDatabase, type TestDatabase } from "../../support/database.js";
import { joinAs } from "../../support/invites.js";
import { createReminderWorld, type ReminderWorld } from "../../support/reminder-world.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let world: ReminderWorld;
// Due 30/09/2025: the reminders of 14, 7, 3 and 1 working days before, the due day, and the overdue steps are ahead.
const now = new Date("2025-09-05T12:00:00+07:00");

beforeAll(async () => {
  database = await createMigratedDatabase();
  world = await createReminderWorld(database.client, 1, 91_000);
  await syncReminders(database.client.db, world.organizationId, new Date("2025-06-30T12:00:00+07:00"));
  // The start notice of 01/07 went out.
  await database.client.db.execute(
    sql`update reminders set state = 'sent', sent_at = fire_at where organization_id = ${world.organizationId} and fire_at < ${now.toISOString()}::timestamptz`,
  );
}, 30_000);
afterAll(async () => {
  await database.drop();
});

async function stored() {
  return database.client.db
    .select({ kind: reminders.kind, state: reminders.state, fireAt: reminders.fireAt })
    .from(reminders)
    .where(eq(reminders.organizationId, world.organizationId))
    .orderBy(reminders.fireAt);
}

describe("office settings", () => {
  it("are a coordinator's: a member is refused", async () => {
    const member = await joinAs(database.client.db, {
      userId: 91_500,
      role: "member",
      organizationId: world.organizationId,
      unit: "Văn phòng – Thống kê",
      now,
    });
    expect(await loadOfficeSettings(database.client.db, member, world.organizationId)).toEqual({
      kind: "not-allowed",
    });
    const change = parseSettingInput("sendTime", "07:30");
    expect(await applySettingChange(database.client.db, member, world.organizationId, change, { now })).toEqual({
      kind: "not-allowed",
    });
  });

  it("previews a new send time without changing anything, then applies it to the sends ahead only", async () => {
    const before = await stored();
    const sent = before.filter((row) => row.state === "sent");
    expect(sent.length).toBeGreaterThan(0);
    const change = parseSettingInput("sendTime", "7:30");
    const preview = await previewSettingChange(database.client.db, OPERATOR, world.organizationId, change, now);
    if (preview.kind !== "preview") throw new Error(preview.kind);
    const ahead = before.filter((row) => row.state === "planned").length;
    expect(preview.effect.reminders).toMatchObject({
      retimed: ahead,
      added: 0,
      removed: 0,
      unchanged: 0,
      fromTime: "08:00",
      toTime: "07:30",
    });
    expect(Date.parse(preview.effect.reminders.firstChanged ?? "")).toBe(Date.parse("2025-09-10T07:30:00+07:00"));
    expect(preview.effect.before).toBe("08:00");
    expect(preview.effect.after).toBe("07:30");
    expect(await stored()).toEqual(before);

    const applied = await applySettingChange(database.client.db, OPERATOR, world.organizationId, change, { now });
    if (applied.kind !== "applied") throw new Error(applied.kind);
    expect(applied.effect.reminders).toEqual(preview.effect.reminders);
    const after = await stored();
    expect(after.filter((row) => row.state === "sent")).toEqual(sent);
    const planned = after.filter((row) => row.state === "planned");
    expect(planned).toHaveLength(ahead);
    for (const row of planned) expect(row.fireAt.toISOString().slice(11, 16)).toBe("00:30");
    const [log] = await database.client.db
      .select()
      .from(settingsChanges)
      .where(eq(settingsChanges.organizationId, world.organizationId));
    expect(log).toMatchObject({ field: "sendTime", before: "08:00", after: "07:30" });
    const [organization] = await database.client.db
      .select({ policy: organizations.reminderPolicy })
      .from(organizations)
      .where(eq(organizations.id, world.organizationId));
    expect(organization?.policy).toEqual({ sendTime: "07:30" });
  });

  it("drops and adds sends when the days before due change", async () => {
    const change = parseSettingInput("workingDaysBefore", "10/5/2");
    const preview = await previewSettingChange(database.client.db, OPERATOR, world.organizationId, change, now);
    if (preview.kind !== "preview") throw new Error(preview.kind);
    // 14 days before (10/09) and 7, 3, 1 go; 10, 5, 2 come.
    expect(preview.effect.reminders).toMatchObject({ added: 3, removed: 4 });
  });

  it("renames the office without touching any send", async () => {
    const change = parseSettingInput("officeName", "Văn phòng HĐND và UBND xã");
    const applied = await applySettingChange(database.client.db, OPERATOR, world.organizationId, change, { now });
    if (applied.kind !== "applied") throw new Error(applied.kind);
    expect(applied.effect.reminders).toMatchObject({ retimed: 0, added: 0, removed: 0 });
    const view = await loadOfficeSettings(database.client.db, OPERATOR, world.organizationId);
    expect(view.kind === "settings" && view.settings.officeName).toBe("Văn phòng HĐND và UBND xã");
  });

  it("does not send again the same day when the time moves later than a send that already went", async () => {
    const other = await createReminderWorld(database.client, 1, 92_000);
    await syncReminders(database.client.db, other.organizationId, new Date("2025-09-09T12:00:00+07:00"));
    // 10/09 at 09:00: the 08:00 reminder (14 working days before due) went out.
    const at = new Date("2025-09-10T09:00:00+07:00");
    await database.client.db.execute(
      sql`update reminders set state = 'sent', sent_at = fire_at where organization_id = ${other.organizationId} and fire_at < ${at.toISOString()}::timestamptz`,
    );
    const applied = await applySettingChange(
      database.client.db,
      OPERATOR,
      other.organizationId,
      parseSettingInput("sendTime", "16:00"),
      { now: at },
    );
    if (applied.kind !== "applied") throw new Error(applied.kind);
    const tenth = async () =>
      (
        await database.client.db
          .select({ state: reminders.state, fireAt: reminders.fireAt })
          .from(reminders)
          .where(eq(reminders.organizationId, other.organizationId))
      )
        .filter((row) => row.fireAt.toISOString().startsWith("2025-09-10"))
        .map((row) => `${row.state} ${row.fireAt.toISOString().slice(11, 16)}`)
        .sort();
    expect(await tenth()).toEqual(["cancelled 09:00", "sent 01:00"]);
    // The reconciler planning again later that day does not bring it back.
    await syncReminders(database.client.db, other.organizationId, new Date("2025-09-10T10:00:00+07:00"));
    expect(await tenth()).toEqual(["cancelled 09:00", "sent 01:00"]);
  });
});
