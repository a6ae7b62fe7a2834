import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { type Notifier, NotifierError, type OutgoingMessage } from "../../services/notifier.js";
import { encodeButtonAction } from "./callback-data.js";

/**
 * How long a send waits for Telegram's answer. Longer than the bot's other
 * calls on purpose: a send that times out may have been delivered and is then
 * not resent (an "unknown" outcome), so giving up early turns a slow answer
 * into a message nobody can confirm. A minute covers Telegram's slow moments
 * while a stuck connection still frees its slot.
 */
export const SEND_TIMEOUT_SECONDS = 60;

/** Network errors raised before a byte of the request reached Telegram: safe to send again. */
const NEVER_LEFT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/**
 * Sends through the Bot API only (no polling here: the bot process polls).
 * `apiRoot` points at another Bot API server: a local one, or a fake in tests.
 */
export function createTelegramNotifier(
  token: string,
  options: { apiRoot?: string; timeoutSeconds?: number } = {},
): Notifier {
  const api = new Api(token, {
    apiRoot: options.apiRoot,
    timeoutSeconds: options.timeoutSeconds ?? SEND_TIMEOUT_SECONDS,
  });
  return {
    async send(message: OutgoingMessage) {
      try {
        if (message.photo) {
          const sent = await api.sendPhoto(message.chatId, new InputFile(message.photo.png, message.photo.fileName), {
            caption: message.text.slice(0, 1024),
          });
          return { messageId: sent.message_id };
        }
        const sent = await api.sendMessage(message.chatId, message.text, {
          link_preview_options: { is_disabled: true },
          reply_markup:
            message.buttons.length > 0
              ? {
                  inline_keyboard: message.buttons.map((row) =>
                    row.map((b) => ({ text: b.text, callback_data: encodeButtonAction(b.action) })),
                  ),
                }
              : undefined,
        });
        return { messageId: sent.message_id };
      } catch (error) {
        throw toNotifierError(error);
      }
    },
  };
}

function toNotifierError(error: unknown): NotifierError {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      return new NotifierError(
        { kind: "rate-limited", retryAfterSeconds: error.parameters.retry_after ?? 1 },
        error.description,
      );
    }
    if (error.error_code === 403) return new NotifierError({ kind: "unreachable" }, error.description);
    if (error.error_code >= 500) return new NotifierError({ kind: "transient" }, error.description);
    return new NotifierError({ kind: "rejected" }, error.description);
  }
  if (error instanceof HttpError) {
    const code = (error.error as { code?: unknown } | undefined)?.code;
    const detail = error.error instanceof Error ? `${error.message} (${error.error.message})` : error.message;
    // Only a request that never left may go again; a timeout or a cut connection may have delivered it.
    return new NotifierError(
      { kind: typeof code === "string" && NEVER_LEFT.has(code) ? "transient" : "unknown" },
      detail,
    );
  }
  return new NotifierError({ kind: "unknown" }, error instanceof Error ? error.message : String(error));
}
