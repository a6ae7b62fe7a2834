import type { IsoDate } from "../calendar/iso-date.js";
import { type Lateness, type LatenessInput, lateness, type LatenessStatus } from "./lateness.js";
import type { MilestoneState } from "./states.js";

/**
 * The colours Vietnamese task software uses, and so do our messages:
 * green done on time, blue in progress within its time, orange done late,
 * red overdue and not done; grey for what has no date or was cancelled.
 */
export type ProgressColour = "green" | "blue" | "orange" | "red" | "grey";

export type MilestoneProgress = LatenessInput;

/** The state a person reads: the stored one, or "overdue" for unfinished work past its due day. */
export type ShownState = MilestoneState | "overdue";

const COLOURS: Record<LatenessStatus, ProgressColour> = {
  "on-track": "blue",
  "due-soon": "blue",
  overdue: "red",
  submitted: "blue",
  // Handed in late and waiting for approval is still late work.
  "submitted-late": "orange",
  "done-on-time": "green",
  "done-late": "orange",
  ongoing: "grey",
  undated: "grey",
  cancelled: "grey",
};

/** The state a person should see on `today`: an unfinished milestone past its due day is overdue. */
export function effectiveState(milestone: MilestoneProgress, today: IsoDate): ShownState {
  return lateness(milestone, today).status === "overdue" ? "overdue" : milestone.state;
}

export function progressColour(milestone: MilestoneProgress, today: IsoDate): ProgressColour {
  return colourOf(lateness(milestone, today));
}

/** The colour of a lateness already computed (a status line, a report row). */
export function colourOf(late: Lateness): ProgressColour {
  return COLOURS[late.status];
}

/** Days past due on `today` for unfinished work, 0 otherwise. */
export function daysOverdue(milestone: MilestoneProgress, today: IsoDate): number {
  const l = lateness(milestone, today);
  return l.status === "overdue" ? l.days : 0;
}
