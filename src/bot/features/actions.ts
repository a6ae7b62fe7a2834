import type { Composer } from "grammy";
import { type CallbackAction, decodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";

type ActionOf<V extends CallbackAction["verb"]> = Extract<CallbackAction, { verb: V }>;

/** Routes a button press by its verb; the payload is decoded once and typed. */
export function onAction<V extends CallbackAction["verb"], C extends BotContext>(
  composer: Composer<C>,
  verbs: V | V[],
  handler: (ctx: C, action: ActionOf<V>) => Promise<void>,
): void {
  const wanted = new Set<string>(Array.isArray(verbs) ? verbs : [verbs]);
  composer.on("callback_query:data", async (ctx, next) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (!action || !wanted.has(action.verb)) return next();
    await handler(ctx, action as ActionOf<V>);
  });
}

/** Where a press or a message came from, for the event log. */
export function sourceOf(ctx: BotContext): { chatId: number; messageId: number } | null {
  const message = ctx.callbackQuery?.message ?? ctx.message;
  if (!message) return null;
  return { chatId: message.chat.id, messageId: message.message_id };
}
