/**
 * Telegram as a channel: the Bot API notifier (telegram-notifier.ts) under
 * the process's Telegram limiter. A person's address is their chat id
 * (a `person_channels` row of channel telegram); buttons and photos go as Telegram shows them.
 */
import type { SendRateLimiter } from "../../services/delivery/rate-limiter.js";
import type { Notifier } from "../../services/notifier.js";
import type { DeliveryChannel } from "../channel.js";

export function telegramChannel(notifier: Notifier, limiter: SendRateLimiter): DeliveryChannel {
  return {
    name: "telegram",
    capabilities: { buttons: true, files: true, photos: true, photoInText: false },
    limiter,
    async send(address, message) {
      const sent = await notifier.send({
        chatId: Number(address),
        text: message.text,
        buttons: message.buttons,
        ...(message.photo ? { photo: message.photo } : {}),
      });
      return { messageId: String(sent.messageId) };
    },
  };
}
