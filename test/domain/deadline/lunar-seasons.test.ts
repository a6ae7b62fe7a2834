import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, createWorkingCalendar, isWorkingDay, tetOf, toLunar } from "../../../src/domain/calendar/index.js";
import { normalizeDeadline } from "../../../src/domain/deadline/index.js";
import { parseDateInput } from "../../../src/domain/date-input/index.js";

const calendar = createWorkingCalendar();
const firstWorkingFrom = (day: string): string => {
  let d = day;
  while (!isWorkingDay(calendar, d)) d = addDays(d, 1);
  return d;
};
/** Checked against toLunar, independently of lunarWindow: the last day of tháng giêng. */
const endOfGieng = (year: number): string => {
  let d = tetOf(year);
  while (toLunar(addDays(d, 1)).month === 1) d = addDays(d, 1);
  return d;
};
const lunarDay = (year: number, month: number, day: number): string => {
  let d = addDays(tetOf(year), month === 12 ? -40 : 0);
  while (!(toLunar(d).month === month && toLunar(d).day === day && toLunar(d).year === year)) d = addDays(d, 1);
  return d;
};

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030, 2150, 2198];

describe("lunar seasons in a plan of each year", () => {
  for (const year of YEARS) {
    const tet = tetOf(year);
    const table: Array<[string, { start: string | null; due: string }, boolean]> = [
      ["sau Tết", { start: firstWorkingFrom(tet), due: endOfGieng(year) }, true],
      ["Sau Tết Nguyên đán", { start: firstWorkingFrom(tet), due: endOfGieng(year) }, true],
      ["ngay sau Tết", { start: null, due: firstWorkingFrom(tet) }, false],
      ["trong tháng đầu sau Tết", { start: firstWorkingFrom(tet), due: endOfGieng(year) }, false],
      ["trước và sau Tết", { start: lunarDay(year - 1, 12, 15), due: lunarDay(year, 1, 15) }, true],
      ["sau rằm tháng giêng", { start: addDays(lunarDay(year, 1, 15), 1), due: endOfGieng(year) }, true],
    ];
    for (const [text, milestone, needsReview] of table) {
      it(`reads "${text}" in ${year}`, () => {
        const schedule = normalizeDeadline(text, { planYear: year });
        expect(schedule.kind).toBe("dated");
        expect(schedule.needsReview).toBe(needsReview);
        expect(schedule.milestones).toEqual([{ ...milestone, label: null, appliesTo: null }]);
      });
    }
    it(`repeats lunar days every year and every lunar month in ${year}`, () => {
      const rằm = normalizeDeadline("hằng năm vào rằm tháng giêng", { planYear: year });
      expect(rằm).toMatchObject({
        kind: "recurring",
        recurrence: { every: "year", calendar: "lunar" },
        needsReview: false,
      });
      expect(rằm.milestones.map((m) => m.due)).toEqual([lunarDay(year, 1, 15)]);
      const tetEve = normalizeDeadline("hằng năm trước Tết Nguyên đán", { planYear: year });
      expect(tetEve.milestones.map((m) => m.due)).toEqual([tet]);
      const monthly = normalizeDeadline("mùng 1 và rằm hằng tháng (âm lịch)", { planYear: year });
      expect(monthly).toMatchObject({
        kind: "recurring",
        recurrence: { every: "month", day: null, calendar: "lunar" },
      });
      // Every day of the year that is a mùng 1 or a rằm, leap months included, and no other.
      const expected: string[] = [];
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1))
        if ([1, 15].includes(toLunar(d).day)) expected.push(d);
      expect(monthly.milestones.map((m) => m.due)).toEqual(expected);
    });
  }
  it("gives 23 tháng chạp every year of a document's twelve months", () => {
    const schedule = normalizeDeadline("ngày 23 tháng chạp hằng năm", { planYear: 2026, issuedOn: "2026-03-01" });
    expect(schedule.kind).toBe("recurring");
    expect(schedule.milestones.map((m) => m.due)).toEqual([lunarDay(2026, 12, 23)]);
  });
  it("takes the year written after Tết, whatever the plan's year", () => {
    for (const planYear of [2025, 2026, 2027]) {
      const after = normalizeDeadline("Sau Tết 2027", { planYear });
      expect(after.milestones).toEqual([
        { start: firstWorkingFrom(tetOf(2027)), due: endOfGieng(2027), label: null, appliesTo: null },
      ]);
      expect(normalizeDeadline("sau Tết Nguyên đán năm 2028", { planYear }).milestones[0]?.due).toBe(endOfGieng(2028));
      const before = normalizeDeadline("Trước Tết Nguyên đán 2027", { planYear });
      expect(before).toMatchObject({ kind: "dated", needsReview: false });
      expect(before.milestones.map((m) => m.due)).toEqual([tetOf(2027)]);
      expect(normalizeDeadline("ngay sau Tết 2026", { planYear }).milestones[0]?.due).toBe(
        firstWorkingFrom(tetOf(2026)),
      );
      // "28 Tết 2027" is in the last lunar month before Tết 2027; "mùng 8 Tết 2027" after it.
      expect(normalizeDeadline("28 Tết 2027", { planYear }).milestones[0]?.due).toBe(lunarDay(2026, 12, 28));
      expect(normalizeDeadline("mùng 8 Tết 2027", { planYear }).milestones[0]?.due).toBe(lunarDay(2027, 1, 8));
    }
  });
  it("takes the Tết after a document's date", () => {
    const schedule = normalizeDeadline("sau Tết", { planYear: 2026, issuedOn: "2026-12-02" });
    expect(schedule.milestones[0]?.start).toBe(firstWorkingFrom(tetOf(2027)));
  });
  it("leaves a phrase that is not a relation to a lunar day as before", () => {
    expect(normalizeDeadline("sau khi có hướng dẫn của tỉnh", { planYear: 2026 }).kind).toBe("unscheduled");
    expect(normalizeDeadline("sau khi kết thúc Tết", { planYear: 2026 }).kind).toBe("unscheduled");
    // "sáu" is six, not "after".
    expect(normalizeDeadline("sáu tháng đầu năm", { planYear: 2027 }).milestones).toEqual([
      { start: "2027-01-01", due: "2027-06-30", label: null, appliesTo: null },
    ]);
  });
  it("reads the other relations of the spec's table in 2027", () => {
    const read = (text: string) => normalizeDeadline(text, { planYear: 2027 });
    const gieng = { start: tetOf(2027), due: endOfGieng(2027) };
    expect(read("sau tháng chạp")).toMatchObject({ needsReview: true, milestones: [gieng] });
    expect(read("ra giêng")).toMatchObject({ needsReview: false, milestones: [gieng] });
    expect(read("ngay sau rằm tháng giêng")).toMatchObject({
      needsReview: false,
      milestones: [{ start: null, due: firstWorkingFrom(addDays(lunarDay(2027, 1, 15), 1)) }],
    });
    expect(read("trước, trong và sau Tết").milestones).toEqual(read("trước và sau Tết").milestones);
    expect(read("triển khai sau Tết").milestones).toEqual(read("sau Tết").milestones);
    expect(read("trong tháng đầu tiên sau Tết")).toMatchObject({ needsReview: false });
    expect(read("sau Tết, báo cáo kết quả về UBND xã")).toMatchObject({ kind: "dated", needsReview: true });
    expect(read("rằm hằng tháng âm lịch")).toMatchObject({
      recurrence: { every: "month", day: 15, calendar: "lunar" },
    });
  });
});

