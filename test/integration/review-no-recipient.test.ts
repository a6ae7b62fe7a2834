/**
 * The coordinator's needs-attention list names the units whose open work
 * reaches nobody: the same people the dispatcher counts as reachable
 * (a Telegram chat or a Zalo channel that still works, as member or unit head).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { findViewerById, type Viewer } from "../../src/services/people/viewer.js";
import { listReviewItems, unitsWithNoRecipient } from "../../src/services/review.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { insertTelegramPerson } from "../support/people.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let organizationId: string;
let coordinator: Viewer;
const BLOCKED_AT = "2025-06-01T09:00:00+07:00";

/** Unit name → how its one person (if any) can be reached, and what it does in which task. */
const UNITS = {
  "Chỉ Telegram": { person: "telegram", role: "member", relation: "lead", task: "open" },
  "Chưa ai nhận lời mời": { person: "no-chat", role: "member", relation: "lead", task: "open" },
  "Chặn bot, có Zalo": { person: "blocked-with-zalo", role: "member", relation: "lead", task: "open" },
  "Chặn bot": { person: "blocked", role: "unit_head", relation: "lead", task: "open" },
  "Zalo cũng chặn": { person: "zalo-blocked", role: "member", relation: "lead", task: "open" },
  "Phối hợp, trống": { person: null, role: null, relation: "support", task: "open" },
  "Việc đã xong": { person: null, role: null, relation: "lead", task: "done" },
} as const;

beforeAll(async () => {
  database = await createMigratedDatabase();
  const { sql } = database.client;
  const [organization] =
    await sql`insert into organizations (slug, name) values ('ra-soat', 'UBND xã Rà') returning id`;
  organizationId = organization!.id as string;
  const [plan] = await sql`insert into plans (organization_id, title, year, period_start, period_end, plan_key)
    values (${organizationId}, 'KH 2025', 2025, '2025-01-01', '2025-12-31', 'kh') returning id`;
  let i = 0;
  for (const [name, unit] of Object.entries(UNITS)) {
    i++;
    // Reviewed: the review's question about a new unit name is answered, so only reachability is asked.
    const [row] = await sql`insert into units (organization_id, name, name_key, reviewed_at)
      values (${organizationId}, ${name}, ${`unit-${i}`}, now()) returning id`;
    const [task] =
      await sql`insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
      values (${organizationId}, ${plan!.id}, ${`I|${i}|0`}, 'I', ${String(i)}, ${name}, '[]',
              ${JSON.stringify({ kind: "dated" })}, ${i}, '{}') returning id`;
    await sql`insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
      values (${organizationId}, ${task!.id}, ${row!.id}, ${unit.relation}, ${name})`;
    await sql`insert into milestones (organization_id, task_id, milestone_key, due, state, completed_at)
      values (${organizationId}, ${task!.id}, 'm0', '2025-06-30', ${unit.task},
              ${unit.task === "done" ? "2025-06-01T09:00:00+07:00" : null})`;
    if (unit.person === null) continue;
    const chat = unit.person === "no-chat" ? null : 80000 + i;
    const blocked = unit.person.startsWith("blocked") || unit.person === "zalo-blocked" ? BLOCKED_AT : null;
    const person = {
      id: await insertTelegramPerson(sql, {
        organizationId,
        fullName: `Người ${i}`,
        chatId: chat,
        unreachableSince: blocked,
      }),
    };
    await sql`insert into memberships (organization_id, person_id, role, unit_id)
      values (${organizationId}, ${person.id}, ${unit.role}, ${row!.id})`;
    if (unit.person === "blocked-with-zalo" || unit.person === "zalo-blocked") {
      await sql`insert into person_channels (organization_id, person_id, channel, chat_id, unreachable_since)
        values (${organizationId}, ${person.id}, 'zalo', ${`zalo-${i}`},
                ${unit.person === "zalo-blocked" ? BLOCKED_AT : null}::timestamptz)`;
    }
  }
  const person = { id: await insertTelegramPerson(sql, { organizationId, fullName: "Điều phối", chatId: 89999 }) };
  await sql`insert into memberships (organization_id, person_id, role) values (${organizationId}, ${person.id}, 'coordinator')`;
  coordinator = (await findViewerById(database.client.db, person.id))!;
});
afterAll(async () => {
  await database.drop();
});

async function unreached() {
  const found = await unitsWithNoRecipient(database.client.db, coordinator, organizationId);
  if (found.kind !== "ok") throw new Error(found.kind);
  return found.units;
}

describe("units with nobody to receive their reminders", () => {
  it("are those leading or supporting open work with no member reachable on Telegram or Zalo", async () => {
    const found = await unreached();
    expect(found.map((u) => [u.name, u.tasks]).sort()).toEqual(
      [
        ["Chặn bot", 1],
        ["Chưa ai nhận lời mời", 1],
        ["Phối hợp, trống", 1],
        ["Zalo cũng chặn", 1],
      ].sort(),
    );
  });

  it("are on the coordinator's needs-attention list, after the import's questions", async () => {
    const listed = await listReviewItems(database.client.db, coordinator, organizationId);
    if (listed.kind !== "ok") throw new Error(listed.kind);
    // The supported task has no lead: that question comes first.
    expect(listed.items.map((item) => item.kind)).toEqual(["lead", ...Array(4).fill("no-recipient")]);
    expect(
      listed.items
        .filter((item) => item.kind === "no-recipient")
        .map((item) => item.name)
        .sort(),
    ).toEqual(["Chặn bot", "Chưa ai nhận lời mời", "Phối hợp, trống", "Zalo cũng chặn"].sort());
  });

  it("are for coordinators only", async () => {
    const { sql } = database.client;
    const [person] =
      await sql`insert into people (organization_id, full_name) values (${organizationId}, 'Chủ tịch') returning id`;
    await sql`insert into memberships (organization_id, person_id, role) values (${organizationId}, ${person!.id}, 'chairman')`;
    const chairman = (await findViewerById(database.client.db, person!.id as string))!;
    expect(await unitsWithNoRecipient(database.client.db, chairman, organizationId)).toEqual({ kind: "not-allowed" });
  });

  it("leave the list once someone in the unit can be reached", async () => {
    const { sql } = database.client;
    await sql`update person_channels set unreachable_since = null where chat_id like 'zalo-%'`;
    const found = await unreached();
    expect(found.map((u) => u.name)).not.toContain("Zalo cũng chặn");
  });
});
