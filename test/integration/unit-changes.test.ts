/**
 * A coordinator's changes to who does a task: a new lead unit (changeLead)
 * and a plan cell that named several units split into them (splitUnit).
 * Both write what the chat and the reports read, and both outlast importing
 * the same plan again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { syncReminders } from "../../src/services/reminders/sync-reminders.js";
import { changeLead } from "../../src/services/review.js";
import { splitUnit } from "../../src/services/units.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { joinAs } from "../support/invites.js";
import { type SamplePlan, toTabText } from "../support/plan-files.js";
import { unitsOf } from "../support/units.js";

const NOW = new Date("2025-03-01T02:00:00Z");
const COMPOUND = "Công an xã và Ban Chỉ huy Quân sự";

const plan: SamplePlan = {
  heading: "Cải cách hành chính xã Đổi Chủ Trì năm 2025",
  sections: [
    {
      roman: "I",
      title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
      tasks: [
        {
          stt: "1",
          title: "Xây dựng Kế hoạch CCHC năm 2025",
          rows: [
            {
              activity: "Ban hành Kế hoạch",
              product: "Kế hoạch",
              lead: "Văn phòng – Thống kê",
              support: "Tư pháp – Hộ tịch",
              deadline: "Trước ngày 30/06/2025",
            },
          ],
        },
        {
          stt: "2",
          title: "Bảo đảm an ninh trật tự",
          rows: [
            {
              activity: "Tuần tra",
              product: "Báo cáo",
              lead: COMPOUND,
              support: "Văn phòng – Thống kê",
              deadline: "Trước ngày 30/09/2025",
            },
          ],
        },
      ],
    },
  ],
};

let database: TestDatabase & { client: PostgresDatabaseClient };
let organizationId: string;
let coordinator: Viewer;
let member: Viewer;

const importAgain = async () =>
  importPlan(database.client.db, interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(plan)))), {
    organizationSlug: "doi-chu-tri",
    fileName: "kh.txt",
    fileSha256: "2".repeat(64),
    now: NOW,
  });

const unitNames = () => unitsOf(database.client.db, "doi-chu-tri");

const unitId = async (name: string) => (await unitNames()).find((u) => u.name === name)?.id as string;

const leadsOf = async (title: string) =>
  (
    await database.client.sql`
      select u.name from task_units tu join units u on u.id = tu.unit_id join tasks t on t.id = tu.task_id
      where t.title = ${title} and tu.relation = 'lead' order by u.name`
  ).map((row) => row.name as string);

beforeAll(async () => {
  database = await createMigratedDatabase();
  organizationId = (await importAgain()).organizationId;
  coordinator = await joinAs(database.client.db, { userId: 1, role: "coordinator", organizationId, now: NOW });
  member = await joinAs(database.client.db, {
    userId: 2,
    role: "member",
    organizationId,
    unit: "Văn phòng – Thống kê",
    now: NOW,
  });
});

afterAll(async () => {
  await database.drop();
});

describe("changing the lead unit of a task", () => {
  it("replaces the lead, logs it on every milestone, moves the reminders, and outlasts a re-import", async () => {
    const db = database.client.db;
    await syncReminders(db, organizationId, NOW);
    const [task] = await database.client.sql`select id from tasks where title = 'Xây dựng Kế hoạch CCHC năm 2025'`;
    const justice = await unitId("Tư pháp – Hộ tịch");
    const office = await unitId("Văn phòng – Thống kê");

    const change = await changeLead(db, coordinator, task?.id, justice, NOW);
    expect(change).toMatchObject({
      changed: true,
      unit: { name: "Tư pháp – Hộ tịch" },
      previous: [{ name: "Văn phòng – Thống kê" }],
    });
    expect(await leadsOf("Xây dựng Kế hoạch CCHC năm 2025")).toEqual(["Tư pháp – Hộ tịch"]);
    const events = await database.client.sql`
      select e.action, e.details from milestone_events e join milestones m on m.id = e.milestone_id
      where m.task_id = ${task?.id} and e.action = 'lead-assigned'`;
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]?.details).toEqual({ unit: "Tư pháp – Hộ tịch", previous: ["Văn phòng – Thống kê"] });

    await syncReminders(db, organizationId, NOW);
    const [planned] = await database.client.sql`
      select count(*) filter (where r.audience_unit_id = ${office})::int as old_lead,
             count(*) filter (where r.audience_unit_id = ${justice})::int as new_lead
      from reminders r join milestones m on m.id = r.milestone_id
      where m.task_id = ${task?.id} and r.state = 'planned' and r.audience_role = 'member'`;
    expect(planned).toEqual({ old_lead: 0, new_lead: expect.any(Number) });
    expect(planned?.new_lead).toBeGreaterThan(0);

    // The same plan imported again: its lead cell does not undo the coordinator's choice.
    const again = await importAgain();
    expect(again.changed).toEqual([]);
    expect(await leadsOf("Xây dựng Kế hoạch CCHC năm 2025")).toEqual(["Tư pháp – Hộ tịch"]);

    // Choosing the lead it already has writes nothing.
    const before = events.length;
    expect(await changeLead(db, coordinator, task?.id, justice, NOW)).toMatchObject({
      kind: "lead-changed",
      changed: false,
    });
    const [count] = await database.client.sql`
      select count(*)::int as n from milestone_events e join milestones m on m.id = e.milestone_id
      where m.task_id = ${task?.id} and e.action = 'lead-assigned'`;
    expect(count?.n).toBe(before);
  });

  it("is for coordinators, within their organization", async () => {
    const db = database.client.db;
    const [task] = await database.client.sql`select id from tasks where title = 'Xây dựng Kế hoạch CCHC năm 2025'`;
    const office = await unitId("Văn phòng – Thống kê");
    expect(await changeLead(db, member, task?.id, office, NOW)).toEqual({ kind: "not-allowed" });
    const stranger = { ...coordinator, organizationId: "00000000-0000-4000-8000-000000000000" };
    expect(await changeLead(db, stranger, task?.id, office, NOW)).toEqual({ kind: "not-found" });
  });
});

describe("splitting a cell that named several units", () => {
  it("gives the cell's tasks to each unit, retires the cell, and the next import reads the cell as those units", async () => {
    const db = database.client.db;
    const cell = await unitId(COMPOUND);
    expect(cell).toBeDefined();
    expect(await splitUnit(db, member, cell, ["Công an xã", "Ban Chỉ huy Quân sự"], NOW)).toEqual({
      kind: "not-allowed",
    });
    expect(await splitUnit(db, coordinator, cell, ["Công an xã", ""], NOW)).toEqual({
      kind: "not-allowed",
      reason: "split-needs-two",
      subject: COMPOUND,
    });

    const result = await splitUnit(db, coordinator, cell, ["Công an xã", " Ban Chỉ huy  Quân sự "], NOW);
    expect(result).toMatchObject({
      kind: "split",
      from: COMPOUND,
      into: [{ name: "Công an xã" }, { name: "Ban Chỉ huy Quân sự" }],
    });
    expect(await leadsOf("Bảo đảm an ninh trật tự")).toEqual(["Ban Chỉ huy Quân sự", "Công an xã"]);
    const names = (await unitNames()).map((u) => u.name);
    expect(names).not.toContain(COMPOUND);
    expect(names).toEqual(expect.arrayContaining(["Công an xã", "Ban Chỉ huy Quân sự"]));

    const again = await importAgain();
    expect(again.newUnits).toEqual([]);
    expect(again.changed).toEqual([]);
    expect(await leadsOf("Bảo đảm an ninh trật tự")).toEqual(["Ban Chỉ huy Quân sự", "Công an xã"]);

    // Split once: the retired cell is no longer a unit to split.
    expect(await splitUnit(db, coordinator, cell, ["A", "B"], NOW)).toEqual({ kind: "not-found" });
  });

  it("refuses a unit people belong to: it is a unit, not a cell", async () => {
    const office = await unitId("Văn phòng – Thống kê");
    expect(await splitUnit(database.client.db, coordinator, office, ["Văn phòng", "Thống kê"], NOW)).toEqual({
      kind: "not-allowed",
      reason: "unit-has-people",
      subject: "Văn phòng – Thống kê",
    });
  });
});
