import { describe, expect, it } from "vitest";
import { buildDigest, type DigestMilestone } from "../../../src/domain/reminders/index.js";

const m = (over: Partial<DigestMilestone>): DigestMilestone => ({
  section: "I",
  stt: "1",
  title: "Việc",
  leadUnits: ["Văn phòng"],
  due: "2025-09-30",
  state: "open",
  completedOn: null,
  ...over,
});

describe("buildDigest", () => {
  const today = "2025-10-06"; // a Monday
  it("counts milestones by state for the week of today", () => {
    const digest = buildDigest(
      [
        m({ due: "2025-12-31" }),
        m({ due: "2025-10-10" }),
        m({ due: "2025-10-06" }),
        m({ due: "2025-09-30" }),
        m({ state: "done", due: "2025-09-30", completedOn: "2025-09-29" }),
        m({ state: "done", due: "2025-09-30", completedOn: "2025-10-02" }),
        m({ due: null }),
        m({ due: null, ongoing: true }),
        m({ due: null, ongoing: true }),
        m({ state: "cancelled" }),
      ],
      today,
    );
    expect(digest.weekOf).toBe("2025-10-06");
    expect(digest.counts).toEqual({
      onTrack: 1,
      dueThisWeek: 2,
      overdue: 1,
      doneOnTime: 1,
      doneLate: 1,
      // "Thường xuyên" duties are their own category: not on track, not waiting for a date.
      ongoing: 2,
      noDate: 1,
    });
  });

  it("groups overdue work by unit, the most overdue first, unassigned tasks under their own heading", () => {
    const digest = buildDigest(
      [
        m({ stt: "1", leadUnits: ["Tư pháp"], due: "2025-10-01" }),
        m({ stt: "2", leadUnits: ["Văn phòng"], due: "2025-09-01" }),
        m({ stt: "3", leadUnits: ["Văn phòng"], due: "2025-09-20" }),
        m({ stt: "4", leadUnits: [], due: "2025-10-03" }),
      ],
      today,
    );
    expect(digest.overdueByUnit.map((g) => [g.unit, g.items.map((i) => [i.task, i.daysOverdue])])).toEqual([
      [
        "Văn phòng",
        [
          ["I.2", 35],
          ["I.3", 16],
        ],
      ],
      [null, [["I.4", 3]]],
      ["Tư pháp", [["I.1", 5]]],
    ]);
  });

  it("lists a milestone with two lead units under each, and counts it once in the totals", () => {
    const digest = buildDigest(
      [m({ stt: "1", leadUnits: ["Văn phòng", "Tư pháp"], due: "2025-10-01" }), m({ stt: "2", due: "2025-10-02" })],
      today,
    );
    expect(digest.counts.overdue).toBe(2);
    expect(digest.overdueByUnit.map((g) => [g.unit, g.items.map((i) => i.task)])).toEqual([
      ["Văn phòng", ["I.1", "I.2"]],
      ["Tư pháp", ["I.1"]],
    ]);
  });

  it("lists work equally late in the plan's order, whatever order the rows came in", () => {
    const rows = [
      m({ section: "II", stt: "10", title: "Mười" }),
      m({ section: "I", stt: "2", title: "Hai" }),
      m({ section: "II", stt: "9", title: "Chín" }),
      m({ section: "II", stt: "9", title: "Bản khác" }),
    ];
    const order = (input: DigestMilestone[]) =>
      buildDigest(input, today).overdueByUnit[0]?.items.map((item) => `${item.task} ${item.title}`);
    const expected = ["I.2 Hai", "II.9 Bản khác", "II.9 Chín", "II.10 Mười"];
    expect(order(rows)).toEqual(expected);
    expect(order([...rows].reverse())).toEqual(expected);
  });
});
