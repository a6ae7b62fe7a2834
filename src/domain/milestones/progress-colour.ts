import type { IsoDate } from "../calendar/iso-date.js";

/** The states a milestone is stored in. */
export type MilestoneState = "open" | "in_progress" | "submitted" | "done" | "overdue" | "cancelled";

/**
 * The colours Vietnamese task software uses, and so do our messages:
 * green done on time, blue in progress within its time, orange done late,
 * red overdue and not done; grey for what has no date or was cancelled.
 */
export type ProgressColour = "green" | "blue" | "orange" | "red" | "grey";

export interface MilestoneProgress {
  state: MilestoneState;
  due: IsoDate | null;
  /** The local day the work was handed in (for done milestones). */
  completedOn: IsoDate | null;
}

/** The state a person should see on `today`: an unfinished milestone past its due day is overdue. */
export function effectiveState(milestone: MilestoneProgress, today: IsoDate): MilestoneState {
  const { state, due } = milestone;
  if ((state === "open" || state === "in_progress") && due !== null && due < today) return "overdue";
  if (state === "overdue" && (due === null || due >= today)) return "open";
  return state;
}

export function progressColour(milestone: MilestoneProgress, today: IsoDate): ProgressColour {
  const state = effectiveState(milestone, today);
  if (state === "cancelled") return "grey";
  if (state === "done") {
    return milestone.due !== null && milestone.completedOn !== null && milestone.completedOn > milestone.due
      ? "orange"
      : "green";
  }
  if (state === "overdue") return "red";
  if (state === "submitted") {
    // Handed in late and waiting for approval is still late work.
    return milestone.due !== null && milestone.completedOn !== null && milestone.completedOn > milestone.due
      ? "orange"
      : "blue";
  }
  return milestone.due === null ? "grey" : "blue";
}

/** Days past due on `today` for unfinished work, 0 otherwise. */
export function daysOverdue(milestone: MilestoneProgress, today: IsoDate): number {
  if (effectiveState(milestone, today) !== "overdue" || milestone.due === null) return 0;
  return Math.round((Date.parse(today) - Date.parse(milestone.due)) / 86_400_000);
}
