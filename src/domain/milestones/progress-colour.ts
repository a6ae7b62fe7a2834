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

/**
 * How a milestone stands, as a person is shown it in a message: one mark
 * each (src/i18n/progress-marks.ts) and one count each in the digest. Finer
 * than the colour: a task due this week is still blue on the web's bars,
 * but the chat marks it apart, as the digest counts it apart.
 */
export type ProgressMark =
  "on-track" | "due-this-week" | "overdue" | "done-on-time" | "done-late" | "ongoing" | "undated" | "cancelled";

const MARKS: Record<LatenessStatus, ProgressMark> = {
  "on-track": "on-track",
  "due-soon": "due-this-week",
  overdue: "overdue",
  // Handed in and waiting for approval: the unit's part is done, its lateness fixed at the day it did.
  submitted: "on-track",
  "submitted-late": "done-late",
  "done-on-time": "done-on-time",
  "done-late": "done-late",
  ongoing: "ongoing",
  undated: "undated",
  cancelled: "cancelled",
};

/** The mark of a lateness already computed. */
export function markOf(late: Lateness): ProgressMark {
  return MARKS[late.status];
}

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

/**
 * The one word a person reads for a milestone, in the chat, the web, the
 * reports and the workbook alike (`state-label` in the locale files): the
 * stored state while on time, and what lateness adds to it: overdue, done on
 * time or late, waiting for approval, an ongoing duty, no date yet.
 */
export type ShownStatus =
  "open" | "in_progress" | "submitted" | "done-on-time" | "done-late" | "overdue" | "ongoing" | "undated" | "cancelled";

const STATUS_OF_LATENESS: Record<LatenessStatus, ShownStatus | null> = {
  "on-track": null,
  "due-soon": null,
  overdue: "overdue",
  submitted: "submitted",
  "submitted-late": "submitted",
  "done-on-time": "done-on-time",
  "done-late": "done-late",
  ongoing: "ongoing",
  undated: "undated",
  cancelled: "cancelled",
};

/** The shown status of a lateness already computed; on time, the stored state says whether work began. */
export function shownStatusOf(state: ShownState, late: Lateness): ShownStatus {
  return STATUS_OF_LATENESS[late.status] ?? (state === "in_progress" ? "in_progress" : "open");
}

export function shownStatus(milestone: MilestoneProgress, today: IsoDate): ShownStatus {
  return shownStatusOf(milestone.state, lateness(milestone, today));
}

/** Days past due on `today` for unfinished work, 0 otherwise. */
export function daysOverdue(milestone: MilestoneProgress, today: IsoDate): number {
  const l = lateness(milestone, today);
  return l.status === "overdue" ? l.days : 0;
}
