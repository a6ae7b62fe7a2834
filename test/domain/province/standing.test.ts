import { describe, expect, it } from "vitest";
import {
  type CommuneTask,
  copiesDueWithin,
  leagueTable,
  leagueTotals,
  mostOverdue,
} from "../../../src/domain/province/index.js";

const TODAY = "2025-03-25";

/** A commune's copy of province task `task` with one milestone per [due, completedOn] (null: not done). */
function copy(commune: string, task: string, milestones: Array<[string, string | null]>): CommuneTask {
  return {
    organizationId: commune,
    organizationName: `Xã ${commune}`,
    taskId: `${commune}-${task}`,
    sourceTaskId: task,
    field: null,
    milestones: milestones.map(([due, completedOn]) => ({
      state: completedOn ? "done" : "open",
      due,
      completedOn,
    })),
    accepted: false,
    evidenceCount: 0,
    lead: null,
  };
}

const copies = [
  copy("A", "t1", [["2025-03-10", "2025-03-05"]]),
  copy("A", "t2", [["2025-03-20", "2025-03-15"]]),
  copy("B", "t1", [["2025-03-10", "2025-03-14"]]),
  copy("B", "t2", [["2025-03-20", "2025-03-18"]]),
  copy("C", "t1", [["2025-03-10", null]]),
  copy("C", "t2", [["2025-03-20", null]]),
  copy("D", "t1", [["2025-03-10", "2025-03-01"]]),
  copy("D", "t2", [["2025-03-20", null]]),
];

describe("leagueTable", () => {
  it("counts a commune's work done late apart from its work done on time", () => {
    const rows = leagueTable(copies, TODAY, false);
    expect(rows.map((r) => [r.organizationId, r.rank, r.doneOnTime, r.doneLate, r.overdue, r.onTimeShare])).toEqual([
      ["A", 1, 2, 0, 0, 1],
      ["B", 2, 1, 1, 0, 0.5],
      ["D", 3, 1, 0, 1, 0.5],
      ["C", 4, 0, 0, 2, 0],
    ]);
  });
});

describe("leagueTotals", () => {
  it("sums the communes and takes the share by the table's rule, not as a mean of the communes' shares", () => {
    const totals = leagueTotals(leagueTable(copies, TODAY, false));
    expect(totals).toEqual({
      communes: 4,
      tasks: 8,
      done: 5,
      doneOnTime: 4,
      doneLate: 1,
      overdue: 3,
      pending: 0,
      daysLate: 4 + 15 + 5 + 5,
      onTimeShare: 4 / 8,
    });
  });

  it("counts work neither done nor overdue as pending, and has no share before anything is assessed", () => {
    const totals = leagueTotals(leagueTable([copy("A", "t9", [["2025-06-30", null]])], TODAY, false));
    expect(totals).toMatchObject({ tasks: 1, pending: 1, onTimeShare: null });
    expect(leagueTotals([])).toMatchObject({ communes: 0, tasks: 0, onTimeShare: null });
  });
});

describe("mostOverdue", () => {
  it("names the communes with overdue work, most overdue first, then most days late", () => {
    const rows = leagueTable(copies, TODAY, false);
    expect(mostOverdue(rows).map((r) => [r.organizationId, r.overdue, r.daysLate])).toEqual([
      ["C", 2, 20],
      ["D", 1, 5],
    ]);
    expect(mostOverdue(rows, 1).map((r) => r.organizationId)).toEqual(["C"]);
  });
});

describe("copiesDueWithin", () => {
  it("keeps each copy's milestones due in the period and leaves out copies with none there", () => {
    const quarterly = copy("A", "tq", [
      ["2025-03-31", "2025-03-20"],
      ["2025-06-30", null],
    ]);
    const undated = { ...copy("A", "tu", []), milestones: [{ state: "open" as const, due: null, completedOn: null }] };
    const within = copiesDueWithin(
      [quarterly, copy("B", "t5", [["2025-05-15", null]]), undated],
      "2025-01-01",
      "2025-03-31",
    );
    expect(within.map((c) => [c.taskId, c.milestones.map((m) => m.due)])).toEqual([["A-tq", ["2025-03-31"]]]);
    // The quarter's own milestone done: the copy is done in that quarter though the next one is still open.
    expect(leagueTable(within, "2025-04-10", false)[0]).toMatchObject({ done: 1, doneOnTime: 1 });
  });
});
