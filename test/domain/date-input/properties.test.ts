import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, parseIsoDate } from "../../../src/domain/calendar/index.js";
import { type DateReading, parseDateInput } from "../../../src/domain/date-input/index.js";

/** Words and marks that steer random text towards what the parser looks for. */
const vocabulary = fc.constantFrom(
  "ngày",
  "ngay",
  "tháng",
  "thang",
  "quý",
  "năm",
  "nam",
  "tuần",
  "thứ",
  "thu",
  "sáu",
  "sau",
  "tới",
  "tối",
  "nữa",
  "cuối",
  "đầu",
  "giữa",
  "hết",
  "trước",
  "mồng",
  "mười",
  "hai",
  "ba",
  "tư",
  "giêng",
  "chạp",
  "hôm",
  "mai",
  "kia",
  "CN",
  "T",
  "QIII",
  "IV",
  "hàng",
  "số",
  "KH-UBND",
  "/",
  "-",
  ".",
  ":",
  ",",
  "(",
  "0",
  "1",
  "12",
  "29",
  "31",
  "99",
  "999",
  "2025",
  "2199",
  "1899",
  "t5",
  "t8",
  "cn",
  "8.1",
  "làm việc",
  "lam viec",
  "rằm",
  "âm lịch",
  "Tết",
  "mùng",
  "kể từ",
  "thứ năm",
  "19/12",
);
const phrase = fc.array(vocabulary, { maxLength: 10 }).map((words) => words.join(" "));
const reference = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function expectSound(reading: DateReading): void {
  expect(parseIsoDate(reading.date)).not.toBeNull();
  expect(parseIsoDate(reading.due)).not.toBeNull();
  const year = Number(reading.due.slice(0, 4));
  expect(year).toBeGreaterThanOrEqual(1900);
  expect(year).toBeLessThanOrEqual(2100);
  expect(Number(reading.date.slice(0, 4))).toBeGreaterThanOrEqual(1900);
  expect(reading.due >= reading.date).toBe(true);
}

// An office that works one Saturday and closes one Monday: working days are counted on it.
const calendar = createWorkingCalendar({ extraDaysOff: ["2026-12-14"], extraWorkingDays: ["2026-12-19"] });

describe("parseDateInput on any input", () => {
  it("never throws, and every reading is a real day from 1900 to 2100, due no earlier than it starts", () => {
    fc.assert(
      fc.property(fc.oneof(phrase, fc.string({ maxLength: 40 })), reference, (text, today) => {
        const result = parseDateInput(text, today, { calendar });
        if (result.ok) expectSound(result);
        else if (result.reason === "ambiguous") {
          expect(result.choices.length).toBeGreaterThan(0);
          result.choices.forEach(expectSound);
        }
      }),
      { numRuns: 4000 },
    );
  });
});

describe("parseDateInput at the edge of the calendar", () => {
  it("never throws for a reference in the last years the lunar calendar covers", () => {
    const late = fc
      .date({ min: new Date("2195-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(phrase, late, (text, today) => {
        const result = parseDateInput(text, today, { calendar });
        if (result.ok) expectSound(result);
      }),
      { numRuns: 1500 },
    );
  });
});
