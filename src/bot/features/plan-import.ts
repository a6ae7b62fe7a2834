import { displayFileName } from "../../domain/files/safe-file-name.js";
import { Composer, InlineKeyboard } from "grammy";
import { splitMessage, TELEGRAM_TEXT_LIMIT } from "../../domain/messages/index.js";
import { NoAssignmentsError } from "../../import/directive/read-directive.js";
import { ImportError } from "../../import/import-error.js";
import type { PlanDraft } from "../../import/plan-draft.js";
import type { ImportSummary } from "../../services/import-plan.js";
import {
  importPlanFile,
  isPlanFileName,
  PLAN_FILE_EXTENSIONS,
  type PlanFileResult,
  readsAsPastedDocument,
} from "../../services/plans/import-plan-file.js";
import { cancelData } from "../callback-data/conversation.js";
import { canCoordinate } from "../filters/can.js";
import { leaveStep } from "./conversation.js";
import { importConfirmData } from "../callback-data/plan-import.js";
import type { BoundContext } from "../context.js";
import type { PendingInput } from "../session.js";
import { importPreviewLines } from "../../i18n/import-preview.js";
import type { Translator } from "../../i18n/i18n.js";
import { refusalText } from "../refusals.js";
import { onPress } from "./actions.js";
import { downloadTelegramFile, MAX_DOWNLOAD_BYTES } from "../telegram-files.js";

/** The import summary in the chat, from the locale files. */
export function formatImportPreview(translator: Translator, draft: PlanDraft, summary: ImportSummary): string {
  return importPreviewLines(translator.t, draft, summary, { listLimit: 8, maxMoves: 10 }).join("\n");
}

/**
 * A coordinator sends the plan as a file: the bot answers with what the
 * import would do and "Xác nhận" / "Hủy"; nothing is stored or scheduled
 * before the confirmation. Anyone else's stray file falls through to the
 * evidence handler. Reading, the year rule and access are importPlanFile's.
 */
export function planImportFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();

  composer.on("message:document", async (ctx, next) => {
    const bound = ctx;
    if (ctx.session.pending?.kind === "evidence") return next();
    const document = ctx.message.document;
    const fileName = displayFileName(document.file_name ?? "ke-hoach");
    // Routing, not access: a member's file that is no plan is evidence sent out of turn.
    const coordinates = canCoordinate(bound);
    if (!coordinates && !isPlanFileName(fileName)) return next();
    if (coordinates && !isPlanFileName(fileName)) {
      await ctx.reply(unsupportedText(ctx, fileName));
      return;
    }
    if (!coordinates) {
      await ctx.reply(ctx.t("import-not-allowed"));
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
    await previewDocument(ctx, { kind: "import-confirm", fileId: document.file_id, fileName }, bytes);
  });

  // A coordinator pastes a notice or a letter as a message: the same preview as its file, the text kept for "Xác nhận".
  composer.on("message:text", async (ctx, next) => {
    const text = ctx.message.text;
    const waiting = ctx.session.pending;
    // A day typed while a preview waits is the document's receipt: the preview is read again counting from it.
    const receipt = waiting?.kind === "import-confirm" ? receiptDay(text) : null;
    if (waiting?.kind === "import-confirm" && receipt !== null) {
      const bytes = await pendingBytes(ctx, waiting);
      if (bytes === null) return void (await ctx.reply(ctx.t("button-stale")));
      await previewDocument(ctx, { ...waiting, receivedOn: receipt }, bytes);
      return;
    }
    if (waiting !== null && waiting !== undefined) return next();
    if (text.startsWith("/") || !readsAsPastedDocument(text)) return next();
    if (!canCoordinate(ctx)) return next();
    const pending = { kind: "import-confirm" as const, fileName: PASTED_FILE_NAME, pastedText: text };
    await previewDocument(ctx, pending, Buffer.from(text, "utf8"));
  });

  // Cancelling a previewed plan says the plan was not imported; any other step's cancel is the conversation's.
  onPress(composer, cancelData, async (ctx, _values, next) => {
    if (ctx.session.pending?.kind !== "import-confirm") return next();
    await leaveStep(ctx, "import-cancelled");
  });

  onPress(composer, importConfirmData, async (ctx) => {
    const bound = ctx;
    const pending = ctx.session.pending;
    await ctx.answerCallbackQuery();
    if (pending?.kind !== "import-confirm") {
      await ctx.reply(ctx.t("button-stale"));
      return;
    }
    ctx.session.pending = null;
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const bytes = await pendingBytes(ctx, pending);
    if (bytes === null) return void (await ctx.reply(ctx.t("button-stale")));
    const request = {
      fileName: pending.fileName,
      bytes,
      organizationSlug: bound.viewer.organizationSlug,
      expectedSha256: pending.sha256,
      now: ctx.deps.now(),
      ...(ctx.deps.planReader ? { reader: ctx.deps.planReader } : {}),
      ...(pending.largePlan ? { maxTasks: pending.largePlan.tasks } : {}),
      ...(pending.receivedOn ? { receivedOn: pending.receivedOn } : {}),
    };
    try {
      if (pending.largePlan && !pending.largePlan.confirmed) {
        // The count is confirmed: now the preview, and its own "Xác nhận" before anything is stored.
        const result = await importPlanFile(ctx.deps.db, bound.viewer, { ...request, mode: "preview" });
        if (result.kind !== "previewed") return void (await ctx.reply(resultText(ctx, result)));
        await sendPreview(ctx, result, { ...pending, largePlan: { ...pending.largePlan, confirmed: true } });
        return;
      }
      const result = await importPlanFile(ctx.deps.db, bound.viewer, { ...request, mode: "apply" });
      if (result.kind !== "applied") return void (await ctx.reply(resultText(ctx, result)));
      await ctx.deps.scheduleSlots?.(result.slots);
      ctx.log.info({ planId: result.summary.planId, tasks: result.summary.tasks }, "plan imported from the chat");
      await ctx.reply(ctx.t("import-applied", { tasks: result.summary.tasks, milestones: result.summary.milestones }));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      await ctx.reply(ctx.t("import-failed", { error: error.message }));
    }
  });
  return composer;
}

