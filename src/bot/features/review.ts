import { Composer, InlineKeyboard } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { formatWeekdayDate } from "../../domain/date-input/index.js";
import { likelyAliases, unitNameKey } from "../../domain/units/index.js";
import {
  acknowledgeWarnings,
  assignLead,
  keepUnit,
  listReviewItems,
  mergeUnitInto,
  type ReviewItem,
  setMilestoneDate,
  unitChoices,
} from "../../services/review.js";
import { isRefused, type Refusal, type Refused } from "../../services/access.js";
import { taskNumber } from "../../services/reminders/compose-message.js";
import { syncReminders } from "../../services/reminders/sync-reminders.js";
import { setReceivedOn } from "../../services/plans/received-on.js";
import {
  reviewDateData,
  reviewKeepData,
  reviewLeadData,
  reviewMergeData,
  reviewNextData,
  reviewReceiptData,
  reviewSeenData,
} from "../callback-data/review.js";
import type { BoundContext } from "../context.js";
import { cancelKeyboard } from "../keyboards/keyboards.js";
import { refusalText } from "../refusals.js";
import { onPress } from "./actions.js";
import { readDeadlineAnswer, readReceiptAnswer } from "./typed-deadline.js";

const MAX_CHOICES = 12;

function itemNumber(item: ReviewItem): string {
  if (item.kind === "receipt") return item.document;
  return item.kind === "unit" || item.kind === "no-recipient" ? item.name : taskNumber(item.section, item.stt);
}

/** A refusal met mid-step: it travels to the feature's guard, which words it once. */
class ReviewError extends Error {
  override readonly name = "ReviewError";
  constructor(readonly refused: Refused) {
    super(refused.kind);
  }
}

/** The service's answer when it is not a refusal; a refusal goes to the guard. */
function accepted<T extends { kind: string }>(result: T): Exclude<T, { kind: Refusal }> {
  if (isRefused(result)) throw new ReviewError(result);
  return result as Exclude<T, { kind: Refusal }>;
}

/** What waits for review; a refusal from the service travels as a ReviewError to the feature's guard. */
async function reviewItems(ctx: BoundContext): Promise<ReviewItem[]> {
  const listed = await listReviewItems(ctx.deps.db, ctx.viewer, ctx.viewer.organizationId);
  if (listed.kind !== "ok") throw new ReviewError(listed);
  return listed.items;
}

async function choicesOf(ctx: BoundContext): Promise<Array<{ id: string; name: string }>> {
  const choices = await unitChoices(ctx.deps.db, ctx.viewer, ctx.viewer.organizationId);
  if (choices.kind !== "ok") throw new ReviewError(choices);
  return choices.units;
}

/** One item of the review with the buttons that decide it. */
async function renderItem(ctx: BoundContext, index: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const { t } = ctx;
  const items = await reviewItems(ctx);
  const keyboard = new InlineKeyboard();
  if (items.length === 0) return { text: t("review-empty"), keyboard };
  const current = Math.min(Math.max(index, 0), items.length - 1);
  const item = items[current] as ReviewItem;
  const lines = [t("review-title", { count: items.length, index: current + 1 })];
  if (item.kind === "receipt") {
    lines.push(t("review-receipt", { document: item.document, count: item.tasks }));
    keyboard.text(t("btn-review-set-receipt"), reviewReceiptData.pack({ planId: item.planId }));
  } else if (item.kind === "date") {
    const title = item.label ? `${item.title} (${item.label})` : item.title;
    lines.push(t("review-date", { number: itemNumber(item), title, written: item.written.join("; ") }));
    keyboard.text(t("btn-review-set-date"), reviewDateData.pack({ milestoneId: item.milestoneId }));
  } else if (item.kind === "lead") {
    const proposed = item.proposed.length > 0 ? t("review-proposed", { names: item.proposed.join(", ") }) : "";
    lines.push(t("review-lead", { number: itemNumber(item), title: item.title, proposed }));
    const proposedKeys = new Set(item.proposed.map(unitNameKey));
    const choices = (await choicesOf(ctx)).sort(
      (a, b) => Number(proposedKeys.has(unitNameKey(b.name))) - Number(proposedKeys.has(unitNameKey(a.name))),
    );
    for (const unit of choices.slice(0, MAX_CHOICES)) {
      keyboard.text(unit.name, reviewLeadData.pack({ taskId: item.taskId, unitPrefix: unit.id.slice(0, 8) })).row();
    }
  } else if (item.kind === "unit") {
    lines.push(t("review-unit", { name: item.name, count: item.tasks }));
    const others = (await choicesOf(ctx)).filter((u) => u.id !== item.unitId);
    // Likely other spellings first ("VHXXH&TT" ≈ "VHXH&TT"), so one press merges them.
    const likely = likelyAliases(item.name, others);
    if (likely.length > 0) lines.push(t("review-unit-likely", { units: likely.map((u) => u.name).join("; ") }));
    keyboard.text(t("btn-review-keep"), reviewKeepData.pack({ unitId: item.unitId })).row();
    const choices = [...likely, ...others.filter((u) => !likely.includes(u))];
    for (const unit of choices.slice(0, MAX_CHOICES)) {
      keyboard
        .text(
          t(likely.includes(unit) ? "btn-review-merge-likely" : "btn-review-merge", { unit: unit.name }),
          reviewMergeData.pack({ unitId: item.unitId, intoPrefix: unit.id.slice(0, 8) }),
        )
        .row();
    }
  } else if (item.kind === "no-recipient") {
    // The words of the reminders' own mark, so the coordinator recognises what they were sent.
    lines.push(
      t("reminder-no-recipient", { units: item.name }).trim(),
      t("review-no-recipient-tasks", { count: item.tasks }),
    );
  } else {
    lines.push(
      t("review-warnings", { number: itemNumber(item), title: item.title, warnings: item.warnings.join("\n") }),
    );
    keyboard.text(t("btn-review-seen"), reviewSeenData.pack({ taskId: item.taskId }));
  }
  if (items.length > 1) {
    keyboard.text(t("btn-review-skip"), reviewNextData.pack({ index: (current + 1) % items.length }));
  }
  return { text: lines.join("\n"), keyboard };
}

