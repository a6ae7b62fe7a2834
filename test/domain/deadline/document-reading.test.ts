import { describe, expect, it } from "vitest";
import {
  awaitsReceipt,
  countsFromReceipt,
  deadlineReadingOf,
  type DocumentDates,
  documentDeadlineContext,
  normalizeDeadline,
  receiptProblem,
  scheduleFromReceipt,
  scheduleOfDeadlineTexts,
} from "../../../src/domain/deadline/index.js";

// A Thông báo kết luận signed on Wednesday 02/12/2026, as stored with its plan.
const NOTICE: DocumentDates = {
  reading: "directive",
  year: 2026,
  period: { start: "2026-01-01", end: "2026-12-31" },
  issuedOn: "2026-12-02",
  receivedOn: null,
};
const WORKING = "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này";
const CALENDAR = "trong 10 ngày kể từ ngày nhận văn bản";

describe("the reading a stored document was imported with", () => {
  it("reads a plan (a table, or 'Kế hoạch' in numbered parts) within its period, anything else as a directive", () => {
    expect(deadlineReadingOf(null)).toBe("plan");
    expect(deadlineReadingOf("Kế hoạch")).toBe("plan");
    expect(deadlineReadingOf("Thông báo")).toBe("directive");
    expect(deadlineReadingOf("Công văn")).toBe("directive");
  });

  it("counts a dated directive from its date (a year after it) and a plan within its period, the receipt added when known", () => {
    expect(documentDeadlineContext(NOTICE)).toEqual({ planYear: 2026, issuedOn: "2026-12-02" });
    expect(documentDeadlineContext({ ...NOTICE, issuedOn: null, receivedOn: "2026-12-04" })).toEqual({
      planYear: 2026,
      period: NOTICE.period,
      receivedOn: "2026-12-04",
    });
    expect(documentDeadlineContext({ ...NOTICE, reading: "plan", receivedOn: "2026-12-04" })).toEqual({
      planYear: 2026,
      period: NOTICE.period,
      issuedOn: "2026-12-02",
      receivedOn: "2026-12-04",
    });
  });

  it("reads a directive's dateless day in the year after its date, a plan's in its own year", () => {
    const due = (document: DocumentDates) =>
      scheduleOfDeadlineTexts(["trước ngày 15/01"], document.reading, documentDeadlineContext(document)).milestones[0]
        ?.due;
    expect(due(NOTICE)).toBe("2027-01-15");
    expect(due({ ...NOTICE, reading: "plan" })).toBe("2026-01-15");
  });
});

describe("a task counted from the day its document was received", () => {
  it("waits for the day, and is read again from it: working days skip the weekend", () => {
    expect(awaitsReceipt(normalizeDeadline(WORKING, documentDeadlineContext(NOTICE)))).toBe(true);
    // Friday 04/12: Mon 7 … Fri 11.
    const schedule = scheduleFromReceipt([WORKING], { ...NOTICE, receivedOn: "2026-12-04" });
    expect(schedule).toMatchObject({
      kind: "dated",
      milestones: [{ due: "2026-12-11" }],
      needsReview: false,
      counted: { unit: "working-day", from: "received", reference: "2026-12-04" },
    });
    expect(awaitsReceipt(schedule!)).toBe(false);
  });

  it("counts calendar days for 'trong 10 ngày', a last day on a Sunday moving to Monday", () => {
    // Thursday 03/12 + 10 is Sunday 13/12: due Monday 14/12.
    expect(scheduleFromReceipt([CALENDAR], { ...NOTICE, receivedOn: "2026-12-03" })?.milestones[0]?.due).toBe(
      "2026-12-14",
    );
  });

  it("moves a count naming no start from the document's date to the receipt", () => {
    expect(scheduleFromReceipt(["trong 07 ngày"], NOTICE)?.milestones[0]?.due).toBe("2026-12-09");
    expect(scheduleFromReceipt(["trong 07 ngày"], { ...NOTICE, receivedOn: "2026-12-04" })?.milestones[0]?.due).toBe(
      "2026-12-11",
    );
  });

  it("leaves a task whose deadline does not hang on the receipt alone", () => {
    expect(scheduleFromReceipt(["trước ngày 31/01/2027"], { ...NOTICE, receivedOn: "2026-12-04" })).toBeNull();
    expect(scheduleFromReceipt(["trong 10 ngày kể từ ngày ký"], { ...NOTICE, receivedOn: "2026-12-04" })).toBeNull();
    expect(scheduleFromReceipt([], { ...NOTICE, receivedOn: "2026-12-04" })).toBeNull();
  });

  it("knows which schedules count from the receipt", () => {
    const context = documentDeadlineContext(NOTICE);
    expect(countsFromReceipt(normalizeDeadline(WORKING, context))).toBe(true);
    expect(countsFromReceipt(normalizeDeadline("trong 07 ngày", context))).toBe(true);
    expect(countsFromReceipt(normalizeDeadline("trong 10 ngày kể từ ngày ký", context))).toBe(false);
    expect(countsFromReceipt(normalizeDeadline("Quý I/2027", context))).toBe(false);
  });
});

describe("a day of receipt", () => {
  it("is refused before the document's date and after today, taken on either day itself", () => {
    expect(receiptProblem("2026-12-01", "2026-12-02", "2026-12-10")).toBe("before-issued");
    expect(receiptProblem("2026-12-11", "2026-12-02", "2026-12-10")).toBe("in-future");
    expect(receiptProblem("2026-12-02", "2026-12-02", "2026-12-10")).toBeNull();
    expect(receiptProblem("2026-12-10", "2026-12-02", "2026-12-10")).toBeNull();
    expect(receiptProblem("2020-01-01", null, "2026-12-10")).toBeNull();
  });
});
