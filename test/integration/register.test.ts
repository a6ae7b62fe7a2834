import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { OPERATOR } from "../../src/services/access.js";
import { importPlan } from "../../src/services/import-plan.js";
import { readPlanHere } from "../../src/services/plans/import-plan-file.js";
import { findSourceDocument, loadRegister } from "../../src/services/plans/register.js";
import { loadCchcReportInput, parseReportPeriod } from "../../src/services/reports/cchc-report.js";
import { chatPlan } from "../support/bot-world.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { joinAs } from "../support/invites.js";
import { toTabText } from "../support/plan-files.js";

const run = promisify(execFile);
let database: TestDatabase & { client: PostgresDatabaseClient };
let directory: string;
let organizationId: string;
const TODAY = "2026-12-16";
const noticeFile = "test/fixtures/directives/d01-tb-ket-luan-xa-gio-son.txt";

beforeAll(async () => {
  database = await createMigratedDatabase();
  directory = mkdtempSync(join(tmpdir(), "nhacviec-register-"));
  const { db } = database.client;
  const plan = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  ({ organizationId } = await importPlan(db, plan, {
    organizationSlug: "gio-son",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  }));
  const notice = await readPlanHere("tb.txt", readFileSync(noticeFile), {});
  await importPlan(db, notice, { organizationSlug: "gio-son", fileName: "tb.txt", fileSha256: "1".repeat(64) });
  // The land records review (due 15/12) is done; the tax collection (25/12) and the security plan (20/12) are not.
  await database.client.sql`update milestones set state = 'done', completed_at = '2026-12-14T03:00:00Z'
    where task_id in (select id from tasks where title ilike '%hồ sơ cấp giấy chứng nhận%')`;
}, 60_000);
afterAll(async () => {
  await database.drop();
  rmSync(directory, { recursive: true, force: true });
});

describe("the register of assigned work", () => {
  it("lists each document with its kind, number, date, issuer, summary, tasks and completion", async () => {
    const register = await loadRegister(database.client.db, OPERATOR, "gio-son", {}, TODAY);
    if (register.kind !== "ok") throw new Error(register.kind);
    expect(register.documents.map((d) => d.name)).toEqual([
      "Thông báo số 25/TB-UBND ngày 02/12/2026 của UBND xã Gio Sơn",
      "Kế hoạch cải cách hành chính xã Thử Nghiệm năm 2025",
    ]);
    const [notice, plan] = register.documents as [(typeof register.documents)[0], (typeof register.documents)[0]];
    expect(notice).toMatchObject({
      kind: "Thông báo",
      number: "25/TB-UBND",
      issuedOn: "2026-12-02",
      done: 1,
      total: 3,
    });
    expect(notice.summary).toMatch(/^Kết luận của Chủ tịch UBND xã/);
    expect(notice.tasks.map((t) => [t.leads, t.standing, t.due])).toEqual([
      [["Công chức Tài chính - Kế toán"], "open", "2026-12-25"],
      [["Công chức Địa chính - Xây dựng"], "done", "2026-12-15"],
      [["Công an xã"], "open", "2026-12-20"],
    ]);
    // The 2025 plan's work was never done: on 16/12/2026 all of it is overdue.
    expect(plan.overdue).toBe(plan.total);
  });

  it("filters by source, unit, state and due", async () => {
    const { db } = database.client;
    const names = async (filters: Parameters<typeof loadRegister>[3]) => {
      const register = await loadRegister(db, OPERATOR, "gio-son", filters, TODAY);
      if (register.kind !== "ok") throw new Error(register.kind);
      return register.documents.map((d) => [d.number, d.tasks.length, d.total]);
    };
    expect(await names({ source: "25/tb-ubnd" })).toEqual([["25/TB-UBND", 3, 3]]);
    expect(await names({ unit: "công an" })).toEqual([["25/TB-UBND", 1, 3]]);
    expect(await names({ standing: "done" })).toEqual([["25/TB-UBND", 1, 3]]);
    expect(await names({ source: "25/TB-UBND", standing: "open", dueFrom: "2026-12-21", dueTo: "2026-12-31" })).toEqual(
      [["25/TB-UBND", 1, 3]],
    );
  });

  it("is refused to a member, who sees only their unit's work", async () => {
    const member = await joinAs(database.client.db, {
      userId: 901,
      role: "member",
      organizationId,
      unit: "Công an xã",
      now: new Date(),
    });
    expect(await loadRegister(database.client.db, member, "gio-son", {}, TODAY)).toEqual({ kind: "not-allowed" });
  });

  it("makes the results workbook and the Decree 30 report of one document only", async () => {
    const out = join(directory, "tb.xlsx");
    await run(
      "npx",
      [
        "tsx",
        "src/cli/main.ts",
        "export",
        "--org",
        "gio-son",
        "--source",
        "25/TB-UBND",
        "--as-of",
        TODAY,
        "--out",
        out,
      ],
      { env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" } },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const cells: string[] = [];
    workbook.getWorksheet("Kết quả thực hiện")!.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    const text = cells.join("\n").toLocaleLowerCase("vi");
    expect(text).toContain("rà soát hồ sơ cấp giấy chứng nhận");
    expect(text).toContain("công an xã");
    expect(text).not.toContain("xây dựng kế hoạch tuyên truyền cchc");

    const failure = await run(
      "npx",
      ["tsx", "src/cli/main.ts", "export", "--org", "gio-son", "--source", "99/TB-UBND", "--out", out],
      { env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" } },
    ).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect(String((failure as { stderr: string }).stderr)).toContain("không có văn bản nào có số hoặc mã này");

    const source = await findSourceDocument(database.client.db, OPERATOR, "gio-son", "25/TB-UBND");
    if (source.kind !== "ok") throw new Error(source.kind);
    const quarter = parseReportPeriod("2026-Q4");
    if (quarter.kind !== "ok") throw new Error(quarter.kind);
    const report = await loadCchcReportInput(database.client.db, OPERATOR, "gio-son", quarter.period, TODAY, {
      planId: source.planId,
    });
    if (report.kind !== "ok") throw new Error(report.kind);
    expect(report.rows.map((r) => r.leadUnits[0])).toEqual([
      "Công chức Tài chính - Kế toán",
      "Công chức Địa chính - Xây dựng",
      "Công an xã",
    ]);
  }, 60_000);
});
