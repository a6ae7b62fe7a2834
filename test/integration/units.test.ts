import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { addUnitAlias, listUnits, mergeUnits, UnitError } from "../../src/services/units.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { samplePlan, toTabText } from "../support/plan-files.js";

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
    const before = await listUnits(database.client.db, "thu-nghiem");
    const vptk = before.find((u) => u.name === "Văn phòng – Thống kê");
    expect(vptk).toMatchObject({ leadTasks: 3, supportTasks: 1, aliases: [] });

    await addUnitAlias(database.client.db, "thu-nghiem", "văn phòng - thống kê", "VP-TK");
    await expect(addUnitAlias(database.client.db, "thu-nghiem", "Bộ phận một cửa", "VP-TK")).rejects.toThrow(UnitError);
    // The alias now resolves: a plan that writes "VP-TK" creates no new unit.
    const summary = await importText(toTabText(samplePlan).replace("Tư pháp – Hộ tịch", "VP-TK"));
    expect(summary.newUnits).toEqual([]);

    await mergeUnits(database.client.db, "thu-nghiem", "Văn hóa – Xã hội", "VP-TK");
    const after = await listUnits(database.client.db, "thu-nghiem");
    expect(after.map((u) => u.name)).not.toContain("Văn hóa – Xã hội");
    expect(after.find((u) => u.name === "Văn phòng – Thống kê")?.aliases).toEqual(["VP-TK", "Văn hóa – Xã hội"]);
    const again = await importText(toTabText(samplePlan));
    expect(again.newUnits).toEqual([]);
  });

  it("refuses an unknown organization or unit with a Vietnamese message", async () => {
    await expect(listUnits(database.client.db, "khong-co")).rejects.toThrow(/không có đơn vị/);
    await expect(mergeUnits(database.client.db, "thu-nghiem", "Không tồn tại", "CBCC")).rejects.toThrow(
      /không tìm thấy/,
    );
  });
});
