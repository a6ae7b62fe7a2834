import { describe, expect, it } from "vitest";
import { parseDeadlineContext, runDeadlines } from "../../src/cli/deadline.js";

describe("deadlines command", () => {
  it("prints one schedule per input line, an empty line included, in order", () => {
    const lines: string[] = [];
    runDeadlines(["--year", "2025"], "Thường xuyên\n\nTrước\\nngày 28/01/2025\n", (l) => lines.push(l));
    const kinds = lines.map((l) => JSON.parse(l).kind);
    expect(kinds).toEqual(["ongoing", "unscheduled", "dated"]);
    expect(JSON.parse(lines[2] as string).milestones[0].due).toBe("2025-01-28");
  });
  it("refuses a missing year and a malformed period", () => {
    expect(() => parseDeadlineContext([])).toThrow(/--year/);
    expect(() => parseDeadlineContext(["--year", "2025", "--period", "2025-07-01"])).toThrow(/--period/);
  });
});
