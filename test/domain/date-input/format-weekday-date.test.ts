import { describe, expect, it } from "vitest";
import { formatWeekdayDate } from "../../../src/domain/date-input/index.js";

describe("formatWeekdayDate", () => {
  it("names the weekday before the day", () => {
    expect(formatWeekdayDate("2026-03-20")).toBe("Thứ Sáu 20/03/2026");
    expect(formatWeekdayDate("2026-03-22")).toBe("Chủ Nhật 22/03/2026");
    expect(formatWeekdayDate("2026-03-16")).toBe("Thứ Hai 16/03/2026");
  });
});
