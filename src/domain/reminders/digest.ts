import type { IsoDate } from "../calendar/iso-date.js";
import { countedUnits } from "../milestones/counted-units.js";
import { type LatenessInput, lateness } from "../milestones/lateness.js";
import { markOf, type ProgressMark } from "../milestones/progress-colour.js";
import { mondayOf } from "../planning/weekly-send.js";

/** One milestone as the chairman's digest counts it. */
export interface DigestMilestone extends LatenessInput {
  section: string | null;
  stt: string | null;
  title: string;
  /** Every unit leading the task; empty while nobody leads it. */
  leadUnits: string[];
  /** The document the task came from ("Thông báo số 25/TB-UBND …"); null or absent for the annual plan. */
  source?: string | null;
}

type OverdueByUnit = Array<{
  /** Null for tasks no unit leads yet. */
  unit: string | null;
  items: Array<{ task: string; title: string; due: IsoDate; daysOverdue: number }>;
}>;

export interface Digest {
  weekOf: IsoDate;
  counts: {
    /** Due after this week, or handed in within its time and waiting for approval. */
    onTrack: number;
    dueThisWeek: number;
    overdue: number;
    doneOnTime: number;
    /** Done late, or handed in late and waiting for approval: late work either way. */
    doneLate: number;
    /** "Thường xuyên" duties: no due day by nature, so neither on track nor waiting for a date. */
    ongoing: number;
    /** Still waiting for a date: only work that truly needs one. */
    noDate: number;
  };
  /**
   * Overdue milestones by lead unit, most overdue first; units with the most overdue first.
   * A milestone with several lead units is listed under each (see countedUnits).
   */
  overdueByUnit: OverdueByUnit;
  /**
   * The same overdue work grouped first by the document it came from (null:
   * the annual plan), then by unit; documents with the most late work first.
   */
  overdueBySource: Array<{ source: string | null; count: number; units: OverdueByUnit }>;
}

const taskOrder = new Intl.Collator("vi", { numeric: true });

/**
 * The latest item first; items as late as each other in the plan's order (task number, then title), so the
 * digest reads the same every week and every run whatever order the database returned the rows in.
 */
function byLatenessThenTask(a: OverdueByUnit[number]["items"][number], b: OverdueByUnit[number]["items"][number]) {
  return b.daysOverdue - a.daysOverdue || taskOrder.compare(a.task, b.task) || taskOrder.compare(a.title, b.title);
}

/** Late items by unit, most late work first, the latest item first within a unit. */
function groupedByUnit(overdue: Map<string | null, OverdueByUnit[number]["items"]>): OverdueByUnit {
  return [...overdue.entries()]
    .map(([unit, items]) => ({ unit, items: items.sort(byLatenessThenTask) }))
    .sort((a, b) => b.items.length - a.items.length || (a.unit ?? "").localeCompare(b.unit ?? ""));
}

/**
 * The chairman's weekly picture of a plan on `today`: counts by lateness and
 * the overdue list grouped by unit with days overdue. Pure: `today` is the local day.
 */
/** Which count each mark adds to (a cancelled task is not counted). */
const COUNT_OF: Record<Exclude<ProgressMark, "cancelled">, keyof Digest["counts"]> = {
  "on-track": "onTrack",
  "due-this-week": "dueThisWeek",
  overdue: "overdue",
  "done-on-time": "doneOnTime",
  "done-late": "doneLate",
  ongoing: "ongoing",
  undated: "noDate",
};

export function buildDigest(milestones: DigestMilestone[], today: IsoDate): Digest {
  const counts = { onTrack: 0, dueThisWeek: 0, overdue: 0, doneOnTime: 0, doneLate: 0, ongoing: 0, noDate: 0 };
  const overdue = new Map<string | null, OverdueByUnit[number]["items"]>();
  const bySource = new Map<
    string | null,
    { count: number; units: Map<string | null, OverdueByUnit[number]["items"]> }
  >();
  for (const m of milestones) {
    const l = lateness(m, today);
    // Counted by the mark a person sees on the task, so the digest and the task lists agree.
    const mark = markOf(l);
    if (mark === "cancelled") continue;
    counts[COUNT_OF[mark]]++;
    if (l.status === "overdue") {
      const task = m.section ? `${m.section}.${m.stt ?? ""}` : (m.stt ?? "");
      const source = bySource.get(m.source ?? null) ?? {
        count: 0,
        units: new Map<string | null, OverdueByUnit[number]["items"]>(),
      };
      source.count++;
      bySource.set(m.source ?? null, source);
      for (const unit of countedUnits(m.leadUnits)) {
        const item = { task, title: m.title, due: m.due as IsoDate, daysOverdue: l.days };
        overdue.set(unit, [...(overdue.get(unit) ?? []), item]);
        source.units.set(unit, [...(source.units.get(unit) ?? []), { ...item }]);
      }
    }
  }
  const overdueBySource = [...bySource.entries()]
    .map(([source, { count, units }]) => ({ source, count, units: groupedByUnit(units) }))
    .sort((a, b) => b.count - a.count || (a.source ?? "").localeCompare(b.source ?? ""));
  return { weekOf: mondayOf(today), counts, overdueByUnit: groupedByUnit(overdue), overdueBySource };
}
