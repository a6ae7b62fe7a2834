import { describe, expect, it } from "vitest";
import { combineSchedules, normalizeDeadline } from "../../../src/domain/deadline/index.js";

const read = (...texts: string[]) => combineSchedules(texts.map((t) => normalizeDeadline(t, { planYear: 2025 })));

describe("combineSchedules", () => {
  it("keeps a single schedule as it is", () => {
    expect(read("Quý I/2025")).toEqual(normalizeDeadline("Quý I/2025", { planYear: 2025 }));
  });
  it("unions the milestones of several cells, merged by due date", () => {
    const schedule = read("Quý I/2025", "Cả năm 2025", "Trước ngày 31/03/2025");
    expect(schedule.kind).toBe("dated");
    expect(schedule.milestones.map((m) => [m.start, m.due])).toEqual([
      ["2025-01-01", "2025-03-31"],
      ["2025-01-01", "2025-12-31"],
    ]);
    expect(schedule.needsReview).toBe(false);
  });
  it("asks for review when any cell needs it", () => {
    expect(read("Trước ngày 05/02/2025", "Theo yêu cầu của huyện").needsReview).toBe(true);
  });
  it("stays ongoing when every cell is ongoing, and recurring when a repetition is all there is", () => {
    expect(read("Thường xuyên", "Liên tục").kind).toBe("ongoing");
    expect(read("Hàng quý", "Thường xuyên")).toMatchObject({ kind: "recurring", recurrence: { every: "quarter" } });
  });
  it("is unscheduled and asks for a date when there is no cell at all", () => {
    expect(combineSchedules([])).toMatchObject({ kind: "unscheduled", milestones: [], needsReview: true });
  });
});
