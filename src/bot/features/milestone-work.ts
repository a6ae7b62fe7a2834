import { displayFileName } from "../../domain/files/safe-file-name.js";
import { Composer } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { formatWeekdayDate } from "../../domain/date-input/index.js";
import { isRefused } from "../../services/access.js";
import { createFileEvidenceStore, MAX_EVIDENCE_BYTES } from "../../services/evidence/evidence-store.js";
import {
  addProgressNote,
  attachEvidence,
  markDone,
  openMilestoneFor,
  reportProgress,
  requestExtension,
} from "../../services/milestones/milestone-actions.js";
import type { MilestoneView } from "../../services/milestones/milestone-view.js";
import type { BoundContext } from "../context.js";
import { cancelKeyboard, progressKeyboard, skipKeyboard } from "../keyboards/keyboards.js";
import { downloadTelegramFile } from "../telegram-files.js";
import { refusalText } from "../refusals.js";
import { dueText, titleOf } from "../views.js";
import { doneData, evidenceData, extendData, percentData, progressData } from "../callback-data/milestone-work.js";
import { onPress, sourceOf } from "./actions.js";
import { readDeadlineAnswer } from "./typed-deadline.js";

/** Answers a refusal from a service in the person's language; true when there was one. */
async function refused(
  ctx: BoundContext,
  result: { kind: string; milestone?: MilestoneView },
  answer: (text: string) => Promise<unknown>,
): Promise<boolean> {
  if (!isRefused(result)) return false;
  await answer(refusalText(ctx.t, result));
  return true;
}

/**
 * The one guard of a milestone button: the service says whether the viewer
 * may act and the milestone is open; a refusal comes back as an alert on the
 * button, like every other button. Null when refused.
 */
async function guardMilestone(ctx: BoundContext, milestoneId: string): Promise<MilestoneView | null> {
  const found = await openMilestoneFor(ctx.deps.db, ctx.viewer, milestoneId);
  if (found.kind === "ok") return found.milestone;
  await ctx.answerCallbackQuery({ text: refusalText(ctx.t, found), show_alert: true });
  return null;
}

/** "Đã hoàn thành", from a button or after the evidence (a file or a document reference) arrived. */
export async function completeMilestone(
  ctx: BoundContext,
  milestoneId: string,
  reply: (text: string) => Promise<unknown>,
) {
  const { db, now } = ctx.deps;
  const result = await markDone(db, ctx.viewer, milestoneId, { now: now(), source: sourceOf(ctx) });
  if (await refused(ctx, result, reply)) return;
  if (result.kind === "already-submitted") {
    await reply(ctx.t("completion-already-submitted", { title: titleOf(result.milestone) }));
    return;
  }
  if (result.kind === "needs-evidence") {
    ctx.session.pending = { kind: "evidence", milestoneId, thenComplete: true };
    await ctx.reply(
      ctx.t("done-needs-evidence", { title: titleOf(result.milestone), product: result.milestone.product ?? "" }),
      { reply_markup: cancelKeyboard(ctx.t) },
    );
    return;
  }
  if (result.kind === "done") {
    await reply(ctx.t("completion-done", { title: titleOf(result.milestone) }));
    return;
  }
  if (result.kind !== "submitted") return;
  await reply(ctx.t("completion-submitted", { title: titleOf(result.milestone) }));
}

