/**
 * A milestone two units lead is owed by both: the digest lists it under each
 * and the chart counts it in each bar, while the totals count it once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { buildDigest, unitProgress } from "../../src/domain/reminders/index.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { formatDigest, loadDigestMilestones } from "../../src/services/reminders/digest-message.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

const TODAY = "2025-06-10";

async function seed(): Promise<string> {
  const { sql } = database.client;
  const [organization] =
    await sql`insert into organizations (slug, name) values ('hai-don-vi', 'UBND xã Hai') returning id`;
  const organizationId = organization!.id as string;
  const [plan] = await sql`insert into plans (organization_id, title, year, period_start, period_end, plan_key)
    values (${organizationId}, 'KH 2025', 2025, '2025-01-01', '2025-12-31', 'kh-2025') returning id`;
  const unitIds: string[] = [];
  for (const [i, name] of ["Tư pháp", "Văn hóa"].entries()) {
    const [unit] = await sql`insert into units (organization_id, name, name_key)
      values (${organizationId}, ${name}, ${`unit-${i}`}) returning id`;
    unitIds.push(unit!.id as string);
  }
  const [task] =
    await sql`insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
    values (${organizationId}, ${plan!.id}, 'I|1|0', 'I', '1', 'Tuyên truyền', '[]', ${JSON.stringify({ kind: "dated" })}, 0, '{}')
    returning id`;
  for (const unitId of unitIds) {
    await sql`insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
      values (${organizationId}, ${task!.id}, ${unitId}, 'lead', 'x')`;
  }
  await sql`insert into milestones (organization_id, task_id, milestone_key, due, state)
    values (${organizationId}, ${task!.id}, 'm0', '2025-06-03', 'open')`;
  return organizationId;
}

describe("a milestone with two lead units in the digest", () => {
  it("is listed under each lead unit and drawn in each unit's bar, counted once in the totals", async () => {
    const organizationId = await seed();
    const milestones = await loadDigestMilestones(database.client.db, organizationId, "Asia/Ho_Chi_Minh");
    const digest = buildDigest(milestones, TODAY);
    expect(digest.counts.overdue).toBe(1);
    expect(digest.overdueByUnit.map((g) => g.unit)).toEqual(["Tư pháp", "Văn hóa"]);
    const text = formatDigest(digest, translatorFor("vi"));
    expect(text).toContain("🔴 Quá hạn: 1");
    expect(text).toContain("⏰ Tư pháp (1 việc quá hạn)");
    expect(text).toContain("⏰ Văn hóa (1 việc quá hạn)");
    expect(unitProgress(milestones, TODAY)).toEqual([
      { unit: "Tư pháp", onTime: 0, late: 0, overdue: 1, ongoing: 0 },
      { unit: "Văn hóa", onTime: 0, late: 0, overdue: 1, ongoing: 0 },
    ]);
  });
});
