import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { OPERATOR } from "../../src/services/access.js";
import { importPlan } from "../../src/services/import-plan.js";
import { listReviewItems } from "../../src/services/review.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { readSeed } from "../support/seeds.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("a lead cell that lists units", () => {
  it("gives seed 000's IV.1, IV.2, V.2, V.3 and V.4 to each listed unit, and asks about lists of unknown names", async () => {
    const { fileName, text } = readSeed("000");
    const draft = interpretDocument(await readDocument(fileName, Buffer.from(text)), { year: 2025 });
    const summary = await importPlan(database.client.db, draft, {
      organizationSlug: "gio-son",
      fileName,
      fileSha256: "0".repeat(64),
    });
    const { sql } = database.client;
    const rows = await sql<Array<{ section: string; stt: string; unit: string; name_in_plan: string }>>`
      select t.section, t.stt, u.name as unit, tu.name_in_plan
      from task_units tu join tasks t on t.id = tu.task_id join units u on u.id = tu.unit_id
      where tu.relation = 'lead' and t.section in ('IV', 'V') order by t.position, u.name`;
    const leadsOf = (section: string, stt: string) =>
      rows.filter((r) => r.section === section && r.stt === stt).map((r) => r.unit);
    expect(leadsOf("IV", "1")).toEqual(["UBND xã", "Văn phòng – Thống kê"]);
    expect(leadsOf("IV", "2")).toEqual(["UBND xã", "Văn phòng – Thống kê"]);
    expect(leadsOf("V", "2")).toEqual(["UBND xã", "Văn phòng – Thống kê"]);
    expect(leadsOf("V", "3")).toEqual(["Kế toán – Tài chính", "UBND xã", "Văn phòng – Thống kê"]);
    expect(leadsOf("V", "4")).toEqual(["Kế toán – Tài chính", "Văn phòng – Thống kê"]);
    // The plan's words stay as printed.
    expect(rows.find((r) => r.section === "IV" && r.stt === "1")?.name_in_plan).toBe("UBND xã, Văn phòng – Thống kê");
    expect(summary.newUnits).not.toContain("UBND xã, Văn phòng – Thống kê");

    const listed = await listReviewItems(database.client.db, OPERATOR, summary.organizationId);
    if (listed.kind !== "ok") throw new Error(`review refused: ${listed.kind}`);
    const review = listed.items;
    const list = review.find((item) => item.kind === "unit" && item.name === "Đảng uỷ, UBMT, các bộ phận liên quan");
    expect(list).toMatchObject({ proposedSplit: ["Đảng uỷ", "UBMT", "các bộ phận liên quan"] });
    const single = review.find((item) => item.kind === "unit" && item.name === "Văn thư");
    expect(single).toMatchObject({ proposedSplit: [] });
  });
});
