import { Composer, InlineKeyboard } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { addEvidenceReference, citeReference, parseDocumentReference } from "../../services/evidence-references.js";
import { authorizeMilestone } from "../../services/milestones/milestone-view.js";
import { cancelData } from "../callback-data/conversation.js";
import { referenceSaveData } from "../callback-data/evidence-reference.js";
import type { BoundContext } from "../context.js";
import { cancelKeyboard } from "../keyboards/keyboards.js";
import { refusalText } from "../refusals.js";
import { titleOf } from "../views.js";
import { onPress, sourceOf } from "./actions.js";
import { completeMilestone } from "./milestone-work.js";

/**
 * "Gửi minh chứng" by reference: while the bot waits for an evidence file,
 * a typed document reference is read, shown back and stored once confirmed.
 */
export function evidenceReferenceFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.on("message:text", async (ctx, next) => {
    const pending = ctx.session.pending;
    const text = ctx.message.text.trim();
    if ((pending?.kind !== "evidence" && pending?.kind !== "evidence-reference") || text.startsWith("/")) {
      return next();
    }
    const parsed = parseDocumentReference(text);
    if (!parsed.ok) {
      await ctx.reply(ctx.t("evidence-reference-bad", { reason: parsed.reason }), {
        reply_markup: cancelKeyboard(ctx.t),
      });
      return;
    }
    const authorized = await authorizeMilestone(ctx.deps.db, ctx.viewer, pending.milestoneId);
    if (authorized.kind !== "ok") {
      ctx.session.pending = null;
      await ctx.reply(refusalText(ctx.t, authorized));
      return;
    }
    const { reference } = parsed;
    ctx.session.pending = {
      kind: "evidence-reference",
      milestoneId: pending.milestoneId,
      thenComplete: pending.thenComplete,
      reference,
      typedText: text,
    };
    await ctx.reply(
      ctx.t("evidence-reference-check", {
        title: titleOf(authorized.milestone),
        type: reference.documentType,
        number: reference.numberSymbol,
        date: formatVietnameseDate(reference.issuedOn),
        issuer: reference.issuer,
      }),
      {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("btn-reference-save"), referenceSaveData.pack({}))
          .text(ctx.t("btn-cancel"), cancelData.pack({})),
      },
    );
  });

  // What it confirms lives in the person's session, checked again on press.
  onPress(composer, referenceSaveData, async (ctx) => {
    const pending = ctx.session.pending;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (pending?.kind !== "evidence-reference") {
      await ctx.reply(ctx.t("button-stale"));
      return;
    }
    ctx.session.pending = null;
    const result = await addEvidenceReference(
      ctx.deps.db,
      ctx.viewer,
      pending.milestoneId,
      { reference: pending.reference, typedText: pending.typedText },
      { now: ctx.deps.now(), source: sourceOf(ctx) },
    );
    if (result.kind === "not-allowed" || result.kind === "not-found" || result.kind === "closed") {
      await ctx.reply(refusalText(ctx.t, result));
      return;
    }
    const words = { citation: citeReference(pending.reference), title: titleOf(result.milestone) };
    await ctx.reply(
      result.duplicate ? ctx.t("evidence-reference-duplicate", words) : ctx.t("evidence-reference-saved", words),
    );
    if (pending.thenComplete) await completeMilestone(ctx, pending.milestoneId, (text) => ctx.reply(text));
  });
  return composer;
}
