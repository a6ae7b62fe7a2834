import { addDays, type IsoDate, isoWeekday, toIsoDate } from "./iso-date.js";
import { fromLunar, tetOf } from "./lunar.js";

/** A statutory day off as a year's calendar shows it. */
export interface NamedDay {
  date: IsoDate;
  name: string;
}

/**
 * One statutory holiday, in force from `from` (and until `until`, when a later
 * law replaced it). `days` gives the holiday's own days in a Gregorian year,
 * before a day that falls on a weekly rest day is moved.
 */
export interface HolidayRule {
  name: string;
  from: IsoDate;
  until?: IsoDate;
  /** The legal text (or, when there is none yet, the decision) the rule rests on. */
  source: string;
  days(year: number): IsoDate[];
}

const LABOUR_CODE_2019 = "Bộ luật Lao động 2019 (45/2019/QH14, hiệu lực 01/01/2021) Điều 112 khoản 1";

/**
 * The statutory holidays. A change in the law is a new rule with its `from`
 * date (and `until` on the rule it replaces), so past years keep their days.
 */
export const HOLIDAY_RULES: readonly HolidayRule[] = [
  {
    name: "Tết Dương lịch",
    from: "2021-01-01",
    source: `${LABOUR_CODE_2019}, điểm a`,
    days: (year) => [toIsoDate(year, 1, 1)],
  },
  {
    name: "Tết Nguyên đán",
    from: "2021-01-01",
    // Five days; the Prime Minister fixes which ones each year (khoản 3). Without that decision we take the
    // last day of the lunar year and mùng 1–4, one of the two spreads the government has used.
    source: `${LABOUR_CODE_2019}, điểm b (05 ngày); khoản 3: Thủ tướng quyết định cụ thể hằng năm`,
    days: (year) => {
      const tet = tetOf(year);
      return [-1, 0, 1, 2, 3].map((offset) => addDays(tet, offset));
    },
  },
  {
    name: "Giỗ Tổ Hùng Vương",
    from: "2021-01-01",
    source: `${LABOUR_CODE_2019}, điểm đ (10/3 âm lịch)`,
    days: (year) => [fromLunar({ year, month: 3, day: 10, leap: false })],
  },
  {
    name: "Ngày Chiến thắng",
    from: "2021-01-01",
    source: `${LABOUR_CODE_2019}, điểm c`,
    days: (year) => [toIsoDate(year, 4, 30)],
  },
  {
    name: "Ngày Quốc tế Lao động",
    from: "2021-01-01",
    source: `${LABOUR_CODE_2019}, điểm d`,
    days: (year) => [toIsoDate(year, 5, 1)],
  },
  {
    name: "Quốc khánh",
    from: "2021-01-01",
    // 2/9 and one day before or after, chosen by the Prime Minister each year (khoản 3). Without that
    // decision we take the one that joins the weekend, as every year 2021–2026 did: 3/9 when 2/9 is a
    // Monday or a Thursday (2021, 2024), else 1/9 (2022, 2023, 2025, 2026).
    source: `${LABOUR_CODE_2019}, điểm e (02 ngày: 2/9 và 01 ngày liền kề trước hoặc sau)`,
    days: (year) => {
      const national = toIsoDate(year, 9, 2);
      const weekday = isoWeekday(national);
      return [weekday === 1 || weekday === 4 ? toIsoDate(year, 9, 3) : toIsoDate(year, 9, 1), national];
    },
  },
  {
    name: "Ngày Văn hóa Việt Nam",
    from: "2026-07-01",
    // The Politburo chose 24/11 (Nghị quyết 80-NQ/TW, 07/01/2026) "với chủ trương là ngày nghỉ"; the National
    // Assembly made it a paid holiday of Điều 112 by Nghị quyết 28/2026/QH16, in force 01/07/2026, so the
    // first day off is 24/11/2026. The resolution's number, subject and date of force are the ones cited by
    // the government's policy site (xaydungchinhsach.chinhphu.vn, full text published 08/05/2026).
    source:
      "Nghị quyết 28/2026/QH16 của Quốc hội (hiệu lực 01/07/2026), bổ sung ngày 24/11 vào các ngày nghỉ lễ của Điều 112 Bộ luật Lao động; chủ trương: Nghị quyết 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị",
    days: (year) => [toIsoDate(year, 11, 24)],
  },
];

/** The rules that give at least one day in `year`. */
export function rulesInForce(year: number, rules: readonly HolidayRule[] = HOLIDAY_RULES): HolidayRule[] {
  return rules.filter((rule) =>
    rule.days(year).some((day) => day >= rule.from && (rule.until === undefined || day < rule.until)),
  );
}

const isWeeklyRest = (date: IsoDate): boolean => isoWeekday(date) >= 6;

/**
 * The statutory days off of a year for offices that rest on Saturday and
 * Sunday. A holiday on a weekly rest day is taken on the next working day
 * (Bộ luật Lao động 2019, Điều 111 khoản 3), after the other holidays around it.
 */
export function statutoryDaysOff(year: number, rules: readonly HolidayRule[] = HOLIDAY_RULES): NamedDay[] {
  const own = new Map<IsoDate, string>();
  for (const rule of rulesInForce(year, rules)) for (const date of rule.days(year)) own.set(date, rule.name);
  const result = new Map<IsoDate, string>();
  for (const [date, name] of [...own].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isWeeklyRest(date)) {
      result.set(date, name);
      continue;
    }
    let moved = addDays(date, 1);
    while (isWeeklyRest(moved) || own.has(moved) || result.has(moved)) moved = addDays(moved, 1);
    result.set(moved, `Nghỉ bù ${name} (${date.slice(8, 10)}/${date.slice(5, 7)} là ngày nghỉ hằng tuần)`);
  }
  return [...result].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}

/** The first and last day off of the Tết break that the law alone gives in `year` (weekends inside it included). */
export function statutoryTetBreak(
  year: number,
  rules: readonly HolidayRule[] = HOLIDAY_RULES,
): { first: IsoDate; last: IsoDate } {
  const tet = statutoryDaysOff(year, rules)
    .filter((d) => d.name.includes("Tết Nguyên đán"))
    .map((d) => d.date);
  const fallback = tetOf(year);
  return { first: tet[0] ?? fallback, last: tet[tet.length - 1] ?? fallback };
}
