/**
 * An office's settings as a coordinator changes them: one field at a time,
 * typed as text in the chat or a form on the web, read here into a change or
 * refused with a Vietnamese sentence naming the field.
 */
import { type IsoDate, isRealDate, toIsoDate } from "../calendar/iso-date.js";
import { foldVietnamese } from "../deadline/cell-text.js";
import { type ReminderPolicy, resolveReminderPolicy } from "../reminders/policy.js";

/** Who may get the weekly digest. */
export type DigestRecipient = ReminderPolicy["weeklyDigestTo"][number];

/** What a coordinator can change, one field at a time. */
export type SettingChange =
  | { field: "officeName"; value: string }
  | { field: "sendTime"; value: string }
  | { field: "workingDaysBefore"; value: number[] }
  /** Working days after due of the first overdue notice to the unit, the coordinators and the chairman. */
  | { field: "overdueSteps"; value: { unit: number; coordinators: number; chairman: number } }
  | { field: "remindSupportingUnits"; value: boolean }
  | { field: "weeklyDigestDay"; value: number }
  | { field: "weeklyDigestTo"; value: DigestRecipient[] }
  /** The organization's own day off, or working day (a make-up Saturday); "clearDay" removes either. */
  | { field: "dayOff"; value: IsoDate }
  | { field: "workingDay"; value: IsoDate }
  | { field: "clearDay"; value: IsoDate };

export type SettingField = SettingChange["field"];

export const SETTING_FIELDS = [
  "officeName",
  "sendTime",
  "workingDaysBefore",
  "overdueSteps",
  "remindSupportingUnits",
  "weeklyDigestDay",
  "weeklyDigestTo",
  "dayOff",
  "workingDay",
  "clearDay",
] as const satisfies readonly SettingField[];

export function isSettingField(value: unknown): value is SettingField {
  return typeof value === "string" && (SETTING_FIELDS as readonly string[]).includes(value);
}

/** An office's settings as they stand. */
export interface OfficeSettings {
  officeName: string | null;
  policy: ReminderPolicy;
  /** The organization's own days off and working days on top of the national calendar. */
  extraDaysOff: IsoDate[];
  extraWorkingDays: IsoDate[];
}

/** A typed value that is not one of its field; the message is the sentence shown to the coordinator. */
export class InvalidSettingError extends Error {
  override readonly name = "InvalidSettingError";
  constructor(
    readonly field: SettingField,
    message: string,
  ) {
    super(message);
  }
}

const WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"] as const;

/** "Thứ Hai" for 1 (ISO Monday) … "Chủ Nhật" for 7. */
export function weekdayName(isoWeekday: number): string {
  return WEEKDAYS[isoWeekday - 1] ?? String(isoWeekday);
}

