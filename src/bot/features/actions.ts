import type { Composer } from "grammy";
import type { CallbackData } from "../../channels/telegram/callback-data.js";
import type { BotContext } from "../context.js";

/**
 * Routes a button press of one codec: the payload is unpacked once and typed;
 * anything that does not unpack passes on (at the end, "button-stale"), as
 * does a press the handler leaves to the next feature (`next`).
 */
export function onPress<V, C extends BotContext>(
  composer: Composer<C>,
  data: CallbackData<V>,
  handler: (ctx: C, values: V, next: () => Promise<void>) => Promise<void>,
): void {
  composer.on("callback_query:data", async (ctx, next) => {
    const values = data.unpack(ctx.callbackQuery.data);
    if (values === null) return next();
    await handler(ctx, values, next);
  });
}

/** Where a press or a message came from, for the event log. */
export function sourceOf(ctx: BotContext): { chatId: number; messageId: number } | null {
  const message = ctx.callbackQuery?.message ?? ctx.message;
  if (!message) return null;
  return { chatId: message.chat.id, messageId: message.message_id };
}