async function showItem(ctx: BoundContext, index: number): Promise<void> {
  const { text, keyboard } = await renderItem(ctx, index);
  await ctx.reply(text, { reply_markup: keyboard });
}

/** Finds the unit a button names by its id's first 8 hex digits, within the organization. */
async function unitByPrefix(ctx: BoundContext, prefix: string): Promise<{ id: string; name: string } | null> {
  const matches = (await choicesOf(ctx)).filter((u) => u.id.startsWith(prefix));
  return matches.length === 1 ? (matches[0] as { id: string; name: string }) : null;
}

/** `/rasoat`: the coordinator goes through what the import could not decide, one item at a time. */
export function reviewFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  // The service decides who reviews; a refused list answers the press (or the command) before anything else.
  const guard = async (ctx: BoundContext, run: (bound: BoundContext) => Promise<void>) => {
    const bound = ctx;
    const listed = await listReviewItems(ctx.deps.db, bound.viewer, bound.viewer.organizationId);
    if (listed.kind !== "ok") {
      if (ctx.callbackQuery) {
        await ctx.answerCallbackQuery({ text: refusalText(ctx.t, listed), show_alert: true });
      } else await ctx.reply(refusalText(ctx.t, listed, { "not-allowed": "invite-not-allowed" }));
      return;
    }
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    try {
      await run(bound);
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      await ctx.reply(refusalText(ctx.t, error.refused));
    }
  };
  const done = async (ctx: BoundContext, text: string) => {
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(text);
    await showItem(ctx, 0);
  };

  composer.command("rasoat", (ctx) => guard(ctx, (bound) => showItem(bound, 0)));
  onPress(composer, reviewNextData, (ctx, action) =>
    guard(ctx, async (bound) => {
      const { text, keyboard } = await renderItem(bound, action.index);
      await ctx.editMessageText(text, { reply_markup: keyboard });
    }),
  );
  onPress(composer, reviewDateData, (ctx, action) =>
    guard(ctx, async (bound) => {
      const item = (await reviewItems(bound)).find((i) => i.kind === "date" && i.milestoneId === action.milestoneId);
      if (!item) throw new ReviewError({ kind: "not-found" });
      ctx.session.pending = { kind: "review-date", milestoneId: action.milestoneId };
      await ctx.reply(ctx.t("review-ask-date", { number: itemNumber(item) }), { reply_markup: cancelKeyboard(ctx.t) });
    }),
  );
  onPress(composer, reviewReceiptData, (ctx, action) =>
    guard(ctx, async (bound) => {
      const item = (await reviewItems(bound)).find((i) => i.kind === "receipt" && i.planId === action.planId);
      if (!item) throw new ReviewError({ kind: "not-found" });
      ctx.session.pending = { kind: "review-receipt", planId: action.planId };
      await ctx.reply(ctx.t("review-ask-receipt", { document: itemNumber(item) }), {
        reply_markup: cancelKeyboard(ctx.t),
      });
    }),
  );
  onPress(composer, reviewLeadData, (ctx, action) =>
    guard(ctx, async (bound) => {
      const unit = await unitByPrefix(bound, action.unitPrefix);
      if (!unit) throw new ReviewError({ kind: "not-found" });
      const items = await reviewItems(bound);
      const item = items.find((i) => i.kind === "lead" && i.taskId === action.taskId);
      const name = accepted(await assignLead(ctx.deps.db, bound.viewer, action.taskId, unit.id, ctx.deps.now())).unit;
      const slots = await syncReminders(ctx.deps.db, bound.viewer.organizationId, ctx.deps.now());
      await ctx.deps.scheduleSlots?.(slots);
      await done(bound, ctx.t("review-lead-set", { number: item ? itemNumber(item) : "", unit: name }));
    }),
  );
  onPress(composer, reviewMergeData, (ctx, action) =>
    guard(ctx, async (bound) => {
      const into = await unitByPrefix(bound, action.intoPrefix);
      if (!into) throw new ReviewError({ kind: "not-found" });
      const merged = accepted(await mergeUnitInto(ctx.deps.db, bound.viewer, action.unitId, into.id));
      const slots = await syncReminders(ctx.deps.db, bound.viewer.organizationId, ctx.deps.now());
      await ctx.deps.scheduleSlots?.(slots);
      await done(bound, ctx.t("review-merged", merged));
    }),
  );
  onPress(composer, reviewKeepData, (ctx, action) =>
    guard(ctx, async (bound) => {
      const { name } = accepted(await keepUnit(ctx.deps.db, bound.viewer, action.unitId, ctx.deps.now()));
      await done(bound, ctx.t("review-kept", { name }));
    }),
  );
  onPress(composer, reviewSeenData, (ctx, action) =>
    guard(ctx, async (bound) => {
      accepted(await acknowledgeWarnings(ctx.deps.db, bound.viewer, action.taskId, ctx.deps.now()));
      await done(bound, ctx.t("review-seen"));
    }),
  );
  return composer;
}