const numbers = (text: string): string[] =>
  text
    .split(/[\s/,;.-]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");

function daysList(field: SettingField, text: string, message: string): number[] {
  const parts = numbers(text);
  const days = parts.map((part) => (/^\d{1,2}$/.test(part) ? Number(part) : Number.NaN));
  if (parts.length === 0 || days.some((day) => !Number.isInteger(day) || day < 1 || day > 60))
    throw new InvalidSettingError(field, message);
  return days;
}

function dateOf(field: SettingField, text: string): IsoDate {
  const trimmed = text.trim();
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = vietnamese
    ? [Number(vietnamese[3]), Number(vietnamese[2]), Number(vietnamese[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!isRealDate(year, month, day) || year < 2000 || year > 2100)
    throw new InvalidSettingError(field, "Ngày phải viết dd/mm/yyyy, ví dụ 02/01/2027");
  return toIsoDate(year, month, day);
}

const YES = new Set(["co", "bat", "yes", "on", "true", "1", "gui", "nhac"]);
const NO = new Set(["khong", "tat", "no", "off", "false", "0", "thoi"]);

/**
 * Reads what a coordinator typed for a field into a change; throws
 * InvalidSettingError with a Vietnamese sentence naming the field and an example.
 */
export function parseSettingInput(field: SettingField, text: string): SettingChange {
  const folded = foldVietnamese(text.trim().normalize("NFC")).toLowerCase();
  switch (field) {
    case "officeName": {
      const name = text.replace(/\s+/g, " ").trim();
      if (name.length < 3 || name.length > 120)
        throw new InvalidSettingError(
          field,
          "Tên văn phòng phải có từ 3 đến 120 ký tự, ví dụ Văn phòng HĐND và UBND xã",
        );
      return { field, value: name };
    }
    case "sendTime": {
      const match = /^(\d{1,2})\s*[:hg.]\s*(\d{2})?$/.exec(folded);
      const hour = Number(match?.[1]);
      const minute = Number(match?.[2] ?? 0);
      if (!match || hour > 23 || minute > 59)
        throw new InvalidSettingError(field, "Giờ gửi phải có dạng HH:MM, ví dụ 07:30");
      return { field, value: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` };
    }
    case "workingDaysBefore": {
      const days = daysList(
        field,
        text,
        "Số ngày nhắc trước hạn phải là các số ngày làm việc từ 1 đến 60, cách nhau bằng dấu /, ví dụ 14/7/3/1",
      );
      const distinct = [...new Set(days)].sort((a, b) => b - a);
      if (distinct.length > 8)
        throw new InvalidSettingError(field, "Số ngày nhắc trước hạn: nhiều nhất 8 lần nhắc, ví dụ 14/7/3/1");
      return { field, value: distinct };
    }
    case "overdueSteps": {
      const message =
        "Các bước báo quá hạn phải là 3 số ngày làm việc sau hạn (bộ phận/văn phòng/Chủ tịch) từ 1 đến 60, không giảm, ví dụ 1/3/7";
      const days = daysList(field, text, message);
      const [unit, coordinators, chairman] = days as [number, number, number];
      if (days.length !== 3 || unit > coordinators || coordinators > chairman)
        throw new InvalidSettingError(field, message);
      return { field, value: { unit, coordinators, chairman } };
    }
    case "remindSupportingUnits": {
      const word = folded.split(/\s+/)[0] ?? "";
      if (YES.has(word)) return { field, value: true };
      if (NO.has(word)) return { field, value: false };
      throw new InvalidSettingError(field, "Nhắc đơn vị phối hợp: trả lời “có” hoặc “không”");
    }
    case "weeklyDigestDay": {
      const words: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };
      const byName = /^(?:thu\s*)?(hai|ba|tu|nam|sau|bay)$/.exec(folded);
      const byNumber = /^(?:thu\s*|t)?([2-7])$/.exec(folded);
      const day = byName ? words[byName[1] as string] : byNumber ? Number(byNumber[1]) - 1 : undefined;
      if (day === undefined)
        throw new InvalidSettingError(
          field,
          "Ngày gửi tổng hợp tuần phải là một ngày từ Thứ Hai đến Thứ Bảy, ví dụ Thứ Hai",
        );
      return { field, value: day };
    }
    case "weeklyDigestTo": {
      const chairman = /chu tich|lanh dao|chairman|ca hai|both/.test(folded);
      const coordinators = /van phong|dieu phoi|coordinator|ca hai|both/.test(folded);
      if (!chairman && !coordinators)
        throw new InvalidSettingError(field, "Người nhận tổng hợp tuần: “Chủ tịch”, “Văn phòng” hoặc “cả hai”");
      const value: DigestRecipient[] = [];
      if (chairman) value.push("chairman");
      if (coordinators) value.push("coordinators");
      return { field, value };
    }
    case "dayOff":
    case "workingDay":
    case "clearDay":
      return { field, value: dateOf(field, text) };
  }
}

/**
 * The organization's policy overrides after a change (only the fields that
 * differ from the defaults are kept, as organizations.reminder_policy stores
 * them); null for a change that is not the policy's. Throws a ZodError when the
 * result is not a policy, which parseSettingInput never lets through.
 */
export function policyOverridesAfter(
  overrides: Record<string, unknown> | null,
  change: SettingChange,
): Record<string, unknown> | null {
  const next: Record<string, unknown> = { ...(overrides ?? {}) };
  switch (change.field) {
    case "sendTime":
    case "workingDaysBefore":
    case "remindSupportingUnits":
    case "weeklyDigestDay":
    case "weeklyDigestTo":
      next[change.field] = change.value;
      break;
    case "overdueSteps":
      next.overdueToUnitAfter = change.value.unit;
      next.overdueToCoordinatorsAfter = change.value.coordinators;
      next.overdueToChairmanAfter = change.value.chairman;
      break;
    default:
      return null;
  }
  resolveReminderPolicy(next);
  return next;
}

/** The organization's own days after a change of one; null for a change that is not a day. */
export function extraDaysAfter(
  days: { extraDaysOff: IsoDate[]; extraWorkingDays: IsoDate[] },
  change: SettingChange,
): { extraDaysOff: IsoDate[]; extraWorkingDays: IsoDate[] } | null {
  if (change.field !== "dayOff" && change.field !== "workingDay" && change.field !== "clearDay") return null;
  const extraDaysOff = days.extraDaysOff.filter((day) => day !== change.value);
  const extraWorkingDays = days.extraWorkingDays.filter((day) => day !== change.value);
  if (change.field === "dayOff") extraDaysOff.push(change.value);
  if (change.field === "workingDay") extraWorkingDays.push(change.value);
  return { extraDaysOff: extraDaysOff.sort(), extraWorkingDays: extraWorkingDays.sort() };
}

/** The settings after a change, as they will read. */
export function settingsAfter(
  settings: OfficeSettings,
  overrides: Record<string, unknown> | null,
  change: SettingChange,
): OfficeSettings {
  if (change.field === "officeName") return { ...settings, officeName: change.value };
  const days = extraDaysAfter(settings, change);
  if (days) return { ...settings, ...days };
  return { ...settings, policy: resolveReminderPolicy(policyOverridesAfter(overrides, change)) };
}

/** The current value of a field, as stored in the audit log and compared for "nothing changes". */
export function settingValue(settings: OfficeSettings, field: SettingField): unknown {
  const { policy } = settings;
  switch (field) {
    case "officeName":
      return settings.officeName;
    case "overdueSteps":
      return {
        unit: policy.overdueToUnitAfter,
        coordinators: policy.overdueToCoordinatorsAfter,
        chairman: policy.overdueToChairmanAfter,
      };
    case "dayOff":
    case "workingDay":
    case "clearDay":
      return { extraDaysOff: settings.extraDaysOff, extraWorkingDays: settings.extraWorkingDays };
    default:
      return policy[field];
  }
}
