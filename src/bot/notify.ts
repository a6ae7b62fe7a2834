import type { Api, InlineKeyboard } from "grammy";
import type { Logger } from "../logger.js";
import { type Translator, translatorFor } from "../i18n/i18n.js";

export interface Recipient {
  chatId: number;
  locale: string;
}

/**
 * Tells other people something (an approver about a request, a requester
 * about a decision), each in their language. A person who cannot be reached
 * does not fail the action that caused the message: it is logged.
 */
export async function notifyPeople(
  api: Api,
  logger: Logger,
  recipients: Recipient[],
  compose: (translator: Translator) => { text: string; keyboard?: InlineKeyboard },
): Promise<void> {
  for (const recipient of recipients) {
    const { text, keyboard } = compose(translatorFor(recipient.locale));
    try {
      await api.sendMessage(recipient.chatId, text, keyboard ? { reply_markup: keyboard } : {});
    } catch (error) {
      logger.warn({ err: error, chatId: recipient.chatId }, "could not notify a person");
    }
  }
}
