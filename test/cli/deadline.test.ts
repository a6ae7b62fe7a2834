import { describe, expect, it } from "vitest";
import type { Schedule } from "../../src/domain/deadline/index.js";
import { cli } from "../support/cli.js";
import { readDeadlineFixtures } from "../support/fixtures.js";
import { parseDeadlineContext, runDeadlines } from "../../src/cli/deadline.js";

describe("deadlines command", () => {
  it("prints one schedule per input line, an empty line included, in order", () => {
    const lines: string[] = [];
    runDeadlines(["--year", "2025"], "Thường xuyên\n\nTrước\\nngày 28/01/2025\n", (l) => lines.push(l));
    const kinds = lines.map((l) => JSON.parse(l).kind);
    expect(kinds).toEqual(["ongoing", "unscheduled", "dated"]);
    expect(JSON.parse(lines[2] as string).milestones[0].due).toBe("2025-01-28");
  });
  it("counts from the document's date and its receipt given on the command line", () => {
    const lines: string[] = [];
    const args = ["--year", "2026", "--issued-on", "2026-12-02", "--received-on", "2026-12-04"];
    runDeadlines(
      args,
      "trong vòng 10 ngày kể từ ngày ký\ntrong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này\n",
      (l) => lines.push(l),
    );
    expect(lines.map((l) => (JSON.parse(l) as Schedule).milestones[0]?.due)).toEqual(["2026-12-14", "2026-12-11"]);
    expect(() => parseDeadlineContext(["--year", "2026", "--issued-on", "02/12/2026"])).toThrow(/--issued-on/);
  });
  it("refuses a missing year and a malformed period", () => {
    expect(() => parseDeadlineContext([])).toThrow(/--year/);
    expect(parseDeadlineContext(["Quý III/2025"]).context.planYear).toBe(2025);
    expect(() => parseDeadlineContext(["--year", "2025", "--period", "2025-07-01"])).toThrow(/--period/);
  });
});

describe("`nhacviec deadlines`", () => {
  it("reproduces every seed fixture from stdin to stdout, in order", async () => {
    const fixtures = readDeadlineFixtures();
    const input = fixtures.map((f) => f.text.replaceAll("\n", "\\n")).join("\n") + "\n";
    const { code, stdout } = await cli(["deadlines", "--year", "2025"], {}, input);
    expect(code).toBe(0);
    const schedules = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Schedule);
    expect(schedules).toHaveLength(fixtures.length);
    schedules.forEach((schedule, i) => {
      const expected = fixtures[i]!.expected;
      expect({
        text: schedule.text,
        kind: schedule.kind,
        due: schedule.milestones.map((m) => m.due),
      }).toEqual({
        text: fixtures[i]!.text,
        kind: expected.kind,
        due: expected.milestones.map((m) => m.due),
      });
    });
  });
});
