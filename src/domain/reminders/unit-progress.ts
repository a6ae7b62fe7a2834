import type { IsoDate } from "../calendar/iso-date.js";
import { countedUnits } from "../milestones/counted-units.js";
import { lateness } from "../milestones/lateness.js";
import type { DigestMilestone } from "./digest.js";

/** One unit's bar in the digest chart. */
export interface UnitProgress {
  /** Null for work no unit leads yet. */
  unit: string | null;
  onTime: number;
  /** Done late, or handed in late and waiting for approval (the digest's "doneLate"). */
  late: number;
  overdue: number;
  /** "Thường xuyên" duties the unit leads: a category of their own, never late and never undated. */
  ongoing: number;
}

/**
 * Per lead unit: done on time, late, overdue now and ongoing duties, on `today`, by the same
 * lateness as the digest's counts. Units with the most overdue work come
 * first; units with nothing to show are left out. A milestone counts once
 * for each of its lead units (see countedUnits).
 */
export function unitProgress(milestones: DigestMilestone[], today: IsoDate): UnitProgress[] {
  const byUnit = new Map<string | null, UnitProgress>();
  for (const m of milestones) {
    const { status } = lateness(m, today);
    const key =
      status === "done-on-time"
        ? "onTime"
        : status === "done-late" || status === "submitted-late"
          ? "late"
          : status === "overdue"
            ? "overdue"
            : status === "ongoing"
              ? "ongoing"
              : null;
    if (key === null) continue;
    for (const unit of countedUnits(m.leadUnits)) {
      const entry = byUnit.get(unit) ?? { unit, onTime: 0, late: 0, overdue: 0, ongoing: 0 };
      entry[key]++;
      byUnit.set(unit, entry);
    }
  }
  return [...byUnit.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.late - a.late ||
      b.onTime - a.onTime ||
      b.ongoing - a.ongoing ||
      (a.unit ?? "").localeCompare(b.unit ?? ""),
  );
}
