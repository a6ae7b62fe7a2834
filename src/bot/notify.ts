import type { InlineKeyboard } from "grammy";
import { type Translator, withOrganizationWords } from "../i18n/i18n.js";
import { type NotificationRecipient, notifyPeople as notify } from "../services/delivery/deliver.js";
import type { InlineButton } from "../services/notifier.js";
import type { BotContext } from "./context.js";

export type Recipient = NotificationRecipient;

/** The callback buttons of a keyboard, as the notifier sends them. */
function buttonsOf(keyboard: InlineKeyboard | undefined): InlineButton[][] {
  if (!keyboard) return [];
  return keyboard.inline_keyboard.map((row) =>
    row.flatMap((button) =>
      "callback_data" in button ? [{ text: button.text, callbackData: button.callback_data }] : [],
    ),
  );
}

/**
 * Tells other people something (an approver about a request, a requester
 * about a decision), each in their language, through the process's one
 * notifier and limiter (services/delivery): people who blocked the bot are
 * marked unreachable and skipped, and no failure fails the action that
 * caused the message.
 */
export async function notifyPeople(
  ctx: BotContext,
  recipients: Recipient[],
  compose: (translator: Translator) => { text: string; keyboard?: InlineKeyboard },
  /** The recipients' organization; the sender's when omitted (a stranger redeeming an invite has none yet). */
  organizationId = ctx.viewer?.organizationId,
): Promise<void> {
  if (!organizationId) return;
  // Recipients of the sender's organization read its office name; a stranger's notice names none.
  const office = ctx.viewer?.organizationId === organizationId ? ctx.viewer.officeName : null;
  await notify({ ...ctx.deps, logger: ctx.log }, organizationId, recipients, (translator) => {
    const { text, keyboard } = compose(withOrganizationWords(translator, { office }));
    return { text, buttons: buttonsOf(keyboard) };
  });
}
