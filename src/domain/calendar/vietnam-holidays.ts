import type { IsoDate } from "./iso-date.js";

/**
 * Days off and make-up working days for state offices (cán bộ, công chức, viên
 * chức) as the government announced them. Kept as data: a new year is a new
 * entry, and an organization adds its own days through `createWorkingCalendar`.
 */
export interface PublishedYear {
  /** Who published it and where: the arrangement is the government's, not ours. */
  source: string;
  /** Weekdays on which offices are closed. */
  daysOff: Array<{ date: IsoDate; name: string }>;
  /** Saturdays worked in exchange for a bridged weekday. */
  workingWeekends: Array<{ date: IsoDate; name: string }>;
}

const TET_2025 = "Tết Nguyên đán Ất Tỵ";
const TET_2026 = "Tết Nguyên đán Bính Ngọ";

export const VIETNAM_PUBLIC_HOLIDAYS: Readonly<Record<number, PublishedYear>> = {
  2025: {
    source:
      "Lịch nghỉ Tết Âm lịch, 30/4–1/5 và Quốc khánh 2025 của cán bộ, công chức, viên chức theo ý kiến của Thủ tướng Chính phủ (Bộ Lao động – Thương binh và Xã hội thông báo)",
    daysOff: [
      { date: "2025-01-01", name: "Tết Dương lịch" },
      // 25/01 (Sat) to 02/02 (Sun): the five weekdays are the five legal Tết days.
      { date: "2025-01-27", name: TET_2025 },
      { date: "2025-01-28", name: TET_2025 },
      { date: "2025-01-29", name: TET_2025 },
      { date: "2025-01-30", name: TET_2025 },
      { date: "2025-01-31", name: TET_2025 },
      { date: "2025-04-07", name: "Giỗ Tổ Hùng Vương" },
      { date: "2025-04-30", name: "Ngày Giải phóng miền Nam, thống nhất đất nước" },
      { date: "2025-05-01", name: "Ngày Quốc tế Lao động" },
      { date: "2025-05-02", name: "Nghỉ hoán đổi dịp 30/4 - 1/5 (làm bù thứ Bảy 26/4)" },
      { date: "2025-09-01", name: "Quốc khánh (ngày liền kề)" },
      { date: "2025-09-02", name: "Quốc khánh" },
    ],
    workingWeekends: [{ date: "2025-04-26", name: "Làm bù cho thứ Sáu 02/5" }],
  },
  2026: {
    source:
      "Lịch nghỉ năm 2026 của cán bộ, công chức, viên chức theo ý kiến của Thủ tướng Chính phủ (Bộ Nội vụ thông báo; Tết Bính Ngọ nghỉ 14–22/02/2026)",
    daysOff: [
      { date: "2026-01-01", name: "Tết Dương lịch" },
      { date: "2026-01-02", name: "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01)" },
      // 14/02 (Sat) to 22/02 (Sun): 29 tháng Chạp to mùng 4 Tết fall on the weekdays.
      { date: "2026-02-16", name: TET_2026 },
      { date: "2026-02-17", name: TET_2026 },
      { date: "2026-02-18", name: TET_2026 },
      { date: "2026-02-19", name: TET_2026 },
      { date: "2026-02-20", name: TET_2026 },
      // 10/3 âm lịch is Sunday 26/04: the day off moves to Monday.
      { date: "2026-04-27", name: "Nghỉ bù Giỗ Tổ Hùng Vương" },
      { date: "2026-04-30", name: "Ngày Giải phóng miền Nam, thống nhất đất nước" },
      { date: "2026-05-01", name: "Ngày Quốc tế Lao động" },
      { date: "2026-09-01", name: "Quốc khánh (ngày liền kề)" },
      { date: "2026-09-02", name: "Quốc khánh" },
      // Published before the holiday existed; Nghị quyết 28/2026/QH16 (in force 01/07/2026) adds it this year.
      { date: "2026-11-24", name: "Ngày Văn hóa Việt Nam" },
    ],
    workingWeekends: [{ date: "2026-01-10", name: "Làm bù cho thứ Sáu 02/01" }],
  },
};
