import { formatVietnameseDate } from "../../domain/calendar/index.js";
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
  due: string | null;
  /** The lead unit's name, for coordinators and the chairman who see many units. */
  unit: string | null;
  daysOverdue: number | null;
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
  const sorted = [...lines].sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999"));
  const parts: string[] = [t("reminder-title", { count: sorted.length })];
  sorted.forEach((line, i) => {
    parts.push(
      t("reminder-line", {
        index: i + 1,
        kind: line.kind,
        number: taskNumber(line.section, line.stt),
        title: line.title,
        unit: line.unit ? t("reminder-unit", { unit: line.unit }) : "",
        due: line.due ? t("reminder-due", { date: formatVietnameseDate(line.due) }) : "",
        late: line.daysOverdue ? t("reminder-late", { days: line.daysOverdue }) : "",
      }),
    );
    if (options.linkFor) parts.push(t("zalo-task-link", { url: options.linkFor(line.milestoneId) }));
  });
  if (options.linkFor) parts.push("", t("zalo-list-hint"));
  const buttons = sorted.map((line, i) => [
    { text: t("btn-done", { index: i + 1 }), callbackData: `done:${line.milestoneId}` },
    { text: t("btn-evidence"), callbackData: `evidence:${line.milestoneId}` },
  ]);
  return { text: parts.join("\n"), buttons, milestoneIds: sorted.map((line) => line.milestoneId) };
}
