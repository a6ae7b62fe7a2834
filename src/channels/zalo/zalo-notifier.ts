/**
 * The notifier of the Zalo channel: a notification goes as its parts
 * (deliverZaloNotification), and a failure comes back in the notifier's
 * vocabulary with how many parts went, so the sender's retry resumes there.
 */
import { NotifierError, type PlainNotifier } from "../../services/notifier.js";
import type { ZaloClient } from "./zalo-client.js";
import { deliverZaloNotification, ZaloPartialDeliveryError } from "./zalo-delivery.js";

export function createZaloNotifier(client: ZaloClient): PlainNotifier {
  return {
    async send(message, options = {}) {
      try {
        const { messageIds } = await deliverZaloNotification(
          client,
          { chatId: message.chatId, text: message.text, ...(message.photoUrl ? { photoUrl: message.photoUrl } : {}) },
          options,
        );
        return { messageId: messageIds[messageIds.length - 1] ?? "" };
      } catch (error) {
        if (error instanceof ZaloPartialDeliveryError) {
          const cause = error.cause instanceof Error ? error.cause.message : error.message;
          throw new NotifierError(error.failure, cause, error.partsSent);
        }
        throw error;
      }
    },
  };
}
