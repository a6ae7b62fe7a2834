/**
 * `/chiso`: the PAR INDEX self-assessment in the chat. The summary (points
 * per field, what is missing), the suggested tasks one decision at a time
 * (as /rasoat goes through its items), the workbook and the evidence bundle,
 * and a press to chase what is missing. Its buttons are the codecs of
 * src/bot/callback-data/par.ts.
 */
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { formatPoints } from "../../domain/par/index.js";
import { syncParChase } from "../../services/par/par-chase.js";
import { loadParView, type ParView } from "../../services/par/par-view.js";
import { buildParBundle, buildParWorkbook } from "../../services/par/par-workbook.js";
import { decideParLink, pendingLinkSuggestions } from "../../services/par/par-work.js";
import { type ParMenuVerb, parMenuData, parNoData, parSkipData, parYesData } from "../callback-data/par.js";
import type { BoundContext } from "../context.js";
import { refusalText } from "../refusals.js";

/** Yes, no, skip to a suggestion, or a menu press. */
type ParPress =
  { verb: ParMenuVerb } | { verb: "yes" | "no"; code: string; taskId: string } | { verb: "skip"; index: number };

function encode(press: ParPress): string {
  switch (press.verb) {
    case "yes":
      return parYesData.pack(press);
    case "no":
      return parNoData.pack(press);
    case "skip":
      return parSkipData.pack(press);
    default:
      return parMenuData.pack(press);
  }
}

function decode(data: string): ParPress | null {
  const menu = parMenuData.unpack(data);
  if (menu) return menu;
  const yes = parYesData.unpack(data);
  if (yes) return { verb: "yes", ...yes };
  const no = parNoData.unpack(data);
  if (no) return { verb: "no", ...no };
  const skip = parSkipData.unpack(data);
  return skip ? { verb: "skip", ...skip } : null;
}

/** The year being assessed: this year's assessment, else last year's (January closes the previous year). */
async function currentView(ctx: BoundContext) {
  const year = Number(ctx.today.slice(0, 4));
  const { db } = ctx.deps;
  const slug = ctx.viewer.organizationSlug;
  const view = await loadParView(db, ctx.viewer, slug, year, { today: ctx.today });
  if (view.kind !== "no-assessment") return view;
  return loadParView(db, ctx.viewer, slug, year - 1, { today: ctx.today });
}

function summary(ctx: BoundContext, view: ParView): string {
  const { t } = ctx;
  const text = t("par-summary", {
    year: String(view.year),
    title: view.set.title,
    points: formatPoints(view.total.points),
    max: formatPoints(view.total.maxPoints),
    fields: view.fields
      .map((f) =>
        t("par-summary-field", {
          code: f.code,
          name: f.name,
          points: formatPoints(f.points),
          max: formatPoints(f.maxPoints),
        }),
      )
      .join("\n"),
    noEvidence: view.criteria.filter((r) => r.missingEvidence).length,
    noScore: view.criteria.filter((r) => r.missingScore).length,
  });
  return view.deadline ? `${text}\n${t("par-summary-deadline", { date: formatVietnameseDate(view.deadline) })}` : text;
}

async function showSuggestion(ctx: BoundContext, year: number, index: number, edit: boolean): Promise<void> {
  const { t } = ctx;
  const pending = await pendingLinkSuggestions(
    ctx.deps.db,
    ctx.viewer,
    ctx.viewer.organizationSlug,
    year,
    ctx.deps.now(),
  );
  if (pending.kind === "no-assessment") {
    await ctx.reply(t("par-none"));
    return;
  }
  if (pending.kind !== "ok") {
    await ctx.reply(refusalText(t, pending));
    return;
  }
  const { suggestions } = pending;
  if (suggestions.length === 0) {
    await ctx.reply(t("par-links-empty"));
    return;
  }
  const at = index % suggestions.length;
  const suggestion = suggestions[at] as (typeof suggestions)[number];
  const keyboard = new InlineKeyboard()
    .text(t("btn-par-yes"), encode({ verb: "yes", code: suggestion.criterionCode, taskId: suggestion.taskId }))
    .text(t("btn-par-no"), encode({ verb: "no", code: suggestion.criterionCode, taskId: suggestion.taskId }));
  if (suggestions.length > 1) keyboard.text(t("btn-par-skip"), encode({ verb: "skip", index: at + 1 }));
  const text = t("par-link-step", {
    code: suggestion.criterionCode,
    criterion: suggestion.criterionName,
    index: at + 1,
    count: suggestions.length,
    number: suggestion.taskNumber,
    task: suggestion.taskTitle,
  });
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard });
  else await ctx.reply(text, { reply_markup: keyboard });
}

