import { formatVietnameseDate } from "../domain/calendar/index.js";
import { daysOverdue, lateness, markOf, shownStatus } from "../domain/milestones/index.js";
import { type MilestoneView, titleOf } from "../services/milestones/milestone-view.js";
import { taskNumber } from "../services/reminders/compose-message.js";
import type { Translator } from "../i18n/i18n.js";
import { progressMark } from "../i18n/progress-marks.js";

export const numberOf = (milestone: Pick<MilestoneView, "section" | "stt">) =>
  taskNumber(milestone.section, milestone.stt);

/** "II.3 Xây dựng Kế hoạch (Quý III)": the task, and which milestone when a task has several. */
export { titleOf };

export const dueText = (t: Translator["t"], due: string | null) => (due ? formatVietnameseDate(due) : t("due-none"));

/** One milestone in a list: its mark, number, title, due day, state and (for wide views) its unit. */
export function milestoneLine(
  t: Translator["t"],
  milestone: MilestoneView,
  index: number,
  today: string,
  showUnit: boolean,
): string {
  return t("task-line", {
    colour: progressMark(markOf(lateness(milestone, today))),
    index,
    number: numberOf(milestone),
    title: titleOf(milestone),
    due: dueText(t, milestone.due),
    state: t("state-label", { state: shownStatus(milestone, today), days: daysOverdue(milestone, today) }),
    unit:
      showUnit && milestone.leadUnitNames.length > 0
        ? ` ${t("task-unit", { unit: milestone.leadUnitNames.join(", ") })}`
        : "",
  });
}
