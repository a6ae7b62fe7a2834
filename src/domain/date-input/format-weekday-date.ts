import { formatVietnameseDate, type IsoDate, isoWeekday } from "../calendar/iso-date.js";

const WEEKDAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"] as const;

/** "Thứ Sáu 20/03/2026": the answer to a typed date shows the weekday, so a misread day is seen at once. */
export function formatWeekdayDate(date: IsoDate): string {
  return `${WEEKDAY_NAMES[isoWeekday(date) - 1]} ${formatVietnameseDate(date)}`;
}
