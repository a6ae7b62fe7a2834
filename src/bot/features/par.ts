/**
 * `/chiso`: the PAR INDEX self-assessment in the chat. The summary (points
 * per field, what is missing), the suggested tasks one decision at a time
 * (as /rasoat goes through its items), the workbook and the evidence bundle,
 * a self-score typed for a criterion with its justification (the steps of
 * src/bot/steps/par.ts), and a press to chase what is missing. Its buttons
 * are the codecs of src/bot/callback-data/par.ts.
 */
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { formatPoints, readSelfScore } from "../../domain/par/index.js";
import { syncParChase } from "../../services/par/par-chase.js";
import { loadParView, type ParView } from "../../services/par/par-view.js";
import { buildParBundle, buildParWorkbook } from "../../services/par/par-workbook.js";
import { decideParLink, pendingLinkSuggestions, setParSelfScore } from "../../services/par/par-work.js";
import { cancelData } from "../callback-data/conversation.js";
import {
  type ParMenuVerb,
  parMenuData,
  parNoData,
  parScoreData,
  parSkipData,
  parYesData,
} from "../callback-data/par.js";
import type { BoundContext } from "../context.js";
import { cancelKeyboard } from "../keyboards/keyboards.js";
import { refusalText } from "../refusals.js";
import { onPress } from "./actions.js";

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

async function onMenuPress(ctx: BoundContext, press: ParPress): Promise<void> {
  const { t } = ctx;
  const view = await currentView(ctx);
  if (view.kind !== "ok") {
    await ctx.reply(view.kind === "no-assessment" ? t("par-none") : refusalText(t, view));
    return;
  }
  const name = `${ctx.viewer.organizationSlug}-${view.year}`;
  if (press.verb === "links") return showSuggestion(ctx, view.year, 0, false);
  if (press.verb === "score") return askCriterion(ctx, view);
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
      .text(t("btn-par-score"), encode({ verb: "score" }))
      .row()
      .text(t("btn-par-workbook"), encode({ verb: "workbook" }))
      .text(t("btn-par-bundle"), encode({ verb: "bundle" }))
      .row()
      .text(t("btn-par-chase"), encode({ verb: "chase" }));
    await ctx.reply(summary(ctx, view), { reply_markup: keyboard });
  });
  onPress(composer, parScoreData, async (ctx, { code }) => {
    await ctx.answerCallbackQuery();
    const view = await currentView(ctx);
    if (view.kind !== "ok") {
      await ctx.reply(view.kind === "no-assessment" ? ctx.t("par-none") : refusalText(ctx.t, view));
      return;
    }
    await askPoints(ctx, view, code);
  });
  composer.on("callback_query:data", async (ctx, next) => {
    const press = decode(ctx.callbackQuery.data);
    if (!press) return next();
    await ctx.answerCallbackQuery();
    await onMenuPress(ctx, press);
  });
  return composer;
}

/** The criteria a coordinator scores: leaves that are neither computed from results nor the province's survey. */
const selfScored = (view: ParView) =>
  view.criteria.filter((r) => r.criterion.children.length === 0 && r.source !== "automatic" && r.source !== "survey");

/** How many criteria still without a score are offered as buttons; any other is typed by its code. */
const PICK_BUTTONS = 8;

/** "Chấm điểm tiêu chí": the criteria still without a score as buttons; a code may also be typed. */
async function askCriterion(ctx: BoundContext, view: ParView): Promise<void> {
  const { t } = ctx;
  const waiting = selfScored(view).filter((r) => r.missingScore);
  ctx.session.pending = { kind: "par-score-criterion", year: view.year };
  const keyboard = new InlineKeyboard();
  waiting.slice(0, PICK_BUTTONS).forEach((row, i) => {
    keyboard.text(row.criterion.code, parScoreData.pack({ code: row.criterion.code }));
    if (i % 4 === 3) keyboard.row();
  });
  keyboard.row().text(t("btn-cancel"), cancelData.pack({}));
  const list = waiting
    .slice(0, PICK_BUTTONS)
    .map((r) =>
      t("par-score-pick-line", {
        code: r.criterion.code,
        name: r.criterion.name,
        max: formatPoints(r.criterion.maxPoints),
      }),
    )
    .join("\n");
  const text = waiting.length > 0 ? t("par-score-pick", { count: waiting.length, list }) : t("par-score-all-scored");
  await ctx.reply(text, { reply_markup: keyboard });
}

