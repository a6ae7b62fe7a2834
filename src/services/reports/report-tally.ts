import type { ReportRow } from "./report-rows.js";

/**
 * The counts both printed reports give for a group of milestones. Ongoing
 * duties ("Thường xuyên") are a category of their own, and neither they nor
 * cancelled milestones count towards the completion rate.
 */
export interface Tally {
  total: number;
  done: number;
  doneLate: number;
  overdue: number;
  /** Open, in progress or waiting for approval, within time. */
  inProgress: number;
  ongoing: number;
  cancelled: number;
}

export const emptyTally = (): Tally => ({
  total: 0,
  done: 0,
  doneLate: 0,
  overdue: 0,
  inProgress: 0,
  ongoing: 0,
  cancelled: 0,
});

/** Adds one milestone to a tally (mutates it, for loops over many groups). */
export function addToTally(tally: Tally, row: Pick<ReportRow, "state" | "colour"> & { ongoing: boolean }): Tally {
  tally.total++;
  if (row.ongoing) tally.ongoing++;
  else if (row.state === "cancelled") tally.cancelled++;
  else if (row.state === "done") {
    tally.done++;
    if (row.colour === "orange") tally.doneLate++;
  } else if (row.state === "overdue") tally.overdue++;
  else tally.inProgress++;
  return tally;
}

export function tallyOf(rows: Array<Pick<ReportRow, "state" | "colour"> & { ongoing: boolean }>): Tally {
  return rows.reduce(addToTally, emptyTally());
}

/** Done over everything that has a deadline and still counts; null when nothing does. */
export function completionRate(tally: Tally): number | null {
  const counted = tally.total - tally.ongoing - tally.cancelled;
  return counted === 0 ? null : tally.done / counted;
}

/** "66,7%" the way Vietnamese documents write a rate. */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${(Math.round(rate * 1000) / 10).toLocaleString("vi-VN")}%`;
}
