import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/domain/calendar/index.js";
import { DEFAULT_TIME_ZONE } from "../../src/domain/planning/index.js";
import { DEFAULT_REMINDER_POLICY } from "../../src/domain/reminders/index.js";
import { previewSends, type PreviewTask } from "../../src/services/preview-sends.js";

const context = { policy: DEFAULT_REMINDER_POLICY, calendar: createWorkingCalendar(), timeZone: DEFAULT_TIME_ZONE };
const task: PreviewTask = {
  section: "I",
  stt: "1",
  leadUnits: ["Vp UBND"],
  supportUnits: ["Tư pháp"],
  milestones: [{ kind: "dated", start: "2025-07-01", due: "2025-09-30", state: "open" }],
};

describe("previewSends", () => {
  it("names who will really receive each send: the unit's people, or the coordinators standing in for a unit with nobody", () => {
    const reachable = {
      byUnit: new Map([["Tư pháp", ["Phạm Thị Hoa"]]]),
      coordinators: ["Nguyễn Thị Lan"],
      chairman: [],
    };
    const sends = previewSends(
      [task],
      { start: "2025-01-01", end: "2025-12-31" },
      context,
      new Date("2025-01-02"),
      reachable,
    );
    const start = sends.filter((s) => s.kind === "start");
    expect(start.map((s) => [s.to.unit, s.people, s.noRecipientIn])).toEqual([
      ["Vp UBND", ["Nguyễn Thị Lan"], "Vp UBND"],
      ["Tư pháp", ["Phạm Thị Hoa"], null],
    ]);
    expect(start[1]!.to.supporting).toBe(true);
  });
});
