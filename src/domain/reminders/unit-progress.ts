import type { IsoDate } from "../calendar/iso-date.js";
import type { DigestMilestone } from "./digest.js";

/** One unit's bar in the digest chart. */
export interface UnitProgress {
  /** Null for work no unit leads yet. */
  unit: string | null;
  onTime: number;
  late: number;
  overdue: number;
}

/**
 * Per lead unit: done on time, done late, and overdue now, on `today`. Units
 * with the most overdue work come first; units with nothing to show are left out.
 */
export function unitProgress(milestones: DigestMilestone[], today: IsoDate): UnitProgress[] {
  const byUnit = new Map<string | null, UnitProgress>();
  for (const m of milestones) {
    if (m.state === "cancelled") continue;
    const entry = byUnit.get(m.unit) ?? { unit: m.unit, onTime: 0, late: 0, overdue: 0 };
    if (m.state === "done") {
      if (m.due && m.completedOn && m.completedOn > m.due) entry.late++;
      else entry.onTime++;
    } else if (m.state !== "submitted" && m.due !== null && m.due < today) entry.overdue++;
    else continue;
    byUnit.set(m.unit, entry);
  }
  return [...byUnit.values()].sort(
    (a, b) =>
      b.overdue - a.overdue || b.late - a.late || b.onTime - a.onTime || (a.unit ?? "").localeCompare(b.unit ?? ""),
  );
}
