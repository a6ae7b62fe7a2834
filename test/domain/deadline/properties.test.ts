import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRealDate } from "../../../src/domain/calendar/index.js";
import { normalizeDeadline, type Schedule } from "../../../src/domain/deadline/index.js";
import { readDeadlineFixtures } from "../../support/fixtures.js";

const seeds = readDeadlineFixtures();
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isRealIsoDate = (date: string): boolean => {
  const [year, month, day] = date.split("-").map(Number);
  return isRealDate(year ?? Number.NaN, month ?? Number.NaN, day ?? Number.NaN);
};

/** The invariants every Schedule keeps, whatever the input. */
function expectWellFormed(schedule: Schedule): void {
  let previousDue = "";
  for (const milestone of schedule.milestones) {
    expect(milestone.due).toMatch(isoDate);
    expect(isRealIsoDate(milestone.due)).toBe(true);
    if (milestone.start !== null) {
      expect(milestone.start).toMatch(isoDate);
      expect(isRealIsoDate(milestone.start)).toBe(true);
      expect(milestone.start <= milestone.due).toBe(true);
    }
    expect(milestone.due > previousDue).toBe(true);
    previousDue = milestone.due;
  }
  expect(schedule.recurrence !== null).toBe(schedule.kind === "recurring");
  if (schedule.kind === "unscheduled") {
    expect(schedule.milestones).toEqual([]);
    expect(schedule.needsReview).toBe(true);
  }
  if (schedule.kind === "ongoing") expect(schedule.milestones).toEqual([]);
  if (schedule.kind === "dated") expect(schedule.milestones.length).toBeGreaterThan(0);
}

const context = fc.record({ planYear: fc.integer({ min: 2000, max: 2100 }) });

/** Pieces that steer random text towards what the normalizer looks for. */
const vocabulary = fc.constantFrom(
  "Trước",
  "ngày",
  "tháng",
  "năm",
  "Quý",
  "Qúy",
  "I",
  "II",
  "III",
  "IV",
  "V",
  "hàng",
  "hằng",
  "Thường xuyên",
  "Theo",
  "kế hoạch",
  "đến",
  "từ",
  "và",
  ",",
  ";",
  ":",
  "-",
  "/",
  ".",
  "\n",
  "<br>",
  "&nbsp;",
  "6 tháng đầu năm",
  "Cấp xã:",
  "đối với",
  "hoặc",
  "đột xuất",
  "Định kỳ",
  "0",
  "00",
  "31",
  "29",
  "02",
  "12",
  "13",
  "2024",
  "2025",
  "99",
);
const sentence = fc
  .array(fc.oneof(vocabulary, fc.integer({ min: 0, max: 3000 }).map(String)), { maxLength: 14 })
  .map((parts) => parts.join(" "));

type Mutation = (text: string, at: number, extra: string) => string;
const mutations: Mutation[] = [
  (text, at) => text.slice(0, at) + text.slice(at + 1),
  (text, at, extra) => text.slice(0, at) + extra + text.slice(at),
  (text, at) => text.slice(0, at) + text.slice(at, at + 5).toUpperCase() + text.slice(at + 5),
  (text) => text.normalize("NFD"),
  (text, at) => `${text.slice(0, at)}<b>${text.slice(at)}</b>`,
  (text, at) => `${text.slice(0, at)}\n${text.slice(at)}`,
  (text) => text + text,
  (text, at) => text.slice(0, at).replace(/\d/g, (d) => String((Number(d) + 7) % 10)) + text.slice(at),
];
const mutatedSeed = fc
  .tuple(
    fc.constantFrom(...seeds.map((seed) => seed.text)),
    fc.array(fc.tuple(fc.nat(mutations.length - 1), fc.nat(200), fc.string({ maxLength: 3 })), { maxLength: 4 }),
  )
  .map(([text, steps]) =>
    steps.reduce((current, [which, at, extra]) => mutations[which]!(current, at % (current.length + 1), extra), text),
  );

