import { Composer } from "grammy";
import { cancelData, skipData } from "../callback-data/conversation.js";
import type { BoundContext } from "../context.js";
import { onPress } from "./actions.js";

/** Leaves whatever step the conversation is at; with `words`, says so (only when there was a step to leave). */
export async function leaveStep(ctx: BoundContext, words?: string): Promise<void> {
  const wasWaiting = ctx.session.pending !== null;
  ctx.session.pending = null;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (words && wasWaiting) await ctx.reply(ctx.t(words));
}

/**
 * "Hủy" and "Bỏ qua", offered by every step: after the features that word
 * their own cancellation (a previewed plan), whatever the bot waited for is dropped.
 */
export function conversationFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  onPress(composer, skipData, (ctx) => leaveStep(ctx));
  onPress(composer, cancelData, (ctx) => leaveStep(ctx, "input-cancelled"));
  return composer;
}
