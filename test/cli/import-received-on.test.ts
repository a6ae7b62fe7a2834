/**
 * `nhacviec import --received-on`: the day a document reached the office, for
 * its deadlines counted "kể từ ngày nhận", given on the command line as the
 * chat and the web take it (typed as people type it), checked as they check it.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { RECEIPT_NOTICE } from "../support/receipt-notice.js";

const run = promisify(execFile);
type Ran = { code: number; stdout: string; stderr: string };
let database: TestDatabase & Awaited<ReturnType<typeof createMigratedDatabase>>;
let notice: string;

beforeAll(async () => {
  database = await createMigratedDatabase();
  notice = join(mkdtempSync(join(tmpdir(), "nhacviec-receipt-")), "tb-31.txt");
  writeFileSync(notice, RECEIPT_NOTICE);
});
afterAll(async () => {
  await database.drop();
});

const nhacviec = (...args: string[]): Promise<Ran> =>
  run("npx", ["tsx", "src/cli/main.ts", ...args], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: unknown) => error as Ran,
  );

describe("nhacviec import --received-on", () => {
  it("says which tasks wait for the day of receipt, then counts them from the day typed", async () => {
    const without = await nhacviec("import", notice, "--dry-run");
    expect(without.code).toBe(0);
    expect(without.stdout).toContain(
      "2 nhiệm vụ tính hạn kể từ ngày nhận văn bản, chưa có ngày nhận: dùng --received-on",
    );

    const given = await nhacviec("import", notice, "--dry-run", "--json", "--received-on", "4/12/2026");
    expect(given.code).toBe(0);
    const draft = JSON.parse(given.stdout) as { tasks: Array<{ schedule: { milestones: Array<{ due: string }> } }> };
    // Friday 04/12/2026: five working days end Friday 11/12; ten days end Monday 14/12; the third has its own date.
    expect(draft.tasks.map((task) => task.schedule.milestones.at(-1)?.due)).toEqual([
      "2026-12-11",
      "2026-12-14",
      "2026-12-25",
    ]);
  }, 60_000);

  it("stores the day with the document and its tasks' deadlines counted from it", async () => {
    const { code, stdout } = await nhacviec("import", notice, "--org", "gio-son", "--received-on", "04/12/2026");
    expect(code).toBe(0);
    expect(stdout).toContain("Ngày nhận văn bản 04/12/2026: 2 nhiệm vụ tính hạn từ ngày này");
    const [plan] = await database.client.sql`select id, received_on::text as received_on from plans`;
    expect(plan?.received_on).toBe("2026-12-04");
    const dues = await database.client.sql`select m.due::text as due from milestones m
      join tasks t on t.id = m.task_id where t.plan_id = ${plan?.id} order by m.due`;
    expect(dues.map((row) => row.due)).toEqual(["2026-12-11", "2026-12-14", "2026-12-25"]);
  }, 60_000);

  it("refuses a day before the document's date, naming the file, and writes nothing", async () => {
    const before = await database.client.sql`select count(*)::int as n from plans`;
    for (const args of [["--dry-run"], ["--org", "gio-son-2"]]) {
      const refused = await nhacviec("import", notice, ...args, "--received-on", "01/12/2026");
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('"tb-31.txt"');
      expect(refused.stderr).toContain("không được trước ngày ban hành văn bản (02/12/2026)");
    }
    const after = await database.client.sql`select count(*)::int as n from plans`;
    expect(after[0]?.n).toBe(before[0]?.n);
  }, 60_000);

  it("refuses a day not come yet, a month and words it cannot read, in Vietnamese, before reading any file", async () => {
    const cases: Array<[string, string]> = [
      ["31/12/2099", "ngày chưa đến"],
      ["tháng 12", "là một ngày, “tháng 12” thì không"],
      ["sắp tới", "Chưa hiểu ngày nhận văn bản “sắp tới”"],
    ];
    for (const [typed, words] of cases) {
      const refused = await nhacviec("import", "/nonexistent/plan.docx", "--dry-run", "--received-on", typed);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`--received-on: `);
      expect(refused.stderr).toContain(words);
      expect(refused.stderr).not.toContain("usage:");
    }
  }, 60_000);
});
