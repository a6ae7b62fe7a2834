/**
 * One plan, every kind of lateness, the five places that show it: the digest
 * text, the chart's data, /quahan (and the colours of /viec), `status` and the
 * export. They must say the same of every milestone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/services/access.js";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { milestoneLine } from "../../src/bot/views.js";
import { buildDigest, unitProgress } from "../../src/domain/reminders/index.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { listOpenMilestones } from "../../src/services/milestones/milestone-view.js";
import { milestoneStatuses } from "../../src/services/milestones/milestone-status.js";
import { findViewerById } from "../../src/services/people/viewer.js";
import { formatDigest, loadDigestMilestones } from "../../src/services/reminders/digest-message.js";
import { loadReportRows } from "../../src/services/reports/report-rows.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { insertTelegramPerson } from "../support/people.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

const TODAY = "2025-06-10"; // a Tuesday

/** One milestone per task and per lead unit (named after it), so the chart's bars name the milestone too. */
const PLAN = [
  { name: "Đúng hạn", state: "done", due: "2025-05-31", completed: "2025-05-30", schedule: "dated" },
  { name: "Trễ", state: "done", due: "2025-05-20", completed: "2025-05-25", schedule: "dated" },
  { name: "Nộp trễ", state: "submitted", due: "2025-06-01", completed: "2025-06-04", schedule: "dated" },
  { name: "Quá hạn", state: "in_progress", due: "2025-06-03", completed: null, schedule: "dated" },
  { name: "Sắp đến hạn", state: "open", due: "2025-06-13", completed: null, schedule: "dated" },
  { name: "Còn xa", state: "open", due: "2025-09-30", completed: null, schedule: "dated" },
  { name: "Thường xuyên", state: "open", due: null, completed: null, schedule: "ongoing" },
  { name: "Chưa có ngày", state: "open", due: null, completed: null, schedule: "unscheduled" },
] as const;

/** What each milestone is on TODAY, by the rules in src/domain/milestones/lateness.ts. */
const EXPECTED: Record<(typeof PLAN)[number]["name"], { status: string; days: number }> = {
  "Đúng hạn": { status: "done-on-time", days: 0 },
  Trễ: { status: "done-late", days: 5 },
  "Nộp trễ": { status: "submitted-late", days: 3 },
  "Quá hạn": { status: "overdue", days: 7 },
  "Sắp đến hạn": { status: "due-soon", days: 0 },
  "Còn xa": { status: "on-track", days: 0 },
  "Thường xuyên": { status: "ongoing", days: 0 },
  "Chưa có ngày": { status: "undated", days: 0 },
};

async function seedPlan(client: PostgresDatabaseClient): Promise<{ organizationId: string; coordinatorId: string }> {
  const { sql } = client;
  const [organization] =
    await sql`insert into organizations (slug, name) values ('tre-han', 'UBND xã Trễ Hạn') returning id`;
  const organizationId = organization!.id as string;
  const [plan] = await sql`insert into plans (organization_id, title, year, period_start, period_end, plan_key)
    values (${organizationId}, 'KH CCHC 2025', 2025, '2025-01-01', '2025-12-31', 'kh') returning id`;
  for (const [i, m] of PLAN.entries()) {
    const [unit] = await sql`insert into units (organization_id, name, name_key)
      values (${organizationId}, ${m.name}, ${`unit-${i}`}) returning id`;
    const [task] =
      await sql`insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
      values (${organizationId}, ${plan!.id}, ${`I|${i + 1}|0`}, 'I', ${String(i + 1)}, ${m.name}, '[]',
              ${JSON.stringify({ kind: m.schedule })}, ${i}, '{}') returning id`;
    await sql`insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
      values (${organizationId}, ${task!.id}, ${unit!.id}, 'lead', ${m.name})`;
    await sql`insert into milestones (organization_id, task_id, milestone_key, due, state, completed_at)
      values (${organizationId}, ${task!.id}, 'm0', ${m.due}, ${m.state},
              ${m.completed ? `${m.completed}T15:00:00+07:00` : null})`;
  }
  const coordinator = {
    id: await insertTelegramPerson(sql, { organizationId, fullName: "Điều phối viên", chatId: 70001 }),
  };
  await sql`insert into memberships (organization_id, person_id, role) values (${organizationId}, ${coordinator.id}, 'coordinator')`;
  return { organizationId, coordinatorId: coordinator.id };
}

