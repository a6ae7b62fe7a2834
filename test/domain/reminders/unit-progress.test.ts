import { describe, expect, it } from "vitest";
import { type DigestMilestone, unitProgress } from "../../../src/domain/reminders/index.js";

const m = (over: Partial<DigestMilestone>): DigestMilestone => ({
  section: "I",
  stt: "1",
  title: "Việc",
  leadUnits: ["Tư pháp"],
  due: "2025-03-10",
  state: "open",
  completedOn: null,
  ...over,
});

describe("unitProgress", () => {
  it("counts done on time, done late and overdue per unit, most overdue first", () => {
    const result = unitProgress(
      [
        m({ state: "done", completedOn: "2025-03-09" }),
        m({ state: "done", completedOn: "2025-03-12" }),
        m({ leadUnits: ["Văn phòng"], due: "2025-03-01" }),
        m({ leadUnits: ["Văn phòng"], due: "2025-03-02", state: "in_progress" }),
        m({ leadUnits: [], due: "2025-03-03" }),
        // Not counted: within its time, waiting for approval, cancelled, no date.
        m({ due: "2025-03-20" }),
        m({ state: "submitted", due: "2025-03-01" }),
        m({ state: "cancelled", due: "2025-03-01" }),
        m({ due: null }),
        m({ leadUnits: ["Văn hóa"], due: null, ongoing: true }),
      ],
      "2025-03-15",
    );
    expect(result).toEqual([
      { unit: "Văn phòng", onTime: 0, late: 0, overdue: 2, ongoing: 0 },
      { unit: null, onTime: 0, late: 0, overdue: 1, ongoing: 0 },
      { unit: "Tư pháp", onTime: 1, late: 1, overdue: 0, ongoing: 0 },
      { unit: "Văn hóa", onTime: 0, late: 0, overdue: 0, ongoing: 1 },
    ]);
  });
  it("is empty when nothing is done or late", () => {
    expect(unitProgress([m({ due: "2025-12-31" })], "2025-03-15")).toEqual([]);
  });
  it("counts a milestone with two lead units in each unit's bar", () => {
    const result = unitProgress(
      [m({ leadUnits: ["Tư pháp", "Văn phòng"], due: "2025-03-01" }), m({ leadUnits: ["Tư pháp"], due: "2025-03-02" })],
      "2025-03-15",
    );
    expect(result).toEqual([
      { unit: "Tư pháp", onTime: 0, late: 0, overdue: 2, ongoing: 0 },
      { unit: "Văn phòng", onTime: 0, late: 0, overdue: 1, ongoing: 0 },
    ]);
  });
});
