import { Composer, InlineKeyboard } from "grammy";
import { capabilitiesOf } from "../../services/access.js";
import { listOpenMilestones } from "../../services/milestones/milestone-view.js";
import { encodeCallback } from "../callback-data.js";
import type { BoundContext } from "../context.js";
import { addMilestoneButtons } from "../keyboards/keyboards.js";
import { milestoneLine } from "../views.js";
import { onAction } from "./actions.js";

export const PAGE_SIZE = 4;

/** One page of a list, as text and buttons; `page` is clamped to what exists. */
async function renderList(
  ctx: BoundContext,
  list: "open" | "overdue",
  page: number,
): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const { t, viewer, today } = ctx;
  const all = await listOpenMilestones(ctx.deps.db, viewer, { today, overdueOnly: list === "overdue" });
  const keyboard = new InlineKeyboard();
  if (all.length === 0) return { text: t(list === "open" ? "tasks-empty" : "overdue-empty"), keyboard };
  const pages = Math.ceil(all.length / PAGE_SIZE);
  const current = Math.min(Math.max(page, 1), pages);
  const shown = all.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const wide = capabilitiesOf(viewer).readOrganization;
  const lines = [t(list === "open" ? "tasks-title" : "overdue-title", { count: all.length, page: current, pages })];
  shown.forEach((milestone, i) => {
    const index = (current - 1) * PAGE_SIZE + i + 1;
    lines.push("", milestoneLine(t, milestone, index, today, wide));
    addMilestoneButtons(keyboard, t, milestone.id, index);
  });
  if (current > 1) keyboard.text(t("btn-prev"), encodeCallback({ verb: "page", list, page: current - 1 }));
  if (current < pages) keyboard.text(t("btn-next"), encodeCallback({ verb: "page", list, page: current + 1 }));
  return { text: lines.join("\n"), keyboard };
}

/** `/viec` (my open milestones) and `/quahan` (overdue), soonest first, coloured, paged. */
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
  onAction(composer, "page", async (ctx, action) => {
    const { text, keyboard } = await renderList(ctx, action.list, action.page);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { reply_markup: keyboard });
  });
  return composer;
}
