import { addDays, daysBetween, formatVietnameseDate, type IsoDate, isoWeekday } from "../calendar/iso-date.js";
import type { MilestoneState } from "./plan-reminders.js";

/** One milestone as the chairman's digest counts it. */
export interface DigestMilestone {
  section: string | null;
  stt: string | null;
  title: string;
  unit: string | null;
  due: IsoDate | null;
  state: MilestoneState;
  /** The local day it was completed, for done milestones. */
  completedOn: IsoDate | null;
}

export interface Digest {
  weekOf: IsoDate;
  counts: {
    onTrack: number;
    dueThisWeek: number;
    overdue: number;
    doneOnTime: number;
    doneLate: number;
    noDate: number;
  };
  /** Overdue milestones by lead unit, most overdue first; units with the most overdue first. */
  overdueByUnit: Array<{
    unit: string;
    items: Array<{ task: string; title: string; due: IsoDate; daysOverdue: number }>;
  }>;
}

/**
 * The chairman's weekly picture of a plan on `today`: counts by state and the
 * overdue list grouped by unit with days overdue. Pure: `today` is the local day.
 */
export function buildDigest(milestones: DigestMilestone[], today: IsoDate): Digest {
  const weekStart = addDays(today, 1 - isoWeekday(today));
  const weekEnd = addDays(weekStart, 6);
  const counts = { onTrack: 0, dueThisWeek: 0, overdue: 0, doneOnTime: 0, doneLate: 0, noDate: 0 };
  const overdue = new Map<string, Digest["overdueByUnit"][number]["items"]>();
  for (const m of milestones) {
    if (m.state === "cancelled") continue;
    if (m.state === "done") {
      if (m.due && m.completedOn && m.completedOn > m.due) counts.doneLate++;
      else counts.doneOnTime++;
      continue;
    }
    if (!m.due) {
      counts.noDate++;
      continue;
    }
    if (m.due < today) {
      counts.overdue++;
      const unit = m.unit ?? "Chưa giao đơn vị";
      const task = m.section ? `${m.section}.${m.stt ?? ""}` : (m.stt ?? "");
      overdue.set(unit, [
        ...(overdue.get(unit) ?? []),
        { task, title: m.title, due: m.due, daysOverdue: daysBetween(m.due, today) },
      ]);
    } else if (m.due <= weekEnd) counts.dueThisWeek++;
    else counts.onTrack++;
  }
  const overdueByUnit = [...overdue.entries()]
    .map(([unit, items]) => ({ unit, items: items.sort((a, b) => b.daysOverdue - a.daysOverdue) }))
    .sort((a, b) => b.items.length - a.items.length || a.unit.localeCompare(b.unit));
  return { weekOf: weekStart, counts, overdueByUnit };
}

/** The digest as the chairman reads it in Telegram. */
export function formatDigest(digest: Digest, maxItems = 30): string {
  const c = digest.counts;
  const lines = [
    `📊 Tổng hợp tuần ${formatVietnameseDate(digest.weekOf)}`,
    `• Đúng tiến độ: ${c.onTrack}`,
    `• Đến hạn trong tuần: ${c.dueThisWeek}`,
    `• Quá hạn: ${c.overdue}`,
    `• Hoàn thành đúng hạn: ${c.doneOnTime}`,
    `• Hoàn thành trễ hạn: ${c.doneLate}`,
  ];
  if (c.noDate > 0) lines.push(`• Chưa có thời hạn: ${c.noDate}`);
  let shown = 0;
  for (const group of digest.overdueByUnit) {
    if (shown >= maxItems) break;
    lines.push("", `⏰ ${group.unit} (${group.items.length} việc quá hạn)`);
    for (const item of group.items) {
      if (shown++ >= maxItems) break;
      lines.push(`  - ${item.task} ${item.title}: hạn ${formatVietnameseDate(item.due)}, quá ${item.daysOverdue} ngày`);
    }
  }
  if (c.overdue > shown) lines.push("", `… và ${c.overdue - shown} việc quá hạn khác (/quahan)`);
  return lines.join("\n");
}
