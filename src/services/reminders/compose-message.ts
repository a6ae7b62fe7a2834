import { type DayOff, formatVietnameseDate } from "../../domain/calendar/index.js";
import { formatWeekdayDate } from "../../domain/date-input/index.js";
import { displayTitle } from "../../domain/milestones/index.js";
import type { SendKind } from "../../domain/reminders/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { InlineButton } from "../notifier.js";

/** One reminder about one milestone, as it appears in a person's message. */
export interface ReminderLine {
  milestoneId: string;
  kind: SendKind;
  section: string | null;
  stt: string | null;
  title: string;
  /** "Thông báo số 25/TB-UBND ngày …": the document the task came from, when it is not the annual plan. */
  source?: string | null;
  due: string | null;
  /** The lead unit's name, for coordinators and the chairman who see many units. */
  unit: string | null;
  daysOverdue: number | null;
  /** Days from the send to the due day: a due day off is reminded on the working day before, and says so. */
  daysUntilDue?: number | null;
  /** Why the due day is not worked, when it is not. */
  dueDayOff?: DayOff | null;
  /** The person's unit supports ("phối hợp") the task rather than leads it. */
  supporting?: boolean;
  /** Units this send was meant for that have nobody reachable: the coordinator gets it in their place. */
  noRecipientIn?: string[];
  /** The recipient's own unit leads the task (reachesWorkOwner): only then the line has buttons to finish it. */
  forOwner: boolean;
}

/** "II.3": how the plan numbers a task. */
export function taskNumber(section: string | null, stt: string | null): string {
  return section ? `${section}.${stt ?? ""}` : (stt ?? "");
}

/**
 * Everything due to one person in one send slot, as one message: a line per
 * task and a row of buttons per task (callback data carry the milestone id
 * only; the bot checks rights against the database).
 */
export function composeReminderMessage(
  lines: ReminderLine[],
  { t }: Translator,
  /** For a channel without buttons (Zalo): a link under each task to its page. */
  options: { linkFor?: (milestoneId: string) => string } = {},
): { text: string; buttons: InlineButton[][]; milestoneIds: string[] } {
  const sorted = [...lines].sort(byDueThenPlace);
  const parts: string[] = [t("reminder-title", { count: sorted.length })];
  sorted.forEach((line, i) => {
    const ahead = line.kind === "due" && line.due && line.daysUntilDue ? line.daysUntilDue : 0;
    parts.push(
      t(ahead > 0 ? "reminder-line-due-ahead" : "reminder-line", {
        index: i + 1,
        kind: line.kind,
        when: ahead === 1 ? t("reminder-tomorrow") : line.due ? formatWeekdayDate(line.due) : "",
        number: taskNumber(line.section, line.stt),
        title: displayTitle(line.title),
        unit: line.unit ? t("reminder-unit", { unit: line.unit }) : "",
        due: line.due ? dueText(t, line.due, line.dueDayOff ?? null) : "",
        late: line.daysOverdue ? t("reminder-late", { days: line.daysOverdue }) : "",
      }) +
        (line.supporting ? t("reminder-supporting") : "") +
        (line.noRecipientIn?.length ? t("reminder-no-recipient", { units: line.noRecipientIn.join(", ") }) : ""),
    );
    if (line.source) parts.push(t("reminder-source", { source: line.source }));
    if (options.linkFor) parts.push(t("zalo-task-link", { url: options.linkFor(line.milestoneId) }));
  });
  // "xong 2" is for the work's owner too: a chairman's escalations tell, they do not ask him to finish.
  if (options.linkFor && sorted.some((line) => line.forOwner)) parts.push("", t("zalo-list-hint"));
  // Buttons only for who does the work: the chairman's copy of the same escalation carries none.
  const buttons = sorted.flatMap((line, i): InlineButton[][] =>
    !line.forOwner
      ? []
      : [
          [
            { text: t("btn-done", { index: i + 1 }), action: { verb: "done", milestoneId: line.milestoneId } },
            { text: t("btn-evidence"), action: { verb: "evidence", milestoneId: line.milestoneId } },
          ],
        ],
  );
  return { text: parts.join("\n"), buttons, milestoneIds: sorted.map((line) => line.milestoneId) };
}

const collator = new Intl.Collator("vi", { numeric: true });

/**
 * By due day (undated last), then where the plan puts the task (section, number), then its title and send
 * kind: tasks due the same day come in the same order in every run, whatever order the database returned
 * them in (the milestone's id, random per database, is only the last resort).
 */
function byDueThenPlace(a: ReminderLine, b: ReminderLine): number {
  return (
    (a.due ?? "9999").localeCompare(b.due ?? "9999") ||
    collator.compare(a.section ?? "", b.section ?? "") ||
    collator.compare(a.stt ?? "", b.stt ?? "") ||
    collator.compare(a.title, b.title) ||
    a.kind.localeCompare(b.kind) ||
    a.milestoneId.localeCompare(b.milestoneId)
  );
}

/** "– hạn 30/09/2025", or with the weekday and the reason when the due day is a day off. */
function dueText(t: Translator["t"], due: string, dayOff: DayOff | null): string {
  if (!dayOff) return t("reminder-due", { date: formatVietnameseDate(due) });
  return t("reminder-due-day-off", {
    date: formatWeekdayDate(due),
    reason: dayOff.kind === "weekend" ? t("reminder-weekend") : dayOff.name,
  });
}