describe("lateness, as every view reads it", () => {
  it("is the same in the digest text, the chart, /quahan and /viec, `status` and the export", async () => {
    const { organizationId, coordinatorId } = await seedPlan(database.client);
    const db = database.client.db;
    const names = PLAN.map((m) => m.name);
    const overdue = names.filter((n) => EXPECTED[n].status === "overdue");
    const late = names.filter((n) => ["done-late", "submitted-late"].includes(EXPECTED[n].status));
    const doneOnTime = names.filter((n) => EXPECTED[n].status === "done-on-time");

    // `status`: the lateness of each milestone, as is.
    const statuses = (await milestoneStatuses(db, "tre-han", { today: TODAY }))!;
    expect(Object.fromEntries(statuses.map((s) => [s.title, s.lateness]))).toEqual(EXPECTED);
    expect(statuses.filter((s) => s.state === "overdue").map((s) => s.title)).toEqual(overdue);

    // The export: the same status and days late on each row.
    const report = await loadReportRows(db, OPERATOR, "tre-han", { today: TODAY });
    if (report.kind !== "ok") throw new Error(`report refused: ${report.kind}`);
    const { rows } = report;
    expect(Object.fromEntries(rows.map((r) => [r.title, { status: r.lateness, days: r.daysLate }]))).toEqual(EXPECTED);
    expect(rows.filter((r) => r.colour === "red").map((r) => r.title)).toEqual(overdue);
    expect(rows.filter((r) => r.colour === "orange").map((r) => r.title)).toEqual(late);
    expect(rows.filter((r) => r.colour === "green").map((r) => r.title)).toEqual(doneOnTime);

    // The chart: one bar per unit, and each unit leads one milestone.
    const milestones = await loadDigestMilestones(db, organizationId, "Asia/Ho_Chi_Minh");
    const bars = unitProgress(milestones, TODAY);
    expect(bars.filter((b) => b.overdue > 0).map((b) => b.unit)).toEqual(overdue);
    expect(
      bars
        .filter((b) => b.late > 0)
        .map((b) => b.unit)
        .sort(),
    ).toEqual([...late].sort());
    expect(bars.filter((b) => b.onTime > 0).map((b) => b.unit)).toEqual(doneOnTime);
    expect(bars.filter((b) => b.ongoing > 0).map((b) => b.unit)).toEqual(["Thường xuyên"]);

    // The digest text the chairman reads: the same counts, the same overdue work and days.
    const text = formatDigest(buildDigest(milestones, TODAY), translatorFor("vi"));
    expect(text).toContain(`🔴 Quá hạn: ${overdue.length}`);
    expect(text).toContain(`🟠 Hoàn thành trễ hạn: ${late.length}`);
    expect(text).toContain(`🟢 Hoàn thành đúng hạn: ${doneOnTime.length}`);
    expect(text).toContain("🟡 Đến hạn trong tuần: 1");
    // On track: due after this week. The ongoing duty is its own category, not one waiting for a date.
    expect(text).toContain("🔵 Đúng tiến độ: 1");
    expect(text).toContain("🔁 Thường xuyên: 1");
    expect(text).toContain("⚪ Chưa có thời hạn: 1");
    const listed = text.split("\n").filter((line) => line.startsWith("  - "));
    expect(listed).toEqual(overdue.map((n) => `  - I.4 ${n}: hạn 03/06/2025, quá ${EXPECTED[n].days} ngày`));

    // /quahan and /viec for a coordinator: the overdue list, and each line's colour and words.
    const viewer = (await findViewerById(db, coordinatorId))!;
    const overdueList = await listOpenMilestones(db, viewer, { today: TODAY, overdueOnly: true });
    expect(overdueList.map((m) => m.title)).toEqual(overdue);
    const { t } = translatorFor("vi");
    const open = await listOpenMilestones(db, viewer, { today: TODAY });
    const lines = Object.fromEntries(open.map((m) => [m.title, milestoneLine(t, m, 1, TODAY, false)]));
    expect(Object.keys(lines).sort()).toEqual(
      names.filter((n) => !["done-on-time", "done-late"].includes(EXPECTED[n].status)).sort(),
    );
    expect(lines["Quá hạn"]).toMatch(/^🔴 .*Quá hạn 7 ngày/s);
    expect(lines["Nộp trễ"]).toMatch(/^🟠 .*Chờ duyệt/s);
    // Each mark means what the digest counts under it: due this week apart from on track, ongoing apart from undated.
    expect(lines["Sắp đến hạn"]).toMatch(/^🟡 /);
    expect(lines["Còn xa"]).toMatch(/^🔵 /);
    expect(lines["Thường xuyên"]).toMatch(/^🔁 /);
    expect(lines["Chưa có ngày"]).toMatch(/^⚪ /);
  });
});