/** The criterion chosen: its maximum and scoring rule, and the score asked for. */
async function askPoints(ctx: BoundContext, view: ParView, typedCode: string): Promise<void> {
  const { t } = ctx;
  const code = typedCode.trim().replace(/\.$/, "");
  const row = view.criteria.find((r) => r.criterion.code.toLowerCase() === code.toLowerCase());
  if (!row || row.criterion.children.length > 0 || row.source === "survey") {
    ctx.session.pending = { kind: "par-score-criterion", year: view.year };
    await ctx.reply(t("par-score-unknown", { code }), { reply_markup: cancelKeyboard(t) });
    return;
  }
  if (row.source === "automatic") {
    ctx.session.pending = { kind: "par-score-criterion", year: view.year };
    await ctx.reply(t("par-score-automatic", { code: row.criterion.code }), { reply_markup: cancelKeyboard(t) });
    return;
  }
  const { criterion } = row;
  ctx.session.pending = { kind: "par-score-points", year: view.year, code: criterion.code };
  const lines = [
    t("par-score-ask-points", {
      code: criterion.code,
      criterion: criterion.name,
      max: formatPoints(criterion.maxPoints),
    }),
  ];
  if (criterion.scoring.trim()) lines.push(t("par-score-scoring", { scoring: criterion.scoring.trim() }));
  if (row.selfScore)
    lines.push(
      t("par-score-current", {
        points: formatPoints(row.selfScore.points),
        justification: row.selfScore.justification,
      }),
    );
  await ctx.reply(lines.join("\n"), { reply_markup: cancelKeyboard(t) });
}

/** The view of the year a step was started in, or the answer why not. */
async function stepView(ctx: BoundContext, year: number): Promise<ParView | null> {
  const view = await loadParView(ctx.deps.db, ctx.viewer, ctx.viewer.organizationSlug, year, { today: ctx.today });
  if (view.kind === "ok") return view;
  ctx.session.pending = null;
  await ctx.reply(view.kind === "no-assessment" ? ctx.t("par-none") : refusalText(ctx.t, view));
  return null;
}

/**
 * What a coordinator types in the self-score steps: the criterion's code, its
 * score ("1,5", "đạt 2 điểm"), then the justification, saved through the same
 * service call as the web and the CLI. True when handled.
 */
export async function handleParText(ctx: BoundContext, text: string): Promise<boolean> {
  const pending = ctx.session.pending;
  if (
    pending?.kind !== "par-score-criterion" &&
    pending?.kind !== "par-score-points" &&
    pending?.kind !== "par-score-justification"
  )
    return false;
  const { t } = ctx;
  const view = await stepView(ctx, pending.year);
  if (!view) return true;
  if (pending.kind === "par-score-criterion") {
    await askPoints(ctx, view, text);
    return true;
  }
  const row = view.criteria.find((r) => r.criterion.code === pending.code);
  if (!row) {
    ctx.session.pending = null;
    await ctx.reply(t("button-stale"));
    return true;
  }
  const max = formatPoints(row.criterion.maxPoints);
  if (pending.kind === "par-score-points") {
    // The score is read before the justification is asked for, by the rule the service applies on saving.
    const read = readSelfScore(text, row.criterion.maxPoints);
    if (read.kind !== "ok") {
      await ctx.reply(t("par-score-bad", { reason: read.kind, text, max, code: pending.code }), {
        reply_markup: cancelKeyboard(t),
      });
      return true;
    }
    ctx.session.pending = { kind: "par-score-justification", year: pending.year, code: pending.code, points: text };
    await ctx.reply(t("par-score-ask-justification", { code: pending.code, points: formatPoints(read.points) }), {
      reply_markup: cancelKeyboard(t),
    });
    return true;
  }
  const result = await setParSelfScore(ctx.deps.db, ctx.viewer, ctx.viewer.organizationSlug, {
    year: pending.year,
    criterionCode: pending.code,
    points: pending.points,
    justification: text,
    now: ctx.deps.now(),
  });
  if (result.kind === "invalid") {
    if (result.reason === "no-justification") {
      await ctx.reply(t("par-score-no-justification"), { reply_markup: cancelKeyboard(t) });
      return true;
    }
    ctx.session.pending = { kind: "par-score-points", year: pending.year, code: pending.code };
    await ctx.reply(t("par-score-bad", { reason: result.reason, text: pending.points, max, code: pending.code }), {
      reply_markup: cancelKeyboard(t),
    });
    return true;
  }
  ctx.session.pending = null;
  if (result.kind !== "ok") {
    await ctx.reply(refusalText(t, result));
    return true;
  }
  await ctx.reply(
    t("par-score-saved", {
      code: pending.code,
      points: formatPoints(result.points),
      max: formatPoints(result.maxPoints),
    }),
  );
  return true;
}
