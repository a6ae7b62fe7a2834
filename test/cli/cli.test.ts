/**
 * The command line as a function (`runCli`), in process: help, the deadline's
 * year read from its text, and a refusal or a wrong command line said in one
 * Vietnamese line (the usage only for a command line it cannot run).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { USAGE } from "../../src/cli/cli.js";
import { cli } from "../support/cli.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";

describe("help", () => {
  it.each([["--help"], ["-h"], ["help"]])("`nhacviec %s` prints the usage and exits 0", async (flag) => {
    const result = await cli([flag]);
    expect(result).toEqual({ code: 0, stdout: USAGE, stderr: "" });
    expect(result.stdout).toContain("deadline [--year 2025]");
  });

  it("names an unknown command in Vietnamese, with the usage, exit 2", async () => {
    const result = await cli(["lam-gi"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe('nhacviec: không có lệnh "lam-gi"');
    expect(result.stderr).toContain(USAGE);
  });
});

describe("deadline", () => {
  it("takes the year from the text when --year is absent", async () => {
    const result = await cli(["deadline", "Quý III/2025"]);
    expect(result.code).toBe(0);
    const schedule = JSON.parse(result.stdout) as { milestones: Array<{ due: string }> };
    expect(schedule.milestones.map((m) => m.due)).toEqual(["2025-09-30"]);
  });

  it("lets --year win over the text, and asks for it in Vietnamese when the text names none", async () => {
    const given = await cli(["deadline", "--year", "2026", "Trước 30/6"]);
    expect((JSON.parse(given.stdout) as { milestones: Array<{ due: string }> }).milestones[0]?.due).toBe("2026-06-30");
    const missing = await cli(["deadline", "Trước 30/6"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe("nhacviec: cần --year khi văn bản không ghi năm, ví dụ --year 2025");
  });

  it("reads a batch of cells from stdin, one schedule a line", async () => {
    const result = await cli(["deadlines", "--year", "2025"], {}, "Thường xuyên\nTrước ngày 28/01/2025\n");
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { kind: string }).kind),
    ).toEqual(["ongoing", "dated"]);
  });
});

describe("an organization nobody has", () => {
  let database: TestDatabase & { client: PostgresDatabaseClient };
  beforeAll(async () => {
    database = await createMigratedDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it.each([
    [["status", "--org", "khong-co"]],
    [["export", "--org", "khong-co", "--format", "xlsx", "--out", "/tmp/nhacviec-khong-co.xlsx"]],
    [["report", "--org", "khong-co", "--period", "2026-Q3", "--out", "/tmp/nhacviec-khong-co.docx"]],
  ])("%j: one Vietnamese line naming it, exit 1, no usage", async (argv) => {
    const result = await cli(argv, { DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('nhacviec: tổ chức "khong-co": không tìm thấy\n');
  });
});
