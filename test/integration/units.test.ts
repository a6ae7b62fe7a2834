import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { OPERATOR } from "../../src/services/access.js";
import { addUnitAlias, listUnits, mergeUnits } from "../../src/services/units.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { samplePlan, toTabText } from "../support/plan-files.js";
import { unitsOf } from "../support/units.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

const importText = async (text: string) =>
  importPlan(database.client.db, interpretDocument(await readDocument("plan.txt", Buffer.from(text))), {
    organizationSlug: "thu-nghiem",
    fileName: "plan.txt",
    fileSha256: "0".repeat(64),
  });

describe("units of an organization", () => {
  it("lists units with their task counts, takes aliases, and merges two units into one", async () => {
    await importText(toTabText(samplePlan));
    const before = await unitsOf(database.client.db, "thu-nghiem");
    const vptk = before.find((u) => u.name === "Văn phòng – Thống kê");
    expect(vptk).toMatchObject({ leadTasks: 3, supportTasks: 1, aliases: [] });

    const db = database.client.db;
    expect(await addUnitAlias(db, OPERATOR, "thu-nghiem", "văn phòng - thống kê", "VP-TK")).toEqual({ kind: "added" });
    expect(await addUnitAlias(db, OPERATOR, "thu-nghiem", "Bộ phận một cửa", "VP-TK")).toEqual({
      kind: "not-allowed",
      reason: "alias-taken",
      subject: "VP-TK",
    });
    expect(await addUnitAlias(db, OPERATOR, "thu-nghiem", "Bộ phận một cửa", " - ")).toMatchObject({
      reason: "alias-empty",
    });
    // The alias now resolves: a plan that writes "VP-TK" creates no new unit.
    const summary = await importText(toTabText(samplePlan).replace("Tư pháp – Hộ tịch", "VP-TK"));
    expect(summary.newUnits).toEqual([]);

    expect(await mergeUnits(db, OPERATOR, "thu-nghiem", "Văn hóa – Xã hội", "VP-TK")).toEqual({ kind: "merged" });
    const after = await unitsOf(database.client.db, "thu-nghiem");
    expect(after.map((u) => u.name)).not.toContain("Văn hóa – Xã hội");
    expect(after.find((u) => u.name === "Văn phòng – Thống kê")?.aliases).toEqual(["VP-TK", "Văn hóa – Xã hội"]);
    const again = await importText(toTabText(samplePlan));
    expect(again.newUnits).toEqual([]);
  });

  it("refuses an unknown organization or unit with a reason naming it, and another organization's person", async () => {
    const db = database.client.db;
    expect(await listUnits(db, OPERATOR, "khong-co")).toEqual({
      kind: "not-found",
      reason: "organization-unknown",
      subject: "khong-co",
    });
    expect(await mergeUnits(db, OPERATOR, "thu-nghiem", "Không tồn tại", "CBCC")).toEqual({
      kind: "not-found",
      reason: "unit-unknown",
      subject: "Không tồn tại",
    });
    const stranger = {
      organizationId: "00000000-0000-4000-8000-000000000000",
      roles: [{ role: "coordinator" as const, unitId: null }],
    };
    expect(await mergeUnits(db, stranger, "thu-nghiem", "Văn phòng – Thống kê", "CBCC")).toEqual({
      kind: "not-allowed",
    });
  });
});
