import { describe, expect, it } from "vitest";
import { groupByTask, urgencyRank } from "../../../src/domain/milestones/group-by-task.js";

describe("groupByTask", () => {
  it("shows a task with two deadlines once, in the place it first appears, its milestones in order", () => {
    const rows = [
      { taskId: "a", id: 1 },
      { taskId: "b", id: 2 },
      { taskId: "a", id: 3 },
    ];
    expect(groupByTask(rows).map((g) => g.map((r) => r.id))).toEqual([[1, 3], [2]]);
  });
  it("puts overdue first and cancelled last", () => {
    expect(urgencyRank("overdue")).toBeLessThan(urgencyRank("open"));
    expect(urgencyRank("done")).toBeLessThan(urgencyRank("cancelled"));
    expect(urgencyRank("whatever")).toBeGreaterThan(urgencyRank("cancelled"));
  });
});
