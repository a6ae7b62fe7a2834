/**
 * How a province's work stands in its communes: each commune's copy of a
 * province task (done, waiting for the province, overdue, open), the roll-up
 * of one task across communes ("32/100 xã đã hoàn thành") and the league table
 * of communes. Pure: the day is a parameter; lateness is the one rule of
 * milestones/lateness.ts.
 */
import { addDays, type IsoDate } from "../calendar/index.js";
import { isLate, lateness, type LatenessInput } from "../milestones/lateness.js";
import type { UnitProgress } from "../reminders/unit-progress.js";

/** A commune's copy of one province task, as the province reads it. */
export interface CommuneTask {
  organizationId: string;
  organizationName: string;
  taskId: string;
  sourceTaskId: string;
  /** The field of reform: the plan's section the task sits in ("Cải cách thủ tục hành chính"); null when none. */
  field: string | null;
  milestones: LatenessInput[];
  /** The province accepted the commune's completion (asked only when the province approves them). */
  accepted: boolean;
  evidenceCount: number;
  /** The lead unit the commune chose; null until it has. */
  lead: string | null;
}

export type CommuneTaskStatus = "done" | "awaiting-province" | "submitted" | "overdue" | "open";

export interface CommuneTaskStanding {
  status: CommuneTaskStatus;
  /** Finished (done, or waiting only for the province) after the due day, or overdue now. */
  late: boolean;
  /** Days past the due day: of the latest milestone handed in late, or overdue now. */
  daysLate: number;
}

/** How one commune's copy stands on `today`; with `provinceApproves`, done waits for the province's word. */
export function communeTaskStanding(task: CommuneTask, today: IsoDate, provinceApproves: boolean): CommuneTaskStanding {
  const live = task.milestones.filter((m) => m.state !== "cancelled");
  const each = live.map((m) => lateness(m, today));
  const daysLate = Math.max(0, ...each.filter(isLate).map((l) => l.days));
  const late = each.some(isLate);
  const allDone = live.length > 0 && live.every((m) => m.state === "done");
  if (allDone) return { status: provinceApproves && !task.accepted ? "awaiting-province" : "done", late, daysLate };
  if (each.some((l) => l.status === "overdue")) return { status: "overdue", late: true, daysLate };
  if (live.length > 0 && live.every((m) => m.state === "done" || m.state === "submitted"))
    return { status: "submitted", late, daysLate };
  return { status: "open", late, daysLate };
}

export interface TaskRollup {
  total: number;
  done: number;
  awaitingProvince: number;
  /** The communes late on it (overdue now or finished late), latest first. */
  late: Array<CommuneTask & CommuneTaskStanding>;
  communes: Array<CommuneTask & CommuneTaskStanding>;
}

/** One province task across its communes. */
export function rollUpTask(copies: readonly CommuneTask[], today: IsoDate, provinceApproves: boolean): TaskRollup {
  const communes = copies
    .map((copy) => ({ ...copy, ...communeTaskStanding(copy, today, provinceApproves) }))
    .sort((a, b) => a.organizationName.localeCompare(b.organizationName, "vi"));
  return {
    total: communes.length,
    done: communes.filter((c) => c.status === "done").length,
    awaitingProvince: communes.filter((c) => c.status === "awaiting-province").length,
    late: communes.filter((c) => c.late).sort((a, b) => b.daysLate - a.daysLate),
    communes,
  };
}

export interface LeagueRow {
  organizationId: string;
  organizationName: string;
  rank: number;
  tasks: number;
  done: number;
  doneOnTime: number;
  /** Done after the due day: `done - doneOnTime`. */
  doneLate: number;
  /** Of the tasks finished or past due, the share finished on time (0..1); null when none is yet. */
  onTimeShare: number | null;
  overdue: number;
  daysLate: number;
}

/** The one definition of the on-time share: done on time over everything done or overdue; null when nothing is. */
function onTimeShareOf(counts: { done: number; doneOnTime: number; overdue: number }): number | null {
  const assessed = counts.done + counts.overdue;
  return assessed === 0 ? null : counts.doneOnTime / assessed;
}

/**
 * Communes ranked by the share of the province's work done on time, then
 * fewer overdue tasks, then fewer days late, then name; `field` keeps only
 * that field of reform.
 */
export function leagueTable(
  copies: readonly CommuneTask[],
  today: IsoDate,
  provinceApproves: boolean,
  field?: string,
): LeagueRow[] {
  const byCommune = new Map<string, LeagueRow>();
  for (const copy of copies) {
    if (field !== undefined && copy.field !== field) continue;
    const row = byCommune.get(copy.organizationId) ?? {
      organizationId: copy.organizationId,
      organizationName: copy.organizationName,
      rank: 0,
      tasks: 0,
      done: 0,
      doneOnTime: 0,
      doneLate: 0,
      onTimeShare: null,
      overdue: 0,
      daysLate: 0,
    };
    const standing = communeTaskStanding(copy, today, provinceApproves);
    row.tasks++;
    if (standing.status === "done") row.done++;
    if (standing.status === "done" && !standing.late) row.doneOnTime++;
    if (standing.status === "done" && standing.late) row.doneLate++;
    if (standing.status === "overdue") row.overdue++;
    row.daysLate += standing.daysLate;
    byCommune.set(copy.organizationId, row);
  }
  const rows = [...byCommune.values()].map((row) => ({ ...row, onTimeShare: onTimeShareOf(row) }));
  rows.sort(
    (a, b) =>
      (b.onTimeShare ?? -1) - (a.onTimeShare ?? -1) ||
      a.overdue - b.overdue ||
      a.daysLate - b.daysLate ||
      a.organizationName.localeCompare(b.organizationName, "vi"),
  );
  return rows.map((row, i) => ({ ...row, rank: i + 1 }));
}