/** "03/12/2026" (or 3-12-2026) as an ISO day: the receipt typed under a preview; null for anything else. */
function receiptDay(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/u.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** The name a pasted document is read and reported under: a .txt, as its text is. */
const PASTED_FILE_NAME = "van-ban-dan.txt";

type ImportPending = Extract<PendingInput, { kind: "import-confirm" }>;

/** The document again at confirmation: the pasted text kept in the session, or the file fetched from Telegram. */
async function pendingBytes(ctx: BoundContext, pending: ImportPending): Promise<Buffer | null> {
  if (pending.pastedText !== undefined) return Buffer.from(pending.pastedText, "utf8");
  if (pending.fileId === undefined) return null;
  return downloadTelegramFile(ctx, pending.fileId);
}

/** Reads the document and answers with its preview (or why it cannot be imported); nothing is stored. */
async function previewDocument(
  ctx: BoundContext,
  pending: Omit<ImportPending, "sha256">,
  bytes: Buffer,
): Promise<void> {
  try {
    const result = await importPlanFile(ctx.deps.db, ctx.viewer, {
      fileName: pending.fileName,
      bytes,
      mode: "preview",
      organizationSlug: ctx.viewer.organizationSlug,
      now: ctx.deps.now(),
      ...(ctx.deps.planReader ? { reader: ctx.deps.planReader } : {}),
      ...(pending.receivedOn ? { receivedOn: pending.receivedOn } : {}),
    });
    if (result.kind === "too-many-tasks") {
      // Thousands of tasks are more often a misread file than a plan: the count is confirmed before the preview.
      ctx.session.pending = {
        ...pending,
        sha256: result.fileSha256,
        largePlan: { tasks: result.tasks, confirmed: false },
      };
      await ctx.reply(ctx.t("import-too-many-tasks", { tasks: result.tasks, limit: result.limit }), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("btn-import-tasks", { tasks: result.tasks }), importConfirmData.pack({}))
          .text(ctx.t("btn-cancel"), cancelData.pack({})),
      });
      return;
    }
    if (result.kind !== "previewed") return void (await ctx.reply(resultText(ctx, result)));
    await sendPreview(ctx, result, { ...pending, sha256: result.fileSha256 });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    // A Giấy mời or a Quyết định khen thưởng was read well: it gives no work, and the answer says so, not "failed".
    const key = error instanceof NoAssignmentsError ? "import-nothing-assigned" : "import-failed";
    await ctx.reply(ctx.t(key, { error: error.message, reason: error.reason }));
  }
}

/** The preview, split to fit Telegram, with "Xác nhận" / "Hủy" under its last part; remembers what to apply. */
async function sendPreview(
  ctx: BoundContext,
  result: Extract<PlanFileResult, { kind: "previewed" }>,
  pending: Extract<PendingInput, { kind: "import-confirm" }>,
): Promise<void> {
  ctx.session.pending = pending;
  const keyboard = new InlineKeyboard()
    .text(ctx.t("btn-import-confirm"), importConfirmData.pack({}))
    .text(ctx.t("btn-cancel"), cancelData.pack({}));
  // A long plan's preview runs past one message: the parts go in order, the buttons under the last.
  const parts = splitMessage(
    `${formatImportPreview(ctx.translator, result.draft, result.summary)}\n\n${ctx.t("import-confirm-question")}`,
    TELEGRAM_TEXT_LIMIT,
  );
  for (const part of parts.slice(0, -1)) await ctx.reply(part);
  await ctx.reply(parts.at(-1) ?? ctx.t("import-confirm-question"), { reply_markup: keyboard });
}

function unsupportedText(ctx: BoundContext, fileName: string): string {
  return ctx.t("import-unsupported", { file: fileName, extensions: PLAN_FILE_EXTENSIONS.join(", ") });
}

/** The chat's words for an import that did not go ahead. */
function resultText(ctx: BoundContext, result: PlanFileResult): string {
  if (result.kind === "unsupported") return unsupportedText(ctx, result.fileName);
  // A preview answering an apply (or the reverse) cannot happen; a stale press is the honest answer.
  if (result.kind === "previewed" || result.kind === "applied") return ctx.t("button-stale");
  // Over the limit after its count was confirmed: only a different file can be, and the hash check says so first.
  if (result.kind === "too-many-tasks") return ctx.t("import-file-changed");
  return refusalText(ctx.t, result, { "not-allowed": "import-not-allowed", stale: "import-file-changed" });
}
