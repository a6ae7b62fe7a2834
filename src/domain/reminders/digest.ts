import { addDays, daysBetween, type IsoDate, isoWeekday } from "../calendar/iso-date.js";
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
    /** Null for tasks no unit leads yet. */
    unit: string | null;
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
  const overdue = new Map<string | null, Digest["overdueByUnit"][number]["items"]>();
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
      const unit = m.unit;
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
    .sort((a, b) => b.items.length - a.items.length || (a.unit ?? "").localeCompare(b.unit ?? ""));
  return { weekOf: weekStart, counts, overdueByUnit };
}
