import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, formatLocalDate } from "../../../src/domain/planning/index.js";

describe("formatLocalDate", () => {
  it("shows the organization's day, not UTC's: a report made at 02:10 on 29/11 in Hanoi says 29/11", () => {
    expect(formatLocalDate(new Date("2025-11-29T02:10:00+07:00"), DEFAULT_TIME_ZONE)).toBe("29/11/2025");
    expect(new Date("2025-11-29T02:10:00+07:00").toISOString().slice(0, 10)).toBe("2025-11-28");
  });
});
