import { Composer, InlineKeyboard } from "grammy";
import { formatLocalDate } from "../../domain/planning/index.js";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { decideRequest, type Decision, listPendingApprovals } from "../../services/milestones/milestone-actions.js";
import { capabilitiesOf } from "../../services/access.js";
import type { BoundContext } from "../context.js";
import { cancelKeyboard, completionApprovalKeyboard, extensionApprovalKeyboard } from "../keyboards/keyboards.js";
import { dueText, numberOf, titleOf } from "../views.js";
import { onAction, sourceOf } from "./actions.js";

const DECIDED_KEY: Record<Decision, string> = {
  approve: "approved",
  return: "returned",
  grant: "granted",
  deny: "denied",
};

/**
 * Carries out a decision and answers the approver; the requester hears it from
 * the notifications service (the decision's event). Returns whether the
 * request is settled (decided now or before), so its buttons can go.
 */
async function decide(
  ctx: BoundContext,
  requestId: string,
  decision: Decision,
  comment: string | null,
): Promise<boolean> {
  const { db, now } = ctx.deps;
  const result = await decideRequest(db, ctx.viewer, requestId, decision, {
    now: now(),
    source: sourceOf(ctx),
    comment,
  });
  if (result.kind === "not-allowed" || result.kind === "not-found") {
    await ctx.reply(ctx.t(result.kind === "not-allowed" ? "not-allowed" : "button-stale"));
    return false;
  }
  if (result.kind === "already-decided") {
    await ctx.reply(ctx.t("approval-already-decided", { state: ctx.t("approval-state", { state: result.state }) }));
    return true;
  }
  if (result.kind === "stale") {
    await ctx.reply(ctx.t("approval-stale"));
    return true;
  }
  await ctx.reply(ctx.t("approval-decided", { decision: DECIDED_KEY[decision], person: ctx.viewer.fullName }));
  if (decision === "grant" && result.slots.length > 0) await ctx.deps.scheduleSlots?.(result.slots);
  return true;
}

/** Completions go to the coordinators, extensions to the coordinators and the chairman. */
export function approvalsFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();

  composer.command("canduyet", async (ctx) => {
    const { viewer, t } = ctx;
    const pending = await listPendingApprovals(ctx.deps.db, viewer);
    if (pending.length === 0) {
      await ctx.reply(t("pending-empty"));
      return;
    }
    await ctx.reply(t("pending-title", { count: pending.length }));
    for (const item of pending.slice(0, 20)) {
      const common = {
        person: item.requesterName,
        unit: item.milestone.leadUnitNames.join(", ") || t("no-unit"),
        number: numberOf(item.milestone),
        title: titleOf(item.milestone),
        due: dueText(t, item.milestone.due),
      };
      const message =
        item.kind === "completion"
          ? {
              text: t("approval-completion-request", {
                ...common,
                submitted: formatLocalDate(item.createdAt, viewer.timeZone),
                evidence: item.milestone.evidenceCount,
              }),
              keyboard: completionApprovalKeyboard(t, item.requestId),
            }
          : {
              text: t("approval-extension-request", {
                ...common,
                date: formatVietnameseDate(item.requestedDue ?? ""),
                reason: item.reason ?? "",
              }),
              keyboard: extensionApprovalKeyboard(t, item.requestId),
            };
      await ctx.reply(message.text, { reply_markup: message.keyboard });
    }
  });

  onAction(composer, ["approve", "grant", "deny"], async (ctx, action) => {
    await ctx.answerCallbackQuery();
    const settled = await decide(ctx, action.requestId, action.verb, null);
    if (settled) await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() });
  });

  onAction(composer, "return", async (ctx, action) => {
    const { viewer } = ctx;
    if (!capabilitiesOf(viewer).approveCompletion) {
      await ctx.answerCallbackQuery({ text: ctx.t("not-allowed"), show_alert: true });
      return;
    }
    const pending = await listPendingApprovals(ctx.deps.db, viewer);
    const request = pending.find((item) => item.requestId === action.requestId);
    await ctx.answerCallbackQuery();
    if (!request) {
      await ctx.reply(ctx.t("approval-already-decided", { state: ctx.t("approval-state", { state: "done" }) }));
      return;
    }
    ctx.session.pending = {
      kind: "return-comment",
      requestId: action.requestId,
      chatId: ctx.callbackQuery?.message?.chat.id,
      messageId: ctx.callbackQuery?.message?.message_id,
    };
    await ctx.reply(ctx.t("return-ask-comment", { title: titleOf(request.milestone) }), {
      reply_markup: cancelKeyboard(ctx.t),
    });
  });
  return composer;
}

/** The comment typed after "Trả lại". True when handled. */
export async function handleApprovalText(ctx: BoundContext, text: string): Promise<boolean> {
  const pending = ctx.session.pending;
  if (pending?.kind !== "return-comment") return false;
  ctx.session.pending = null;
  const settled = await decide(ctx, pending.requestId, "return", text);
  if (settled && pending.chatId !== undefined && pending.messageId !== undefined) {
    await ctx.api
      .editMessageReplyMarkup(pending.chatId, pending.messageId, { reply_markup: new InlineKeyboard() })
      .catch(() => undefined);
  }
  return true;
}