describe("normalizeDeadline on any input", () => {
  it("never throws and always returns a well-formed schedule for arbitrary Unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), context, (text, ctx) => {
        expectWellFormed(normalizeDeadline(text, ctx));
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws on text made of deadline words, numbers and punctuation", () => {
    fc.assert(
      fc.property(sentence, context, (text, ctx) => {
        expectWellFormed(normalizeDeadline(text, ctx));
      }),
      { numRuns: 5000 },
    );
  });

  it("never throws on mutated seed phrases, with or without a plan period", () => {
    const withPeriod = fc.option(fc.constant({ start: "2025-07-01", end: "2025-12-31" }), { nil: undefined });
    fc.assert(
      fc.property(mutatedSeed, withPeriod, (text, period) => {
        expectWellFormed(normalizeDeadline(text, period ? { planYear: 2025, period } : { planYear: 2025 }));
      }),
      { numRuns: 5000 },
    );
  });

  it("asks for review of any text it cannot read", () => {
    // Consonant-only words are no Vietnamese word and carry no number.
    const gibberish = fc
      .array(fc.stringMatching(/^[bcdfgjklmpqrstvxz]{2,7}$/), { minLength: 1, maxLength: 6 })
      .map((words) => words.join(" "));
    fc.assert(
      fc.property(gibberish, (text) => {
        expect(normalizeDeadline(text, { planYear: 2025 })).toMatchObject({
          kind: "unscheduled",
          milestones: [],
          needsReview: true,
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps the dates of a readable cell and asks for review when unreadable words are added", () => {
    const dated = seeds.filter((seed) => seed.expected.kind === "dated" && !seed.expected.needsReview);
    fc.assert(
      fc.property(fc.constantFrom(...dated), fc.stringMatching(/^[bcdfgjklmpqrstvxz]{3,7}$/), (seed, word) => {
        const schedule = normalizeDeadline(`${seed.text} ${word}`, seed.context);
        expect(schedule.milestones.map((m) => m.due)).toEqual(seed.expected.milestones.map((m) => m.due));
        expect(schedule.needsReview).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

/** Words of documents' relative, recurring and lunar deadlines, for the properties below. */
const documentWords = fc.constantFrom(
  "trong thời hạn",
  "trong vòng",
  "chậm nhất",
  "không quá",
  "05",
  "10",
  "999",
  "ngày làm việc",
  "ngày",
  "tuần",
  "tháng",
  "năm",
  "kể từ ngày",
  "nhận được văn bản này",
  "ký",
  "ban hành",
  "sau khi",
  "ngay sau khi có hướng dẫn",
  "hằng tháng",
  "hằng quý",
  "định kỳ 6 tháng",
  "hằng tuần vào thứ Sáu",
  "của tháng cuối quý",
  "trước",
  "rằm",
  "tháng giêng",
  "tháng chạp",
  "Tết Nguyên đán",
  "mùng 8",
  "30",
  "âm lịch",
  "12/2026",
  "quý I năm 2027",
  ",",
  ";",
);
const documentSentence = fc.array(documentWords, { maxLength: 12 }).map((parts) => parts.join(" "));
const isoDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2198-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const documentContext = fc.record(
  { planYear: fc.integer({ min: 1900, max: 2199 }), issuedOn: isoDay, receivedOn: isoDay },
  { requiredKeys: ["planYear"] },
);

describe("normalizeDeadline on documents' deadlines", () => {
  it("never throws on relative, recurring and lunar phrases, with or without the document's dates", () => {
    fc.assert(
      fc.property(fc.oneof(documentSentence, fc.string({ maxLength: 60 })), documentContext, (text, ctx) => {
        const schedule = normalizeDeadline(text, ctx);
        expectWellFormed(schedule);
        if (schedule.counted && schedule.counted.reference === null) expect(schedule.kind).toBe("unscheduled");
      }),
      { numRuns: 3000 },
    );
  });
});

describe("a deadline cell of a million characters", () => {
  it("is answered within a second, keeping the date it starts with and asking a person to check", () => {
    for (const cell of ["Quý III ".repeat(125_000), `Trước ngày 28/01/2025 ${"x".repeat(1_000_000)}`]) {
      const started = performance.now();
      const schedule = normalizeDeadline(cell, { planYear: 2025 });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(schedule.text).toBe(cell);
      expect(schedule.needsReview).toBe(true);
      expect(schedule.milestones.length).toBeGreaterThan(0);
    }
  });
});
