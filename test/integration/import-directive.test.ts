/** Directives stored through the one import use case: side by side with plans, re-imported without duplicates. */
import { readFileSync } from "node:fs";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { plans, tasks } from "../../db/schema.js";
import { OPERATOR } from "../../src/services/access.js";
import { importPlanFile, readPlanDocument } from "../../src/services/plans/import-plan-file.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const NOW = new Date("2026-12-06T09:00:00+07:00");
const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/directives/${name}`, import.meta.url).pathname);

beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function apply(fileName: string, bytes: Buffer) {
  const result = await importPlanFile(database.client.db, OPERATOR, {
    fileName,
    bytes,
    mode: "apply",
    organizationSlug: "gio-son",
    now: NOW,
  });
  if (result.kind !== "applied") throw new Error(`not applied: ${result.kind}`);
  return result;
}

const liveTasks = async (planId: string) =>
  database.client.db
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.removedAt)));

describe("importing directives", () => {
  it("stores two documents side by side, each keyed by its number, issuer and date", async () => {
    const first = await apply("d01.txt", fixture("d01-tb-ket-luan-xa-gio-son.txt"));
    const second = await apply("d24.txt", fixture("d24-tb-giao-ban-tuan-xa.txt"));
    expect(first.summary.planCreated).toBe(true);
    expect(second.summary.planCreated).toBe(true);
    expect(second.summary.planId).not.toBe(first.summary.planId);
    expect(await liveTasks(first.summary.planId)).toHaveLength(3);
    expect(await liveTasks(second.summary.planId)).toHaveLength(3);
    const [stored] = await database.client.db.select().from(plans).where(eq(plans.id, first.summary.planId));
    expect(stored?.planKey).toContain("25 tb ubnd");
  });

  it("updates the same document on a re-import instead of adding it again", async () => {
    const again = await apply("thong-bao-25.txt", fixture("d01-tb-ket-luan-xa-gio-son.txt"));
    expect(again.summary.planCreated).toBe(false);
    expect(again.summary.added).toEqual([]);
    expect(again.summary.removed).toEqual([]);
    expect(await liveTasks(again.summary.planId)).toHaveLength(3);
    expect(await database.client.db.select({ id: plans.id }).from(plans)).toHaveLength(2);
  });

  it("reads a directive as a plan when told to with --kind, and refuses it for having no task table", async () => {
    const request = { fileName: "d01.txt", bytes: fixture("d01-tb-ket-luan-xa-gio-son.txt"), now: NOW };
    const directive = await readPlanDocument(request);
    expect(directive.draft.plan).toMatchObject({ kind: "Thông báo", number: "25/TB-UBND", issuedOn: "2026-12-02" });
    await expect(readPlanDocument({ ...request, kind: "plan" })).rejects.toThrow(/không tìm thấy bảng/);
  });
});
