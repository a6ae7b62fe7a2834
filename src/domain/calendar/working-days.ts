import { HOLIDAY_RULES, type HolidayRule, type NamedDay, rulesInForce, statutoryDaysOff } from "./holiday-rules.js";
import { addDays, type IsoDate, isoWeekday, parseIsoDate } from "./iso-date.js";
import { type PublishedYear, VIETNAM_PUBLIC_HOLIDAYS } from "./vietnam-holidays.js";

/** Where a day of the calendar comes from, strongest last: an organization overrides the deployment, which overrides the state. */
export type CalendarScope = "national" | "deployment" | "organization";

/** A day off or a working day added on top of the national calendar, for the whole deployment or for one organization. */
export interface CalendarAddition {
  date: IsoDate;
  kind: "day-off" | "working-day";
  name: string | null;
  scope: Exclude<CalendarScope, "national">;
}

export interface CalendarAdjustments {
  /** The organization's own days off (a local festival, an office move). */
  extraDaysOff?: readonly IsoDate[];
  /** Weekend days it works. */
  extraWorkingDays?: readonly IsoDate[];
  /** Named additions, deployment-wide or the organization's; applied before extraDaysOff / extraWorkingDays. */
  additions?: readonly CalendarAddition[];
}

/** One year of an organization's calendar: its closed weekdays and its worked weekend days, each with its name and origin. */
export interface CalendarYear {
  year: number;
  /** "published": the government's arrangement for state offices; "rule": the statutory days computed from the law. */
  basis: "published" | "rule";
  /** The published arrangement's source, or the laws behind the rules. */
  sources: string[];
  daysOff: ReadonlyMap<IsoDate, { name: string; scope: CalendarScope }>;
  workingDays: ReadonlyMap<IsoDate, { name: string; scope: CalendarScope }>;
}

/** Which days an organization works: weekdays, less public holidays and its own days off, for any year. */
export interface WorkingCalendar {
  /** The year's days, computed once and kept. */
  year(year: number): CalendarYear;
}

export class InvalidCalendarDateError extends Error {
  override readonly name = "InvalidCalendarDateError";
  constructor(readonly date: string) {
    super(`Not an ISO date (YYYY-MM-DD): ${date}`);
  }
}

function checked(date: IsoDate): IsoDate {
  if (!parseIsoDate(date)) throw new InvalidCalendarDateError(date);
  return date;
}

/** True when the government has published its arrangement of the year's days off (else the calendar follows the law alone). */
export function isArrangementPublished(
  year: number,
  published: Readonly<Record<number, PublishedYear>> = VIETNAM_PUBLIC_HOLIDAYS,
): boolean {
  return published[year] !== undefined;
}

// Rule-based years are pure functions of the year and cost a few lunar computations: share them between calendars.
const ruleYears = new Map<number, NamedDay[]>();

function nationalYear(
  year: number,
  published: Readonly<Record<number, PublishedYear>>,
  rules: readonly HolidayRule[],
): Pick<CalendarYear, "basis" | "sources"> & { daysOff: NamedDay[]; workingDays: NamedDay[] } {
  const arrangement = published[year];
  if (arrangement) {
    return {
      basis: "published",
      sources: [arrangement.source],
      daysOff: arrangement.daysOff.map((d) => ({ date: checked(d.date), name: d.name })),
      workingDays: arrangement.workingWeekends.map((d) => ({ date: checked(d.date), name: d.name })),
    };
  }
  let daysOff = rules === HOLIDAY_RULES ? ruleYears.get(year) : undefined;
  if (daysOff === undefined) {
    daysOff = statutoryDaysOff(year, rules);
    if (rules === HOLIDAY_RULES) ruleYears.set(year, daysOff);
  }
  const sources = [
    ...rulesInForce(year, rules).map((rule) => `${rule.name}: ${rule.source}`),
    "Nghỉ bù: Bộ luật Lao động 2019 Điều 111 khoản 3 (ngày lễ trùng ngày nghỉ hằng tuần được nghỉ bù vào ngày làm việc kế tiếp)",
  ];
  return { basis: "rule", sources, daysOff, workingDays: [] };
}

/**
 * A calendar from the published years, the statutory rules for every other
 * year, and the deployment's and the organization's additions.
 */
export function createWorkingCalendar(
  adjustments: CalendarAdjustments = {},
  published: Readonly<Record<number, PublishedYear>> = VIETNAM_PUBLIC_HOLIDAYS,
  rules: readonly HolidayRule[] = HOLIDAY_RULES,
): WorkingCalendar {
  const additions: CalendarAddition[] = [
    ...[...(adjustments.additions ?? [])].sort(
      (a, b) => (a.scope === b.scope ? 0 : a.scope === "deployment" ? -1 : 1), // the organization's word last
    ),
    ...(adjustments.extraDaysOff ?? []).map((date): CalendarAddition => ({
      date,
      kind: "day-off",
      name: null,
      scope: "organization",
    })),
    ...(adjustments.extraWorkingDays ?? []).map((date): CalendarAddition => ({
      date,
      kind: "working-day",
      name: null,
      scope: "organization",
    })),
  ];
  for (const addition of additions) checked(addition.date);
  const years = new Map<number, CalendarYear>();
  return {
    year(year: number): CalendarYear {
      let result = years.get(year);
      if (result) return result;
      const national = nationalYear(year, published, rules);
      const daysOff = new Map<IsoDate, { name: string; scope: CalendarScope }>();
      const workingDays = new Map<IsoDate, { name: string; scope: CalendarScope }>();
      for (const d of national.daysOff) daysOff.set(d.date, { name: d.name, scope: "national" });
      for (const d of national.workingDays) workingDays.set(d.date, { name: d.name, scope: "national" });
      const prefix = `${String(year).padStart(4, "0")}-`;
      for (const addition of additions) {
        if (!addition.date.startsWith(prefix)) continue;
        const entry = {
          name: addition.name ?? (addition.kind === "day-off" ? "Ngày nghỉ riêng" : "Ngày làm việc riêng"),
          scope: addition.scope,
        };
        if (addition.kind === "day-off") {
          daysOff.set(addition.date, entry);
          workingDays.delete(addition.date);
        } else {
          workingDays.set(addition.date, entry);
          daysOff.delete(addition.date);
        }
      }
      result = { year, basis: national.basis, sources: national.sources, daysOff, workingDays };
      years.set(year, result);
      return result;
    },
  };
}

// Planning asks the same few hundred days again and again: remember each calendar's answers.
const answers = new WeakMap<WorkingCalendar, Map<IsoDate, boolean>>();

/** True when state offices work that day. */
export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  let known = answers.get(calendar);
  if (known === undefined) {
    known = new Map();
    answers.set(calendar, known);
  }
  const answer = known.get(date);
  if (answer !== undefined) return answer;
  const parts = parseIsoDate(date);
  if (!parts) throw new InvalidCalendarDateError(date);
  const year = calendar.year(parts.year);
  const working = year.workingDays.has(date) || (!year.daysOff.has(date) && isoWeekday(date) <= 5);
  if (known.size > 100_000) known.clear();
  known.set(date, working);
  return working;
}

/**
 * The working day `n` working days after `date` (before it when n is negative).
 * With n = 0: the date itself when it is a working day, else the previous one,
 * which is where a reminder for a weekend deadline goes.
 */
export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`n must be a whole number, got ${n}`);
  let current = checked(date);
  if (n === 0) {
    while (!isWorkingDay(calendar, current)) current = addDays(current, -1);
    return current;
  }
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(calendar, current)) remaining--;
  }
  return current;
}