export function milestoneWorkFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  const answer = (ctx: BoundContext) => (text: string) => ctx.answerCallbackQuery({ text, show_alert: true });

  onPress(composer, doneData, async (ctx, action) => {
    if (!(await guardMilestone(ctx, action.milestoneId))) return;
    await completeMilestone(ctx, action.milestoneId, async (text) => {
      await ctx.answerCallbackQuery();
      await ctx.reply(text);
    });
  });

  onPress(composer, evidenceData, async (ctx, action) => {
    const milestone = await guardMilestone(ctx, action.milestoneId);
    if (!milestone) return;
    ctx.session.pending = { kind: "evidence", milestoneId: action.milestoneId, thenComplete: false };
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("evidence-ask", { title: titleOf(milestone) }), {
      reply_markup: cancelKeyboard(ctx.t),
    });
  });

  onPress(composer, progressData, async (ctx, action) => {
    const milestone = await guardMilestone(ctx, action.milestoneId);
    if (!milestone) return;
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("progress-ask", { title: titleOf(milestone) }), {
      reply_markup: progressKeyboard(ctx.t, action.milestoneId),
    });
  });

  onPress(composer, percentData, async (ctx, action) => {
    const { db, now } = ctx.deps;
    const result = await reportProgress(db, ctx.viewer, action.milestoneId, action.percent, {
      now: now(),
      source: sourceOf(ctx),
    });
    if (await refused(ctx, result, answer(ctx))) return;
    if (result.kind !== "saved") return;
    ctx.session.pending = { kind: "progress-note", milestoneId: action.milestoneId };
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await ctx.reply(ctx.t("progress-saved", { percent: action.percent, title: titleOf(result.milestone) }), {
      reply_markup: skipKeyboard(ctx.t),
    });
  });

  onPress(composer, extendData, async (ctx, action) => {
    const milestone = await guardMilestone(ctx, action.milestoneId);
    if (!milestone) return;
    ctx.session.pending = { kind: "extension-date", milestoneId: action.milestoneId };
    await ctx.answerCallbackQuery();
    await ctx.reply(
      ctx.t("extension-ask-date", {
        title: titleOf(milestone),
        due: dueText(ctx.t, milestone.due),
      }),
      { reply_markup: cancelKeyboard(ctx.t) },
    );
  });

  composer.on(["message:document", "message:photo"], async (ctx) => {
    const bound = ctx;
    const pending = ctx.session.pending;
    if (pending?.kind !== "evidence") {
      await ctx.reply(ctx.t("evidence-unexpected"));
      return;
    }
    const document = ctx.message.document;
    const photo = ctx.message.photo?.at(-1);
    const fileId = document?.file_id ?? photo?.file_id ?? "";
    const size = document?.file_size ?? photo?.file_size ?? 0;
    const fileName = displayFileName(document?.file_name ?? `anh-${ctx.today}-${ctx.message.message_id}.jpg`);
    if (size > MAX_EVIDENCE_BYTES) {
      await ctx.reply(ctx.t("evidence-too-large", { file: fileName }));
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await downloadTelegramFile(ctx, fileId);
    } catch (error) {
      ctx.log.warn({ err: error }, "evidence download failed");
      await ctx.reply(ctx.t("evidence-failed"));
      return;
    }
    const result = await attachEvidence(
      ctx.deps.db,
      bound.viewer,
      pending.milestoneId,
      {
        fileName,
        mimeType: document?.mime_type ?? (photo ? "image/jpeg" : null),
        bytes,
        telegramFileId: fileId,
        telegramFileUniqueId: document?.file_unique_id ?? photo?.file_unique_id ?? null,
      },
      { now: ctx.deps.now(), source: sourceOf(ctx), evidence: createFileEvidenceStore(ctx.deps.evidenceDir) },
    );
    ctx.session.pending = null;
    const reply = (text: string) => ctx.reply(text);
    if (await refused(ctx, result, reply)) return;
    if (result.kind !== "saved") return;
    await ctx.reply(ctx.t("evidence-saved", { file: result.fileName, title: titleOf(result.milestone) }));
    if (pending.thenComplete) await completeMilestone(bound, pending.milestoneId, reply);
  });

  return composer;
}

/** Typed replies the milestone work waits for: a progress note, a new date, a reason. True when handled. */
export async function handleMilestoneText(ctx: BoundContext, text: string): Promise<boolean> {
  const pending = ctx.session.pending;
  const { db, now } = ctx.deps;
  if (pending?.kind === "progress-note") {
    const result = await addProgressNote(db, ctx.viewer, pending.milestoneId, text, {
      now: now(),
      source: sourceOf(ctx),
    });
    ctx.session.pending = null;
    if (await refused(ctx, result, (m) => ctx.reply(m))) return true;
    if (result.kind === "saved") await ctx.reply(ctx.t("progress-note-saved", { title: titleOf(result.milestone) }));
    return true;
  }
  if (pending?.kind === "extension-date") {
    const newDue = await readDeadlineAnswer(ctx, text);
    if (newDue === null) return true;
    const found = await openMilestoneFor(db, ctx.viewer, pending.milestoneId);
    if (found.kind !== "ok") {
      ctx.session.pending = null;
      await ctx.reply(refusalText(ctx.t, found));
      return true;
    }
    const due = found.milestone.due;
    if (due !== null && newDue <= due) {
      await ctx.reply(
        ctx.t("extension-not-later", { date: formatWeekdayDate(newDue), due: formatVietnameseDate(due) }),
        { reply_markup: cancelKeyboard(ctx.t) },
      );
      return true;
    }
    ctx.session.pending = { kind: "extension-reason", milestoneId: pending.milestoneId, newDue };
    await ctx.reply(ctx.t("extension-ask-reason", { date: formatWeekdayDate(newDue) }), {
      reply_markup: cancelKeyboard(ctx.t),
    });
    return true;
  }
  if (pending?.kind === "extension-reason") {
    ctx.session.pending = null;
    const result = await requestExtension(
      db,
      ctx.viewer,
      pending.milestoneId,
      { newDue: pending.newDue, reason: text },
      { now: now(), source: sourceOf(ctx) },
    );
    if (await refused(ctx, result, (m) => ctx.reply(m))) return true;
    if (result.kind === "already-pending") {
      await ctx.reply(ctx.t("extension-already-pending", { title: titleOf(result.milestone) }));
      return true;
    }
    if (result.kind === "not-later") {
      await ctx.reply(
        ctx.t("extension-not-later", {
          date: formatVietnameseDate(pending.newDue),
          due: dueText(ctx.t, result.milestone.due),
        }),
      );
      return true;
    }
    if (result.kind !== "requested") return true;
    const { milestone } = result;
    await ctx.reply(
      ctx.t("extension-submitted", { title: titleOf(milestone), date: formatVietnameseDate(pending.newDue) }),
    );
    return true;
  }
  return false;
}
