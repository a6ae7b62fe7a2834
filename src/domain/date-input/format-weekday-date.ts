import { formatVietnameseDate, type IsoDate, isoWeekday } from "../calendar/iso-date.js";

const WEEKDAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"] as const;

/** The Vietnamese name of an ISO weekday (1 = Thứ Hai … 7 = Chủ Nhật). */
export function weekdayName(isoWeekdayNumber: number): string {
  return WEEKDAY_NAMES[(((isoWeekdayNumber - 1) % 7) + 7) % 7] as string;
}

/** "Thứ Sáu 20/03/2026": the answer to a typed date shows the weekday, so a misread day is seen at once. */
export function formatWeekdayDate(date: IsoDate): string {
  return `${weekdayName(isoWeekday(date))} ${formatVietnameseDate(date)}`;
}
