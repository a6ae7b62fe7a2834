/**
 * The Vietnamese lunar calendar (âm lịch), computed the astronomical way.
 *
 * The rules, as Vietnam has kept them since 1968 (Vietnam time, UTC+7):
 * - a month begins on the day (in Vietnam time) of the new moon (sóc);
 * - the month that holds the winter solstice (Đông chí, the sun at 270°) is
 *   tháng 11 (tháng Một);
 * - when 13 new moons begin between two tháng 11, the first month after
 *   tháng 11 that holds no major solar term (trung khí, the sun at a multiple
 *   of 30°) is the leap month (tháng nhuận) and repeats the number before it.
 *
 * China applies the same rules at UTC+8, so a new moon between 23:00 and
 * 24:00 Vietnam time starts the month a day earlier here (Tết 2007, 2030,
 * 2053), and a shifted leap month can move Tết by a whole month (1985).
 *
 * The astronomy is the public one from Jean Meeus, Astronomical Algorithms
 * (2nd ed.): new moons from chapter 49 (periodic and planetary terms, a few
 * seconds of error), the sun's apparent longitude from chapter 25 (about 0.01°,
 * a quarter of an hour), and ΔT from the Espenak–Meeus polynomials. Days are
 * Julian day numbers (JDN) inside this file and ISO dates outside.
 */
import { type IsoDate, parseIsoDate, toIsoDate } from "./iso-date.js";

/** A day of the lunar calendar: `leap` marks the repeated month (tháng nhuận). */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** Vietnam's civil time zone, in hours east of UTC, which fixes the lunar day. */
const VIETNAM_UTC_OFFSET_HOURS = 7;
/** The window the formulas are checked for (ΔT beyond it is a guess). */
export const LUNAR_YEARS = { first: 1900, last: 2199 } as const;

export class LunarDateError extends Error {
  override readonly name = "LunarDateError";
  constructor(
    readonly date: string,
    reason: string,
  ) {
    super(`${date}: ${reason}`);
  }
}

const RAD = Math.PI / 180;
const sin = (degrees: number): number => Math.sin(degrees * RAD);
const SYNODIC_MONTH = 29.530588861;
/** JDN of 1970-01-01, to move between Julian days and ISO dates. */
const UNIX_EPOCH_JDN = 2440588;

function jdnOf(date: IsoDate): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new LunarDateError(date, "not an ISO date (YYYY-MM-DD)");
  return Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000 + UNIX_EPOCH_JDN;
}

function isoOf(jdn: number): IsoDate {
  const d = new Date((jdn - UNIX_EPOCH_JDN) * 86_400_000);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ΔT = TT − UT in seconds (Espenak & Meeus, NASA eclipse pages), for a decimal year. */
function deltaTSeconds(year: number): number {
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - (t * t) / 233 + (t * t * t) / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - (t * t) / 260 - (t * t * t) / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  if (year < 2150) return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
  return -20 + 32 * ((year - 1820) / 100) ** 2;
}

function deltaTDays(jd: number): number {
  return deltaTSeconds(2000 + (jd - 2451545) / 365.25) / 86_400;
}

/** Julian Ephemeris Day (TT) of the new moon number k (k = 0 is 6 January 2000). */
function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t * t - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  const e = 1 - 0.002516 * t - 0.0000074 * t * t;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t * t - 0.00000011 * t ** 3;
  const mm = 201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t ** 3 - 0.000000058 * t ** 4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t ** 3 + 0.000000011 * t ** 4;
  const omega = 124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t ** 3;
  const periodic =
    -0.4072 * sin(mm) +
    0.17241 * e * sin(m) +
    0.01608 * sin(2 * mm) +
    0.01039 * sin(2 * f) +
    0.00739 * e * sin(mm - m) -
    0.00514 * e * sin(mm + m) +
    0.00208 * e * e * sin(2 * m) -
    0.00111 * sin(mm - 2 * f) -
    0.00057 * sin(mm + 2 * f) +
    0.00056 * e * sin(2 * mm + m) -
    0.00042 * sin(3 * mm) +
    0.00042 * e * sin(m + 2 * f) +
    0.00038 * e * sin(m - 2 * f) -
    0.00024 * e * sin(2 * mm - m) -
    0.00017 * sin(omega) -
    0.00007 * sin(mm + 2 * m) +
    0.00004 * sin(2 * mm - 2 * f) +
    0.00004 * sin(3 * m) +
    0.00003 * sin(mm + m - 2 * f) +
    0.00003 * sin(2 * mm + 2 * f) -
    0.00003 * sin(mm + m + 2 * f) +
    0.00003 * sin(mm - m + 2 * f) -
    0.00002 * sin(mm - m - 2 * f) -
    0.00002 * sin(3 * mm + m) +
    0.00002 * sin(4 * mm);
  const planetary =
    0.000325 * sin(299.77 + 0.107408 * k - 0.009173 * t * t) +
    0.000165 * sin(251.88 + 0.016321 * k) +
    0.000164 * sin(251.83 + 26.651886 * k) +
    0.000126 * sin(349.42 + 36.412478 * k) +
    0.00011 * sin(84.66 + 18.206239 * k) +
    0.000062 * sin(141.74 + 53.303771 * k) +
    0.00006 * sin(207.14 + 2.453732 * k) +
    0.000056 * sin(154.84 + 7.30686 * k) +
    0.000047 * sin(34.52 + 27.261239 * k) +
    0.000042 * sin(207.19 + 0.121824 * k) +
    0.00004 * sin(291.34 + 1.844379 * k) +
    0.000037 * sin(161.72 + 24.198154 * k) +
    0.000035 * sin(239.56 + 25.513099 * k) +
    0.000023 * sin(331.55 + 3.592518 * k);
  return jde + periodic + planetary;
}