/** The day of receipt typed after "Nhập ngày nhận": every task counted from it gets its dates. */
async function handleReceiptText(ctx: BoundContext, planId: string, text: string): Promise<void> {
  const receivedOn = await readReceiptAnswer(ctx, text);
  if (receivedOn === null) return;
  const set = await setReceivedOn(ctx.deps.db, ctx.viewer, { planId, receivedOn, now: ctx.deps.now() });
  if (set.kind !== "received") {
    // A day before the document's own is the person's to correct: the question stays open for another.
    if (set.reason) return void (await ctx.reply(refusalText(ctx.t, set), { reply_markup: cancelKeyboard(ctx.t) }));
    ctx.session.pending = null;
    return void (await ctx.reply(refusalText(ctx.t, set, { "not-allowed": "button-stale" })));
  }
  ctx.session.pending = null;
  await ctx.deps.scheduleSlots?.(set.slots);
  const { t } = ctx;
  const lines = [
    t("review-receipt-set", {
      document: set.document,
      date: formatWeekdayDate(set.receivedOn),
      count: set.tasks.length,
    }),
    ...set.tasks.map((task) =>
      t("review-receipt-task", {
        number: taskNumber(task.section, task.stt),
        title: task.title,
        dates: task.dues.length > 0 ? task.dues.map(formatVietnameseDate).join(", ") : t("due-none"),
      }),
    ),
  ];
  await ctx.reply(lines.join("\n"));
  await showItem(ctx, 0);
}

/** The date typed after "Đặt ngày", or the day of receipt after "Nhập ngày nhận". True when handled. */
export async function handleReviewText(ctx: BoundContext, text: string): Promise<boolean> {
  const pending = ctx.session.pending;
  if (pending?.kind === "review-receipt") {
    await handleReceiptText(ctx, pending.planId, text);
    return true;
  }
  if (pending?.kind !== "review-date") return false;
  const due = await readDeadlineAnswer(ctx, text);
  if (due === null) return true;
  ctx.session.pending = null;
  let item: ReviewItem | undefined;
  try {
    item = (await reviewItems(ctx)).find((i) => i.kind === "date" && i.milestoneId === pending.milestoneId);
    const { slots } = accepted(
      await setMilestoneDate(ctx.deps.db, ctx.viewer, pending.milestoneId, due, ctx.deps.now()),
    );
    await ctx.deps.scheduleSlots?.(slots);
  } catch (error) {
    if (!(error instanceof ReviewError)) throw error;
    await ctx.reply(refusalText(ctx.t, error.refused, { "not-allowed": "button-stale" }));
    return true;
  }
  await ctx.reply(ctx.t("review-date-set", { number: item ? itemNumber(item) : "", date: formatWeekdayDate(due) }));
  await showItem(ctx, 0);
  return true;
}