async function onPress(ctx: BoundContext, press: ParPress): Promise<void> {
  const { t } = ctx;
  const view = await currentView(ctx);
  if (view.kind !== "ok") {
    await ctx.reply(view.kind === "no-assessment" ? t("par-none") : refusalText(t, view));
    return;
  }
  const name = `${ctx.viewer.organizationSlug}-${view.year}`;
  if (press.verb === "links") return showSuggestion(ctx, view.year, 0, false);
  if (press.verb === "skip") return showSuggestion(ctx, view.year, press.index, true);
  if (press.verb === "yes" || press.verb === "no") {
    const decision = press.verb === "yes" ? "confirmed" : "rejected";
    const task = view.candidates.find((c) => c.taskId === press.taskId);
    const result = await decideParLink(ctx.deps.db, ctx.viewer, ctx.viewer.organizationSlug, {
      year: view.year,
      criterionCode: press.code,
      taskId: press.taskId,
      decision,
      now: ctx.deps.now(),
    });
    if (result.kind !== "ok") {
      await ctx.reply(refusalText(t, result));
      return;
    }
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const number = task ? (task.section ? `${task.section}.${task.stt ?? ""}` : (task.stt ?? "")) : "";
    await ctx.reply(
      t(decision === "confirmed" ? "par-link-confirmed" : "par-link-rejected", { number, code: press.code }),
    );
    return showSuggestion(ctx, view.year, 0, false);
  }
  const caption = { year: String(view.year), organization: view.organizationName };
  const workbook = await buildParWorkbook(view, ctx.translator);
  if (press.verb === "workbook") {
    await ctx.replyWithDocument(new InputFile(workbook, `tu-danh-gia-chi-so-cchc-${name}.xlsx`), {
      caption: t("par-workbook-caption", caption),
    });
    return;
  }
  if (press.verb === "bundle") {
    const bundle = await buildParBundle(view, workbook, `tu-danh-gia-chi-so-cchc-${name}.xlsx`, ctx.translator);
    await ctx.replyWithDocument(new InputFile(bundle, `minh-chung-chi-so-cchc-${name}.zip`), {
      caption: t("par-bundle-caption", caption),
    });
    return;
  }
  const chased = await syncParChase(ctx.deps.db, ctx.viewer, ctx.viewer.organizationSlug, view.year, ctx.deps.now());
  if (chased.kind === "no-deadline") await ctx.reply(t("par-no-deadline"));
  else if (chased.kind === "no-assessment") await ctx.reply(t("par-none"));
  else if (chased.kind !== "ok") await ctx.reply(refusalText(t, chased));
  else {
    await ctx.deps.scheduleSlots?.(chased.slots);
    await ctx.reply(t("par-chased", { count: chased.chased.length, date: formatVietnameseDate(view.deadline ?? "") }));
  }
}

export function parFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("chiso", async (ctx) => {
    const { t } = ctx;
    const view = await currentView(ctx);
    if (view.kind !== "ok") {
      await ctx.reply(
        view.kind === "no-assessment" ? t("par-none") : refusalText(t, view, { "not-allowed": "report-not-allowed" }),
      );
      return;
    }
    const keyboard = new InlineKeyboard()
      .text(t("btn-par-links"), encode({ verb: "links" }))
      .row()
      .text(t("btn-par-workbook"), encode({ verb: "workbook" }))
      .text(t("btn-par-bundle"), encode({ verb: "bundle" }))
      .row()
      .text(t("btn-par-chase"), encode({ verb: "chase" }));
    await ctx.reply(summary(ctx, view), { reply_markup: keyboard });
  });
  composer.on("callback_query:data", async (ctx, next) => {
    const press = decode(ctx.callbackQuery.data);
    if (!press) return next();
    await ctx.answerCallbackQuery();
    await onPress(ctx, press);
  });
  return composer;
}
