import { describe, expect, it } from "vitest";
import { type CommuneTask, finishedInWeekBefore } from "../../../src/domain/province/index.js";

const copy = (
  commune: string,
  milestones: CommuneTask["milestones"],
  over: Partial<CommuneTask> = {},
): CommuneTask => ({
  organizationId: `id-${commune}`,
  organizationName: commune,
  taskId: `t-${commune}`,
  sourceTaskId: "s1",
  field: null,
  milestones,
  accepted: false,
  evidenceCount: 0,
  lead: null,
  ...over,
});
const done = (completedOn: string, due = "2025-03-20") => ({ state: "done" as const, due, completedOn });

describe("finishedInWeekBefore", () => {
  // A digest read on Monday 24/03/2025 tells of 17/03 to 23/03.
  const today = "2025-03-24";

  it("names the communes that finished work in the seven days before the digest, most first", () => {
    const result = finishedInWeekBefore(
      [
        copy("Xã Gio Linh", [done("2025-03-17")]),
        copy("Xã Gio Sơn", [done("2025-03-23", "2025-03-10")]),
        copy("Xã Gio Sơn", [done("2025-03-20")], { sourceTaskId: "s2" }),
        // Finished before the week, today (next week's digest tells it), or not finished.
        copy("Phường Đông Hà", [done("2025-03-16")]),
        copy("Phường Đông Hà", [done("2025-03-24")], { sourceTaskId: "s2" }),
        copy("Xã Cam Lộ", [{ state: "submitted", due: "2025-03-20", completedOn: "2025-03-18" }]),
        copy("Xã Cam Lộ", [{ state: "open", due: "2025-03-20", completedOn: null }], { sourceTaskId: "s2" }),
      ],
      today,
      false,
    );
    expect(result.map((c) => [c.organizationName, c.finished])).toEqual([
      ["Xã Gio Sơn", 2],
      ["Xã Gio Linh", 1],
    ]);
  });

  it("dates a copy by its last milestone, and counts one done only when every live milestone is", () => {
    const result = finishedInWeekBefore(
      [
        copy("Xã Gio Linh", [
          done("2025-03-10"),
          done("2025-03-18"),
          { state: "cancelled", due: null, completedOn: null },
        ]),
        copy("Xã Gio Sơn", [done("2025-03-18"), { state: "open", due: "2025-04-30", completedOn: null }]),
        copy("Phường Đông Hà", [done("2025-03-18"), done("2025-03-10")]),
      ],
      today,
      false,
    );
    expect(result.map((c) => c.organizationName)).toEqual(["Phường Đông Hà", "Xã Gio Linh"]);
  });

  it("counts a copy the commune finished even while it waits for the province's word", () => {
    const waiting = copy("Xã Gio Linh", [done("2025-03-19")]);
    expect(finishedInWeekBefore([waiting], today, true).map((c) => c.finished)).toEqual([1]);
    expect(finishedInWeekBefore([{ ...waiting, accepted: true }], today, true).map((c) => c.finished)).toEqual([1]);
  });
});
