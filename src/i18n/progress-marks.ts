/**
 * The emoji of each state a person is shown, one meaning each, the same in
 * the chat, on Zalo and in mail: 🔵 is work in progress within its time and
 * nothing else (a task due this week is 🟡). The locale files write the
 * marks inline in their sentences (the digest's counts); a test
 * (test/i18n/progress-marks.test.ts) holds them and the code to this table.
 */
import type { ProgressMark } from "../domain/milestones/index.js";
import type { TaskStanding } from "../domain/planning/index.js";

export const MARKS = {
  "on-track": "🔵",
  "due-this-week": "🟡",
  overdue: "🔴",
  "done-on-time": "🟢",
  "done-late": "🟠",
  ongoing: "🔁",
  undated: "⚪",
  cancelled: "⚫",
  /** The register's coarser standings: done, on time or late; open, whatever its date. */
  done: "✅",
  open: "⬜",
} as const satisfies Record<ProgressMark | TaskStanding, string>;

/** The mark of how a milestone stands (markOf), before its line in a list. */
export const progressMark = (mark: ProgressMark): string => MARKS[mark];

/** The mark of a task's standing in the register of assigned work. */
export const standingMark = (standing: TaskStanding): string => MARKS[standing];
