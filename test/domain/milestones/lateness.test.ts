import { describe, expect, it } from "vitest";
import { isLate, lateness } from "../../../src/domain/milestones/index.js";

const TODAY = "2025-06-10"; // a Tuesday; the week ends on Sunday 15/06

describe("lateness", () => {
  it("counts unfinished work past its due day as overdue, in calendar days", () => {
    expect(lateness({ state: "open", due: "2025-06-07", completedOn: null }, TODAY)).toEqual({
      status: "overdue",
      days: 3,
    });
    expect(lateness({ state: "in_progress", due: "2025-06-09", completedOn: null }, TODAY).status).toBe("overdue");
  });
  it("is due soon from today to the end of the week, on track after it", () => {
    expect(lateness({ state: "open", due: "2025-06-10", completedOn: null }, TODAY).status).toBe("due-soon");
    expect(lateness({ state: "open", due: "2025-06-15", completedOn: null }, TODAY).status).toBe("due-soon");
    expect(lateness({ state: "open", due: "2025-06-16", completedOn: null }, TODAY).status).toBe("on-track");
  });
  it("fixes the lateness of handed-in work at the day it was handed in", () => {
    expect(lateness({ state: "done", due: "2025-06-01", completedOn: "2025-06-01" }, TODAY).status).toBe(
      "done-on-time",
    );
    expect(lateness({ state: "done", due: "2025-06-01", completedOn: "2025-06-04" }, TODAY)).toEqual({
      status: "done-late",
      days: 3,
    });
    expect(lateness({ state: "submitted", due: "2025-06-01", completedOn: "2025-06-02" }, TODAY)).toEqual({
      status: "submitted-late",
      days: 1,
    });
    // Waiting for approval past the due day, but handed in on time: not overdue.
    expect(lateness({ state: "submitted", due: "2025-06-05", completedOn: "2025-06-05" }, TODAY).status).toBe(
      "submitted",
    );
  });
  it("tells an ongoing task from one still waiting for a date, and leaves cancelled work out", () => {
    expect(lateness({ state: "open", due: null, completedOn: null, ongoing: true }, TODAY).status).toBe("ongoing");
    expect(lateness({ state: "open", due: null, completedOn: null }, TODAY).status).toBe("undated");
    expect(lateness({ state: "cancelled", due: "2025-01-01", completedOn: null }, TODAY).status).toBe("cancelled");
  });
  it("calls overdue, done-late and submitted-late work late, nothing else", () => {
    expect(isLate({ status: "overdue", days: 2 })).toBe(true);
    expect(isLate({ status: "submitted-late", days: 1 })).toBe(true);
    expect(isLate({ status: "done-late", days: 1 })).toBe(true);
    expect(isLate({ status: "submitted", days: 0 })).toBe(false);
    expect(isLate({ status: "due-soon", days: 0 })).toBe(false);
  });
});