/** The league table summed over its communes: what a province's report says of the period as a whole. */
export interface LeagueTotals {
  communes: number;
  tasks: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  /** Neither done nor overdue: open within time, or waiting for the commune's or the province's approval. */
  pending: number;
  daysLate: number;
  onTimeShare: number | null;
}

/** The sums of a league table, its share by the table's own rule. */
export function leagueTotals(rows: readonly LeagueRow[]): LeagueTotals {
  const sum = (pick: (row: LeagueRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const counts = {
    communes: rows.length,
    tasks: sum((r) => r.tasks),
    done: sum((r) => r.done),
    doneOnTime: sum((r) => r.doneOnTime),
    doneLate: sum((r) => r.doneLate),
    overdue: sum((r) => r.overdue),
    daysLate: sum((r) => r.daysLate),
  };
  return { ...counts, pending: counts.tasks - counts.done - counts.overdue, onTimeShare: onTimeShareOf(counts) };
}

/**
 * The communes with work overdue, most overdue first (then more days late,
 * then their place in the league), at most `limit`: whom a report names.
 */
export function mostOverdue(rows: readonly LeagueRow[], limit = Number.POSITIVE_INFINITY): LeagueRow[] {
  return rows
    .filter((row) => row.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || b.daysLate - a.daysLate || a.rank - b.rank)
    .slice(0, limit);
}

/**
 * The copies as a period sees them: each keeps only its milestones due within
 * [from, to], and a copy with none there is left out. Standing, roll-up and
 * league then read the period's work alone, as the commune's report does.
 */
export function copiesDueWithin<C extends CommuneTask>(copies: readonly C[], from: IsoDate, to: IsoDate): C[] {
  return copies.flatMap((copy) => {
    const due = copy.milestones.filter((m) => m.due !== null && m.due >= from && m.due <= to);
    return due.length === 0 ? [] : [{ ...copy, milestones: due }];
  });
}

/** The fields of reform the copies fall in, in first-seen order. */
export function fieldsOf(copies: readonly CommuneTask[]): string[] {
  return [...new Set(copies.map((c) => c.field).filter((f): f is string => f !== null))];
}

/**
 * The digest chart's bars with communes for units: done on time, done late, overdue now (by the
 * same standing as the league table); most overdue first, communes with nothing to show left out.
 */
export function communeProgress(
  copies: readonly CommuneTask[],
  today: IsoDate,
  provinceApproves: boolean,
): UnitProgress[] {
  const byCommune = new Map<string, UnitProgress>();
  for (const copy of copies) {
    const standing = communeTaskStanding(copy, today, provinceApproves);
    const key =
      standing.status === "done"
        ? standing.late
          ? "late"
          : "onTime"
        : standing.status === "overdue"
          ? "overdue"
          : null;
    if (key === null) continue;
    const entry = byCommune.get(copy.organizationId) ?? {
      unit: copy.organizationName,
      onTime: 0,
      late: 0,
      overdue: 0,
      ongoing: 0,
    };
    entry[key]++;
    byCommune.set(copy.organizationId, entry);
  }
  return [...byCommune.values()].sort(
    (a, b) => b.overdue - a.overdue || (a.unit ?? "").localeCompare(b.unit ?? "", "vi"),
  );
}

/** A commune that finished some of the province's work in the week before a digest. */
export interface CommuneFinished {
  organizationId: string;
  organizationName: string;
  /** Copies it finished in that week. */
  finished: number;
}

/**
 * The communes that finished a copy of the province's work in the seven days
 * before `today` (the day a digest is read): finished by the commune's own
 * decision (done, or waiting only for the province's word), on the day its
 * last milestone was handed in. Weekly digests a week apart so count each day
 * once. Most finished first, then by name.
 */
export function finishedInWeekBefore(
  copies: readonly CommuneTask[],
  today: IsoDate,
  provinceApproves: boolean,
): CommuneFinished[] {
  const from = addDays(today, -7);
  const byCommune = new Map<string, CommuneFinished>();
  for (const copy of copies) {
    const { status } = communeTaskStanding(copy, today, provinceApproves);
    if (status !== "done" && status !== "awaiting-province") continue;
    const handedIn = copy.milestones
      .filter((m) => m.state !== "cancelled")
      .map((m) => m.completedOn)
      .filter((day): day is IsoDate => day !== null);
    const last = handedIn.sort().at(-1);
    if (last === undefined || last < from || last >= today) continue;
    const entry = byCommune.get(copy.organizationId) ?? {
      organizationId: copy.organizationId,
      organizationName: copy.organizationName,
      finished: 0,
    };
    entry.finished++;
    byCommune.set(copy.organizationId, entry);
  }
  return [...byCommune.values()].sort(
    (a, b) => b.finished - a.finished || a.organizationName.localeCompare(b.organizationName, "vi"),
  );
}
