import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/par/${name}`, import.meta.url));
const cli = (args: string[]) =>
  run("npx", ["tsx", "src/cli/main.ts", ...args], { env: { ...process.env, LOG_LEVEL: "silent" } });

describe("nhacviec par import --dry-run", () => {
  it("prints exactly the set and its criteria tree as JSON, without a database", async () => {
    const { stdout } = await cli([
      "par",
      "import",
      fixture("quang-tri-xa-2026.xlsx"),
      "--province",
      "quang-tri",
      "--year",
      "2026",
      "--dry-run",
      "--json",
    ]);
    const printed = JSON.parse(stdout) as { set: Record<string, unknown>; criteria: Array<Record<string, unknown>> };
    expect(Object.keys(printed)).toEqual(["set", "criteria"]);
    expect(printed.set).toEqual({
      province: "quang-tri",
      year: 2026,
      title: "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2026 (mẫu thử, bố cục bảng tính)",
      source: "quang-tri-xa-2026.xlsx",
    });
    expect(printed.criteria[0]).toEqual({
      code: "I",
      name: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
      maxPoints: 10,
      scoring: "",
      evidence: "",
      children: expect.any(Array) as unknown,
    });
    const third = (printed.criteria[0]!.children as Array<Record<string, unknown>>)[2]!;
    expect(Object.keys(third)).toEqual(["code", "name", "maxPoints", "scoring", "evidence", "children"]);
    expect((third.children as Array<{ code: string; maxPoints: number }>).map((c) => [c.code, c.maxPoints])).toEqual([
      ["3.a", 1.5],
      ["3.b", 2.5],
    ]);
  }, 60_000);

  it("explains every row it read, skipped or totalled", async () => {
    const { stdout } = await cli([
      "par",
      "import",
      fixture("binh-duong-xa-2026.docx"),
      "--province",
      "binh-duong",
      "--year",
      "2026",
      "--dry-run",
      "--explain",
    ]);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe(
      'Đã đọc (chưa lưu) bộ chỉ số "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA ỦY BAN NHÂN DÂN CÁC XÃ, PHƯỜNG, THỊ TRẤN NĂM 2026" – binh-duong 2026',
    );
    expect(lines[1]).toBe("- 8 lĩnh vực, 75 tiêu chí và tiêu chí thành phần, tổng điểm tối đa 100");
    expect(lines).toContain("bảng 1, hàng 2: dòng số thứ tự cột | (1) | (2) | (3) | (4) | (5) | (6)");
    expect(lines.filter((l) => l.includes(": tiêu chí "))).toHaveLength(75);
    expect(lines.at(-1)).toBe(
      "bảng 1, hàng 78: dòng tổng (dòng tổng điểm: tính lại từ các tiêu chí) | Tổng điểm | 100",
    );
  }, 60_000);
});