/** The civil day (JDN, Vietnam time) on which new moon k falls. */
function newMoonDay(k: number): number {
  const jde = newMoonJde(k);
  const ut = jde - deltaTDays(jde);
  return Math.floor(ut + 0.5 + VIETNAM_UTC_OFFSET_HOURS / 24);
}

/** The sun's apparent ecliptic longitude in degrees [0, 360) at a Julian Ephemeris Day. */
function sunLongitude(jde: number): number {
  const t = (jde - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) +
    (0.019993 - 0.000101 * t) * sin(2 * m) +
    0.000289 * sin(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const apparent = l0 + c - 0.00569 - 0.00478 * sin(omega);
  return ((apparent % 360) + 360) % 360;
}

/** Which 30° sector the sun is in at the start (00:00 Vietnam time) of a civil day: 0 = [0°, 30°). */
function sunSectorAtDayStart(jdn: number): number {
  const ut = jdn - 0.5 - VIETNAM_UTC_OFFSET_HOURS / 24;
  return Math.floor(sunLongitude(ut + deltaTDays(ut)) / 30);
}

/** The number of the new moon that begins the month holding day `jdn`. */
function lunationOf(jdn: number): number {
  let k = Math.floor((jdn - 2451550.1) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= jdn) k++;
  while (newMoonDay(k) > jdn) k--;
  return k;
}

/** The lunation of tháng 11 of the sui that ends in Gregorian year `year` (it holds that December's solstice). */
function month11Of(year: number): number {
  const k = lunationOf(jdnOf(toIsoDate(year, 12, 31)));
  // Sector 9 is [270°, 300°): the sun already passed the solstice when this month began.
  return sunSectorAtDayStart(newMoonDay(k)) >= 9 ? k - 1 : k;
}

/** A major solar term (trung khí) falls within the month begun by new moon k. */
function holdsMajorTerm(k: number): boolean {
  return sunSectorAtDayStart(newMoonDay(k)) !== sunSectorAtDayStart(newMoonDay(k + 1));
}

/**
 * The months from one tháng 11 to the next: `length` is 12 or 13, and in a
 * 13-month sui `leapIndex` is the position (from tháng 11 = 0) of the leap month.
 */
function sui(startYear: number): { start: number; length: number; leapIndex: number | null } {
  const start = month11Of(startYear);
  const length = month11Of(startYear + 1) - start;
  if (length !== 13) return { start, length, leapIndex: null };
  for (let i = 1; i < 13; i++) if (!holdsMajorTerm(start + i)) return { start, length, leapIndex: i };
  // Astronomy guarantees a month without a major term in 13; reaching here means broken input.
  throw new LunarDateError(toIsoDate(startYear, 12, 31), "no month without a major solar term in a 13-month year");
}

function checkYear(year: number, date: string): void {
  if (!Number.isInteger(year) || year < LUNAR_YEARS.first || year > LUNAR_YEARS.last)
    throw new LunarDateError(date, `outside ${LUNAR_YEARS.first}–${LUNAR_YEARS.last}`);
}

/** The lunar date of a Gregorian day (Vietnam time). */
export function toLunar(date: IsoDate): LunarDate {
  const jdn = jdnOf(date);
  const gregorianYear = Number(date.slice(0, 4));
  checkYear(gregorianYear, date);
  const k = lunationOf(jdn);
  const startYear = k < month11Of(gregorianYear) ? gregorianYear - 1 : gregorianYear;
  const current = sui(startYear);
  const index = k - current.start;
  const leap = current.leapIndex !== null && index === current.leapIndex;
  const position = current.leapIndex !== null && index >= current.leapIndex ? index - 1 : index;
  const month = ((10 + position) % 12) + 1;
  return {
    year: position <= 1 ? startYear : startYear + 1,
    month,
    day: jdn - newMoonDay(k) + 1,
    leap,
  };
}

/** The Gregorian day of a lunar date; throws LunarDateError when the day does not exist (a 30th in a 29-day month, a leap month the year lacks). */
export function fromLunar(lunar: LunarDate): IsoDate {
  const label = `${lunar.day}/${lunar.month}${lunar.leap ? " nhuận" : ""}/${lunar.year} âm lịch`;
  checkYear(lunar.year, label);
  if (!Number.isInteger(lunar.month) || lunar.month < 1 || lunar.month > 12)
    throw new LunarDateError(label, "month must be 1–12");
  if (!Number.isInteger(lunar.day) || lunar.day < 1 || lunar.day > 30)
    throw new LunarDateError(label, "day must be 1–30");
  const startYear = lunar.month >= 11 ? lunar.year : lunar.year - 1;
  const current = sui(startYear);
  const position = lunar.month >= 11 ? lunar.month - 11 : lunar.month + 1;
  let index = position;
  if (current.leapIndex !== null && position >= current.leapIndex) index = position + 1;
  if (lunar.leap) {
    if (current.leapIndex === null || current.leapIndex !== position + 1)
      throw new LunarDateError(label, "that year has no such leap month");
    index = position + 1;
  }
  const start = newMoonDay(current.start + index);
  const length = newMoonDay(current.start + index + 1) - start;
  if (lunar.day > length) throw new LunarDateError(label, `the month has ${length} days`);
  return isoOf(start + lunar.day - 1);
}

/** The leap month of a lunar year (its number), or null when the year has 12 months. */
export function leapMonthOf(year: number): number | null {
  checkYear(year, String(year));
  // A leap month after tháng 10 belongs to this lunar year only when it is a leap 11 or 12 of the sui starting in `year`.
  for (const startYear of [year - 1, year]) {
    const current = sui(startYear);
    if (current.leapIndex === null) continue;
    const month = ((10 + current.leapIndex - 1) % 12) + 1;
    const lunarYear = current.leapIndex - 1 <= 1 ? startYear : startYear + 1;
    if (lunarYear === year) return month;
  }
  return null;
}

/** Mùng 1 tháng Giêng (Tết Nguyên Đán) of the lunar year that begins in Gregorian year `year`. */
export function tetOf(year: number): IsoDate {
  return fromLunar({ year, month: 1, day: 1, leap: false });
}

/**
 * The Gregorian days of a lunar month (`day` null) or of one day of it, in lunar
 * year `year`: "tháng chạp" is the whole twelfth month, "rằm tháng giêng" its
 * 15th. Throws LunarDateError for a day the month lacks.
 */
export function lunarWindow(year: number, month: number, day: number | null): { start: IsoDate; due: IsoDate } {
  if (day !== null) {
    const date = fromLunar({ year, month, day, leap: false });
    return { start: date, due: date };
  }
  const start = fromLunar({ year, month, day: 1, leap: false });
  let last: IsoDate;
  try {
    last = fromLunar({ year, month, day: 30, leap: false });
  } catch (error) {
    if (!(error instanceof LunarDateError)) throw error;
    last = fromLunar({ year, month, day: 29, leap: false });
  }
  return { start, due: last };
}
