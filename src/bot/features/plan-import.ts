import { createHash } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import { DateTime } from "luxon";
import { canCoordinate } from "../../domain/milestones/index.js";
import { unitNameKey } from "../../domain/units/index.js";
import { ImportError, MissingPlanYearError } from "../../import/import-error.js";
import { interpretDocument } from "../../import/interpret/interpret-document.js";
import type { PlanDraft } from "../../import/plan-draft.js";
import { readDocument } from "../../import/read-document.js";
import type { ImportSummary } from "../../services/import-plan.js";
import { importPlan } from "../../services/import-plan.js";
import { previewImport } from "../../services/import-preview.js";
import { syncReminders } from "../../services/reminders/sync-reminders.js";
import { encodeCallback } from "../callback-data.js";
import type { BoundContext, BotContext } from "../context.js";
import type { Translator } from "../../i18n/i18n.js";
import { onAction } from "./actions.js";
import { downloadTelegramFile, MAX_DOWNLOAD_BYTES } from "../telegram-files.js";

const PLAN_EXTENSIONS = /\.(docx|xlsx|csv|pdf|txt)$/i;

const list = (items: string[], limit = 8) =>
  items.length <= limit ? items.join(", ") : `${items.slice(0, limit).join(", ")} …(+${items.length - limit})`;

/** The import summary in the chat, from the locale files. */
export function formatImportPreview({ t }: Translator, draft: PlanDraft, summary: ImportSummary): string {
  const units = new Set(draft.tasks.flatMap((task) => [...task.lead, ...task.support]).map(unitNameKey));
  const lines = [
    t(summary.planCreated ? "import-preview-new" : "import-preview-update", {
      title: draft.plan.title,
      year: String(draft.plan.year),
    }),
    t("import-counts", {
      tasks: summary.tasks,
      milestones: summary.milestones,
      needsDate: summary.needsDate,
      units: units.size,
    }),
  ];
  if (summary.newUnits.length > 0) {
    lines.push(t("import-new-units", { count: summary.newUnits.length, names: list(summary.newUnits) }));
  }
  if (summary.unassigned > 0) lines.push(t("import-unassigned", { count: summary.unassigned }));
  if (summary.rowsWithWarnings > 0) lines.push(t("import-warnings", { count: summary.rowsWithWarnings }));
  if (!summary.planCreated) {
    const changes =
      summary.added.length + summary.removed.length + summary.deadlineMoved.length + summary.changed.length;
    if (changes === 0) lines.push(t("import-no-changes"));
    if (summary.added.length > 0)
      lines.push(t("import-added", { count: summary.added.length, tasks: list(summary.added) }));
    if (summary.removed.length > 0) {
      lines.push(t("import-removed", { count: summary.removed.length, tasks: list(summary.removed) }));
    }
    for (const move of summary.deadlineMoved.slice(0, 10)) {
      lines.push(t("import-moved", { task: move.task, from: move.from.join("; "), to: move.to.join("; ") }));
    }
    if (summary.changed.length > 0) {
      lines.push(t("import-changed", { count: summary.changed.length, tasks: list(summary.changed) }));
    }
  }
  return lines.join("\n");
}

/** Reads a plan; a plan whose title gives no year is read as this year's. */
async function draftOf(fileName: string, bytes: Buffer, today: string): Promise<PlanDraft> {
  const document = await readDocument(fileName, bytes);
  try {
    return interpretDocument(document, {});
  } catch (error) {
    if (error instanceof MissingPlanYearError) {
      return interpretDocument(document, { year: DateTime.fromISO(today).year });
    }
    throw error;
  }
}

/**
 * A coordinator sends the plan as a file: the bot answers with what the
 * import would do and "Xác nhận" / "Hủy"; nothing is stored or scheduled
 * before the confirmation. Anyone else's stray file falls through to the
 * evidence handler.
 */
export function planImportFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.on("message:document", async (ctx, next) => {
    const bound = ctx as BoundContext;
    if (ctx.session.pending?.kind === "evidence") return next();
    const document = ctx.message.document;
    const fileName = document.file_name ?? "ke-hoach";
    if (!canCoordinate(bound.viewer)) {
      if (PLAN_EXTENSIONS.test(fileName)) {
        await ctx.reply(ctx.t("import-not-allowed"));
        return;
      }
      return next();
    }
    if (!PLAN_EXTENSIONS.test(fileName)) {
      await ctx.reply(ctx.t("import-unsupported", { file: fileName }));
      return;
    }
    if ((document.file_size ?? 0) > MAX_DOWNLOAD_BYTES) {
      await ctx.reply(ctx.t("evidence-too-large", { file: fileName }));
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await downloadTelegramFile(ctx, document.file_id);
    } catch (error) {
      ctx.log.warn({ err: error }, "plan download failed");
      await ctx.reply(ctx.t("evidence-failed"));
      return;
    }
    try {
      const draft = await draftOf(fileName, bytes, ctx.today);
      const summary = await previewImport(ctx.deps.db, draft, {
        organizationSlug: bound.viewer.organizationSlug,
        fileName,
        fileSha256: createHash("sha256").update(bytes).digest("hex"),
      });
      ctx.session.pending = {
        kind: "import-confirm",
        fileId: document.file_id,
        fileName,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      };
      const keyboard = new InlineKeyboard()
        .text(ctx.t("btn-import-confirm"), encodeCallback({ verb: "import-confirm" }))
        .text(ctx.t("btn-cancel"), encodeCallback({ verb: "cancel" }));
      await ctx.reply(`${formatImportPreview(ctx.translator, draft, summary)}\n\n${ctx.t("import-confirm-question")}`, {
        reply_markup: keyboard,
      });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      await ctx.reply(ctx.t("import-failed", { error: error.message }));
    }
  });

  onAction(composer, "import-confirm", async (ctx) => {
    const bound = ctx as BoundContext;
    const pending = ctx.session.pending;
    await ctx.answerCallbackQuery();
    if (pending?.kind !== "import-confirm" || !canCoordinate(bound.viewer)) {
      await ctx.reply(ctx.t("button-stale"));
      return;
    }
    ctx.session.pending = null;
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const bytes = await downloadTelegramFile(ctx, pending.fileId);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== pending.sha256) {
      await ctx.reply(ctx.t("import-file-changed"));
      return;
    }
    try {
      const draft = await draftOf(pending.fileName, bytes, ctx.today);
      const summary = await importPlan(ctx.deps.db, draft, {
        organizationSlug: bound.viewer.organizationSlug,
        fileName: pending.fileName,
        fileSha256: sha256,
      });
      const slots = await syncReminders(ctx.deps.db, summary.organizationId, ctx.deps.now());
      await ctx.deps.scheduleSlots?.(slots);
      ctx.log.info({ planId: summary.planId, tasks: summary.tasks }, "plan imported from the chat");
      await ctx.reply(ctx.t("import-applied", { tasks: summary.tasks, milestones: summary.milestones }));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      await ctx.reply(ctx.t("import-failed", { error: error.message }));
    }
  });
  return composer;
}
