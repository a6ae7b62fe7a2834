/** The one plan-import use case, as the CLI (the operator) and the chat (a coordinator) call it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { eq } from "drizzle-orm";
import { memberships, people, reminders, units } from "../../db/schema.js";
import { OPERATOR } from "../../src/services/access.js";
import { findViewerById, type Viewer } from "../../src/services/people/viewer.js";
import { importPlanFile, isPlanFileName, readPlanDocument } from "../../src/services/plans/import-plan-file.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { samplePlan, toTabText } from "../support/plan-files.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const NOW = new Date("2025-03-05T09:00:00+07:00");
const plan = Buffer.from(toTabText(samplePlan));
// No year anywhere: not in the title, not in the deadlines ("31/3/2025" becomes "31/3").
const yearless = Buffer.from(
  toTabText({ ...samplePlan, heading: "Kế hoạch rà soát thủ tục hành chính xã Thử Nghiệm" }).replace(/\/?2025/g, ""),
);

async function personWith(role: "coordinator" | "member", organizationId: string): Promise<Viewer> {
  const db = database.client.db;
  const [row] = await db.insert(people).values({ organizationId, fullName: role }).returning({ id: people.id });
  const personId = (row as { id: string }).id;
  // A member belongs to a unit: any unit the plan brought.
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.organizationId, organizationId)).limit(1);
  await db.insert(memberships).values({ organizationId, personId, role, unitId: role === "member" ? unit!.id : null });
  return (await findViewerById(db, personId)) as Viewer;
}

beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("importPlanFile", () => {
  it("lets the operator create an organization with its first plan, and plans its reminders", async () => {
    const db = database.client.db;
    const result = await importPlanFile(db, OPERATOR, {
      fileName: "ke-hoach.txt",
      bytes: plan,
      mode: "apply",
      organizationSlug: "thu-nghiem",
      now: NOW,
    });
    if (result.kind !== "applied") throw new Error(`not applied: ${result.kind}`);
    expect(result.summary).toMatchObject({ organizationCreated: true, planCreated: true });
    expect(result.slots.length).toBeGreaterThan(0);
    expect((await db.select({ id: reminders.id }).from(reminders)).length).toBeGreaterThan(0);
  });

  it("refuses a viewer a new organization, and a member their own; a coordinator previews without storing", async () => {
    const db = database.client.db;
    const applied = await importPlanFile(db, OPERATOR, {
      fileName: "ke-hoach.txt",
      bytes: plan,
      mode: "preview",
      organizationSlug: "thu-nghiem",
      now: NOW,
    });
    if (applied.kind !== "previewed") throw new Error(applied.kind);
    const organizationId = applied.summary.organizationId;
    const coordinator = await personWith("coordinator", organizationId);
    const member = await personWith("member", organizationId);
    const request = { fileName: "ke-hoach.txt", bytes: plan, mode: "apply" as const, now: NOW };
    expect(await importPlanFile(db, coordinator, { ...request, organizationSlug: "xa-moi" })).toEqual({
      kind: "not-allowed",
    });
    expect(await importPlanFile(db, member, { ...request, organizationSlug: "thu-nghiem" })).toEqual({
      kind: "not-allowed",
    });
    const preview = await importPlanFile(db, coordinator, {
      ...request,
      mode: "preview",
      organizationSlug: "thu-nghiem",
    });
    expect(preview).toMatchObject({ kind: "previewed", summary: { planCreated: false, added: [], removed: [] } });
  });

  it("refuses to apply a file that is not the one previewed", async () => {
    const result = await importPlanFile(database.client.db, OPERATOR, {
      fileName: "ke-hoach.txt",
      bytes: plan,
      mode: "apply",
      organizationSlug: "thu-nghiem",
      expectedSha256: "0".repeat(64),
      now: NOW,
    });
    expect(result).toEqual({ kind: "stale" });
  });

  it("names the one list of plan file types, for any file outside it", async () => {
    const result = await importPlanFile(database.client.db, OPERATOR, {
      fileName: "anh.png",
      bytes: plan,
      mode: "apply",
      organizationSlug: "thu-nghiem",
      now: NOW,
    });
    expect(result).toMatchObject({ kind: "unsupported", fileName: "anh.png" });
    expect((result as { extensions?: readonly string[] }).extensions).toEqual(
      expect.arrayContaining([".docx", ".xlsx", ".pdf"]),
    );
    expect(isPlanFileName("KE-HOACH.DOCX")).toBe(true);
    expect(isPlanFileName("ke-hoach.png")).toBe(false);
  });

  it("reads a plan without a year as the current year where the organization is, unless a year is given", async () => {
    // 31 December 2025, 18:00 UTC is already 1 January 2026 in Hà Nội.
    const newYearsEve = new Date("2025-12-31T18:00:00Z");
    const read = await readPlanDocument({ fileName: "k.txt", bytes: yearless, now: newYearsEve });
    expect([read.draft.plan.year, read.yearAssumed]).toEqual([2026, true]);
    const given = await readPlanDocument({ fileName: "k.txt", bytes: yearless, now: newYearsEve, year: 2024 });
    expect([given.draft.plan.year, given.yearAssumed]).toEqual([2024, false]);
    const dated = await readPlanDocument({ fileName: "k.txt", bytes: plan, now: newYearsEve });
    expect([dated.draft.plan.year, dated.yearAssumed]).toEqual([2025, false]);
  });
});
