import { Composer, InlineKeyboard } from "grammy";
import { groupByTask } from "../../domain/milestones/index.js";
import { listOpenMilestones, type MilestoneView } from "../../services/milestones/milestone-view.js";
import { doneData, evidenceData } from "../callback-data/milestone-work.js";
import type { BoundContext } from "../context.js";
import { canReadOrganization } from "../filters/can.js";
import { addMilestoneButtons } from "../keyboards/keyboards.js";
import { dueText, milestoneLine } from "../views.js";
import { pageData } from "../callback-data/task-lists.js";
import { onPress } from "./actions.js";

/** At most this many tasks in one message: below it, a list is never paged. */
export const PAGE_SIZE = 30;
/** Telegram's limit is 4,096 characters; a page stops short of it however long the titles are. */
const PAGE_CHARACTERS = 3800;
/** Up to this many tasks each get the four full buttons; more get the two short ones (done, evidence). */
const FULL_BUTTONS_UP_TO = 8;
/** A title longer than this is cut in a list: the task's page and the reminders carry it whole. */
const TITLE_CHARACTERS = 90;

interface ListEntry {
  /** The milestone the buttons act on: the task's soonest unfinished one. */
  milestone: MilestoneView;
  unit: string;
  text: (index: number) => string;
}

/**
 * One entry per task, soonest due first: a task with several deadlines once,
 * its milestones named on the line ("Quý II · Quý IV").
 */
function entriesOf(ctx: BoundContext, milestones: MilestoneView[], grouped: boolean): ListEntry[] {
  const { t, today } = ctx;
  const wide = canReadOrganization(ctx);
  return groupByTask(milestones).map((group) => {
    const head = group[0]!;
    const labels = group.map((m) => m.label ?? dueText(t, m.due));
    const title = head.title.length > TITLE_CHARACTERS ? `${head.title.slice(0, TITLE_CHARACTERS - 1)}…` : head.title;
    const shown: MilestoneView =
      group.length > 1 ? { ...head, title: `${title} (${labels.join(" · ")})`, label: null } : { ...head, title };
    return {
      milestone: head,
      unit: head.leadUnitNames.join(", ") || t("no-unit"),
      text: (index) => milestoneLine(t, shown, index, today, wide && !grouped),
    };
  });
}

/** Pages of whole entries: at most PAGE_SIZE each, and short enough for one message. */
function paginate(entries: ListEntry[], grouped: boolean): ListEntry[][] {
  const pages: ListEntry[][] = [];
  let current: ListEntry[] = [];
  let size = 0;
  let unit: string | null = null;
  for (const entry of entries) {
    const length = entry.text(entries.length).length + (grouped && entry.unit !== unit ? entry.unit.length + 8 : 2);
    if (current.length > 0 && (current.length >= PAGE_SIZE || size + length > PAGE_CHARACTERS)) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += length;
    unit = entry.unit;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/** One message of a list, grouped by lead unit for those who see many units; `page` is clamped to what exists. */
async function renderList(
  ctx: BoundContext,
  list: "open" | "overdue",
  page: number,
): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const { t, viewer, today } = ctx;
  const all = await listOpenMilestones(ctx.deps.db, viewer, { today, overdueOnly: list === "overdue" });
  const keyboard = new InlineKeyboard();
  if (all.length === 0) return { text: t(list === "open" ? "tasks-empty" : "overdue-empty"), keyboard };
  const units = new Set(all.map((m) => m.leadUnitNames.join(", ")));
  const grouped = canReadOrganization(ctx) && units.size > 1;
  // Grouped: each unit's tasks together, units in the order of their most pressing task.
  const entries = entriesOf(ctx, all, grouped);
  const ordered = grouped
    ? [...new Set(entries.map((e) => e.unit))].flatMap((u) => entries.filter((e) => e.unit === u))
    : entries;
  const pages = paginate(ordered, grouped);
  const current = Math.min(Math.max(page, 1), pages.length);
  const shown = pages[current - 1] ?? [];
  const before = pages.slice(0, current - 1).reduce((n, p) => n + p.length, 0);
  const lines = [
    t(list === "open" ? "tasks-title" : "overdue-title", { count: ordered.length, page: current, pages: pages.length }),
  ];
  let unit: string | null = null;
  const full = shown.length <= FULL_BUTTONS_UP_TO;
  shown.forEach((entry, i) => {
    const index = before + i + 1;
    if (grouped && entry.unit !== unit) lines.push("", t("task-group", { unit: entry.unit }));
    else if (!grouped) lines.push("");
    unit = entry.unit;
    lines.push(entry.text(index));
    if (full) addMilestoneButtons(keyboard, t, entry.milestone.id, index);
    else {
      keyboard
        .text(t("btn-done-short", { index }), doneData.pack({ milestoneId: entry.milestone.id }))
        .text(t("btn-evidence-short", { index }), evidenceData.pack({ milestoneId: entry.milestone.id }));
      if (i % 2 === 1) keyboard.row();
    }
  });
  if (!full) keyboard.row();
  if (current > 1) keyboard.text(t("btn-prev"), pageData.pack({ list, page: current - 1 }));
  if (current < pages.length) keyboard.text(t("btn-next"), pageData.pack({ list, page: current + 1 }));
  return { text: lines.join("\n"), keyboard };
}

/**
 * `/viec` (open work) and `/quahan` (overdue): one message, soonest first,
 * coloured, each task once, grouped by unit for coordinators and the
 * chairman; paged only past 30 tasks or Telegram's message length.
 */
export function taskListsFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("viec", async (ctx) => {
    const { text, keyboard } = await renderList(ctx, "open", 1);
    await ctx.reply(text, { reply_markup: keyboard });
  });
  composer.command("quahan", async (ctx) => {
    const { text, keyboard } = await renderList(ctx, "overdue", 1);
    await ctx.reply(text, { reply_markup: keyboard });
  });
  onPress(composer, pageData, async (ctx, action) => {
    const { text, keyboard } = await renderList(ctx, action.list, action.page);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { reply_markup: keyboard });
  });
  return composer;
}
