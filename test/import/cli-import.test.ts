import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, type TestDatabase } from "../support/database.js";
import { encodeAs, noSttDocx, planText } from "../support/format-corpus.js";
import { communePlan, wardPlan } from "../support/plan-corpus.js";

const run = promisify(execFile);
let database: TestDatabase;
beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("`nhacviec import` with several files", () => {
  it("imports each file with its own summary over one database connection, and names the file that failed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nhacviec-cli-"));
    const docx = join(dir, "xa-an-phu.docx");
    const csv = join(dir, "phuong\u202Excod.csv");
    const broken = join(dir, "hong\u202E.docx");
    writeFileSync(docx, await noSttDocx(communePlan, "numbered"));
    writeFileSync(csv, encodeAs(planText(wardPlan, ";"), "windows-1258"));
    writeFileSync(broken, "không phải tệp Word");
    const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" };
    const failure = await run("npx", ["tsx", "src/cli/main.ts", "import", docx, broken, csv, "--org", "an-phu"], {
      env,
    }).catch((error: unknown) => error as { code: number; stdout: string; stderr: string });
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    expect(code).toBe(1);
    expect(stdout).toContain("== xa-an-phu.docx ==");
    expect(stdout).toContain("== phuongxcod.csv ==");
    expect(stdout).toContain("== hong.docx ==");
    expect(stdout.match(/Đã nhập kế hoạch/g)).toHaveLength(2);
    expect(stdout).toContain('Tệp văn bản: bảng mã Windows-1258, phân cách ";"');
    expect(stderr).toContain("hong.docx: 1/3 tệp không nhập được");
    // No control or bidi character reaches the output or the database.
    expect(`${stdout}${stderr}`).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/u);
    const client = database.connect({ max: 1 });
    const plans = await client.sql<Array<{ file_name: string; title: string }>>`
      select i.file_name, p.title from plan_imports i join plans p on p.id = i.plan_id order by i.file_name`;
    expect(plans.map((p) => p.file_name)).toEqual(["phuongxcod.csv", "xa-an-phu.docx"]);
    expect(plans.map((p) => p.title).sort()).toEqual([
      "Kế hoạch cải cách hành chính năm 2026",
      "Kế hoạch cải cách hành chính năm 2027",
    ]);
  }, 180_000);

  it("previews several files with --dry-run without a database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nhacviec-cli-"));
    const a = join(dir, "a.txt");
    const b = join(dir, "b.csv");
    writeFileSync(a, encodeAs(planText(communePlan, "\t"), "utf-16le"));
    writeFileSync(b, encodeAs(planText(wardPlan, ","), "vni"));
    const { stdout } = await run("npx", ["tsx", "src/cli/main.ts", "import", a, b, "--dry-run", "--explain"], {
      env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", LOG_LEVEL: "silent" },
    });
    expect(stdout).toContain("Tệp văn bản: bảng mã UTF-16 LE (Unicode text của Excel)");
    expect(stdout).toContain('Tệp văn bản: bảng mã VNI (phông VNI-Times), phân cách ","');
    expect(stdout.match(/chạy thử: chưa ghi gì/g)).toHaveLength(2);
  }, 120_000);
});