describe("lunar seasons typed in the chat", () => {
  it.each([
    ["sau tet", "2027-02-12", "2027-03-07"],
    ["ngay sau tết", "2027-02-12", "2027-02-12"],
    ["sau rằm tháng giêng", "2027-02-21", "2027-03-07"],
    ["ra giêng", tetOf(2027), "2027-03-07"],
    ["trc tết", tetOf(2027), tetOf(2027)],
  ])("reads %s typed on 9/12/2026", (text, date, due) => {
    const result = parseDateInput(text, "2026-12-09");
    expect(result).toMatchObject({ ok: true, date, due });
  });
});

describe("lunar seasons never throw", () => {
  const phrases = fc.constantFrom(
    "sau Tết",
    "ngay sau Tết",
    "trong tháng đầu sau Tết",
    "trước và sau Tết",
    "sau rằm tháng giêng",
    "sau tháng chạp",
    "hằng năm vào rằm tháng giêng",
    "mùng 1 và rằm hằng tháng (âm lịch)",
    "ngày 23 tháng chạp hằng năm",
    "hằng năm trước Tết Nguyên đán",
  );
  it("for any plan year and document day, with due days in order inside each window", () => {
    fc.assert(
      fc.property(
        phrases,
        fc.integer({ min: 1900, max: 2199 }),
        fc.option(fc.integer({ min: 0, max: 364 })),
        (text, year, offset) => {
          const issuedOn = offset === null || year > 2198 ? undefined : addDays(`${year}-01-01`, offset);
          const schedule = normalizeDeadline(text, { planYear: year, ...(issuedOn ? { issuedOn } : {}) });
          for (const m of schedule.milestones) if (m.start !== null) expect(m.start <= m.due).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
  it("typed on any day up to the end of the lunar tables", () => {
    fc.assert(
      fc.property(phrases, fc.integer({ min: 0, max: 365 * 4 }), (text, offset) => {
        const result = parseDateInput(text, addDays("2196-01-01", offset));
        if (result.ok) expect(result.date <= result.due).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
