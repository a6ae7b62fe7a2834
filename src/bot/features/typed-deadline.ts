import { Keyboard } from "grammy";
import type { IsoDate } from "../../domain/calendar/index.js";
import { formatWeekdayDate, readTypedDeadline, readTypedReceipt, weekdayName } from "../../domain/date-input/index.js";
import { loadOrganizationCalendar } from "../../services/calendar.js";
import type { BoundContext } from "../context.js";
import { cancelKeyboard } from "../keyboards/keyboards.js";

/**
 * Reads a deadline typed as an answer. Returns the due day, or null after
 * saying why not: a past or non-existent day is refused with its reason, and
 * when several days fit they come back as buttons that type the day chosen
 * (with the reason when the text contradicts itself: a weekday not its date's).
 */
export async function readDeadlineAnswer(ctx: BoundContext, text: string): Promise<IsoDate | null> {
  // "3 ngày làm việc nữa" counts on the office's own calendar.
  const calendar = await loadOrganizationCalendar(ctx.deps.db, ctx.viewer.organizationId);
  const read = readTypedDeadline(text, ctx.today, { calendar });
  switch (read.kind) {
    case "ok":
      return read.due;
    case "past":
      await ctx.reply(ctx.t("date-past", { text, date: formatWeekdayDate(read.due) }), {
        reply_markup: cancelKeyboard(ctx.t),
      });
      return null;
    case "ambiguous": {
      // A reply keyboard: pressing a button sends the day written out, which reads without doubt.
      const keyboard = new Keyboard().oneTime().resized();
      for (const due of read.choices) keyboard.text(formatWeekdayDate(due)).row();
      // "19/12 thứ năm" when 19/12 is a Saturday: say what does not add up, then ask.
      const question = read.conflict
        ? ctx.t("date-weekday-mismatch", {
            text,
            date: formatWeekdayDate(read.conflict.date),
            written: weekdayName(read.conflict.weekday),
          })
        : ctx.t("date-ambiguous", { text });
      await ctx.reply(question, { reply_markup: keyboard });
      return null;
    }
    default:
      await ctx.reply(
        ctx.t(read.kind === "impossible-date" ? "extension-impossible-date" : "extension-bad-date", { text }),
        {
          reply_markup: cancelKeyboard(ctx.t),
        },
      );
      return null;
  }
}

/**
 * Reads a document's day of receipt typed as an answer: a past day or today.
 * Returns it, or null after saying why not (a day not come, a month, a text
 * not understood); when several days fit, they come back as buttons.
 */
export async function readReceiptAnswer(ctx: BoundContext, text: string): Promise<IsoDate | null> {
  const calendar = await loadOrganizationCalendar(ctx.deps.db, ctx.viewer.organizationId);
  const read = readTypedReceipt(text, ctx.today, { calendar });
  if (read.kind === "ok") return read.day;
  if (read.kind === "ambiguous") {
    const keyboard = new Keyboard().oneTime().resized();
    for (const day of read.choices) keyboard.text(formatWeekdayDate(day)).row();
    await ctx.reply(ctx.t("date-ambiguous", { text }), { reply_markup: keyboard });
    return null;
  }
  const answer =
    read.kind === "future"
      ? ctx.t("receipt-future", { text, date: formatWeekdayDate(read.day) })
      : read.kind === "not-a-day"
        ? ctx.t("receipt-not-a-day", { text })
        : read.kind === "impossible-date"
          ? ctx.t("extension-impossible-date", { text })
          : ctx.t("receipt-bad-date", { text });
  await ctx.reply(answer, { reply_markup: cancelKeyboard(ctx.t) });
  return null;
}
