import { formatVietnameseDate } from "../../domain/calendar/index.js";
import type { InlineButton } from "../notifier.js";

/** One reminder about one milestone, as it appears in a person's message. */
export interface ReminderLine {
  milestoneId: string;
  kind: "start" | "reminder" | "due" | "overdue" | "escalation" | "checkin" | "digest" | "needs-date";
  section: string | null;
  stt: string | null;
  title: string;
  due: string | null;
  /** The lead unit's name, for coordinators and the chairman who see many units. */
  unit: string | null;
  daysOverdue: number | null;
}

const HEADINGS: Record<ReminderLine["kind"], string> = {
  start: "Bắt đầu thực hiện",
  reminder: "Sắp đến hạn",
  due: "Đến hạn hôm nay",
  overdue: "Đã quá hạn",
  escalation: "Quá hạn, cần chỉ đạo",
  checkin: "Báo cáo tiến độ tháng",
  digest: "Tổng hợp",
  "needs-date": "Chưa có thời hạn",
};

/**
 * Everything due to one person in one send slot, as one message: a line per
 * task and a row of buttons per task (callback data carry the milestone id
 * only; the bot checks rights against the database).
 */
export function composeReminderMessage(lines: ReminderLine[]): { text: string; buttons: InlineButton[][] } {
  const sorted = [...lines].sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999"));
  const parts: string[] = [`🔔 Nhắc việc: ${sorted.length} việc`];
  sorted.forEach((line, i) => {
    const number = line.section ? `${line.section}.${line.stt ?? ""}` : (line.stt ?? "");
    const due = line.due ? ` — hạn ${formatVietnameseDate(line.due)}` : "";
    const late = line.daysOverdue ? ` (quá ${line.daysOverdue} ngày)` : "";
    const unit = line.unit ? ` [${line.unit}]` : "";
    parts.push(`${i + 1}. ${HEADINGS[line.kind]}: ${number} ${line.title}${unit}${due}${late}`);
  });
  const buttons = sorted.map((line, i) => [
    { text: `${i + 1}. Đã hoàn thành`, callbackData: `done:${line.milestoneId}` },
    { text: "Gửi minh chứng", callbackData: `evidence:${line.milestoneId}` },
  ]);
  return { text: parts.join("\n"), buttons };
}
